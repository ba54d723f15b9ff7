"""The chronology in SQLAlchemy Core: one entry per cluster (one real-world event), ordered under uncertainty, filtered by overlap.

These statements are the single source of truth of the read path: PostgreSQL and every other database run them;
a local SQLite file runs their text compiled for SQLite (`timeline/query/sqlite_statements.py`, generated from them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import lru_cache

from sqlalchemy import (
    ColumnElement, CompoundSelect, Connection, Integer, Select, String, bindparam, exists, func, or_, select, text, type_coerce,
    union_all,
)

from timeline.domain import ChronologyEntry
from timeline.query.chronology_entries import (
    CLUSTER_COLUMNS, EVENT_COLUMNS, REPORT_COLUMNS, cluster_schema_of, read_entries,
)
from timeline.query.chronology_filter import ChronologyFilter
from timeline.query.frame import Chronology
from timeline.query.periods import Period
from timeline.query.search import matching_event_ids, text_search_kind
from timeline.query.statement_shape import (
    ClusterShape, EventShape, SpanClass, class_conditions, class_parameter, cluster_conditions, cluster_shape, event_conditions,
    event_shape, statement_values,
)
from timeline.store.database import has_table, read_only_connection
from timeline.store.tables import SPAN_TRIGGERS, actors, cluster_spans, clusters, documents, event_actors, events

STREAM_CHUNK = 1000
"""Rows fetched from the database at a time while a chronology streams."""
_DATE_COLUMNS = ("earliest", "latest")
"""Read as ISO text and turned into dates by the entries (`timeline/query/chronology_entries.py`)."""


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

    `timeline.chronology` calls it with the command line's words (from_, to, grep, reported):

    >>> entries = chronology(seeded_db, from_="June 2024", grep="announced")
    >>> [(entry.label, entry.value) for entry in entries]
    [('1 Jun 2024', '2024-06-01')]
    >>> entries.to_frame()[["label", "earliest", "latest"]].astype(str).values.tolist()
    [['1 Jun 2024', '2024-06-01', '2024-06-02']]
    """
    from timeline.query.filters import filter_of

    with read_only_connection(db) as connection:
        reader = CoreReader(connection)
        query_filter = filter_of(
            reader.periods, start, end, era, today=today, actor=actor, text=text, category=category,
            source=source, include_reported=include_reported, limit=limit, within=within,
        )
        return Chronology(read_entries(reader, query_filter))


def entries_of(connection: Connection, query_filter: ChronologyFilter) -> list[ChronologyEntry]:
    """The entries matching the filter: from clusters when the database has them, else from events."""
    return read_entries(CoreReader(connection), query_filter)


class CoreReader:
    """The chronology's statements run through a SQLAlchemy connection (any database)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def cluster_schema(self) -> tuple[bool, bool | None]:
        """Whether there is a `clusters` table, and whether its span triggers are in place (None: not known yet)."""
        return _cluster_schema(self.connection)

    def span_classes(self, include_reported: bool, spans_kept: bool | None) -> list[SpanClass] | None:
        """Each (date basis, granularity, longest span in days) of the clusters read, or None when no bound is kept."""
        return span_classes(self.connection, include_reported, spans_kept=spans_kept)

    def cluster_rows(self, query_filter: ChronologyFilter, classes: list[SpanClass] | None) -> Iterator[Sequence]:  # type: ignore[type-arg]
        """The cluster rows matching the filter, in order, read as they are needed (a server-side cursor on PostgreSQL)."""
        return self._streamed(*_cluster_statement_and_values(self.connection, query_filter, classes))

    def has_cluster_rows(self) -> bool:
        """True when the `clusters` table holds a row."""
        return self.connection.execute(ANY_CLUSTER).first() is not None

    def report_rows(self, cluster_ids: Sequence[str]) -> list[Sequence]:  # type: ignore[type-arg]
        """(cluster id, source, title, path, url, published, document id, start, end) of every report of the clusters,
        earliest publication first."""
        return self.connection.execute(reports_statement(), {"cluster_ids": list(cluster_ids)}).all()

    def event_rows(self, query_filter: ChronologyFilter) -> Iterator[Sequence]:  # type: ignore[type-arg]
        """The event rows matching the filter, in order, read as they are needed."""
        return self._streamed(*_event_statement_and_values(self.connection, query_filter))

    def _streamed(self, statement, values: dict[str, object]) -> Iterator[Sequence]:  # type: ignore[no-untyped-def,type-arg]
        """The statement's rows fetched STREAM_CHUNK at a time, never all at once."""
        result = self.connection.execution_options(stream_results=True, yield_per=STREAM_CHUNK).execute(statement, values)
        with result:
            yield from result

    def undated_count(self, clustered: bool, include_reported: bool) -> int:
        """How many clusters (or events) have no calendar interval, nor a month or day whose year alone is unknown."""
        return self.connection.execute(UNDATED[clustered, include_reported]).scalar_one()

    def periods(self) -> list[Period]:
        """The named periods stored in the database, by start date."""
        from timeline.query.period_table import stored_periods

        return stored_periods(self.connection)


ANY_CLUSTER = select(clusters.c.id).limit(1)
"""One cluster's id, if there is any cluster."""


def _text_kind(connection: Connection, query_filter: ChronologyFilter) -> str | None:
    return text_search_kind(connection, query_filter.text) if query_filter.text else None


def _cluster_schema(connection: Connection) -> tuple[bool, bool | None]:
    """Whether the database has the `clusters` table, and whether the span bounds' triggers are in place (None: not known yet)."""
    if connection.dialect.name != "sqlite":
        return has_table(connection, "clusters"), None
    return cluster_schema_of((tuple(row) for row in connection.exec_driver_sql(SQLITE_CLUSTER_SCHEMA)), len(SPAN_TRIGGERS))


SQLITE_CLUSTER_SCHEMA = (
    "SELECT type, name, tbl_name FROM sqlite_master WHERE name IN ('clusters', {triggers})"
).format(triggers=", ".join(f"'{name}'" for name in SPAN_TRIGGERS))
"""The `clusters` table and its span triggers, as SQLite's catalogue lists them."""
SPAN_TRIGGERS_SQL = {
    dialect: template.format(names=", ".join(f"'{name}'" for name in SPAN_TRIGGERS))
    for dialect, template in {
        "sqlite": "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'clusters' AND name IN ({names})",
        "postgresql": "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass('clusters') AND tgname IN ({names})",
    }.items()
}
"""How many of the span triggers are in place, by dialect."""


def cluster_query(connection: Connection, query_filter: ChronologyFilter) -> Select | CompoundSelect:
    """Clusters overlapping the filter's interval, ordered by earliest, then latest (finer first), then id.

    With the span bounds of migration 0007 in place, each class of clusters (date basis and granularity) is
    read apart through `ix_clusters_chronology` and the classes are merged in order; with a lower end
    (overlap, not `within`) each class starts at `from - its longest span`: the same rows, without reading
    every entry that starts before `from`.
    """
    classes = span_classes(connection, query_filter.include_reported, spans_kept=_cluster_schema(connection)[1])
    statement, values = _cluster_statement_and_values(connection, query_filter, classes)
    return statement.params(**values) if values else statement


def _cluster_statement_and_values(
    connection: Connection, query_filter: ChronologyFilter, classes: list[SpanClass] | None
) -> tuple[Select | CompoundSelect, dict[str, object]]:  # type: ignore[type-arg]
    """The cluster statement for the filter over these span classes, and the values of its bound parameters."""
    shape = cluster_shape(query_filter, classes, _text_kind(connection, query_filter))
    return build_cluster_statement(shape), statement_values(query_filter, classes)


def _actor_named() -> ColumnElement[bool]:
    """An actor of the event (joined as `actors`) whose name or key matches `:actor_pattern`."""
    pattern = bindparam("actor_pattern")
    return or_(func.lower(actors.c.name).like(pattern, escape="\\"), func.lower(actors.c.key).like(pattern, escape="\\"))


def _source_condition() -> ColumnElement[bool]:
    """A document whose source, title, url or path matches `:source_pattern`."""
    pattern = bindparam("source_pattern")
    document = documents.c
    return or_(
        *(func.lower(column).like(pattern, escape="\\") for column in (document.source, document.title, document.url, document.path))
    )


YEAR_UNKNOWN_SEASONS = ("XXXX-SP", "XXXX-SU", "XXXX-FA", "XXXX-WI")
"""With the values XXXX-MM and XXXX-MM-DD, what an entry whose year alone is unknown is dated by."""


def _range_conditions(table) -> dict[str, Callable[[], ColumnElement[bool]]]:  # type: ignore[no-untyped-def]
    """The conditions on a table's dates, basis and category, by name (`timeline/query/statement_shape.py`)."""
    column = table.c
    return {
        "dated": lambda: column.earliest.is_not(None),
        "year_unknown": lambda: column.earliest.is_(None) & or_(
            column.value.like("XXXX-0%"), column.value.like("XXXX-1%"), *(column.value == season for season in YEAR_UNKNOWN_SEASONS)
        ),
        "stated": lambda: column.date_basis == "stated",
        "start_overlap": lambda: column.latest > bindparam("range_start", type_=column.earliest.type),
        "start_within": lambda: column.earliest >= bindparam("range_start", type_=column.earliest.type),
        "end_overlap": lambda: column.earliest < bindparam("range_end", type_=column.earliest.type),
        "end_within": lambda: column.latest <= bindparam("range_end", type_=column.earliest.type),
        "category": lambda: column.category == bindparam("category"),
    }


def _cluster_naming_actor() -> ColumnElement[bool]:
    """A cluster with a report naming an actor that matches `:actor_pattern`, or whose actor list matches it."""
    named = (
        select(events.c.cluster_id)
        .join(event_actors, event_actors.c.event_id == events.c.id)
        .join(actors, actors.c.id == event_actors.c.actor_id)
        .where(_actor_named())
    )
    return or_(clusters.c.id.in_(named), func.lower(clusters.c.actors).like(bindparam("actor_pattern"), escape="\\"))


CLUSTER_CONDITIONS: dict[str, Callable[[], ColumnElement[bool]]] = {
    **_range_conditions(clusters),
    "actor": _cluster_naming_actor,
    "source": lambda: clusters.c.id.in_(select(events.c.cluster_id).join(documents).where(_source_condition())),
    **{
        f"text_{kind}": (lambda kind=kind: clusters.c.id.in_(select(events.c.cluster_id).where(events.c.id.in_(matching_event_ids(kind)))))
        for kind in ("fts", "like", "postgresql")
    },
}
"""The conditions every class of a cluster statement may share, by the names `cluster_conditions` gives."""

CLASS_CONDITIONS: dict[str, Callable[[int | str], ColumnElement[bool]]] = {
    "class_basis": lambda number: clusters.c.date_basis == bindparam(class_parameter("class_basis", number)),
    "class_granularity": lambda number: clusters.c.granularity == bindparam(class_parameter("class_granularity", number)),
    "class_no_granularity": lambda _number: or_(clusters.c.granularity.is_(None), clusters.c.granularity == ""),
    "class_start": lambda number: clusters.c.earliest > bindparam(class_parameter("class_start", number), type_=clusters.c.earliest.type),
}
"""The conditions picking the class numbered `number` (date basis and granularity) and its lower bound."""


def cluster_head() -> Select:  # type: ignore[type-arg]
    """The columns of a cluster statement, before any condition: the cluster, then its representative report.

    Each row carries its cluster's representative report (event and document) too: a cluster of one report
    needs no second query for its citation.
    """
    cluster = clusters.c
    columns = [
        (type_coerce(getattr(cluster, name), String) if name in _DATE_COLUMNS else getattr(cluster, name)).label(name)
        for name in CLUSTER_COLUMNS
    ]
    reported_by = {
        "document_id": events.c.document_id, "start": events.c.start, "end": events.c.end, "report_cluster": events.c.cluster_id,
        "report_document": documents.c.id, "source": documents.c.source, "title": documents.c.title, "path": documents.c.path,
        "url": documents.c.url, "published": documents.c.published,
    }
    report = [reported_by[name].label(name) for name in REPORT_COLUMNS]
    joined = clusters.outerjoin(events, events.c.id == cluster.event_id).outerjoin(documents, documents.c.id == events.c.document_id)
    return select(*columns, *report).select_from(joined)


@lru_cache(maxsize=256)
def build_cluster_statement(shape: ClusterShape) -> Select | CompoundSelect:  # type: ignore[type-arg]
    """The ordered, limited statement of one shape, every value a bound parameter (see `statement_values`)."""
    cluster = clusters.c
    query = cluster_head().where(*(CLUSTER_CONDITIONS[name]() for name in cluster_conditions(shape)))
    row_limit = bindparam("row_limit", type_=Integer)
    if shape.classes:
        arms = [
            query.where(*(CLASS_CONDITIONS[name](number) for name in class_conditions(granular, shape.bounded)))
            for number, granular in enumerate(shape.classes)
        ]
        if len(arms) > 1:
            merged = union_all(*arms)
            ordered = merged.order_by(merged.selected_columns.earliest, merged.selected_columns.latest, merged.selected_columns.id)
            return ordered.limit(row_limit) if shape.limit else ordered
        query = arms[0]
    if shape.year_unknown:
        query = query.order_by(cluster.value, cluster.id)
    else:
        query = query.order_by(cluster.earliest, cluster.latest, cluster.id)
    return query.limit(row_limit) if shape.limit else query


def span_classes(
    connection: Connection, include_reported: bool = False, *, spans_kept: bool | None = None
) -> list[SpanClass] | None:
    """Each (date basis, granularity, longest span in days) of the clusters read, or None when no bound is kept.

    The bounds come from `cluster_spans` (migration 0007), trusted only while its triggers are in place
    (`spans_kept`: whether they are, when the caller has looked already); granularity '' stands for clusters without one.
    """
    template = SPAN_TRIGGERS_SQL.get(connection.dialect.name)
    if template is None or spans_kept is False:
        return None
    if spans_kept is None and connection.execute(text(template)).scalar_one() != len(SPAN_TRIGGERS):
        return None
    rows = connection.execute(SPANS[include_reported]).all()
    return [(basis, granularity, max(int(longest), 0)) for basis, granularity, longest in rows]


_SPANS_OF_EVERY_BASIS = select(cluster_spans.c.date_basis, cluster_spans.c.granularity, cluster_spans.c.longest_days).order_by(
    cluster_spans.c.date_basis, cluster_spans.c.granularity
)
SPANS = {True: _SPANS_OF_EVERY_BASIS, False: _SPANS_OF_EVERY_BASIS.where(cluster_spans.c.date_basis == "stated")}
"""The span classes of every cluster (True) or of the clusters dated by their own words (False)."""


EVENT_CONDITIONS: dict[str, Callable[[], ColumnElement[bool]]] = {
    **_range_conditions(events),
    "actor_actors": lambda: exists().where(
        event_actors.c.event_id == events.c.id, actors.c.id == event_actors.c.actor_id, _actor_named()
    ),
    "actor_text": lambda: func.lower(events.c.text).like(bindparam("actor_text_pattern"), escape="\\"),
    "source": _source_condition,
    **{f"text_{kind}": (lambda kind=kind: events.c.id.in_(matching_event_ids(kind))) for kind in ("fts", "like", "postgresql")},
}
"""The conditions of an event statement, by the names `event_conditions` gives."""

_UNDATED_CLUSTERS = select(func.count()).select_from(clusters).where(
    clusters.c.earliest.is_(None), ~CLUSTER_CONDITIONS["year_unknown"]()
)
_UNDATED_EVENTS = select(func.count()).select_from(events).where(events.c.earliest.is_(None), ~EVENT_CONDITIONS["year_unknown"]())
UNDATED = {
    (True, True): _UNDATED_CLUSTERS,
    # coalesce keeps the planner on ix_clusters_earliest (few rows), not on every stated cluster
    (True, False): _UNDATED_CLUSTERS.where(func.coalesce(clusters.c.date_basis, "") == "stated"),
    (False, True): _UNDATED_EVENTS,
    (False, False): _UNDATED_EVENTS.where(events.c.date_basis == "stated"),
}
"""The count of undated entries, by (read from clusters, include entries dated by their report)."""


def event_head() -> Select:  # type: ignore[type-arg]
    """The columns of an event statement, before any condition: the event, then its document's."""
    event = events.c
    columns = [type_coerce(getattr(event, name), String).label(name) if name in _DATE_COLUMNS else getattr(event, name) for name in EVENT_COLUMNS]
    return select(*columns, documents.c.source, documents.c.title, documents.c.path, documents.c.url, documents.c.published).join(documents)


@lru_cache(maxsize=256)
def build_event_statement(shape: EventShape) -> Select:  # type: ignore[type-arg]
    """The ordered, limited event statement of one shape, every value a bound parameter (see `statement_values`)."""
    event = events.c
    query = event_head().where(*(EVENT_CONDITIONS[name]() for name in event_conditions(shape)))
    query = query.order_by(event.value, event.key) if shape.year_unknown else query.order_by(event.earliest, event.latest, event.key)
    return query.limit(bindparam("row_limit", type_=Integer)) if shape.limit else query


def _event_statement_and_values(connection: Connection, query_filter: ChronologyFilter) -> tuple[Select, dict[str, object]]:  # type: ignore[type-arg]
    """The statement of the events (a database without clusters) matching the filter, in order, and its values."""
    shape = event_shape(query_filter, has_table(connection, "event_actors"), _text_kind(connection, query_filter))
    return build_event_statement(shape), statement_values(query_filter)


@lru_cache(maxsize=1)
def reports_statement() -> Select:  # type: ignore[type-arg]
    """The reports of the clusters `:cluster_ids`, by cluster, earliest publication first (built once)."""
    document = documents.c
    return (
        select(
            events.c.cluster_id, document.source, document.title, document.path, document.url, document.published,
            events.c.document_id, events.c.start, events.c.end,
        )
        .join(documents)
        .where(events.c.cluster_id.in_(bindparam("cluster_ids", expanding=True)))
        .order_by(events.c.cluster_id, document.published.is_(None), document.published, document.id)
    )
