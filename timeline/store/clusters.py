"""Merging stored events into clusters, incrementally, in the writer's transaction.

`update_clusters` is the one entry point: a writer calls it in the transaction that stored,
replaced or deleted events, so that documents, events and clusters commit together. New events
meet only the stored documents the index finds for them (`timeline.store.cluster_index`), and
the clusters those hold; the decision is `timeline.events.cluster.regroup`. Only the clusters
whose members change are rewritten: the cost of a batch grows with the batch and its candidates,
not with the archive.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from timeline.events.cluster import Cluster, Figure, Report, regroup, within_reach
from timeline.events.figures import unit_class
from timeline.events.merge_evidence import TermWeights
from timeline.events.merge_rules import merge_rules
from timeline.store.cluster_index import candidate_documents, index_documents, read_contexts, term_statistics
from timeline.store.cluster_rows import cluster_row, source_label
from timeline.store.cluster_tables import cluster_evidence
from timeline.store.database import lock_for_writing
from timeline.store.models import Document, EventRow
from timeline.store.models_events import ActorRow, ClaimRow, ClusterRow, EventActorRow

_CHUNK = 500
SAME_DOCUMENT_EVENTS = 200
"""Within one document, events are compared pairwise (the same event told twice) up to this many events."""


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
      A document whose events were replaced must be passed again: it is indexed anew.
    - `lost_clusters`: ids of clusters that lost members because events were deleted or
      replaced (read them from `events.cluster_id` before deleting). Their remaining members
      are grouped again; a cluster left with no member is removed.

    Clusters whose members do not change keep their ids and rows. An id is derived from the
    cluster's first report (`timeline.events.cluster.cluster_id`), so it changes only when an
    earlier report joins or the first report leaves. The write lock is taken first
    (`lock_for_writing`), so concurrent writers merge one at a time.
    """
    documents = sorted(set(document_ids))
    lost = sorted(set(lost_clusters))
    if not documents and not lost:
        return
    lock_for_writing(connection)
    rules = merge_rules()
    pending_ids: set[int] = set()
    for start in range(0, len(lost), _CHUNK):
        chunk = lost[start : start + _CHUNK]
        pending_ids.update(connection.execute(select(EventRow.id).where(EventRow.cluster_id.in_(chunk))).scalars())
        connection.execute(update(EventRow).where(EventRow.cluster_id.in_(chunk)).values(cluster_id=None))
        connection.execute(delete(cluster_evidence).where(cluster_evidence.c.cluster_id.in_(chunk)))
        connection.execute(delete(ClusterRow).where(ClusterRow.id.in_(chunk)))
    if documents:
        index_documents(connection, documents, rules)
        for start in range(0, len(documents), _CHUNK):
            chunk = documents[start : start + _CHUNK]
            pending_ids.update(connection.execute(select(EventRow.id).where(EventRow.document_id.in_(chunk))).scalars())
    merge_events(connection, sorted(pending_ids))


def merge_events(connection: Connection, event_ids: Sequence[int]) -> None:
    """Place these events (stored, each in a cluster of its own or in none) among the clusters of their candidates."""
    if not event_ids:
        return
    rules = merge_rules()
    loaded = _Loaded(connection)
    pending = loaded.reports(EventRow.id.in_(chunk) for chunk in _chunks(list(event_ids)))
    pending_ids = {report.event_id for report in pending}
    by_document: dict[int, list[Report]] = defaultdict(list)
    for report in pending:
        by_document[report.document_id].append(report)
    dated = {
        document_id: [(report.earliest, report.latest) for report in reports if report.earliest and report.latest]
        for document_id, reports in by_document.items()
    }
    candidates = candidate_documents(connection, {document_id: intervals for document_id, intervals in dated.items() if intervals}, rules)
    others = sorted({other for found in candidates.values() for other in found} - set(by_document))
    partners = loaded.reports(EventRow.document_id.in_(chunk) for chunk in _chunks(others))
    of_document: dict[int, list[Report]] = defaultdict(list)
    for report in [*pending, *partners]:
        of_document[report.document_id].append(report)
    pairs: set[tuple[int, int]] = set()
    for document_id, reports in by_document.items():
        dated_reports = [report for report in reports if report.earliest]
        if len(dated_reports) <= SAME_DOCUMENT_EVENTS:
            pairs.update(within_reach(dated_reports, dated_reports, rules))
        others = [report for other in candidates.get(document_id, ()) for report in of_document.get(other, ())]
        pairs.update(within_reach(dated_reports, others, rules))
    # Only the clusters of the partners a pending report is compared with can change.
    paired = {event_id for pair in pairs for event_id in pair} - pending_ids
    stored_ids = sorted({loaded.cluster_of[event_id] for event_id in paired} - {None})  # type: ignore[arg-type]
    members = loaded.reports(EventRow.cluster_id.in_(chunk) for chunk in _chunks(stored_ids))
    clusters: dict[str, Cluster] = {}
    for report in members:
        if report.event_id in pending_ids:
            continue
        identifier = loaded.cluster_of[report.event_id]
        clusters.setdefault(identifier, Cluster(identifier)).members.append(report)  # type: ignore[arg-type]
    for identifier, lines in _explanations(connection, list(clusters)).items():
        clusters[identifier].explanations = lines
    everyone = {report.event_id: report for report in [*pending, *partners, *members]}
    compared = {everyone[event_id] for pair in pairs for event_id in pair if event_id in everyone}
    total, counts = term_statistics(connection, {word for report in compared for word in (*report.words, *report.context)})
    regrouping = regroup(pending, list(clusters.values()), pairs, TermWeights(total, counts), rules)
    _write(connection, regrouping.changed, regrouping.gone, loaded)


def _write(connection: Connection, changed: list[Cluster], gone: set[str], loaded: _Loaded) -> None:
    """Rewrite the clusters whose members changed; delete those merged into others."""
    sizes = _stored_sizes(connection, {cluster.id for cluster in changed})
    writes = [
        cluster
        for cluster in changed
        if not (sizes.get(cluster.id) == len(cluster.members) and all(loaded.cluster_of[member.event_id] == cluster.id for member in cluster.members))
    ]
    old = set(gone) | {cluster.id for cluster in writes}
    old |= {loaded.cluster_of[member.event_id] for cluster in writes for member in cluster.members} - {None}  # type: ignore[arg-type]
    ordered = sorted(old)
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        connection.execute(delete(cluster_evidence).where(cluster_evidence.c.cluster_id.in_(chunk)))
        connection.execute(delete(ClusterRow).where(ClusterRow.id.in_(chunk)))
    if not writes:
        return
    connection.execute(insert(ClusterRow), [cluster_row(cluster, loaded.sources, loaded.names, loaded.figure_texts) for cluster in writes])
    explained = [{"cluster_id": cluster.id, "evidence": json.dumps(cluster.explanations)} for cluster in writes if cluster.explanations]
    if explained:
        connection.execute(insert(cluster_evidence), explained)
    moves = [
        {"event": member.event_id, "cluster": cluster.id}
        for cluster in writes
        for member in cluster.members
        if loaded.cluster_of[member.event_id] != cluster.id
    ]
    if moves:
        connection.execute(update(EventRow).where(EventRow.id == bindparam("event")).values(cluster_id=bindparam("cluster")), moves)


def _stored_sizes(connection: Connection, ids: set[str]) -> dict[str, int]:
    ordered = sorted(ids)
    sizes: dict[str, int] = {}
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        sizes.update(connection.execute(select(ClusterRow.id, ClusterRow.event_count).where(ClusterRow.id.in_(chunk))).all())
    return sizes


def _explanations(connection: Connection, ids: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for identifier, evidence in connection.execute(
            select(cluster_evidence.c.cluster_id, cluster_evidence.c.evidence).where(cluster_evidence.c.cluster_id.in_(chunk))
        ):
            found[identifier] = list(json.loads(evidence))
    return found


def _chunks(ids: list) -> list[list]:
    ordered = sorted(set(ids))
    return [ordered[start : start + _CHUNK] for start in range(0, len(ordered), _CHUNK)]


class _Loaded:
    """Reports read from the database, with what a cluster's row needs of each (source, actor names, figure texts)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.cluster_of: dict[int, str | None] = {}
        self.sources: dict[int, str] = {}
        self.names: dict[int, list[str]] = {}
        self.figure_texts: dict[int, list[str]] = {}
        self._reports: dict[int, Report] = {}
        self._contexts: dict[int, tuple[str, ...]] = {}

    def reports(self, scopes: Iterable) -> list[Report]:  # type: ignore[type-arg]
        """The events in each scope (a SQL condition on events), as reports."""
        found: list[Report] = []
        for scope in scopes:
            rows = self.connection.execute(_event_query().where(scope)).all()
            fresh = [row for row in rows if row.id not in self._reports]
            if fresh:
                self._load(fresh)
            found.extend(self._reports[row.id] for row in rows)
        return found

    def _load(self, rows: Sequence) -> None:  # type: ignore[type-arg]
        ids = [row.id for row in rows]
        actors: dict[int, set[str]] = defaultdict(set)
        figures: dict[int, set[Figure]] = defaultdict(set)
        people = (
            select(EventActorRow.event_id, ActorRow.key, ActorRow.name)
            .join(ActorRow, ActorRow.id == EventActorRow.actor_id)
            .where(EventActorRow.event_id.in_(ids), EventActorRow.role != "source")
            .order_by(EventActorRow.event_id, EventActorRow.start)
        )
        for event_id, key, name in self.connection.execute(people):
            actors[event_id].add(key)
            names = self.names.setdefault(event_id, [])
            if name not in names:
                names.append(name)
        claims = (
            select(ClaimRow.event_id, ClaimRow.low, ClaimRow.high, ClaimRow.rate, ClaimRow.unit, ClaimRow.text)
            .where(ClaimRow.event_id.in_(ids))
            .order_by(ClaimRow.event_id, ClaimRow.start)
        )
        for event_id, low, high, rate, unit, claim in self.connection.execute(claims):
            figures[event_id].add(Figure(low, high, rate, unit_class(unit)))
            self.figure_texts.setdefault(event_id, []).append(" ".join(claim.split()))
        missing = {row.document_id for row in rows} - set(self._contexts)
        self._contexts.update(read_contexts(self.connection, missing))
        for row in rows:
            self.cluster_of[row.id] = row.cluster_id
            self.sources[row.id] = source_label(row.source, row.title, row.path, row.document_id)
            self._reports[row.id] = Report(
                event_id=row.id,
                key=row.key,
                document_id=row.document_id,
                published=row.published,
                value=row.value,
                earliest=_day(row.earliest),
                latest=_day(row.latest),
                date_basis=row.date_basis,
                category=row.category,
                text=row.text,
                actors=frozenset(actors[row.id]),
                figures=frozenset(figures[row.id]),
                granularity=row.granularity,
                mod=row.mod,
                context=self._contexts.get(row.document_id, ()),
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


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def recompute_clusters(connection: Connection, document_ids: Iterable[int] | None = None) -> None:
    """Merge again the events of these documents (of every document when None), page by page, in the caller's transaction.

    Used to rebuild: every event of the documents is taken out of its cluster and placed again,
    in order of publication, against the index. Clusters untouched keep their ids.
    """
    if document_ids is None:
        ids = list(connection.execute(select(Document.id).order_by(Document.published, Document.id)).scalars())
    else:
        ids = sorted(set(document_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        lost = set(connection.execute(select(EventRow.cluster_id).where(EventRow.document_id.in_(chunk), EventRow.cluster_id.is_not(None))).scalars())
        update_clusters(connection, chunk, lost_clusters=lost)
