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


@dataclass(frozen=True)
class DocumentSummary:
    """One stored document: where it came from, its date with basis and precision, what it holds."""

    id: int
    name: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    precision: str | None
    basis: str
    evidence: str | None
    media_type: str
    chars: int
    segments: dict[str, int]
    events: int


@dataclass(frozen=True)
class SegmentView:
    """A segment of a stored document with its text."""

    start: int
    end: int
    kind: str
    reason: str | None
    text: str


@dataclass(frozen=True)
class DocumentDetail:
    """A stored document with its full text and its segments in order."""

    summary: DocumentSummary
    text: str
    segments: tuple[SegmentView, ...]


def list_documents(connection: Connection, document_id: int | None = None) -> list[DocumentSummary]:
    """Every stored document (or the one with `document_id`), in id order, with segment and event counts."""
    segment_query = select(SegmentRow.document_id, SegmentRow.kind, func.count()).group_by(SegmentRow.document_id, SegmentRow.kind)
    event_query = select(EventRow.document_id, func.count()).group_by(EventRow.document_id)
    document_query = select(
        Document.id, Document.path, Document.title, Document.source, Document.url, Document.published,
        Document.published_precision, Document.published_basis, Document.published_evidence, Document.media_type,
        Document.char_count,
    ).order_by(Document.id)
    if document_id is not None:
        segment_query = segment_query.where(SegmentRow.document_id == document_id)
        event_query = event_query.where(EventRow.document_id == document_id)
        document_query = document_query.where(Document.id == document_id)
    segments: dict[int, dict[str, int]] = defaultdict(dict)
    for owner, kind, count in connection.execute(segment_query):
        segments[owner][kind] = count
    events = {owner: count for owner, count in connection.execute(event_query)}
    return [
        DocumentSummary(
            id=row.id,
            name=row.path or row.url or "(stdin)",
            title=row.title,
            source=row.source,
            url=row.url,
            published=row.published,
            precision=row.published_precision,
            basis=row.published_basis,
            evidence=row.published_evidence,
            media_type=row.media_type,
            chars=row.char_count,
            segments=dict(segments.get(row.id, {})),
            events=events.get(row.id, 0),
        )
        for row in connection.execute(document_query)
    ]


def document_detail(connection: Connection, document_id: int) -> DocumentDetail | None:
    """One stored document with its text and segments, or None when there is no such id."""
    found = list_documents(connection, document_id)
    if not found:
        return None
    text = connection.execute(select(Document.text).where(Document.id == document_id)).scalar_one()
    rows = connection.execute(
        select(SegmentRow.start, SegmentRow.end, SegmentRow.kind, SegmentRow.reason)
        .where(SegmentRow.document_id == document_id)
        .order_by(SegmentRow.start)
    )
    segments = tuple(SegmentView(start, end, kind, reason, text[start:end]) for start, end, kind, reason in rows)
    return DocumentDetail(found[0], text, segments)


def documents(target: str) -> list[DocumentSummary]:
    """Every document of the database `target` (a path or URL), for the CLI and the Python API."""
    from timeline.store.database import read_only_connection

    with read_only_connection(target) as connection:
        return list_documents(connection)


def document(target: str, document_id: int) -> DocumentDetail | None:
    """One document of the database `target` with its text and segments."""
    from timeline.store.database import read_only_connection

    with read_only_connection(target) as connection:
        return document_detail(connection, document_id)
