"""The only writer: stores extractions with bulk inserts (one statement per table for a whole batch)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from sqlalchemy import Connection, insert, select

from timeline.domain import ActorMention, Extraction, Segment
from timeline.events.extract import event_key
from timeline.store.models import Document, EventRow, MentionRow, SegmentRow
from timeline.store.models_events import ActorRow, ClaimRow, EventActorRow


def document_exists(connection: Connection, sha256: str) -> bool:
    """True when a document with this text is already stored."""
    return connection.execute(select(Document.id).where(Document.sha256 == sha256)).first() is not None


def stored_documents(connection: Connection, sha256s: Iterable[str]) -> set[str]:
    """Which of these texts (by SHA-256) are already stored."""
    wanted = list(set(sha256s))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(connection.execute(select(Document.sha256).where(Document.sha256.in_(chunk))).scalars())
    return found


def write_extraction(connection: Connection, extraction: Extraction) -> int:
    """Insert a document with its segments, mentions and events; return the document id."""
    return write_extractions(connection, [extraction])[0]


def write_extractions(connection: Connection, extractions: Sequence[Extraction]) -> list[int]:
    """Insert many documents with their rows, one bulk statement per table; return their ids in order."""
    if not extractions:
        return []
    ingested_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    document_ids = list(
        connection.execute(
            insert(Document).returning(Document.id, sort_by_parameter_order=True),
            [_document_row(extraction, ingested_at) for extraction in extractions],
        ).scalars()
    )
    pairs = list(zip(document_ids, extractions))
    _insert_many(connection, SegmentRow, [row for document_id, extraction in pairs for row in _segment_rows(document_id, extraction)])
    _insert_many(connection, MentionRow, [row for document_id, extraction in pairs for row in _mention_rows(document_id, extraction)])
    _insert_many(connection, EventRow, [row for document_id, extraction in pairs for row in _event_rows(document_id, extraction)])
    _write_event_details(connection, pairs)
    return document_ids


def _document_row(extraction: Extraction, ingested_at: str) -> dict:
    document = extraction.document
    published = document.published
    return {
        "sha256": document.sha256,
        "path": document.path,
        "url": document.url,
        "source": document.source,
        "title": document.title,
        "published": published.iso() if published else None,
        "published_precision": published.precision if published else None,
        "published_basis": document.published_basis if published else "unknown",
        "published_evidence": document.published_evidence,
        "encoding": document.encoding,
        "media_type": document.media_type,
        "char_count": len(document.text),
        "ingested_at": ingested_at,
        "text": document.text,
    }


def _insert_many(connection: Connection, model: type, rows: list[dict]) -> None:
    if rows:
        connection.execute(insert(model), rows)


def _segment_rows(document_id: int, extraction: Extraction) -> list[dict]:
    return [
        {"document_id": document_id, "start": segment.start, "end": segment.end, "kind": segment.kind, "reason": segment.reason or None}
        for segment in extraction.segments
    ]


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
    # A bound ("written after 4 March 2024") is not the day the events were reported.
    reported = document.published.iso() if document.published and document.published_basis != "bound" else None
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
            "span_kind": event.span_kind,
            "sentence_start": event.sentence_start,
            "sentence_end": event.sentence_end,
            "category": event.category,
            "attribution": event.attribution,
        }
        for event in extraction.events
    ]


def _write_event_details(connection: Connection, pairs: list[tuple[int, Extraction]]) -> None:
    """Insert the actors (new ones only), event_actors and claims of the batch's events."""
    events = [(extraction.document.sha256, event) for _, extraction in pairs for event in extraction.events]
    if not any(event.actors or event.claims for _, event in events):
        return
    keys = _event_ids(connection, [document_id for document_id, _ in pairs])
    actors = {actor.key: actor for _, event in events for actor in event.actors}
    actor_ids = _actor_ids(connection, actors)
    links, claims = [], []
    for sha256, event in events:
        event_id = keys[event_key(sha256, event.start, event.end)]
        seen: set[tuple[str, str]] = set()
        for actor in event.actors:
            if (actor.key, actor.role) not in seen:
                seen.add((actor.key, actor.role))
                links.append({"event_id": event_id, "actor_id": actor_ids[actor.key], "role": actor.role, "start": actor.start, "end": actor.end, "text": actor.text})
        for claim in event.claims:
            claims.append(
                {
                    "event_id": event_id, "start": claim.start, "end": claim.end, "text": claim.text, "value": claim.value,
                    "low": claim.low, "high": claim.high, "bound": claim.bound, "qualifier": claim.qualifier, "unit": claim.unit,
                    "measure": claim.measure, "rate": claim.rate, "rate_text": claim.rate_text, "source": claim.source,
                    "source_actor_id": actor_ids.get(claim.source_key) if claim.source_key else None,
                }
            )
    _insert_many(connection, EventActorRow, links)
    _insert_many(connection, ClaimRow, claims)


def _event_ids(connection: Connection, document_ids: list[int]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(document_ids), 500):
        chunk = document_ids[start : start + 500]
        found.update(connection.execute(select(EventRow.key, EventRow.id).where(EventRow.document_id.in_(chunk))).all())
    return found


def _actor_ids(connection: Connection, actors: dict[str, ActorMention]) -> dict[str, int]:
    """Ids of the actors by key, inserting those not stored yet (safe against a concurrent writer)."""
    wanted = sorted(actors)
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        ids.update(connection.execute(select(ActorRow.key, ActorRow.id).where(ActorRow.key.in_(chunk))).all())
    missing = [{"key": key, "name": actors[key].name, "kind": actors[key].kind, "country": actors[key].country} for key in wanted if key not in ids]
    if missing:
        dialect = connection.dialect.name
        if dialect in ("sqlite", "postgresql"):
            module = __import__(f"sqlalchemy.dialects.{dialect}", fromlist=["insert"])
            connection.execute(module.insert(ActorRow).on_conflict_do_nothing(index_elements=["key"]), missing)
        else:
            connection.execute(insert(ActorRow), missing)
        chunk = [row["key"] for row in missing]
        ids.update(connection.execute(select(ActorRow.key, ActorRow.id).where(ActorRow.key.in_(chunk))).all())
    return ids
