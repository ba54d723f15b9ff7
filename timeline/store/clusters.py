"""Recomputing clusters after a batch: regroup the stored events that could merge, rewrite the clusters whose members changed."""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial

from sqlalchemy import ColumnElement, Connection, Engine, bindparam, delete, func, insert, select, update

from timeline.events.cluster import Figure, Report, cluster_reports
from timeline.events.figures import unit_class
from timeline.store.cluster_candidates import mergeable_events, unclustered_events
from timeline.store.cluster_rows import cluster_row, source_label
from timeline.store.database import create_database_engine, is_sqlite, sqlite_path
from timeline.store.models import Document, EventRow
from timeline.store.models_events import ActorRow, ClaimRow, ClusterRow, EventActorRow

_CHUNK = 500


def update_clusters(
    connection: Connection,
    document_ids: Iterable[int] = (),
    *,
    lost_clusters: Iterable[str] = (),
) -> None:
    """Merge the events of these documents into the clusters, and re-form the clusters that lost members, in the caller's transaction.

    The one entry point for every writer of events. Call it in the transaction that stored,
    replaced or deleted the events, after the change, so that documents, events and clusters
    commit together (a reader never sees a half-merged state, and a crash leaves nothing to repair):

    - `document_ids`: documents whose events were added (a new document, or a stored document
      whose events were replaced). Their events may be stored without a cluster or each in a
      cluster of its own; they are merged with the stored events that report the same facts.
    - `lost_clusters`: ids of clusters that lost members because events were deleted or
      replaced (read them from `events.cluster_id` before deleting). Their remaining members
      are grouped again; a cluster left with no member is removed.

    Clusters whose members do not change keep their ids and rows. An id is derived from the
    cluster's first report (`timeline.events.cluster.cluster_id`), so it changes only when an
    earlier report joins or the first report leaves.
    """
    documents = set(document_ids)
    lost = sorted(set(lost_clusters))
    for start in range(0, len(lost), _CHUNK):
        chunk = lost[start : start + _CHUNK]
        members = connection.execute(select(EventRow.document_id).where(EventRow.cluster_id.in_(chunk)).distinct()).scalars()
        documents.update(members)
        connection.execute(update(EventRow).where(EventRow.cluster_id.in_(chunk)).values(cluster_id=None))
        connection.execute(delete(ClusterRow).where(ClusterRow.id.in_(chunk)))
    if documents:
        recompute_clusters(connection, sorted(documents))


def recompute_clusters(
    connection: Connection,
    document_ids: Iterable[int] | None = None,
    *,
    reader: Engine | None = None,
    processes: int = 0,
) -> None:
    """Recompute the clusters touched by these documents (all clusters when None), in the caller's transaction.

    Clusters never cross a calendar year (see `timeline.events.cluster.bucket_of`), so
    only the years the new documents' events start in are regrouped, one year at a time
    (memory holds one year's events, never the whole scope), then the documents' undated
    events, each a cluster of its own, in pages. With `reader`, an engine on the same
    database whose events are all committed, and `processes` above 1, the years are
    planned in that many forked processes reading through connections of their own, while
    this connection writes each year's plan in turn.
    """
    ids = None if document_ids is None else sorted(set(document_ids))
    if ids is not None and not ids:
        return
    years = _years(connection, ids)
    for plan in _year_plans(connection, years, reader, processes):
        _apply(connection, plan)
    for scope in _undated_scopes(connection, ids):
        _apply(connection, _plan(connection, scope, set()))


@dataclass(frozen=True)
class Plan:
    """How one scope's clusters change: the clusters to delete, the rows to insert, the events to move."""

    gone: list[str]
    rows: list[dict]
    assignments: list[dict]


def _year_plans(connection: Connection, years: list[int], reader: Engine | None, processes: int) -> Iterator[Plan]:
    """Each year's plan in year order: worked out in forked processes when asked and possible, else on `connection`.

    Should a planning process die (killed, out of memory), the years not planned yet are planned here.
    """
    workers = min(processes, len(years))
    planned = 0
    if reader is not None and workers > 1 and _readable_elsewhere(reader) and "fork" in multiprocessing.get_all_start_methods():
        url = reader.url.render_as_string(hide_password=False)
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
                for plan in pool.map(partial(_plan_year, url), years):
                    yield plan
                    planned += 1
        except BrokenProcessPool:
            pass
    for year in years[planned:]:
        yield _year_plan(connection, year)


def _readable_elsewhere(reader: Engine) -> bool:
    """Can another process open this database (a server, or a SQLite file, not memory)?"""
    return not is_sqlite(reader.url) or sqlite_path(reader.url) is not None


def _plan_year(url: str, year: int) -> Plan:
    """One year's plan, worked out on a read-only connection of this process's own (run in a forked process)."""
    with _reader_engine(url, os.getpid()).connect() as connection:
        return _year_plan(connection, year)


@lru_cache(maxsize=4)
def _reader_engine(url: str, process: int) -> Engine:
    """A read-only engine of this process's own (keyed by process id: a forked child never uses its parent's)."""
    return create_database_engine(url, read_only=True)


def _year_plan(connection: Connection, year: int) -> Plan:
    """The plan of the events starting in this year, its candidates found on `connection`."""
    first, last = date(year, 1, 1), date(year + 1, 1, 1)
    scope = (EventRow.earliest >= first) & (EventRow.earliest < last)
    return _plan(connection, scope, mergeable_events(connection, first, last))


def _undated_scopes(connection: Connection, document_ids: Sequence[int] | None) -> Iterator[ColumnElement[bool]]:
    """Pages of the undated events to regroup (each a cluster of its own)."""
    if document_ids is None:
        undated = list(connection.execute(select(EventRow.id).where(EventRow.earliest.is_(None)).order_by(EventRow.id)).scalars())
    else:
        undated = []
        for start in range(0, len(document_ids), _CHUNK):
            chunk = list(document_ids[start : start + _CHUNK])
            undated += connection.execute(select(EventRow.id).where(EventRow.earliest.is_(None), EventRow.document_id.in_(chunk))).scalars()
        undated.sort()
    for start in range(0, len(undated), _CHUNK):
        yield EventRow.id.in_(undated[start : start + _CHUNK])


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


def _plan(connection: Connection, scope: ColumnElement[bool], mergeable: set[int]) -> Plan:
    """Regroup the events in `scope` (a whole year, or undated events): the clusters whose members changed, and how.

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
        return Plan([], [], [])
    clusters = cluster_reports(reports)
    publications = {row.id: row for row in rows}
    stored: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        if row.cluster_id is not None:
            stored[row.cluster_id].add(row.id)
    changed = [cluster for cluster in clusters if stored.get(cluster.id) != {member.event_id for member in cluster.members}]
    gone = set(stored) - {cluster.id for cluster in clusters}
    sources = {row.id: source_label(row.source, row.title, row.path, row.document_id) for row in rows} if changed else {}
    return Plan(
        sorted(gone | {cluster.id for cluster in changed}),
        [cluster_row(cluster, sources, names, figure_texts) for cluster in changed],
        [
            {"event": member.event_id, "cluster": cluster.id}
            for cluster in changed
            for member in cluster.members
            if publications[member.event_id].cluster_id != cluster.id
        ],
    )


def _apply(connection: Connection, plan: Plan) -> None:
    """Write a plan: delete the clusters that changed or went, insert their new rows, move their events."""
    _delete_clusters(connection, plan.gone)
    if plan.rows:
        connection.execute(insert(ClusterRow), plan.rows)
    if plan.assignments:
        connection.execute(
            update(EventRow).where(EventRow.id == bindparam("event")).values(cluster_id=bindparam("cluster")),
            plan.assignments,
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
