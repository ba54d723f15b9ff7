"""Recomputing clusters after a batch: regroup the stored events that could merge, rewrite the clusters whose members changed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date

from sqlalchemy import ColumnElement, Connection, Engine, bindparam, delete, func, insert, select, update

from timeline.events.cluster import Figure, Report, cluster_reports
from timeline.events.figures import unit_class
from timeline.store.cluster_candidates import mergeable_events, unclustered_events
from timeline.store.cluster_rows import cluster_row, source_label
from timeline.store.models import Document, EventRow
from timeline.store.models_events import ActorRow, ClaimRow, ClusterRow, EventActorRow

_CHUNK = 500


def recompute_clusters(
    connection: Connection, document_ids: Iterable[int] | None = None, *, reader: Engine | None = None
) -> None:
    """Recompute the clusters touched by these documents (all clusters when None), in the caller's transaction.

    Clusters never cross a calendar year (see `timeline.events.cluster.bucket_of`), so
    only the years the new documents' events start in are regrouped, one year at a time
    (memory holds one year's events, never the whole scope), then the documents' undated
    events, each a cluster of its own, in pages. With `reader`, an engine on the same
    database whose events are all committed, each year's candidates are looked up one year
    ahead on a connection of its own, while this thread regroups the year before.
    """
    ids = None if document_ids is None else sorted(set(document_ids))
    if ids is not None and not ids:
        return
    scopes = list(_scopes(connection, ids))
    with _candidates_of(connection, reader, [year for _scope, year in scopes]) as candidates:
        for (scope, _year), mergeable in zip(scopes, candidates):
            _recompute(connection, scope, mergeable)


@contextmanager
def _candidates_of(connection: Connection, reader: Engine | None, years: list[int | None]) -> Iterator[Iterator[set[int]]]:
    """Each year's mergeable events in turn (none for undated events), looked up one year ahead in a thread when `reader` is given."""
    if reader is None:
        yield (_mergeable_in(connection, year) for year in years)
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-candidates") as helper:
        yield _one_year_ahead(helper, reader, years)


def _one_year_ahead(helper: ThreadPoolExecutor, reader: Engine, years: list[int | None]) -> Iterator[set[int]]:
    """Each year's mergeable events, the next year's being looked up on `reader` while the caller regroups this one's."""
    pending: Future[set[int]] | None = None
    for year in years:
        following = helper.submit(_mergeable_on, reader, year)
        if pending is not None:
            yield pending.result()
        pending = following
    if pending is not None:
        yield pending.result()


def _mergeable_on(reader: Engine, year: int | None) -> set[int]:
    """The year's mergeable events, read on a connection of `reader`'s own (none for undated events)."""
    if year is None:
        return set()
    with reader.connect() as source:
        return _mergeable_in(source, year)


def _mergeable_in(connection: Connection, year: int | None) -> set[int]:
    """The mergeable events starting in this year (none for undated events)."""
    return set() if year is None else mergeable_events(connection, date(year, 1, 1), date(year + 1, 1, 1))


def _scopes(connection: Connection, document_ids: Sequence[int] | None) -> Iterator[tuple[ColumnElement[bool], int | None]]:
    """The groups of events to regroup, each small enough to hold in memory: a year, or a page of undated events (no year)."""
    for year in _years(connection, document_ids):
        yield (EventRow.earliest >= date(year, 1, 1)) & (EventRow.earliest < date(year + 1, 1, 1)), year
    if document_ids is None:
        undated = list(connection.execute(select(EventRow.id).where(EventRow.earliest.is_(None)).order_by(EventRow.id)).scalars())
    else:
        undated = []
        for start in range(0, len(document_ids), _CHUNK):
            chunk = list(document_ids[start : start + _CHUNK])
            undated += connection.execute(select(EventRow.id).where(EventRow.earliest.is_(None), EventRow.document_id.in_(chunk))).scalars()
        undated.sort()
    for start in range(0, len(undated), _CHUNK):
        yield EventRow.id.in_(undated[start : start + _CHUNK]), None


def _years(connection: Connection, document_ids: Sequence[int] | None) -> list[int]:
    """The calendar years the events of these documents (of every document when None) start in."""
    if document_ids is None:
        first, last = connection.execute(select(func.min(EventRow.earliest), func.max(EventRow.earliest))).one()
        return [] if first is None else list(range(_day(first).year, _day(last).year + 1))
    years: set[int] = set()
    for start in range(0, len(document_ids), _CHUNK):
        chunk = list(document_ids[start : start + _CHUNK])
        earliest = connection.execute(select(EventRow.earliest).where(EventRow.document_id.in_(chunk)).distinct()).scalars()
        years.update(day.year for day in earliest if day is not None)
    return sorted(years)


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _recompute(connection: Connection, scope: ColumnElement[bool], mergeable: set[int]) -> None:
    """Regroup the events in `scope` (a whole year, or undated events) and rewrite the clusters whose members changed.

    Only the events that could share a cluster, and those stored without one, are read and
    regrouped (`timeline.store.cluster_candidates`): every other event is already the cluster of
    its own it stays. A stored cluster's row is derived from its members alone,
    so a cluster holding exactly the events stored with its id is left as it is.
    """
    regrouped = sorted(mergeable | unclustered_events(connection, scope))
    rows: list = []
    reports: list[Report] = []
    names: dict[int, list[str]] = {}
    figure_texts: dict[int, list[str]] = {}
    for start in range(0, len(regrouped), _CHUNK):
        page = EventRow.id.in_(regrouped[start : start + _CHUNK])
        page_rows = connection.execute(_event_query().where(page)).all()
        page_reports, page_names, page_figures = _reports(connection, page_rows, page)
        rows += page_rows
        reports += page_reports
        names.update(page_names)
        figure_texts.update(page_figures)
    if not rows:
        return
    clusters = cluster_reports(reports)
    publications = {row.id: row for row in rows}
    stored: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if row.cluster_id is not None:
            stored[row.cluster_id].add(row.id)
    changed = [cluster for cluster in clusters if stored.get(cluster.id) != {member.event_id for member in cluster.members}]
    gone = set(stored) - {cluster.id for cluster in clusters}
    _delete_clusters(connection, sorted(gone | {cluster.id for cluster in changed}))
    if changed:
        sources = {row.id: source_label(row.source, row.title, row.path, row.document_id) for row in rows}
        connection.execute(insert(ClusterRow), [cluster_row(cluster, sources, names, figure_texts) for cluster in changed])
    assignments = [
        {"event": member.event_id, "cluster": cluster.id}
        for cluster in changed
        for member in cluster.members
        if publications[member.event_id].cluster_id != cluster.id
    ]
    if assignments:
        connection.execute(
            update(EventRow).where(EventRow.id == bindparam("event")).values(cluster_id=bindparam("cluster")),
            assignments,
        )


def _event_query():  # type: ignore[no-untyped-def]
    return select(
        EventRow.id,
        EventRow.key,
        EventRow.document_id,
        EventRow.value,
        EventRow.mod,
        EventRow.earliest,
        EventRow.latest,
        EventRow.granularity,
        EventRow.date_basis,
        EventRow.category,
        EventRow.text,
        EventRow.cluster_id,
        Document.published,
        Document.source,
        Document.title,
        Document.path,
    ).join(Document, Document.id == EventRow.document_id)


def _reports(connection: Connection, rows: Sequence, scope) -> tuple[list[Report], dict[int, list[str]], dict[int, list[str]]]:  # type: ignore[no-untyped-def]
    actors: dict[int, set[str]] = defaultdict(set)
    names: dict[int, list[str]] = defaultdict(list)
    figures: dict[int, set[Figure]] = defaultdict(set)
    figure_texts: dict[int, list[str]] = defaultdict(list)
    people = (
        select(EventActorRow.event_id, ActorRow.key, ActorRow.name)
        .join(ActorRow, ActorRow.id == EventActorRow.actor_id)
        .join(EventRow, EventRow.id == EventActorRow.event_id)
        .where(scope, EventActorRow.role != "source")
        .order_by(EventActorRow.event_id, EventActorRow.start)
    )
    for event_id, key, name in connection.execute(people):
        actors[event_id].add(key)
        if name not in names[event_id]:
            names[event_id].append(name)
    claims = (
        select(ClaimRow.event_id, ClaimRow.low, ClaimRow.high, ClaimRow.rate, ClaimRow.unit, ClaimRow.text)
        .join(EventRow, EventRow.id == ClaimRow.event_id)
        .where(scope)
        .order_by(ClaimRow.event_id, ClaimRow.start)
    )
    for event_id, low, high, rate, unit, text in connection.execute(claims):
        figures[event_id].add(Figure(low, high, rate, unit_class(unit)))
        figure_texts[event_id].append(" ".join(text.split()))
    reports = [
        Report(
            event_id=row.id,
            key=row.key,
            document_id=row.document_id,
            published=row.published,
            value=row.value,
            earliest=row.earliest,
            latest=row.latest,
            date_basis=row.date_basis,
            category=row.category,
            text=row.text,
            actors=frozenset(actors[row.id]),
            figures=frozenset(figures[row.id]),
            granularity=row.granularity,
            mod=row.mod,
        )
        for row in rows
    ]
    return reports, names, figure_texts


def _delete_clusters(connection: Connection, ids: list[str]) -> None:
    for start in range(0, len(ids), _CHUNK):
        connection.execute(delete(ClusterRow).where(ClusterRow.id.in_(ids[start : start + _CHUNK])))
