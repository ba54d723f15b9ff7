"""The chronology: events in date order, filtered by interval overlap."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Select, select

from timeline.domain import ChronologyEntry
from timeline.query.labels import date_label
from timeline.store.database import create_database_engine
from timeline.store.models import Document, EventRow


def chronology_query(
    start: date | None = None,
    end: date | None = None,
    *,
    include_reported: bool = False,
    limit: int | None = None,
) -> Select:
    """Events whose interval [earliest, latest) overlaps [start, end), ordered by date."""
    query = select(EventRow, Document.source, Document.title, Document.path, Document.url).join(Document)
    if not include_reported:
        query = query.where(EventRow.date_basis == "stated")
    query = query.where(EventRow.earliest.is_not(None))
    if start is not None:
        query = query.where(EventRow.latest > start)
    if end is not None:
        query = query.where(EventRow.earliest < end)
    query = query.order_by(EventRow.earliest, EventRow.latest, EventRow.document_id, EventRow.start)
    return query.limit(limit) if limit else query


def chronology(
    db: str,
    start: date | None = None,
    end: date | None = None,
    *,
    include_reported: bool = False,
    limit: int | None = None,
) -> list[ChronologyEntry]:
    """The chronology of the database `db` (a path or URL) between `start` and `end`."""
    engine = create_database_engine(db, read_only=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(chronology_query(start, end, include_reported=include_reported, limit=limit))
            return [_entry(*row) for row in rows]
    finally:
        engine.dispose()


def source_name(source: str | None, title: str | None, path: str | None) -> str:
    """How a document is cited: its source, else its title, else its file name."""
    return source or title or (Path(path).name if path else "unknown source")


def _entry(event: EventRow, source: str | None, title: str | None, path: str | None, url: str | None) -> ChronologyEntry:
    return ChronologyEntry(
        event_id=event.key,
        value=event.value,
        mod=event.mod,
        earliest=event.earliest,
        latest=event.latest,
        granularity=event.granularity,
        label=date_label(event.value, event.mod),
        text=event.text,
        sources=(source_name(source, title, path),),
        urls=(url,) if url else (),
        date_basis=event.date_basis,
        document_id=event.document_id,
        start=event.start,
        end=event.end,
    )
