"""Full-text search over event text: SQLite FTS5, PostgreSQL's own full-text search, a plain match elsewhere."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, column, func, literal_column, select, table, text

from timeline.store.database import has_table
from timeline.store.tables import events

_WORD = re.compile(r"\w+", re.UNICODE)


def like_pattern(value: str) -> str:
    """A case-insensitive LIKE pattern matching `value` anywhere, with `%`, `_` and `\\` escaped."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts5_query(words: str) -> str | None:
    """An FTS5 query in which every word of `words` must appear (each quoted, so no operator is run)."""
    tokens = _WORD.findall(words)
    return " ".join(f'"{token}"' for token in tokens) if tokens else None


def has_fts5_index(connection: Connection) -> bool:
    """True when the database has the `events_fts` full-text table (SQLite after migration 0003)."""
    if connection.dialect.name != "sqlite":
        return False
    return has_table(connection, "events_fts")


def matching_event_ids(connection: Connection, words: str):  # type: ignore[no-untyped-def]
    """A subquery of the ids of events whose text matches `words` (all of them, stemmed where the index stems)."""
    dialect = connection.dialect.name
    if dialect == "sqlite" and has_fts5_index(connection):
        query = fts5_query(words)
        if query is not None:
            fts = table("events_fts", column("rowid"))
            return select(fts.c.rowid).where(text("events_fts MATCH :fts_query").bindparams(fts_query=query))
    return select(events.c.id).where(text_condition(connection, words))


def text_condition(connection: Connection, words: str) -> ColumnElement[bool]:
    """A condition on `events.text`: PostgreSQL full-text search there, a case-insensitive substring elsewhere."""
    if connection.dialect.name == "postgresql":
        english = literal_column("'english'")
        document = func.to_tsvector(english, events.c.text)
        return document.op("@@")(func.websearch_to_tsquery(english, words))
    return func.lower(events.c.text).like(like_pattern(words), escape="\\")
