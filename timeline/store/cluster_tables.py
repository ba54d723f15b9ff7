"""The merge's own tables: the candidate index, each document's context, the archive's word counts, and why entries merged.

- `cluster_keys`: one row per (key, date bucket, document): a document's distinctive context
  words and figures, under the buckets its dated events fall in (a day, a month or a year).
  New events meet only the documents found here, never a scan of the archive.
- `document_terms`: a document's context (the content words of its title and the names in
  its text), compared between two documents' reports of the same day.
- `term_counts`: how many documents hold each word (the empty word counts every document):
  the inverse document frequencies that weigh wording and context.
- `cluster_evidence`: for an entry that merged several reports, the links that merged them.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text

from timeline.store.tables import metadata

cluster_keys = Table(
    "cluster_keys",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("bucket", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_cluster_keys_document_id", "document_id"),
    sqlite_with_rowid=False,
)
"""The candidate index: a document's key (`w:word`, `f:figure`) under one date bucket of its events."""

document_terms = Table(
    "document_terms",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("context", Text, nullable=False),
)
"""A document's context words, space-separated, in text order (title words first)."""

term_counts = Table(
    "term_counts",
    metadata,
    Column("term", String(128), primary_key=True),
    Column("documents", Integer, nullable=False),
    sqlite_with_rowid=False,
)
"""How many documents hold each word; the row of the empty word counts every document."""

cluster_evidence = Table(
    "cluster_evidence",
    metadata,
    Column("cluster_id", String(16), ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence", Text, nullable=False),
)
"""Why an entry's reports were merged: one line per link ("key ~ key: same day; context 0.42 (…); wording 0.31")."""
