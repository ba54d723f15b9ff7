"""The chronology: one entry per cluster (one real-world event), ordered under uncertainty, filtered by overlap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import (
    CompoundSelect, Connection, Integer, Row, Select, String, bindparam, exists, func, or_, select, text, type_coerce, union_all,
)

from timeline.domain import ChronologyEntry
from timeline.query.frame import Chronology
from timeline.query.labels import date_label
from timeline.query.search import like_pattern, matching_event_ids
from timeline.store.database import create_database_engine, has_table
from timeline.store.tables import SPAN_TRIGGERS, actors, cluster_spans, clusters, documents, event_actors, events

_CHUNK = 500
_CLUSTER_COLUMNS = (
    "id", "value", "mod", "earliest", "latest", "granularity", "date_basis", "category", "text", "actors", "figures",
    "first_reported", "event_count",
)
_DATE_COLUMNS = ("earliest", "latest")
"""Read as ISO text and turned into dates by `_day`."""
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
    clustered, spans_kept = _cluster_schema(connection)
    entries = _cluster_entries(connection, query_filter, spans_kept) if clustered else None
    if entries is None:
        entries = _event_entries(connection, query_filter)
    if any(entry.mod in MOD_ORDER for entry in entries):  # else the statement's order (earliest, latest) stands as it is
        entries.sort(key=lambda entry: (entry.earliest, entry.latest, MOD_ORDER.get(entry.mod or "", 1)))
    return entries


def undated_count(connection: Connection, include_reported: bool = False) -> int:
    """How many entries have no calendar interval (an unknown publication date): they cannot be placed."""
    if _has_clusters(connection):
        return connection.execute(_UNDATED_CLUSTERS if include_reported else _UNDATED_STATED_CLUSTERS).scalar_one()
    return connection.execute(_UNDATED_EVENTS if include_reported else _UNDATED_STATED_EVENTS).scalar_one()


_UNDATED_CLUSTERS = select(func.count()).select_from(clusters).where(clusters.c.earliest.is_(None))
# coalesce keeps the planner on ix_clusters_earliest (few rows), not on every stated cluster
_UNDATED_STATED_CLUSTERS = _UNDATED_CLUSTERS.where(func.coalesce(clusters.c.date_basis, "") == "stated")
_UNDATED_EVENTS = select(func.count()).select_from(events).where(events.c.earliest.is_(None))
_UNDATED_STATED_EVENTS = _UNDATED_EVENTS.where(events.c.date_basis == "stated")


def source_name(source: str | None, title: str | None, path: str | None) -> str:
    """How a document is cited: its source, else its title, else its file name."""
    return source or title or (Path(path).name if path else "unknown source")


def split_list(text: str | None) -> tuple[str, ...]:
    """A `; `-joined list column as a tuple."""
    if not text:
        return ()
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _has_clusters(connection: Connection) -> bool:
    return _cluster_schema(connection)[0] and _has_cluster_rows(connection)


def _has_cluster_rows(connection: Connection) -> bool:
    return connection.execute(_ANY_CLUSTER).first() is not None


_ANY_CLUSTER = select(clusters.c.id).limit(1)
_SQLITE_CLUSTER_SCHEMA = (
    "SELECT type, name, tbl_name FROM sqlite_master WHERE name IN ('clusters', {triggers})"
).format(triggers=", ".join(f"'{name}'" for name in SPAN_TRIGGERS))


def _cluster_schema(connection: Connection) -> tuple[bool, bool | None]:
    """Whether the database has the `clusters` table, and whether the span bounds' triggers are in place (None: not known yet)."""
    if connection.dialect.name != "sqlite":
        return has_table(connection, "clusters"), None
    found = [tuple(row) for row in connection.exec_driver_sql(_SQLITE_CLUSTER_SCHEMA)]
    triggers = sum(1 for kind, _name, table in found if kind == "trigger" and table == "clusters")
    return ("table", "clusters", "clusters") in found, triggers == len(SPAN_TRIGGERS)


def cluster_query(connection: Connection, query_filter: ChronologyFilter) -> Select | CompoundSelect:
    """Clusters overlapping the filter's interval, ordered by earliest, then latest (finer first), then id.

    With the span bounds of migration 0007 in place, each class of clusters (date basis and granularity) is
    read apart through `ix_clusters_chronology` and the classes are merged in order; with a lower end
    (overlap, not `within`) each class starts at `from - its longest span`: the same rows, without reading
    every entry that starts before `from`.
    """
    statement, values = _cluster_statement(connection, query_filter, _cluster_schema(connection)[1])
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


def _cluster_statement(
    connection: Connection, query_filter: ChronologyFilter, spans_kept: bool | None = None
) -> tuple[Select | CompoundSelect, dict[str, object]]:
    """The statement for the filter, with bound parameters, and their values (`spans_kept`: see `span_classes`)."""
    classes = span_classes(connection, query_filter.include_reported, spans_kept=spans_kept) or None
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
    """The ordered, limited statement of one shape, its values left as bound parameters.

    Each row carries its cluster's representative report (event and document) too: a cluster of one report
    needs no second query for its citation.
    """
    cluster = clusters.c
    columns = [
        (type_coerce(getattr(cluster, name), String) if name in _DATE_COLUMNS else getattr(cluster, name)).label(name)
        for name in _CLUSTER_COLUMNS
    ]
    report = [
        events.c.document_id.label("document_id"), events.c.start.label("start"), events.c.end.label("end"),
        events.c.cluster_id.label("report_cluster"), documents.c.id.label("report_document"), documents.c.source.label("source"),
        documents.c.title.label("title"), documents.c.path.label("path"), documents.c.url.label("url"),
    ]
    joined = clusters.outerjoin(events, events.c.id == cluster.event_id).outerjoin(documents, documents.c.id == events.c.document_id)
    query = select(*columns, *report).select_from(joined)
    query = query.where(cluster.earliest.is_not(None), *conditions)
    if not shape.include_reported:
        query = query.where(cluster.date_basis == "stated")
    if shape.start:
        start = bindparam("range_start", type_=cluster.earliest.type)
        query = query.where((cluster.earliest >= start) if shape.within else (cluster.latest > start))
    if shape.end:
        end = bindparam("range_end", type_=cluster.earliest.type)
        query = query.where((cluster.latest <= end) if shape.within else (cluster.earliest < end))
    if shape.category:
        query = query.where(cluster.category == bindparam("category"))
    row_limit = bindparam("row_limit", type_=Integer)
    if shape.classes:
        arms = [
            query.where(
                cluster.date_basis == basis,
                cluster.granularity == granularity if granularity else or_(cluster.granularity.is_(None), cluster.granularity == ""),
                *([cluster.earliest > bindparam(f"class_start_{number}", type_=cluster.earliest.type)] if shape.bounded else []),
            )
            for number, (basis, granularity) in enumerate(shape.classes)
        ]
        if len(arms) > 1:
            merged = union_all(*arms)
            ordered = merged.order_by(merged.selected_columns.earliest, merged.selected_columns.latest, merged.selected_columns.id)
            return ordered.limit(row_limit) if shape.limit else ordered
        query = arms[0]
    query = query.order_by(cluster.earliest, cluster.latest, cluster.id)
    return query.limit(row_limit) if shape.limit else query


_SPAN_TRIGGERS_SQL = {
    "sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'clusters' AND name IN ({names})",
    "postgresql": "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass('clusters') AND tgname IN ({names})",
}


def span_classes(
    connection: Connection, include_reported: bool = False, *, spans_kept: bool | None = None
) -> list[tuple[str, str, int]] | None:
    """Each (date basis, granularity, longest span in days) of the clusters read, or None when no bound is kept.

    The bounds come from `cluster_spans` (migration 0007), trusted only while its triggers are in place
    (`spans_kept`: whether they are, when the caller has looked already); granularity '' stands for clusters without one.
    """
    template = _SPAN_TRIGGERS_SQL.get(connection.dialect.name)
    if template is None or spans_kept is False:
        return None
    if spans_kept is None:
        names = ", ".join(f"'{name}'" for name in SPAN_TRIGGERS)
        if connection.execute(text(template.format(names=names))).scalar_one() != len(SPAN_TRIGGERS):
            return None
    rows = connection.execute(_SPANS_OF_EVERY_BASIS if include_reported else _STATED_SPANS).all()
    return [(basis, granularity, max(int(longest), 0)) for basis, granularity, longest in rows]


_SPANS_OF_EVERY_BASIS = select(cluster_spans.c.date_basis, cluster_spans.c.granularity, cluster_spans.c.longest_days).order_by(
    cluster_spans.c.date_basis, cluster_spans.c.granularity
)
_STATED_SPANS = _SPANS_OF_EVERY_BASIS.where(cluster_spans.c.date_basis == "stated")


def _report_conditions(connection: Connection, query_filter: ChronologyFilter) -> list:  # type: ignore[type-arg]
    """The conditions on a cluster's actors, sources and wording, values inline (they depend on the database)."""
    conditions = []
    reports = select(events.c.cluster_id)
    if query_filter.actor:
        pattern = like_pattern(query_filter.actor.strip())
        named = (
            select(events.c.cluster_id)
            .join(event_actors, event_actors.c.event_id == events.c.id)
            .join(actors, actors.c.id == event_actors.c.actor_id)
            .where(or_(func.lower(actors.c.name).like(pattern, escape="\\"), func.lower(actors.c.key).like(pattern, escape="\\")))
        )
        conditions.append(or_(clusters.c.id.in_(named), func.lower(clusters.c.actors).like(pattern, escape="\\")))
    if query_filter.source:
        conditions.append(clusters.c.id.in_(reports.join(documents).where(_source_condition(query_filter.source))))
    if query_filter.text:
        conditions.append(clusters.c.id.in_(reports.where(events.c.id.in_(matching_event_ids(connection, query_filter.text)))))
    return conditions


_EVENT_COLUMNS = ("key", "value", "mod", "earliest", "latest", "granularity", "text", "date_basis", "category", "document_id", "start", "end")


def event_query(connection: Connection, query_filter: ChronologyFilter) -> Select:
    """Events (a database without clusters) overlapping the filter's interval, in the same order."""
    event = events.c
    query = select(
        *(getattr(event, name) for name in _EVENT_COLUMNS),
        documents.c.source, documents.c.title, documents.c.path, documents.c.url, documents.c.published,
    ).join(documents)
    query = query.where(event.earliest.is_not(None))
    if not query_filter.include_reported:
        query = query.where(event.date_basis == "stated")
    if query_filter.start is not None:
        query = query.where((event.earliest >= query_filter.start) if query_filter.within else (event.latest > query_filter.start))
    if query_filter.end is not None:
        query = query.where((event.latest <= query_filter.end) if query_filter.within else (event.earliest < query_filter.end))
    if query_filter.category:
        query = query.where(event.category == query_filter.category.strip().lower())
    if query_filter.actor and has_table(connection, "event_actors"):
        pattern = like_pattern(query_filter.actor.strip())
        query = query.where(
            exists().where(
                event_actors.c.event_id == event.id,
                actors.c.id == event_actors.c.actor_id,
                or_(func.lower(actors.c.name).like(pattern, escape="\\"), func.lower(actors.c.key).like(pattern, escape="\\")),
            )
        )
    elif query_filter.actor:
        query = query.where(func.lower(event.text).like(like_pattern(query_filter.actor), escape="\\"))
    if query_filter.source:
        query = query.where(_source_condition(query_filter.source))
    if query_filter.text:
        query = query.where(event.id.in_(matching_event_ids(connection, query_filter.text)))
    query = query.order_by(event.earliest, event.latest, event.key)
    return query.limit(query_filter.limit) if query_filter.limit else query


def _source_condition(source: str):  # type: ignore[no-untyped-def]
    pattern = like_pattern(source.strip())
    document = documents.c
    return or_(
        *(func.lower(column).like(pattern, escape="\\") for column in (document.source, document.title, document.url, document.path))
    )


def _cluster_entries(connection: Connection, query_filter: ChronologyFilter, spans_kept: bool | None) -> list[ChronologyEntry] | None:
    """The entries of the clusters matching the filter; None when the database has no cluster at all."""
    statement, values = _cluster_statement(connection, query_filter, spans_kept)
    rows = connection.execute(statement, values).all()
    if not rows and not _has_cluster_rows(connection):
        return None
    alone = [_cites_its_own_row(row) for row in rows]
    shared = [row[0] for row, one in zip(rows, alone) if not one]
    reports = _reports_of(connection, shared) if shared else {}
    entries = []
    for one, (cluster_id, value, mod, earliest, latest, granularity, date_basis, category, wording, actor_list, figure_list,
              first_reported, event_count, document_id, start, end, _cluster, _document, source, title, path, url) in zip(alone, rows):
        if one:
            name = source_name(source, title, path)
            citations: tuple = ((name, url),)
            sources: tuple[str, ...] = (name,)
            urls: tuple[str, ...] = (url,) if url else ()
        else:
            citations = _unique((name, url) for name, url, _published in reports.get(cluster_id, ()))
            sources = _unique(name for name, _url in citations)
            urls = _unique(url for _name, url in citations if url)
        entries.append(
            _entry(
                cluster_id, value, mod, _day(earliest), _day(latest), granularity, _label(value, mod), wording, sources, urls,
                date_basis, document_id or 0, start or 0, end or 0, split_list(actor_list) if actor_list else (),
                split_list(figure_list) if figure_list else (), category, first_reported, event_count, citations,
            )
        )
    return entries


def _cites_its_own_row(row: Row) -> bool:  # type: ignore[type-arg]
    """True for a cluster of one report whose report (event and document) is joined to its row: no query for its citation."""
    return row.event_count == 1 and row.report_cluster == row.id and row.report_document is not None


def _day(text: str | None) -> date | None:
    """A date read from its ISO text (the statement reads `earliest` and `latest` as text: fewer conversions)."""
    return None if text is None else _from_iso(text)


_from_iso = date.fromisoformat


_ENTRY_FIELDS = tuple(field.name for field in fields(ChronologyEntry))


def _entry(*values: object) -> ChronologyEntry:
    """The entry `ChronologyEntry(*values)` (every field's value, in order), made without its generated `__init__`.

    A frozen dataclass's `__init__` sets its twenty fields one `object.__setattr__` at a time, a third of the
    time a chronology query takes in Python; ChronologyEntry checks nothing on creation, so its fields are set at
    once (tests/query/test_chronology_entries.py holds the two ways equal).
    """
    entry = _new_object(ChronologyEntry)
    entry.__dict__.update(zip(_ENTRY_FIELDS, values))
    return entry


_new_object = object.__new__


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
    document = documents.c
    return (
        select(events.c.cluster_id, document.source, document.title, document.path, document.url, document.published)
        .join(documents)
        .where(events.c.cluster_id.in_(bindparam("cluster_ids", expanding=True)))
        .order_by(events.c.cluster_id, document.published.is_(None), document.published, document.id)
    )


def _event_entries(connection: Connection, query_filter: ChronologyFilter) -> list[ChronologyEntry]:
    entries = []
    for (key, value, mod, earliest, latest, granularity, wording, date_basis, category, document_id, start, end,
         source, title, path, url, published) in connection.execute(event_query(connection, query_filter)):
        name = source_name(source, title, path)
        entries.append(
            ChronologyEntry(
                key, value, mod, earliest, latest, granularity, _label(value, mod), wording, (name,), (url,) if url else (),
                date_basis, document_id, start, end, category=category, reported=published, citations=((name, url),),
            )
        )
    return entries


def _unique(items) -> tuple:  # type: ignore[no-untyped-def]
    return tuple(dict.fromkeys(items))
