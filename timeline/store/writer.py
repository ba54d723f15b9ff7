"""The only writer: stores documents with their rows, a few multi-row statements per table for a whole batch.

A document's rows are first laid out as plain tuples (`document_rows`, which an ingest runs in
its worker processes, so that only tuples cross to the writer). The writer then inserts the
documents with `INSERT … ON CONFLICT (sha256) DO NOTHING`, and the segments, mentions, events,
event-actor links and claims of only those documents whose own insert won, so that concurrent
writers store each text once (`store_actors` commits new actors beforehand, so that concurrent
writers do not wait for each other's batches). Event ids are allocated up front (the next ids under SQLite's
write lock, or the PostgreSQL sequence), so no row is read back; events go in as multi-row
`INSERT … VALUES` statements, which SQLite's full-text trigger indexes in one pass per
statement rather than one per row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import chain
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects import postgresql, sqlite

from timeline.domain import Extraction, Segment
from timeline.events.extract import event_key
from timeline.store.cluster_rows import SINGLETON_COLUMNS, longest_spans, singleton_row, source_label
from timeline.store.models import Document, EventRow, MentionRow, SegmentRow
from timeline.store.models_events import ActorRow, ClaimRow, ClusterRow, EventActorRow
from timeline.store.tables import cluster_spans

DOCUMENT_COLUMNS = (
    "sha256", "path", "url", "source", "title", "published", "published_precision", "published_basis",
    "published_evidence", "encoding", "media_type", "char_count", "text", "ingested_at",
)
SEGMENT_COLUMNS = ("document_id", "start", "end", "kind", "reason")
MENTION_COLUMNS = (
    "document_id", "start", "end", "text", "type", "value", "mod", "earliest", "latest", "granularity", "anchor", "rule",
    "segment_kind",
)
EVENT_COLUMNS = (
    "id", "document_id", "key", "start", "end", "text", "value", "mod", "earliest", "latest", "granularity", "date_basis",
    "date_start", "date_end", "date_text", "date_rule", "reported", "span_kind", "sentence_start", "sentence_end",
    "category", "attribution", "cluster_id",
)
LINK_COLUMNS = ("event_id", "actor_id", "role", "start", "end", "text")
CLAIM_COLUMNS = (
    "event_id", "start", "end", "text", "value", "low", "high", "bound", "qualifier", "unit", "measure", "rate",
    "rate_text", "source", "source_actor_id",
)
MAX_PARAMETERS = 32_000
"""Bound parameters per statement (SQLite allows 32,766, PostgreSQL 65,535)."""
ROWS_PER_STATEMENT = 256
"""Rows per multi-row INSERT: as fast as longer ones (SQLite's full-text trigger indexes a statement's rows in one pass)."""
_CHUNK = 500


class DocumentRows(NamedTuple):
    """One document's rows as plain tuples, in the column order above, without the ids only the writer knows.

    `document` lacks ingested_at; segments and mentions lack document_id; events lack id and
    document_id; a link is (event index, actor key, role, start, end, text); a claim is
    (event index, start … source, source actor key); an actor is (key, name, kind, country);
    `clusters` holds each event's own cluster (`singleton_row`), which the event starts in, and
    `spans` their longest intervals (`longest_spans`).
    """

    sha256: str
    document: tuple
    segments: tuple[tuple, ...]
    mentions: tuple[tuple, ...]
    events: tuple[tuple, ...]
    links: tuple[tuple, ...]
    claims: tuple[tuple, ...]
    actors: tuple[tuple, ...]
    clusters: tuple[tuple, ...]
    spans: tuple[tuple[str, str, int], ...]


def stored_documents(connection: Connection, sha256s: Iterable[str]) -> set[str]:
    """Which of these texts (by SHA-256) are already stored."""
    wanted = list(set(sha256s))
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update(connection.execute(select(Document.sha256).where(Document.sha256.in_(chunk))).scalars())
    return found


def write_extractions(connection: Connection, extractions: Sequence[Extraction | DocumentRows]) -> list[int | None]:
    """Insert many documents with their rows; return their ids in order (None for a text already stored)."""
    return write_rows(connection, [as_rows(extraction) for extraction in extractions])


def as_rows(extraction: Extraction | DocumentRows) -> DocumentRows:
    """The rows of an extraction (laid out now unless they already are)."""
    return extraction if isinstance(extraction, DocumentRows) else document_rows(extraction)


def document_rows(extraction: Extraction) -> DocumentRows:
    """Lay out one document's rows as plain tuples (a pure function: ingest runs it in its workers)."""
    document = extraction.document
    sha256 = document.sha256
    published = document.published
    head = (
        sha256, document.path, document.url, document.source, document.title,
        published.iso() if published else None,
        published.precision if published else None,
        document.published_basis if published else "unknown",
        document.published_evidence, document.encoding, document.media_type, len(document.text), document.text,
    )
    segments = tuple((segment.start, segment.end, segment.kind, segment.reason or None) for segment in extraction.segments)
    kind_at = _segment_kinds(extraction.segments)
    mentions = tuple(
        (
            mention.start, mention.end, mention.text, mention.type, mention.value, mention.mod, _iso(mention.earliest),
            _iso(mention.latest), mention.granularity, mention.anchor, mention.rule, kind_at(mention.start),
        )
        for mention in extraction.mentions
    )
    # A bound ("written after 4 March 2024") is not the day the events were reported.
    reported = published.iso() if published and document.published_basis != "bound" else None
    source = source_label(document.source, document.title, document.path, None)
    events, links, claims, actors, clusters = [], [], [], {}, []
    for index, event in enumerate(extraction.events):
        date_span = event.date
        key = event_key(sha256, event.start, event.end)
        dates = (event.value, event.mod, _iso(event.earliest), _iso(event.latest), event.granularity, event.date_basis)
        seen: set[tuple[str, str]] = set()
        named: list[tuple[int, str]] = []
        for actor in event.actors:
            actors.setdefault(actor.key, (actor.key, actor.name, actor.kind, actor.country))
            if (actor.key, actor.role) not in seen:
                seen.add((actor.key, actor.role))
                links.append((index, actor.key, actor.role, actor.start, actor.end, actor.text))
                if actor.role != "source":
                    named.append((actor.start, actors[actor.key][1]))
        for claim in event.claims:
            claims.append(
                (
                    index, claim.start, claim.end, claim.text, claim.value, claim.low, claim.high, claim.bound, claim.qualifier,
                    claim.unit, claim.measure, claim.rate, claim.rate_text, claim.source, claim.source_key or None,
                )
            )
        own = singleton_row(
            key,
            (*dates, event.category, event.text),
            head[5],
            source,
            [name for _start, name in sorted(named, key=lambda pair: pair[0])],
            [claim.text for claim in sorted(event.claims, key=lambda claim: claim.start)],
        )
        clusters.append(own)
        events.append(
            (
                key, event.start, event.end, event.text, *dates,
                date_span.start if date_span else None, date_span.end if date_span else None,
                date_span.text if date_span else None, date_span.rule if date_span else None,
                reported, event.span_kind, event.sentence_start, event.sentence_end, event.category, event.attribution, own[0],
            )
        )
    return DocumentRows(
        sha256, head, segments, mentions, tuple(events), tuple(links), tuple(claims), tuple(actors.values()), tuple(clusters),
        longest_spans(clusters),
    )


def write_rows(connection: Connection, batch: Sequence[DocumentRows]) -> list[int | None]:
    """Insert these documents and, for each whose insert won, all its rows; ids in order (None: already stored)."""
    if not batch:
        return []
    ingested_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    won = _insert_documents(connection, batch, ingested_at)
    fates: list[int | None] = []
    new: list[tuple[int, DocumentRows]] = []
    for rows in batch:
        document_id = won.pop(rows.sha256, None)  # a text twice in the batch is stored once, for its first entry
        fates.append(document_id)
        if document_id is not None:
            new.append((document_id, rows))
    if not new:
        return fates
    _insert_values(connection, SegmentRow, SEGMENT_COLUMNS, [(document_id, *row) for document_id, rows in new for row in rows.segments])
    _insert_values(connection, MentionRow, MENTION_COLUMNS, [(document_id, *row) for document_id, rows in new for row in rows.mentions])
    event_ids = _allocate_ids(connection, EventRow, sum(len(rows.events) for _, rows in new))
    events, links, claims, clusters = [], [], [], []
    actors = {actor[0]: actor for _, rows in new for actor in rows.actors}
    actor_ids = _actor_ids(connection, actors) if actors else {}
    position = 0
    for document_id, rows in new:
        ids = event_ids[position : position + len(rows.events)]
        position += len(rows.events)
        events.extend((event_id, document_id, *row) for event_id, row in zip(ids, rows.events))
        links.extend((ids[link[0]], actor_ids[link[1]], *link[2:]) for link in rows.links)
        claims.extend((ids[claim[0]], *claim[1:-1], actor_ids.get(claim[-1]) if claim[-1] else None) for claim in rows.claims)
        unnamed = source_label(None, None, None, document_id)
        clusters.extend((event_id, *row[:-1], row[-1] or unnamed) for event_id, row in zip(ids, rows.clusters))
    _insert_values(connection, EventRow, EVENT_COLUMNS, events)
    _insert_values(connection, EventActorRow, LINK_COLUMNS, links)
    _insert_values(connection, ClaimRow, CLAIM_COLUMNS, claims)
    _insert_values(connection, ClusterRow, SINGLETON_COLUMNS, clusters)
    return fates


def store_actors(connection: Connection, batch: Sequence[DocumentRows]) -> None:
    """Insert the batch's actors not stored yet, best in a short transaction of their own before the batch's.

    Committed at once, a new actor does not keep a concurrent writer that names it waiting
    until this writer's whole batch commits (actors are shared; an unused one is harmless).
    """
    actors = {actor[0]: actor for rows in batch for actor in rows.actors}
    if actors:
        _actor_ids(connection, actors)


def store_spans(connection: Connection, batch: Sequence[DocumentRows]) -> None:
    """Raise `cluster_spans` to cover the batch's clusters, best in a short transaction of its own before the batch's.

    The triggers on `clusters` would raise it inside the batch's transaction, where a row
    raised by one writer keeps a concurrent writer waiting until the batch commits; raised
    and committed beforehand, the triggers find it high enough and write nothing.
    """
    longest: dict[tuple[str, str], int] = {}
    for rows in batch:
        for basis, granularity, days in rows.spans:
            longest[(basis, granularity)] = max(days, longest.get((basis, granularity), -1))
    dialect = connection.dialect.name
    if not longest or dialect not in ("sqlite", "postgresql"):
        return
    table = cluster_spans
    stored = {(basis, granularity): days for basis, granularity, days in connection.execute(select(table))}
    raised = [
        {"date_basis": basis, "granularity": granularity, "longest_days": days}
        for (basis, granularity), days in sorted(longest.items())
        if stored.get((basis, granularity), -1) < days
    ]
    if raised:
        insert = (sqlite if dialect == "sqlite" else postgresql).insert
        statement = insert(table)
        greatest = func.max if dialect == "sqlite" else func.greatest
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["date_basis", "granularity"],
                set_={"longest_days": greatest(table.c.longest_days, statement.excluded.longest_days)},
            ),
            raised,
        )


def _insert_documents(connection: Connection, batch: Sequence[DocumentRows], ingested_at: str) -> dict[str, int]:
    """Insert the documents whose text is not stored yet; the ids of those this insert stored, by SHA-256.

    Rows go in SHA-256 order, so concurrent writers take the unique index's locks in one order.
    """
    unique: dict[str, DocumentRows] = {}
    for rows in batch:
        unique.setdefault(rows.sha256, rows)  # the first entry of a text is the one stored
    values = [dict(zip(DOCUMENT_COLUMNS, (*unique[sha].document, ingested_at))) for sha in sorted(unique)]
    table = Document.__table__
    dialect = connection.dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = (sqlite if dialect == "sqlite" else postgresql).insert
        statement = insert(table).on_conflict_do_nothing(index_elements=["sha256"])
    else:  # another database: only the texts not stored yet are offered
        from sqlalchemy import insert as plain_insert

        stored = stored_documents(connection, unique)
        values = [row for row in values if row["sha256"] not in stored]
        statement = plain_insert(table)
    if not values:
        return {}
    result = connection.execute(statement.returning(table.c.sha256, table.c.id), values)
    return {sha: document_id for sha, document_id in result}


def _allocate_ids(connection: Connection, model: type, count: int) -> list[int]:
    """`count` fresh ids for the model's table: its sequence on PostgreSQL, the next ids under SQLite's write lock."""
    if count == 0:
        return []
    table = model.__table__  # type: ignore[attr-defined]
    if connection.dialect.name == "postgresql":
        sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
        return list(connection.exec_driver_sql(f"SELECT nextval({sequence}) FROM generate_series(1, {int(count)})").scalars())
    # The caller holds the write lock (timeline.store.database.lock_for_writing), so nobody else takes these ids.
    highest = connection.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


def _insert_values(connection: Connection, model: type, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert rows (tuples in `columns` order) with multi-row VALUES statements, straight through the driver.

    Statements hold ROWS_PER_STATEMENT rows, the rest go in statements of 128, 64, … 1 rows: a
    few shapes only, since the driver keeps each prepared statement it has run (one of a
    thousand rows takes megabytes).
    """
    if not rows:
        return
    preparer = connection.dialect.identifier_preparer
    table = preparer.quote(model.__table__.name)  # type: ignore[attr-defined]
    names = ", ".join(preparer.quote(column) for column in columns)
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    largest = max(1, min(ROWS_PER_STATEMENT, MAX_PARAMETERS // len(columns)))
    start = 0
    while start < len(rows):
        size = min(largest, 1 << ((len(rows) - start).bit_length() - 1))
        chunk = rows[start : start + size]
        start += size
        connection.exec_driver_sql(_insert_sql(table, names, marker, len(columns), size), tuple(chain.from_iterable(chunk)))


@lru_cache(maxsize=256)
def _insert_sql(table: str, names: str, marker: str, width: int, rows: int) -> str:
    one = f"({', '.join([marker] * width)})"
    return f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * rows)}"


def _segment_kinds(segments: tuple[Segment, ...]) -> Any:
    """A function from a character offset to the kind of the first segment holding it ("body" outside every segment)."""
    ordered = sorted(segments, key=lambda segment: segment.start)
    if ordered != list(segments) or any(left.end > right.start for left, right in zip(ordered, ordered[1:])):
        return lambda offset: next((segment.kind for segment in segments if segment.start <= offset < segment.end), "body")
    starts = [segment.start for segment in ordered]

    def kind_at(offset: int) -> str:
        index = bisect_right(starts, offset) - 1
        return ordered[index].kind if index >= 0 and offset < ordered[index].end else "body"

    return kind_at


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _actor_ids(connection: Connection, actors: dict[str, tuple]) -> dict[str, int]:
    """Ids of the actors by key, inserting those not stored yet (safe against a concurrent writer)."""
    wanted = sorted(actors)
    ids: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        ids.update(connection.execute(select(ActorRow.key, ActorRow.id).where(ActorRow.key.in_(chunk))).all())
    missing = [dict(zip(("key", "name", "kind", "country"), actors[key])) for key in wanted if key not in ids]
    if missing:
        dialect = connection.dialect.name
        if dialect in ("sqlite", "postgresql"):
            insert = (sqlite if dialect == "sqlite" else postgresql).insert
            connection.execute(insert(ActorRow).on_conflict_do_nothing(index_elements=["key"]), missing)
        else:
            from sqlalchemy import insert as plain_insert

            connection.execute(plain_insert(ActorRow), missing)
        chunk = [row["key"] for row in missing]
        ids.update(connection.execute(select(ActorRow.key, ActorRow.id).where(ActorRow.key.in_(chunk))).all())
    return ids
