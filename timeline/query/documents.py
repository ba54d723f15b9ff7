"""Documents as stored: listings with dates, segment and event counts; one document with its segments."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from timeline.dating import Reference
from timeline.domain import PublicationDate
from timeline.store.models import Document, EventRow, SegmentRow

INFERENCE_SOURCES = ("given", "html", "dateline", "duplicate")


def dated_references(connection: Connection) -> list[Reference]:
    """Stored documents whose date may be inherited by a near-duplicate: their body text and date."""
    rows = connection.execute(
        select(Document.id, Document.path, Document.url, Document.published, Document.text).where(
            Document.published.is_not(None), Document.published_basis.in_(INFERENCE_SOURCES)
        )
    ).all()
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for document_id, start, end in connection.execute(
        select(SegmentRow.document_id, SegmentRow.start, SegmentRow.end)
        .where(SegmentRow.kind == "body")
        .order_by(SegmentRow.document_id, SegmentRow.start)
    ):
        spans[document_id].append((start, end))
    references = []
    for document_id, path, url, published, text in rows:
        body = "\n".join(text[start:end] for start, end in spans.get(document_id, [(0, len(text))]))
        name = f"document {document_id} ({path or url or 'stdin'})"
        references.append(Reference(name, body, PublicationDate.parse(published)))
    return references
