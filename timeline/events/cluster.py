"""Merging across sources: the events that report one real-world fact become one cluster with a stable id.

Two events may share a cluster only when they come from different documents, have the same
date basis, compatible dates (one interval inside the other, never two different months) and,
when both carry figures, at least one identical figure (same numbers, same rate, same kind of
unit). Beyond that they must look alike: the same figure, or the same category with similar
wording (rapidfuzz) and a shared actor. Every member must be compatible with every other.

The cluster id is derived from content: the key of the cluster's first report (the member whose
document was published first, then the smallest event key), hashed. Re-ingesting the same
articles, in any order or into another database, gives the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

SAME_FIGURE_SIMILARITY = 35.0
SAME_WORDING_SIMILARITY = 62.0
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a an the of to in on at for from by with and or but as that which who its it is are was were has have had been be "
    "this these those their there than also into over more about some many".split()
)


@dataclass(frozen=True)
class Figure:
    """A claim reduced to what must agree for two reports to be the same fact."""

    low: float | None
    high: float | None
    rate: str | None
    unit_class: str | None


@dataclass(frozen=True)
class Report:
    """One stored event as clustering sees it."""

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

    @property
    def order(self) -> tuple[str, str]:
        """First report first: by publication date (unknown last), then by event key."""
        return (self.published or "~", self.key)


@dataclass
class Cluster:
    """Reports of one fact; `id` is stable, `representative` is the best-dated, most complete report."""

    id: str
    members: list[Report] = field(default_factory=list)

    @property
    def anchor(self) -> Report:
        """The first report, whose key the id is derived from."""
        return min(self.members, key=lambda report: report.order)

    @property
    def representative(self) -> Report:
        """The member with the finest stated date, then the most figures and actors, then the longest text."""
        return min(self.members, key=_completeness)


def cluster_id(anchor_key: str) -> str:
    """The id of a cluster founded by the event with this key."""
    return hashlib.sha256(f"cluster:{anchor_key}".encode()).hexdigest()[:16]


def bucket_of(report: Report) -> str:
    """Reports can only merge within a bucket: the year the interval starts, or the event itself when undated."""
    return str(report.earliest.year) if report.earliest else f"event:{report.key}"


def cluster_reports(reports: Iterable[Report]) -> list[Cluster]:
    """Group reports into clusters; the result depends only on the reports, not on their order."""
    clusters: list[Cluster] = []
    buckets: dict[str, list[Report]] = defaultdict(list)
    for report in reports:
        buckets[bucket_of(report)].append(report)
    for bucket in sorted(buckets):
        clusters.extend(_cluster_bucket(sorted(buckets[bucket], key=lambda report: report.order)))
    return clusters


def _cluster_bucket(reports: Sequence[Report]) -> list[Cluster]:
    clusters: list[Cluster] = []
    index = _CandidateIndex()
    for report in reports:
        best: tuple[float, int] | None = None
        for position in index.candidates(report):
            cluster = clusters[position]
            if not all(compatible(report, member) for member in cluster.members):
                continue
            score = max(_similarity(report, member, index.words) for member in cluster.members)
            if score > 0 and (best is None or score > best[0]):
                best = (score, position)
        if best is None:
            clusters.append(Cluster(cluster_id(report.key), [report]))
            index.add(len(clusters) - 1, report)
        else:
            clusters[best[1]].members.append(report)
            index.add(best[1], report)
    return clusters


class _CandidateIndex:
    """Which clusters a report could join: those holding one of its figures, or a compatible member worded alike.

    Blocking keeps the comparisons few without changing the result. A member can give a
    positive similarity only by sharing a figure (looked up by figure, basis and month) or by
    sharing the category and an actor with similar wording; so the wording is compared only
    with the members of the report's basis, category and actors whose dates could nest with
    its own (in its month, or, for a longer interval, starting in the months it covers, or
    covering the month it starts in), without figures when it has some (a shared figure
    finds those already), and only with those compatible with it (a cluster holding an
    incompatible member is never joined).
    Every cluster with a positive similarity to a compatible report is among the candidates,
    so the index changes the speed of clustering, never its result.
    """

    def __init__(self) -> None:
        self.words: dict[str, str] = {}
        self.by_figure: dict[tuple[str, Figure, str | None], set[int]] = defaultdict(set)
        self.by_figure_any: dict[tuple[str, Figure], set[int]] = defaultdict(set)
        self.members: list[Report] = []
        self.owners: list[int] = []
        self.by_topic: dict[tuple[str, str, str, bool, str], list[int]] = defaultdict(list)

    def add(self, position: int, report: Report) -> None:
        """Record that the cluster at `position` holds `report`."""
        month = _month(report)
        for figure in report.figures:
            self.by_figure[(report.date_basis, figure, month)].add(position)
            self.by_figure_any[(report.date_basis, figure)].add(position)
        if report.category and report.actors and report.earliest and report.latest:
            member = len(self.members)
            self.members.append(report)
            self.owners.append(position)
            # A longer interval is found by every month it covers (for the reports inside it)
            # and by the month it starts in (for the longer reports it lies inside).
            covered = _months_covered(report)
            places = (month,) if month else (*(f"~{each}" for each in covered), f"^{covered[0]}")
            for actor in report.actors:
                for place in places:
                    self.by_topic[(report.date_basis, report.category, actor, bool(report.figures), place)].append(member)

    def candidates(self, report: Report) -> list[int]:
        """Cluster positions worth comparing with `report`, in creation order."""
        month = _month(report)
        basis = report.date_basis
        found: set[int] = set()
        for figure in report.figures:
            if month:
                found |= self.by_figure.get((basis, figure, month), set()) | self.by_figure.get((basis, figure, None), set())
            else:
                found |= self.by_figure_any.get((basis, figure), set())
        if report.category and report.actors and report.earliest and report.latest:
            if month:
                places = [month, f"~{month}"]
            else:
                covered = _months_covered(report)
                places = [f"~{covered[0]}", *covered, *(f"^{each}" for each in covered)]
            # A member with figures is compatible with a report with figures only when they
            # share one, and then its cluster is already found by that figure.
            kinds = (False,) if report.figures else (False, True)
            members: set[int] = set()
            for actor in report.actors:
                for kind in kinds:
                    for place in places:
                        members.update(self.by_topic.get((basis, report.category, actor, kind, place), ()))
            alike = [member for member in sorted(members) if compatible(report, self.members[member])]
            if alike:
                hits = process.extract(
                    _words_of(report, self.words),
                    [_words_of(self.members[member], self.words) for member in alike],
                    scorer=fuzz.token_set_ratio,
                    score_cutoff=SAME_WORDING_SIMILARITY,
                    limit=None,
                )
                found.update(self.owners[alike[hit[2]]] for hit in hits)
        return sorted(found)


def _months_covered(report: Report) -> list[str]:
    """Every month from the one the interval starts in to the one it ends in."""
    if report.earliest is None or report.latest is None:
        return []
    year, month = report.earliest.year, report.earliest.month
    months = []
    while (year, month) <= (report.latest.year, report.latest.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def compatible(a: Report, b: Report) -> bool:
    """May a and b report the same fact: other documents, same basis, nested dates in one month, no figure conflict."""
    if a.document_id == b.document_id or a.date_basis != b.date_basis:
        return False
    if a.earliest is None or a.latest is None or b.earliest is None or b.latest is None:
        return False
    if ("/" in a.value or "/" in b.value) and a.value != b.value:
        return False
    inside = (a.earliest >= b.earliest and a.latest <= b.latest) or (b.earliest >= a.earliest and b.latest <= a.latest)
    if not inside:
        return False
    month_a, month_b = _month(a), _month(b)
    if month_a and month_b and month_a != month_b:
        return False
    if a.figures and b.figures and not (a.figures & b.figures):
        return False
    return True


def _similarity(a: Report, b: Report, words: dict[str, str]) -> float:
    """How alike two compatible reports are (0 when they are not alike enough to merge)."""
    same_figure = bool(a.figures and b.figures)
    same_topic = bool(a.category and a.category == b.category and a.actors & b.actors)
    if not same_figure and not same_topic:
        return 0.0
    wording = fuzz.token_set_ratio(_words_of(a, words), _words_of(b, words))
    if same_figure:
        return 100.0 + wording if wording >= SAME_FIGURE_SIMILARITY or (a.category and a.category == b.category) else 0.0
    return wording if wording >= SAME_WORDING_SIMILARITY else 0.0


def _words_of(report: Report, cache: dict[str, str]) -> str:
    if report.key not in cache:
        cache[report.key] = _words(report.text)
    return cache[report.key]


def _month(report: Report) -> str | None:
    """The month an interval lies in, when it is known and no longer than a month."""
    if report.earliest is None or report.latest is None or (report.latest - report.earliest).days > 31:
        return None
    return f"{report.earliest.year:04d}-{report.earliest.month:02d}"


def _words(text: str) -> str:
    return " ".join(word for word in _WORD.findall(text.lower().replace("’", "'")) if word not in _STOPWORDS)


def _completeness(report: Report) -> tuple:
    span = (report.latest - report.earliest).days if report.earliest and report.latest else 10**9
    return (report.date_basis != "stated", span, -len(report.figures), -len(report.actors), -len(report.text), report.key)
