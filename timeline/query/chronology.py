"""The chronology: one entry per cluster (one real-world event), ordered under uncertainty, filtered by overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import CompoundSelect, Connection, Integer, Select, bindparam, exists, func, inspect, or_, select, text, union_all

from timeline.domain import ChronologyEntry
from timeline.query.frame import Chronology
from timeline.query.labels import date_label
from timeline.query.search import like_pattern, matching_event_ids
from timeline.store.database import create_database_engine
from timeline.store.models import Document, EventRow

_CHUNK = 500
_CLUSTER_COLUMNS = (
    "id", "value", "mod", "earliest", "latest", "granularity", "date_basis", "category", "text", "actors", "figures",
    "first_reported", "event_count",
)
MOD_ORDER = {"START": 0, "EARLY": 0, "ON_OR_AFTER": 0, "END": 2, "LATE": 2, "ON_OR_BEFORE": 2}
"""On the same interval, "early 2024" comes before "2024", which comes before "late 2024"."""


@dataclass(frozen=True)
class ChronologyFilter:
    """What to keep: entries whose interval [earliest, latest) overlaps [start, end), and the other filters."""

    start: date | None = None
    end: date | None = None
    actor: str | None = None
    text: str | None = None
    category: str | None = None
    source: str | None = None
    include_reported: bool = False
    limit: int | None = None
    within: bool = False


def chronology(
    db: str,
    start: date | str | None = None,
    end: date | str | None = None,
    actor: str | None = None,
    text: str | None = None,
    category: str | None = None,
    era: str | None = None,
    include_reported: bool = False,
    *,
    source: str | None = None,
    limit: int | None = None,
    within: bool = False,
    today: date | None = None,
) -> Chronology:
    """The chronology of the database `db` (a path or URL), one entry per cluster, ordered by date.

    `start` and `end` take dates or what a person types ("2022", "June 2022", "summer 2024",
    "last year" counted from `today`, an era name): an entry is kept when its interval overlaps
    [start, end]. `era` keeps entries overlapping that named period. `actor`, `category` and
    `source` match case-insensitively; `text` is a full-text search of the reports' wording.
    Entries dated only by their publication date come back with `include_reported=True`;
    `within=True` keeps only entries whose whole interval lies inside [start, end].

    >>> entries = chronology(seeded_db, start="June 2024", text="announced")
    >>> [(entry.label, entry.value) for entry in entries]
    [('1 Jun 2024', '2024-06-01')]
    >>> entries.to_frame()[["label", "earliest", "latest"]].astype(str).values.tolist()
    [['1 Jun 2024', '2024-06-01', '2024-06-02']]
    """
    engine = create_database_engine(db, read_only=True)
    try:
        with engine.connect() as connection:
            from timeline.query.filters import resolve_filter

            query_filter = resolve_filter(
                connection, start, end, era, today=today, actor=actor, text=text, category=category,
                source=source, include_reported=include_reported, limit=limit, within=within,
            )
            return Chronology(entries_of(connection, query_filter))
    finally:
        engine.dispose()


def entries_of(connection: Connection, query_filter: ChronologyFilter) -> list[ChronologyEntry]:
    """The entries matching the filter: from clusters when the database has them, else from events."""
    if _has_clusters(connection):
        entries = _cluster_entries(connection, query_filter)
    else:
        entries = _event_entries(connection, query_filter)
    entries.sort(key=lambda entry: (entry.earliest, entry.latest, MOD_ORDER.get(entry.mod or "", 1)))
    return entries


def undated_count(connection: Connection, include_reported: bool = False) -> int:
    """How many entries have no calendar interval (an unknown publication date): they cannot be placed."""
    if _has_clusters(connection):
        from timeline.store.models_events import ClusterRow

        query = select(func.count()).select_from(ClusterRow).where(ClusterRow.earliest.is_(None))
        if not include_reported:
            # coalesce keeps the planner on ix_clusters_earliest (few rows), not on every stated cluster
            query = query.where(func.coalesce(ClusterRow.date_basis, "") == "stated")
        return connection.execute(query).scalar_one()
    query = select(func.count()).select_from(EventRow).where(EventRow.earliest.is_(None))
    if not include_reported:
        query = query.where(EventRow.date_basis == "stated")
    return connection.execute(query).scalar_one()


def source_name(source: str | None, title: str | None, path: str | None) -> str:
    """How a document is cited: its source, else its title, else its file name."""
    return source or title or (Path(path).name if path else "unknown source")


def split_list(text: str | None) -> tuple[str, ...]:
    """A `; `-joined list column as a tuple."""
    return tuple(part.strip() for part in (text or "").split(";") if part.strip())


def _has_clusters(connection: Connection) -> bool:
    if not inspect(connection).has_table("clusters"):
        return False
    from timeline.store.models_events import ClusterRow

    return connection.execute(select(ClusterRow.id).limit(1)).first() is not None


def cluster_query(connection: Connection, query_filter: ChronologyFilter) -> Select | CompoundSelect:
    """Clusters overlapping the filter's interval, ordered by earliest, then latest (finer first), then id.

    With the span bounds of migration 0007 in place, each class of clusters (date basis and granularity) is
    read apart through `ix_clusters_chronology` and the classes are merged in order; with a lower end
    (overlap, not `within`) each class starts at `from - its longest span`: the same rows, without reading
    every entry that starts before `from`.
    """
    statement, values = _cluster_statement(connection, query_filter)
    return statement.params(**values) if values else statement


@dataclass(frozen=True)
class _QueryShape:
    """What a cluster statement is built from, its values aside: statements of one shape are built once."""

    classes: tuple[tuple[str, str], ...] | None
    bounded: bool
    start: bool
    end: bool
    within: bool
    include_reported: bool
    category: bool
    limit: bool


def _cluster_statement(connection: Connection, query_filter: ChronologyFilter) -> tuple[Select | CompoundSelect, dict[str, object]]:
    """The statement for the filter, with bound parameters, and their values."""
    classes = span_classes(connection, query_filter.include_reported) or None
    bounded = query_filter.start is not None and not query_filter.within
    shape = _QueryShape(
        classes=tuple((basis, granularity) for basis, granularity, _longest in classes) if classes else None,
        bounded=bounded,
        start=query_filter.start is not None,
        end=query_filter.end is not None,
        within=query_filter.within,
        include_reported=query_filter.include_reported,
        category=bool(query_filter.category),
        limit=bool(query_filter.limit),
    )
    values: dict[str, object] = {}
    if query_filter.start is not None:
        values["range_start"] = query_filter.start
    if query_filter.end is not None:
        values["range_end"] = query_filter.end
    if query_filter.category:
        values["category"] = query_filter.category.strip().lower()
    if query_filter.limit:
        values["row_limit"] = query_filter.limit
    for number, (_basis, _granularity, longest) in enumerate(classes or ()):
        if bounded:
            values[f"class_start_{number}"] = query_filter.start - timedelta(days=longest)  # type: ignore[operator]
    if query_filter.actor or query_filter.source or query_filter.text:
        return _build_cluster_statement(shape, tuple(_report_conditions(connection, query_filter))), values
    return _shared_cluster_statement(shape), values


@lru_cache(maxsize=64)
def _shared_cluster_statement(shape: _QueryShape) -> Select | CompoundSelect:
    return _build_cluster_statement(shape, ())


def _build_cluster_statement(shape: _QueryShape, conditions: tuple) -> Select | CompoundSelect:  # type: ignore[type-arg]
    """The ordered, limited statement of one shape, its values left as bound parameters."""
    from timeline.store.models_events import ClusterRow

    columns = [getattr(ClusterRow, name).label(name) for name in _CLUSTER_COLUMNS]
    report = [EventRow.document_id.label("document_id"), EventRow.start.label("start"), EventRow.end.label("end")]
    query = select(*columns, *report).outerjoin(EventRow, EventRow.id == ClusterRow.event_id)
    query = query.where(ClusterRow.earliest.is_not(None), *conditions)
    if not shape.include_reported:
        query = query.where(ClusterRow.date_basis == "stated")
    if shape.start:
        start = bindparam("range_start", type_=ClusterRow.earliest.type)
        query = query.where((ClusterRow.earliest >= start) if shape.within else (ClusterRow.latest > start))
    if shape.end:
        end = bindparam("range_end", type_=ClusterRow.earliest.type)
        query = query.where((ClusterRow.latest <= end) if shape.within else (ClusterRow.earliest < end))
    if shape.category:
        query = query.where(ClusterRow.category == bindparam("category"))
    row_limit = bindparam("row_limit", type_=Integer)
    if shape.classes:
        arms = [
            query.where(
                ClusterRow.date_basis == basis,
                ClusterRow.granularity == granularity if granularity else or_(ClusterRow.granularity.is_(None), ClusterRow.granularity == ""),
                *([ClusterRow.earliest > bindparam(f"class_start_{number}", type_=ClusterRow.earliest.type)] if shape.bounded else []),
            )
            for number, (basis, granularity) in enumerate(shape.classes)
        ]
        if len(arms) > 1:
            merged = union_all(*arms)
            ordered = merged.order_by(merged.selected_columns.earliest, merged.selected_columns.latest, merged.selected_columns.id)
            return ordered.limit(row_limit) if shape.limit else ordered
        query = arms[0]
    query = query.order_by(ClusterRow.earliest, ClusterRow.latest, ClusterRow.id)
    return query.limit(row_limit) if shape.limit else query


_SPAN_TRIGGERS_SQL = {
    "sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'clusters' AND name IN ({names})",
    "postgresql": "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass('clusters') AND tgname IN ({names})",
}


def span_classes(connection: Connection, include_reported: bool = False) -> list[tuple[str, str, int]] | None:
    """Each (date basis, granularity, longest span in days) of the clusters read, or None when no bound is kept.

    The bounds come from `cluster_spans` (migration 0007), trusted only while its triggers are in place;
    granularity '' stands for clusters without one.
    """
    from timeline.store.models_spans import SPAN_TRIGGERS, ClusterSpanRow

    template = _SPAN_TRIGGERS_SQL.get(connection.dialect.name)
    if template is None:
        return None
    names = ", ".join(f"'{name}'" for name in SPAN_TRIGGERS)
    if connection.execute(text(template.format(names=names))).scalar_one() != len(SPAN_TRIGGERS):
        return None
    query = select(ClusterSpanRow.date_basis, ClusterSpanRow.granularity, ClusterSpanRow.longest_days)
    if not include_reported:
        query = query.where(ClusterSpanRow.date_basis == "stated")
    rows = connection.execute(query.order_by(ClusterSpanRow.date_basis, ClusterSpanRow.granularity)).all()
    return [(basis, granularity, max(int(longest), 0)) for basis, granularity, longest in rows]


def _report_conditions(connection: Connection, query_filter: ChronologyFilter) -> list:  # type: ignore[type-arg]
    """The conditions on a cluster's actors, sources and wording, values inline (they depend on the database)."""
    from timeline.store.models_events import ActorRow, ClusterRow, EventActorRow

    conditions = []
    reports = select(EventRow.cluster_id)
    if query_filter.actor:
        pattern = like_pattern(query_filter.actor.strip())
        named = (
            select(EventRow.cluster_id)
            .join(EventActorRow, EventActorRow.event_id == EventRow.id)
            .join(ActorRow, ActorRow.id == EventActorRow.actor_id)
            .where(or_(func.lower(ActorRow.name).like(pattern, escape="\\"), func.lower(ActorRow.key).like(pattern, escape="\\")))
        )
        conditions.append(or_(ClusterRow.id.in_(named), func.lower(ClusterRow.actors).like(pattern, escape="\\")))
    if query_filter.source:
        conditions.append(ClusterRow.id.in_(reports.join(Document).where(_source_condition(query_filter.source))))
    if query_filter.text:
        conditions.append(ClusterRow.id.in_(reports.where(EventRow.id.in_(matching_event_ids(connection, query_filter.text)))))
    return conditions


def event_query(connection: Connection, query_filter: ChronologyFilter) -> Select:
    """Events (a database without clusters) overlapping the filter's interval, in the same order."""
    query = select(EventRow, Document.source, Document.title, Document.path, Document.url, Document.published).join(Document)
    query = query.where(EventRow.earliest.is_not(None))
    if not query_filter.include_reported:
        query = query.where(EventRow.date_basis == "stated")
    if query_filter.start is not None:
        query = query.where((EventRow.earliest >= query_filter.start) if query_filter.within else (EventRow.latest > query_filter.start))
    if query_filter.end is not None:
        query = query.where((EventRow.latest <= query_filter.end) if query_filter.within else (EventRow.earliest < query_filter.end))
    if query_filter.category:
        query = query.where(EventRow.category == query_filter.category.strip().lower())
    if query_filter.actor and inspect(connection).has_table("event_actors"):
        from timeline.store.models_events import ActorRow, EventActorRow

        pattern = like_pattern(query_filter.actor.strip())
        query = query.where(
            exists().where(
                EventActorRow.event_id == EventRow.id,
                ActorRow.id == EventActorRow.actor_id,
                or_(func.lower(ActorRow.name).like(pattern, escape="\\"), func.lower(ActorRow.key).like(pattern, escape="\\")),
            )
        )
    elif query_filter.actor:
        query = query.where(func.lower(EventRow.text).like(like_pattern(query_filter.actor), escape="\\"))
    if query_filter.source:
        query = query.where(_source_condition(query_filter.source))
    if query_filter.text:
        query = query.where(EventRow.id.in_(matching_event_ids(connection, query_filter.text)))
    query = query.order_by(EventRow.earliest, EventRow.latest, EventRow.key)
    return query.limit(query_filter.limit) if query_filter.limit else query


def _source_condition(source: str):  # type: ignore[no-untyped-def]
    pattern = like_pattern(source.strip())
    return or_(
        *(func.lower(column).like(pattern, escape="\\") for column in (Document.source, Document.title, Document.url, Document.path))
    )


def _cluster_entries(connection: Connection, query_filter: ChronologyFilter) -> list[ChronologyEntry]:
    statement, values = _cluster_statement(connection, query_filter)
    rows = connection.execute(statement, values).all()
    reports = _reports_of(connection, [row.id for row in rows])
    entries = []
    for cluster in rows:
        document_id, start, end = cluster[-3:]
        citations = _unique((name, url) for name, url, _published in reports.get(cluster.id, []))
        entries.append(
            _entry(
                cluster, cluster.id, citations, document_id or 0, start or 0, end or 0,
                actors=split_list(cluster.actors), figures=split_list(cluster.figures),
                reported=cluster.first_reported, event_count=cluster.event_count,
            )
        )
    return entries


def _entry(dated, entry_id: str, citations, document_id: int, start: int, end: int, **details) -> ChronologyEntry:  # type: ignore[no-untyped-def]
    """An entry from a row carrying the date, wording, basis and category, with its citations."""
    return ChronologyEntry(
        event_id=entry_id,
        value=dated.value,
        mod=dated.mod,
        earliest=dated.earliest,
        latest=dated.latest,
        granularity=dated.granularity,
        label=_label(dated.value, dated.mod),
        text=dated.text,
        sources=_unique(name for name, _url in citations),
        urls=_unique(url for _name, url in citations if url),
        date_basis=dated.date_basis,
        document_id=document_id,
        start=start,
        end=end,
        category=getattr(dated, "category", None),
        citations=tuple(citations),
        **details,
    )


_label = lru_cache(maxsize=4096)(date_label)
"""Labels repeat across entries (every '1 Jun 2024'): each is worked out once."""


def _reports_of(connection: Connection, cluster_ids: Sequence[str]) -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Each cluster's reports as (source name, url, publication date), earliest publication first."""
    reports: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for offset in range(0, len(cluster_ids), _CHUNK):
        chunk = list(cluster_ids[offset : offset + _CHUNK])
        for cluster_id, source, title, path, url, published in connection.execute(_reports_statement(), {"cluster_ids": chunk}):
            reports.setdefault(cluster_id, []).append((source_name(source, title, path), url, published))
    return reports


@lru_cache(maxsize=1)
def _reports_statement() -> Select:
    """The reports of the clusters `:cluster_ids`, by cluster, earliest publication first (built once)."""
    return (
        select(EventRow.cluster_id, Document.source, Document.title, Document.path, Document.url, Document.published)
        .join(Document)
        .where(EventRow.cluster_id.in_(bindparam("cluster_ids", expanding=True)))
        .order_by(EventRow.cluster_id, Document.published.is_(None), Document.published, Document.id)
    )


def _event_entries(connection: Connection, query_filter: ChronologyFilter) -> list[ChronologyEntry]:
    return [
        _entry(event, event.key, ((source_name(source, title, path), url),), event.document_id, event.start, event.end, reported=published)
        for event, source, title, path, url, published in _orm_rows(connection, event_query(connection, query_filter))
    ]


def _orm_rows(connection: Connection, query: Select) -> list:  # type: ignore[type-arg]
    """Rows with model instances (a Core connection alone would flatten them into columns)."""
    from sqlalchemy.orm import Session

    with Session(bind=connection) as session:
        rows = session.execute(query).all()
        session.expunge_all()
        return rows


def _unique(items) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return tuple(dict.fromkeys(items))
