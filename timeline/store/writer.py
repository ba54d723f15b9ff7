"""The only writer: stores a document's extraction in one transaction with bulk inserts."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, insert, select

from timeline.domain import Extraction, Segment
from timeline.events.extract import event_key
from timeline.store.models import Document, EventRow, MentionRow, SegmentRow


def document_exists(connection: Connection, sha256: str) -> bool:
    """True when a document with this text is already stored."""
    return connection.execute(select(Document.id).where(Document.sha256 == sha256)).first() is not None


def write_extraction(connection: Connection, extraction: Extraction) -> int:
    """Insert a document with its segments, mentions and events; return the document id."""
    document = extraction.document
    published = document.published
    document_id = connection.execute(
        insert(Document).returning(Document.id),
        {
            "sha256": document.sha256,
            "path": document.path,
            "url": document.url,
            "source": document.source,
            "title": document.title,
            "published": published.iso() if published else None,
            "published_precision": published.precision if published else None,
            "published_basis": document.published_basis if published else "unknown",
            "encoding": document.encoding,
            "media_type": document.media_type,
            "char_count": len(document.text),
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "text": document.text,
        },
    ).scalar_one()
    _insert_many(connection, SegmentRow, [_segment_row(document_id, segment) for segment in extraction.segments])
    _insert_many(connection, MentionRow, _mention_rows(document_id, extraction))
    _insert_many(connection, EventRow, _event_rows(document_id, extraction))
    return document_id


def _insert_many(connection: Connection, model: type, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(model), rows)


def _segment_row(document_id: int, segment: Segment) -> dict:
    return {"document_id": document_id, "start": segment.start, "end": segment.end, "kind": segment.kind, "reason": segment.reason or None}


def _segment_kind_at(segments: tuple[Segment, ...], offset: int) -> str:
    for segment in segments:
        if segment.start <= offset < segment.end:
            return segment.kind
    return "body"


def _mention_rows(document_id: int, extraction: Extraction) -> list[dict]:
    return [
        {
            "document_id": document_id,
            "start": mention.start,
            "end": mention.end,
            "text": mention.text,
            "type": mention.type,
            "value": mention.value,
            "mod": mention.mod,
            "earliest": mention.earliest,
            "latest": mention.latest,
            "granularity": mention.granularity,
            "anchor": mention.anchor,
            "rule": mention.rule,
            "segment_kind": _segment_kind_at(extraction.segments, mention.start),
        }
        for mention in extraction.mentions
    ]


def _event_rows(document_id: int, extraction: Extraction) -> list[dict]:
    document = extraction.document
    reported = document.published.iso() if document.published else None
    return [
        {
            "key": event_key(document.sha256, event.start, event.end),
            "document_id": document_id,
            "start": event.start,
            "end": event.end,
            "text": event.text,
            "value": event.value,
            "mod": event.mod,
            "earliest": event.earliest,
            "latest": event.latest,
            "granularity": event.granularity,
            "date_basis": event.date_basis,
            "date_start": event.date.start if event.date else None,
            "date_end": event.date.end if event.date else None,
            "date_text": event.date.text if event.date else None,
            "date_rule": event.date.rule if event.date else None,
            "reported": reported,
        }
        for event in extraction.events
    ]
