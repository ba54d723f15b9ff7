"""Merging across sources: the reports of one real-world event become one cluster with a stable id.

Two reports are linked when the evidence says they tell one event (`timeline.events.merge_evidence`:
dates at their precision, figures, wording, the documents' context; weights in `data/merge.toml`).
Linked reports share a cluster, strongest links first, unless joining two groups would put
incompatible dates (stated days further apart than the tolerance, a report published before
the day it tells, or after the lag) or disagreeing figures in one cluster; then that link is
left out. So a cluster is a connected group of linked reports.

The cluster id is derived from content: the key of the cluster's first report (the member whose
document was published first, then the smallest event key), hashed. It changes only when the
members change so that another report comes first: a later report joining keeps the id; a
cluster whose members do not change keeps its id and row.

Reports are linked when they meet, with the word weights of the archive at that moment (a name
rare in a small archive may be common in a large one), and a link left out because of a conflict
depends on which came first. So articles ingested in another order or other batches can end in
clusters that differ where a decision sat at the threshold; `recompute_clusters` places every
report again with the archive's final weights, after which the same articles give the same
clusters and ids in any database.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

from timeline.events.merge_evidence import TermWeights, figure_classes, figures_agree, fine, link
from timeline.events.merge_rules import MergeRules, merge_rules
from timeline.events.merge_words import content_words

EXPLANATIONS = 12
"""At most this many links are kept to explain why a cluster's reports were merged."""


@dataclass(frozen=True)
class Figure:
    """A claim reduced to what must agree for two reports to be the same fact."""

    low: float | None
    high: float | None
    rate: str | None
    unit_class: str | None

    @property
    def magnitude(self) -> float:
        """The largest number of the figure (0 when it has none)."""
        return max((value for value in (self.low, self.high) if value is not None), default=0.0)

    @property
    def number(self) -> tuple[float | None, str | None]:
        """What two reports of one fact say alike: the figure's first number and its rate ("at least 21" and "21")."""
        return (self.low if self.low is not None else self.high, self.rate)


@dataclass(frozen=True)
class Report:
    """One stored event as clustering sees it: its date, figures, words, and its document's context."""

    event_id: int
    key: str
    document_id: int
    published: str | None
    value: str
    earliest: date | None
    latest: date | None
    date_basis: str
    category: str | None
    text: str
    actors: frozenset[str] = frozenset()
    figures: frozenset[Figure] = frozenset()
    granularity: str | None = None
    mod: str | None = None
    context: tuple[str, ...] = ()

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The sentence's content words and its actors (as `@key`), what wording is compared on."""
        return (*content_words(self.text), *(f"@{actor}" for actor in sorted(self.actors)))

    @property
    def order(self) -> tuple[str, str]:
        """First report first: by publication date (unknown last), then by event key."""
        return (self.published or "~", self.key)


@dataclass
class Cluster:
    """Reports of one fact; `id` is stable, `representative` is the best-dated, most complete report."""

    id: str
    members: list[Report] = field(default_factory=list)
    explanations: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> Report:
        """The first report, whose key the id is derived from."""
        return min(self.members, key=lambda report: report.order)

    @property
    def representative(self) -> Report:
        """The member whose date the most documents give (see `consensus_day`), then the finest stated date, the most
        figures and actors, the longest text."""
        day = consensus_day(self.members)
        agreeing = [report for report in self.members if day is not None and _day_of(report) == day]
        return min(agreeing or self.members, key=_completeness)


def consensus_day(members: Sequence[Report]) -> int | None:
    """The stated day (as an ordinal) that the most documents give, then the most reports, then the earliest; None without one.

    Two outlets may date one incident a day apart ("late Tuesday", "early Wednesday"), and one may
    date it by a follow-up's day: the entry takes the day most sources agree on.
    """
    documents_by_day: dict[int, set[int]] = {}
    reports_by_day: dict[int, int] = {}
    for report in members:
        day = _day_of(report)
        if day is not None:
            documents_by_day.setdefault(day, set()).add(report.document_id)
            reports_by_day[day] = reports_by_day.get(day, 0) + 1
    if not documents_by_day:
        return None
    return min(documents_by_day, key=lambda day: (-len(documents_by_day[day]), -reports_by_day[day], day))


def _day_of(report: Report) -> int | None:
    """The day a stated report gives, at day precision or finer (as an ordinal), else None."""
    if report.date_basis != "stated" or report.earliest is None or report.latest is None or not fine(report):
        return None
    return report.earliest.toordinal()


def cluster_id(anchor_key: str) -> str:
    """The id of a cluster founded by the event with this key."""
    return hashlib.sha256(f"cluster:{anchor_key}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Regrouping:
    """What merging changed: the clusters whose members changed (with their new ids), and the ids that are gone."""

    changed: list[Cluster]
    gone: set[str]


def regroup(
    pending: Sequence[Report],
    clusters: Sequence[Cluster],
    pairs: Iterable[tuple[int, int]],
    weights: TermWeights,
    rules: MergeRules | None = None,
) -> Regrouping:
    """Place the pending reports among the stored clusters, given the candidate pairs (event ids) to compare.

    `clusters` are the stored clusters the candidates belong to, with all their members;
    every pair holds at least one pending report. Linked groups are joined strongest link
    first; a cluster whose members do not change is not in the result.
    """
    rules = rules or merge_rules()
    reports = {report.event_id: report for cluster in clusters for report in cluster.members}
    reports.update((report.event_id, report) for report in pending)
    groups = _Groups(rules)
    for cluster in clusters:
        groups.add(cluster.members, cluster.id, cluster.explanations)
    for report in sorted(pending, key=lambda each: each.order):
        groups.add([report], None, [])
    links = []
    for left, right in {(a, b) if a < b else (b, a) for a, b in pairs}:
        a, b = reports.get(left), reports.get(right)
        if a is None or b is None or left == right:
            continue
        found = link(a, b, weights, rules)
        if found is not None:
            first, second = sorted((a, b), key=lambda each: each.key)
            links.append((-found.score, first.key, second.key, first.event_id, second.event_id, found))
    links.sort(key=lambda item: item[:3])
    for _score, first_key, second_key, first, second, found in links:
        groups.join(first, second, f"{first_key} ~ {second_key}: {found.explain()}")
    pending_ids = {report.event_id for report in pending}
    changed: list[Cluster] = []
    stored = {cluster.id for cluster in clusters}
    kept: set[str] = set()
    for group in groups.groups():
        members = sorted(group.members, key=lambda report: report.order)
        if len(group.origins) == 1 and not any(report.event_id in pending_ids for report in members):
            kept.update(group.origins)
            continue
        cluster = Cluster(cluster_id(members[0].key), members, group.explanations[-EXPLANATIONS:])
        changed.append(cluster)
    gone = stored - kept - {cluster.id for cluster in changed}
    return Regrouping(changed, gone)


def cluster_reports(reports: Iterable[Report], weights: TermWeights | None = None, rules: MergeRules | None = None) -> list[Cluster]:
    """Group reports into clusters, comparing every two whose dates could be compatible (no stored clusters)."""
    reports = list(reports)
    if weights is None:
        weights = TermWeights(len({report.document_id for report in reports}) + 1000, {})
    rules = rules or merge_rules()
    return sorted(regroup(reports, [], candidate_pairs(reports, rules), weights, rules).changed, key=lambda cluster: cluster.anchor.order)


def within_reach(reports: Sequence[Report], others: Sequence[Report], rules: MergeRules) -> set[tuple[int, int]]:
    """The pairs (event ids, other than a report with itself) of a report and another whose intervals come within the report lag."""
    reach = rules.report_lag_days + rules.day_tolerance
    dated = sorted((other for other in others if other.earliest and other.latest), key=lambda other: other.earliest)  # type: ignore[arg-type, return-value]
    starts = [other.earliest.toordinal() for other in dated]  # type: ignore[union-attr]
    longest = max(((other.latest - other.earliest).days for other in dated), default=0)  # type: ignore[operator]
    pairs: set[tuple[int, int]] = set()
    for report in reports:
        if report.earliest is None or report.latest is None:
            continue
        low = bisect_left(starts, report.earliest.toordinal() - reach - longest)
        high = bisect_right(starts, report.latest.toordinal() + reach)
        for other in dated[low:high]:
            if other.event_id != report.event_id and (other.latest - report.earliest).days >= -reach:  # type: ignore[operator]
                pairs.add((min(report.event_id, other.event_id), max(report.event_id, other.event_id)))
    return pairs


def candidate_pairs(reports: Sequence[Report], rules: MergeRules) -> list[tuple[int, int]]:
    """Every pair of dated reports whose intervals come within the report lag of each other (a sweep by start)."""
    dated = sorted((report for report in reports if report.earliest and report.latest), key=lambda report: report.earliest)  # type: ignore[arg-type, return-value]
    pairs = []
    reach = rules.report_lag_days + rules.day_tolerance
    open_reports: list[Report] = []
    for report in dated:
        assert report.earliest is not None
        open_reports = [other for other in open_reports if other.latest and (report.earliest - other.latest).days <= reach]  # type: ignore[operator]
        pairs.extend((other.event_id, report.event_id) for other in open_reports)
        open_reports.append(report)
    return pairs


class _Group:
    """A set of reports with what its members' dates and figures allow (kept as a summary, merged in constant time)."""

    def __init__(self, members: list[Report], origin: str | None, explanations: list[str], rules: MergeRules) -> None:
        self.members = members
        self.origins = {origin} if origin else set()
        self.explanations = list(explanations)
        stated = [report for report in members if report.date_basis == "stated" and report.earliest and report.latest]
        days = [report.earliest.toordinal() for report in stated if fine(report)]  # type: ignore[union-attr]
        self.days_of_document: dict[int, set[int]] = {}
        for report in members:
            day = _day_of(report)
            if day is not None:
                self.days_of_document.setdefault(report.document_id, set()).add(day)
        self.first_day = min(days) if days else None
        self.last_day = max(days) if days else None
        spans = [report for report in stated if not fine(report)]
        self.span = (max(report.earliest for report in spans), min(report.latest for report in spans)) if spans else None  # type: ignore[type-var]
        reported = [report for report in members if report.date_basis == "reported" and report.earliest and report.latest]
        self.latest_report_start = max(report.earliest.toordinal() for report in reported) if reported else None  # type: ignore[union-attr]
        self.earliest_report_end = min(report.latest.toordinal() for report in reported) if reported else None  # type: ignore[union-attr]
        classes: dict[str, frozenset[tuple[float | None, str | None]]] = {}
        for report in members:
            for unit, values in figure_classes(report.figures, rules).items():
                classes[unit] = classes[unit] & values if unit in classes else values
        self.figures = classes

    def admits(self, other: _Group, rules: MergeRules) -> bool:
        """May the two groups be one cluster: stated days close, spans overlapping, reports after the days, figures agreeing."""
        first = _least(self.first_day, other.first_day)
        last = _most(self.last_day, other.last_day)
        if first is not None and last - first > rules.day_tolerance:  # type: ignore[operator]
            return False
        if not self._one_day_per_document(other):
            return False
        span = self.span if other.span is None else other.span if self.span is None else (max(self.span[0], other.span[0]), min(self.span[1], other.span[1]))
        if span is not None:
            if span[0] >= span[1]:
                return False
            if first is not None and not (span[0].toordinal() - rules.day_tolerance <= first and last < span[1].toordinal() + rules.day_tolerance):  # type: ignore[operator]
                return False
        report_start = _most(self.latest_report_start, other.latest_report_start)
        report_end = _least(self.earliest_report_end, other.earliest_report_end)
        if report_start is not None:
            # Every report was published on or after the days it tells, and within the lag of the first.
            if first is not None and not (report_end - 1 >= last - rules.day_tolerance and report_start <= first + rules.report_lag_days):  # type: ignore[operator]
                return False
            if first is None and span is None and report_start >= report_end:  # type: ignore[operator]
                return False
            if first is None and span is not None and report_end <= span[0].toordinal():  # type: ignore[operator]
                return False
        return figures_agree(self.figures, other.figures)

    def _one_day_per_document(self, other: _Group) -> bool:
        """One article dates one event once: two of its reports on different days are two events, never one entry."""
        small, large = sorted((self.days_of_document, other.days_of_document), key=len)
        for document, days in small.items():
            joined = days | large.get(document, set())
            if len(joined) > 1:
                return False
        return True

    def absorb(self, other: _Group) -> None:
        """Take the other group's members (the caller checked `admits`)."""
        self.members.extend(other.members)
        for document, days in other.days_of_document.items():
            self.days_of_document.setdefault(document, set()).update(days)
        self.origins |= other.origins
        self.explanations.extend(other.explanations)
        self.first_day, self.last_day = _least(self.first_day, other.first_day), _most(self.last_day, other.last_day)
        if other.span is not None:
            self.span = other.span if self.span is None else (max(self.span[0], other.span[0]), min(self.span[1], other.span[1]))
        self.latest_report_start = _most(self.latest_report_start, other.latest_report_start)
        self.earliest_report_end = _least(self.earliest_report_end, other.earliest_report_end)
        for unit, values in other.figures.items():
            self.figures[unit] = self.figures[unit] & values if unit in self.figures else values


class _Groups:
    """Disjoint groups of reports by event id (union-find), joined only where `_Group.admits` allows."""

    def __init__(self, rules: MergeRules) -> None:
        self.rules = rules
        self.parent: dict[int, int] = {}
        self.group: dict[int, _Group] = {}

    def add(self, members: list[Report], origin: str | None, explanations: list[str]) -> None:
        """A group of reports known to belong together (a stored cluster, or one pending report)."""
        root = members[0].event_id
        for report in members:
            self.parent[report.event_id] = root
        self.group[root] = _Group(list(members), origin, explanations, self.rules)

    def find(self, event_id: int) -> int:
        """The root of the event's group."""
        root = event_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[event_id] != root:
            self.parent[event_id], event_id = root, self.parent[event_id]
        return root

    def join(self, a: int, b: int, explanation: str) -> bool:
        """Join the groups of two linked reports when one cluster may hold them both."""
        left, right = self.find(a), self.find(b)
        if left == right:
            return False
        if not self.group[left].admits(self.group[right], self.rules):
            return False
        if len(self.group[left].members) < len(self.group[right].members):
            left, right = right, left
        self.group[left].absorb(self.group.pop(right))
        self.group[left].explanations.append(explanation)
        self.parent[right] = left
        return True

    def groups(self) -> list[_Group]:
        """Every group."""
        return list(self.group.values())


def _least(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _most(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _completeness(report: Report) -> tuple:
    span = (report.latest - report.earliest).days if report.earliest and report.latest else 10**9
    return (report.date_basis != "stated", span, -len(report.figures), -len(report.actors), -len(report.text), report.key)
