"""The schema as SQLAlchemy Core tables: the one definition the ORM models map onto and the read path queries.

Reading needs only these tables, so `timeline show` never imports the ORM (documented in docs/schema.md); on a
local SQLite file it runs their statements' generated SQLite text and imports no SQLAlchemy at all.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, UniqueConstraint

from timeline.store.types import IsoDate

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)
"""Every table of the schema (the migrations are compared against it)."""


def _required(name: str, type_, **options) -> Column:  # type: ignore[no-untyped-def]
    """A NOT NULL column."""
    return Column(name, type_, nullable=False, **options)


def _key() -> Column:
    return Column("id", Integer, primary_key=True)


def _parent(name: str, target: str, *, ondelete: str = "CASCADE", nullable: bool = False, index: bool = True) -> Column:
    """An integer reference to another table's id, indexed unless a unique constraint already leads with it."""
    return Column(name, Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


documents = Table(
    "documents",
    metadata,
    _key(),
    _required("sha256", String(64), unique=True),
    Column("path", Text),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", String(10), index=True),
    Column("published_precision", String(8)),
    _required("published_basis", String(16), default="unknown"),
    Column("published_evidence", Text),
    Column("encoding", String(32)),
    _required("media_type", String(64), default="text/plain"),
    _required("char_count", Integer),
    _required("ingested_at", String(32)),
    _required("text", Text),
)
"""An article as ingested: its exact text and where it came from."""

segments = Table(
    "segments",
    metadata,
    _key(),
    _parent("document_id", "documents.id"),
    _required("start", Integer),
    _required("end", Integer),
    _required("kind", String(16)),
    Column("reason", Text),
)
"""A stretch of a document with its kind (body, title, boilerplate, teaser, caption)."""

mentions = Table(
    "mentions",
    metadata,
    _key(),
    _parent("document_id", "documents.id"),
    _required("start", Integer),
    _required("end", Integer),
    _required("text", Text),
    _required("type", String(8)),
    _required("value", String(64)),
    Column("mod", String(16)),
    Column("earliest", IsoDate),
    Column("latest", IsoDate),
    Column("granularity", String(16)),
    _required("anchor", Text),
    _required("rule", String(64)),
    _required("segment_kind", String(16), default="body"),
)
"""A temporal expression (TIMEX3) found in a document, resolved against its publication date."""

events = Table(
    "events",
    metadata,
    _key(),
    _required("key", String(16), unique=True),
    _parent("document_id", "documents.id", index=False),  # uq_events_document_span leads with it
    _required("start", Integer),
    _required("end", Integer),
    _required("text", Text),
    _required("value", String(64)),
    Column("mod", String(16)),
    Column("earliest", IsoDate),
    Column("latest", IsoDate),
    Column("granularity", String(16)),
    _required("date_basis", String(16)),
    Column("date_start", Integer),
    Column("date_end", Integer),
    Column("date_text", Text),
    Column("date_rule", String(64)),
    Column("reported", String(10)),
    _required("span_kind", String(16), default="sentence", server_default="sentence"),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("category", String(32), index=True),
    Column("attribution", Text),
    Column("cluster_id", String(16), ForeignKey("clusters.id", deferrable=True, initially="DEFERRED", use_alter=True), index=True),
    UniqueConstraint("document_id", "start", "end", name="uq_events_document_span"),
    Index("ix_events_earliest_latest", "earliest", "latest"),
)
"""A dated statement: the sentence, its primary date and how the date was chosen."""

actors = Table(
    "actors",
    metadata,
    _key(),
    _required("key", String(64), unique=True),
    _required("name", Text),
    _required("kind", String(16), index=True),
    Column("country", String(8)),
)
"""A country, organisation, group or person named in events, as listed in the gazetteers."""

event_actors = Table(
    "event_actors",
    metadata,
    _key(),
    _parent("event_id", "events.id", index=False),  # uq_event_actors_event_actor_role leads with it
    _parent("actor_id", "actors.id"),
    _required("role", String(16), index=True),
    _required("start", Integer),
    _required("end", Integer),
    _required("text", Text),
    UniqueConstraint("event_id", "actor_id", "role", name="uq_event_actors_event_actor_role"),
)
"""An actor's part in an event: agent, affected, source or mentioned, with the words that named it."""

claims = Table(
    "claims",
    metadata,
    _key(),
    _parent("event_id", "events.id"),
    _required("start", Integer),
    _required("end", Integer),
    _required("text", Text),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    _required("bound", String(16)),
    Column("qualifier", String(32)),
    Column("unit", String(32), index=True),
    Column("measure", String(32), index=True),
    Column("rate", String(16)),
    Column("rate_text", Text),
    Column("source", Text),
    _parent("source_actor_id", "actors.id", ondelete="SET NULL", nullable=True),
)
"""A figure an event reports: value or range, qualifier, unit, rate, and who claims it."""

clusters = Table(
    "clusters",
    metadata,
    Column("id", String(16), primary_key=True),
    _required("anchor_key", String(16)),
    _parent("event_id", "events.id", ondelete="SET NULL", nullable=True),
    _required("value", String(64)),
    Column("mod", String(16)),
    Column("earliest", IsoDate, index=True),
    Column("latest", IsoDate),
    Column("granularity", String(16)),
    _required("date_basis", String(16)),  # ix_clusters_chronology leads with it
    Column("category", String(32), index=True),
    _required("text", Text),
    Column("actors", Text),
    Column("figures", Text),
    Column("sources", Text),
    _required("event_count", Integer),
    _required("source_count", Integer),
    Column("first_reported", String(10)),
    Column("last_reported", String(10)),
)
"""One real-world event however many articles report it; its id is derived from content."""

periods = Table(
    "periods",
    metadata,
    _key(),
    _required("name", String(120), unique=True),
    _required("aliases", Text, default=""),
    _required("start", String(10)),
    Column("end", String(10)),
    _required("earliest", IsoDate),
    Column("latest", IsoDate),
    _required("description", Text, default=""),
    _required("origin", String(16), default="user"),
    Index("ix_periods_earliest_latest", "earliest", "latest"),
)
"""A named period ("era") with its dates: both ends inclusive at their precision, `latest` exclusive."""

CHRONOLOGY_INDEX = Index(
    "ix_clusters_chronology",
    clusters.c.date_basis, clusters.c.granularity, clusters.c.earliest, clusters.c.latest, clusters.c.id,
)
"""Serves the chronology query: for each date basis and granularity, a range on earliest, rows in chronological order
(migration 0007 added granularity: the query merges the classes, each read from its own lower bound)."""

cluster_spans = Table(
    "cluster_spans",
    metadata,
    Column("date_basis", String(16), primary_key=True),
    Column("granularity", String(16), primary_key=True),
    _required("longest_days", Integer),
)
"""The longest `latest - earliest` in days of the dated clusters of one date basis and granularity (kept by triggers)."""

SPAN_TRIGGERS = ("clusters_span_insert", "clusters_span_update")
"""The triggers (migrations 0007 and 0009) that keep `cluster_spans` an upper bound of every cluster's length in days."""

NO_GRANULARITY = ""
"""The `cluster_spans.granularity` of clusters whose granularity is NULL."""

DERIVED_TABLE_PREFIXES = ("events_fts",)
"""SQLite FTS5 over event text: the virtual table and its shadow tables (created by migrations, not these tables)."""
DERIVED_INDEXES = frozenset({"ix_events_text_search"})
"""PostgreSQL's full-text expression index over event text (created by migrations, not these tables)."""


def include_name(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic filter: False for the derived full-text objects, so compare_metadata ignores them."""
    if name is None:
        return True
    if type_ == "table" and name.startswith(DERIVED_TABLE_PREFIXES):
        return False
    if type_ == "index" and name in DERIVED_INDEXES:
        return False
    return True
