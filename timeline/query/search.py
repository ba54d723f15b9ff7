"""Full-text search over event text: SQLite FTS5, PostgreSQL's own full-text search, a plain match elsewhere."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, Select, bindparam, column, func, literal_column, select, table, text

from timeline.query.search_terms import search_kind
from timeline.store.database import has_table
from timeline.store.tables import events


def has_fts5_index(connection: Connection) -> bool:
    """True when the database has the `events_fts` full-text table (SQLite after migration 0003)."""
    if connection.dialect.name != "sqlite":
        return False
    return has_table(connection, "events_fts")


def text_search_kind(connection: Connection, words: str) -> str:
    """How the database of `connection` searches `words` (see `search_kind`)."""
    return search_kind(connection.dialect.name, has_fts5_index(connection), words)


def matching_event_ids(kind: str) -> Select:  # type: ignore[type-arg]
    """The ids of events whose text matches the bound words, searched the `kind` way (`search_kind`).

    The words are bound as `:text_query` (an FTS5 query), `:text_words` (PostgreSQL) or `:text_pattern` (a LIKE pattern).
    """
    if kind == "fts":
        fts = table("events_fts", column("rowid"))
        return select(fts.c.rowid).where(text("events_fts MATCH :text_query"))
    return select(events.c.id).where(text_condition(kind))


def text_condition(kind: str) -> ColumnElement[bool]:
    """A condition on `events.text`: PostgreSQL full-text search for `postgresql`, a case-insensitive substring otherwise."""
    if kind == "postgresql":
        english = literal_column("'english'")
        document = func.to_tsvector(english, events.c.text)
        return document.op("@@")(func.websearch_to_tsquery(english, bindparam("text_words")))
    return func.lower(events.c.text).like(bindparam("text_pattern"), escape="\\")
