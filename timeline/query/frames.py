"""Documents, mentions and claims as pandas DataFrames, read from a database opened read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

DOCUMENT_COLUMNS = (
    "id", "sha256", "path", "url", "source", "title", "published", "published_precision", "published_basis",
    "published_evidence", "encoding", "media_type", "char_count", "ingested_at",
)
"""The documents' columns, `text` aside (asked for with text=True)."""
CLAIMS = """
SELECT c.id, c.event_id, e.cluster_id, c.text, c.value, c.low, c.high, c.bound, c.qualifier, c.unit, c.measure,
       c.rate, c.rate_text, COALESCE(a.name, c.source) AS claimed_by, e.value AS period, e.earliest, e.latest,
       e.document_id, COALESCE(d.source, d.title, d.path) AS source, d.url, d.published, c.start, c."end"
FROM claims c
JOIN events e ON e.id = c.event_id
JOIN documents d ON d.id = e.document_id
LEFT JOIN actors a ON a.id = c.source_actor_id
ORDER BY e.earliest, c.low
"""
"""Each figure with the period it is for, who claims it, its entry and the article reporting it."""


def documents_frame(db: str, text: bool = False) -> pandas.DataFrame:
    """One row per stored document (docs/schema.md, `documents`), its text too when `text` is True."""
    columns = ", ".join(f'"{name}"' for name in (*DOCUMENT_COLUMNS, *(("text",) if text else ())))
    return read_frame(db, f"SELECT {columns} FROM documents ORDER BY id")


def mentions_frame(db: str) -> pandas.DataFrame:
    """One row per temporal expression with its document's source, url and publication date (the `mentions_flat` view)."""
    return read_frame(db, "SELECT * FROM mentions_flat ORDER BY document_id, start")


def claims_frame(db: str) -> pandas.DataFrame:
    """One row per figure reported: its value or range, unit, rate, who claims it, the period, the entry and the article."""
    return read_frame(db, CLAIMS)


def read_frame(db: str, statement: str) -> pandas.DataFrame:
    """A query's rows as a DataFrame, the database opened read-only; `earliest`/`latest` as timestamps."""
    import pandas

    from timeline.query.sql import open_query

    with open_query(db, statement, timeout=None) as query:
        frame = pandas.DataFrame(list(query.rows), columns=list(query.columns))
    for column in ("earliest", "latest"):
        if column in frame:
            frame[column] = pandas.to_datetime(frame[column])
    return frame
