"""Entries that disagree with their events: found by `timeline db check`, mended by `timeline db check --repair`.

An entry (a cluster) agrees with its events when every event names an existing cluster, every
cluster has events, a cluster's counts are those of its events, its id is derived from its
first report's key (which is one of its events), and every document with events is indexed for
merging. A crash cannot break these (documents, events and clusters are written in one
transaction), but a database written by an older version, or edited by hand, can.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import Connection, text

from timeline.store.cluster_tables import document_terms

CLUSTER_CHECKS: dict[str, str] = {
    "events belong to an existing entry": """
        SELECT e.id FROM events e LEFT JOIN clusters c ON c.id = e.cluster_id WHERE c.id IS NULL""",
    "entries cite at least one event": """
        SELECT c.id FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id)""",
    "entries' event and source counts are those of their events": """
        SELECT c.id FROM clusters c JOIN (
            SELECT cluster_id, COUNT(*) AS events, COUNT(DISTINCT document_id) AS documents FROM events GROUP BY cluster_id
        ) m ON m.cluster_id = c.id
        WHERE m.events <> c.event_count OR m.documents <> c.source_count""",
    "entries' first report is one of their events": """
        SELECT c.id FROM clusters c
        WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id AND e.key = c.anchor_key)""",
    "documents with events are indexed for merging": """
        SELECT d.id FROM documents d
        WHERE EXISTS (SELECT 1 FROM events e WHERE e.document_id = d.id)
          AND NOT EXISTS (SELECT 1 FROM document_terms t WHERE t.document_id = d.id)""",
}
"""Each check's name and the query listing what breaks it."""


@dataclass(frozen=True)
class ClusterProblems:
    """What disagrees: ids by check."""

    found: dict[str, list]

    def __bool__(self) -> bool:
        return any(self.found.values())


def cluster_problems(connection: Connection) -> ClusterProblems:
    """Every entry or document that breaks one of CLUSTER_CHECKS, and every entry whose id is not its first report's."""
    found = {check: list(connection.execute(text(query)).scalars()) for check, query in CLUSTER_CHECKS.items()}
    wrong_ids = []
    for identifier, anchor_key in connection.execute(text("SELECT id, anchor_key FROM clusters")):
        if hashlib.sha256(f"cluster:{anchor_key}".encode()).hexdigest()[:16] != identifier:
            wrong_ids.append(identifier)
    found["entries' ids are derived from their first report"] = wrong_ids
    return ClusterProblems(found)


def repair_clusters(connection: Connection) -> int:
    """Mend what `cluster_problems` finds, in the caller's transaction; return how many entries and documents were mended.

    When a document is not indexed, the index is made again for every document, and that
    document's events are merged again; the events of a broken entry (or of none) are
    merged again, as if their entry had lost members; entries with no event are removed.
    """
    from timeline.store.clusters import update_clusters

    problems = cluster_problems(connection).found
    documents = sorted(problems["documents with events are indexed for merging"])
    broken: set[str] = set()
    for check in (
        "entries' event and source counts are those of their events",
        "entries' first report is one of their events",
        "entries' ids are derived from their first report",
    ):
        broken.update(problems[check])
    orphans = problems["events belong to an existing entry"]
    for start in range(0, len(orphans), 500):
        chunk = orphans[start : start + 500]
        broken.update(
            value for value in connection.execute(text(f"SELECT DISTINCT cluster_id FROM events WHERE id IN ({', '.join(map(str, chunk))})")).scalars() if value
        )
    unassigned = sorted(set(connection.execute(text("SELECT DISTINCT document_id FROM events WHERE cluster_id IS NULL")).scalars()))
    empty = problems["entries cite at least one event"]
    for start in range(0, len(empty), 500):
        chunk = empty[start : start + 500]
        connection.execute(text("DELETE FROM cluster_evidence WHERE cluster_id IN :ids").bindparams(_expanding("ids")), {"ids": chunk})
        connection.execute(text("DELETE FROM clusters WHERE id IN :ids").bindparams(_expanding("ids")), {"ids": chunk})
    if documents:
        # Whether an unindexed document's words were counted is unknown: the index is made again whole.
        from timeline.store.cluster_index import index_documents
        from timeline.store.cluster_tables import cluster_keys, term_counts

        for table in (cluster_keys, document_terms, term_counts):
            connection.execute(table.delete())
        index_documents(connection, None)
    indexed = set(connection.execute(document_terms.select().with_only_columns(document_terms.c.document_id)).scalars())
    update_clusters(connection, sorted(set(documents) | {document for document in unassigned if document not in indexed}), lost_clusters=broken)
    stray = [document for document in unassigned if document in indexed]
    if stray:
        from timeline.store.clusters import merge_events

        events = list(connection.execute(text("SELECT id FROM events WHERE cluster_id IS NULL")).scalars())
        merge_events(connection, events)
    return len(documents) + len(broken) + len(empty) + len(stray)


def _expanding(name: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)
