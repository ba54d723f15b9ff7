"""Whether two reports tell one real-world event: their dates at their precision, figures, wording and context, weighed.

The weights and thresholds are data (`data/merge.toml`, explained there with examples). A
`Link` says how strongly two reports are one event and why; `link` gives None when they are
not (incompatible dates or figures, or too little evidence).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.events.merge_rules import MergeRules

if TYPE_CHECKING:
    from timeline.events.cluster import Figure, Report

DAY_RELATIONS = frozenset({"same_day", "adjacent_day", "report_after", "same_report_day"})
"""Relations of dates at day precision: there the documents' context counts (the same story on the same day)."""


@dataclass(frozen=True)
class Link:
    """Two reports judged one event: the score, the dates' relation, and each piece of evidence."""

    score: float
    relation: str
    wording: float
    context: float
    figure: float
    shared: tuple[str, ...] = ()

    def explain(self) -> str:
        """The evidence in words: "same day; context 0.42 (okafor, brantwell); wording 0.31"."""
        parts = [self.relation.replace("_", " ")]
        if self.context:
            parts.append(f"context {self.context:.2f}" + (f" ({', '.join(self.shared)})" if self.shared else ""))
        if self.wording:
            parts.append(f"wording {self.wording:.2f}")
        if self.figure:
            parts.append(f"figure {self.figure:.2f}")
        return "; ".join(parts) + f" (score {self.score:.2f})"


class TermWeights:
    """Inverse document frequencies from the archive's counts: a word in every document weighs 0, a rare one most."""

    def __init__(self, documents: int, counts: Mapping[str, int]) -> None:
        self.documents = max(documents, 1)
        self.counts = counts
        self._vectors: dict[tuple[str, int], tuple[dict[str, float], float]] = {}
        self._contexts: dict[tuple[int, int], float] = {}
        self._classes: dict[int, dict[str, frozenset[Number]]] = {}

    def weight(self, term: str) -> float:
        """ln((N + 1) / (df + 1)), df at least 1 (the document holding the term)."""
        return math.log((self.documents + 1) / (max(self.counts.get(term, 1), 1) + 1))

    def vector(self, terms: Iterable[str], key: tuple[str, int]) -> tuple[dict[str, float], float]:
        """Term frequency times weight, and the vector's norm (cached under `key`)."""
        if key not in self._vectors:
            vector = {term: count * self.weight(term) for term, count in Counter(terms).items()}
            vector = {term: value for term, value in vector.items() if value > 0}
            self._vectors[key] = (vector, math.sqrt(sum(value * value for value in vector.values())))
        return self._vectors[key]

    def context_cosine(self, a: Report, b: Report) -> float:
        """The cosine of two reports' documents' contexts (cached by the pair of documents)."""
        pair = (a.document_id, b.document_id) if a.document_id < b.document_id else (b.document_id, a.document_id)
        if pair not in self._contexts:
            self._contexts[pair] = self.cosine(self.vector(a.context, ("c", a.document_id)), self.vector(b.context, ("c", b.document_id)))
        return self._contexts[pair]

    def figure_classes(self, report: Report, rules: MergeRules) -> dict[str, frozenset[Number]]:
        """`figure_classes` of a report's figures (cached by event)."""
        if report.event_id not in self._classes:
            self._classes[report.event_id] = figure_classes(report.figures, rules)
        return self._classes[report.event_id]

    def cosine(self, a: tuple[dict[str, float], float], b: tuple[dict[str, float], float]) -> float:
        """The cosine of two vectors from `vector` (0 when either is empty)."""
        (left, left_norm), (right, right_norm) = a, b
        if not left_norm or not right_norm:
            return 0.0
        if len(left) > len(right):
            left, right = right, left
        return sum(value * right[term] for term, value in left.items() if term in right) / (left_norm * right_norm)


def fine(report: Report) -> bool:
    """True when the report's date is a day or finer."""
    return report.earliest is not None and report.latest is not None and (report.latest - report.earliest).days <= 1


def date_relation(a: Report, b: Report, rules: MergeRules) -> str | None:
    """How two reports' dates relate (a key of `rules.dates`), or None when they cannot be one event."""
    if a.earliest is None or a.latest is None or b.earliest is None or b.latest is None:
        return None
    if a.date_basis == "reported" and b.date_basis == "reported":
        if fine(a) and fine(b):
            return "same_report_day" if a.earliest == b.earliest else None
        return _nesting(a, b)
    if a.date_basis == "reported" or b.date_basis == "reported":
        stated, report = (a, b) if b.date_basis == "reported" else (b, a)
        if not fine(stated) or not fine(report):
            return None
        lag = (report.earliest - stated.earliest).days
        return "report_after" if 0 <= lag <= rules.report_lag_days else None
    if fine(a) and fine(b):
        gap = abs((a.earliest - b.earliest).days)
        return "same_day" if gap == 0 else "adjacent_day" if gap <= rules.day_tolerance else None
    if ("/" in a.value or "/" in b.value) and a.value != b.value:
        return None
    return _nesting(a, b)


def _nesting(a: Report, b: Report) -> str | None:
    """`same_span` for equal intervals, `nested` for one inside the other, else None."""
    assert a.earliest and a.latest and b.earliest and b.latest
    if (a.earliest, a.latest) == (b.earliest, b.latest):
        return "same_span"
    if (a.earliest >= b.earliest and a.latest <= b.latest) or (b.earliest >= a.earliest and b.latest <= a.latest):
        return "nested"
    return None


def significant(figure: Figure, rules: MergeRules) -> bool:
    """A figure that says which fact a report is: with a unit class, and a rate or at least `figure_minimum`."""
    return figure.unit_class is not None and (figure.rate is not None or figure.magnitude >= rules.figure_minimum)


Number = tuple[float | None, str | None]


def figure_classes(figures: Iterable[Figure], rules: MergeRules) -> dict[str, frozenset[Number]]:
    """The numbers of the significant figures by unit class (what a report's figures must agree on with another's)."""
    classes: dict[str, set[Number]] = {}
    for figure in figures:
        if significant(figure, rules):
            classes.setdefault(figure.unit_class, set()).add(figure.number)  # type: ignore[arg-type]
    return {unit: frozenset(values) for unit, values in classes.items()}


def figures_agree(a: Mapping[str, frozenset[Number]], b: Mapping[str, frozenset[Number]]) -> bool:
    """False when both give significant figures of one unit class and none of them is the same."""
    return all(a[unit] & b[unit] for unit in a.keys() & b.keys())


def shared_figures(a: Iterable[Figure], b: Iterable[Figure]) -> set[Figure]:
    """The figures of `a` whose number `b` gives too, with units of one class or of none known."""
    return {
        left
        for left in a
        for right in b
        if left.number == right.number and (left.unit_class is None or right.unit_class is None or left.unit_class == right.unit_class)
    }


def figure_weight(shared: Iterable[Figure], rules: MergeRules) -> float:
    """The weight of the strongest figure two reports share."""
    best = 0.0
    for figure in shared:
        if figure.rate is not None:
            weight = rules.rate_figure
        elif figure.unit_class is not None:
            weight = rules.figure if figure.magnitude >= rules.figure_minimum else rules.small_figure
        else:
            weight = rules.plain_figure if figure.magnitude >= rules.plain_figure_minimum else rules.small_figure
        best = max(best, weight)
    return best


def link(a: Report, b: Report, weights: TermWeights, rules: MergeRules) -> Link | None:
    """The link between two reports when the evidence says they tell one event, else None."""
    relation = date_relation(a, b, rules)
    if relation is None or relation not in rules.dates:
        return None
    if (a.figures and b.figures) and not figures_agree(weights.figure_classes(a, rules), weights.figure_classes(b, rules)):
        return None
    figure = figure_weight(shared_figures(a.figures, b.figures), rules) if a.figures and b.figures else 0.0
    wording = weights.cosine(weights.vector(a.words, ("w", a.event_id)), weights.vector(b.words, ("w", b.event_id)))
    score = rules.dates[relation] + rules.wording * wording + figure
    if a.document_id == b.document_id:
        if relation not in ("same_day", "same_span") or wording < rules.same_document_wording:
            return None
        context = 0.0
    else:
        context = weights.context_cosine(a, b)
        rated = figure >= rules.rate_figure
        if context < rules.minimum_context and not rated and not (figure >= rules.figure and wording >= rules.wording_without_context):
            return None
        stated_spans = relation not in DAY_RELATIONS and a.date_basis == b.date_basis == "stated"
        if stated_spans and context < rules.span_minimum_context and not rated:
            return None
        if wording < rules.faint_wording and not figure and context < rules.context_alone:
            return None
        score += (rules.context if relation in DAY_RELATIONS else rules.span_context) * context
    if score < rules.threshold:
        return None
    shared: tuple[str, ...] = ()
    if context:
        left, right = weights.vector(a.context, ("c", a.document_id))[0], weights.vector(b.context, ("c", b.document_id))[0]
        shared = tuple(sorted(left.keys() & right.keys(), key=lambda term: (-left[term], term))[:4])
    return Link(round(score, 4), relation, round(wording, 4), round(context, 4), figure, shared)
