"""TempEval-3 Task A timex measures: strict and relaxed extent P/R/F1, value and type F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Measure:
    """Precision, recall and F1."""

    precision: float
    recall: float
    f1: float


@dataclass
class Scores:
    """Pooled counts over a corpus and the measures derived from them."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    by_type: dict[str, Counter] = field(default_factory=dict)

    def measure(self, name: str) -> Measure:
        """`strict`, `relaxed`, `value` or `type` as P/R/F1 (attributes: relaxed x accuracy, as TempEval-3)."""
        relaxed = _prf(self.relaxed, self.system, self.gold)
        if name == "relaxed":
            return relaxed
        if name == "strict":
            return _prf(self.strict, self.system, self.gold)
        correct = {"value": self.value, "type": self.type}[name]
        if self.gold == 0 and self.system == 0:
            accuracy = 1.0
        else:
            accuracy = correct / self.relaxed if self.relaxed else 0.0
        return Measure(accuracy * relaxed.precision, accuracy * relaxed.recall, accuracy * relaxed.f1)


def _prf(matched: int, system: int, gold: int) -> Measure:
    if system == 0 and gold == 0:
        return Measure(1.0, 1.0, 1.0)
    precision = matched / system if system else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Measure(precision, recall, f1)


def align(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs: identical spans first, then overlapping ones from left to right."""
    pairs: list[tuple[int, int]] = []
    free_gold = set(range(len(gold)))
    free_system = set(range(len(system)))
    spans: dict[tuple[int, int], list[int]] = {}
    for j, timex in enumerate(system):
        spans.setdefault((timex["start"], timex["end"]), []).append(j)
    for i, timex in enumerate(gold):
        same = spans.get((timex["start"], timex["end"]))
        if same:
            j = same.pop(0)
            pairs.append((i, j))
            free_gold.discard(i)
            free_system.discard(j)
    overlapping = sorted(
        (gold[i]["start"], gold[i]["end"], system[j]["start"], system[j]["end"], i, j)
        for i in free_gold
        for j in free_system
        if min(gold[i]["end"], system[j]["end"]) > max(gold[i]["start"], system[j]["start"])
    )
    for *_span, i, j in overlapping:
        if i in free_gold and j in free_system:
            pairs.append((i, j))
            free_gold.discard(i)
            free_system.discard(j)
    return pairs


def score(gold_documents: Iterable[dict[str, Any]], system_documents: Iterable[dict[str, Any]]) -> Scores:
    """Pool the counts of every gold document against the system document of the same id (missing = empty)."""
    system_by_id = {document["id"]: document for document in system_documents}
    scores = Scores()
    for document in gold_documents:
        gold = document.get("timexes") or []
        system = (system_by_id.get(document["id"]) or {}).get("timexes") or []
        scores.gold += len(gold)
        scores.system += len(system)
        for timex in gold:
            scores.by_type.setdefault(str(timex.get("type")), Counter())["gold"] += 1
        for i, j in align(gold, system):
            g, s = gold[i], system[j]
            counter = scores.by_type.setdefault(str(g.get("type")), Counter())
            scores.relaxed += 1
            counter["relaxed"] += 1
            if (g["start"], g["end"]) == (s["start"], s["end"]):
                scores.strict += 1
            if g.get("value") == s.get("value"):
                scores.value += 1
                counter["value"] += 1
            if g.get("type") == s.get("type"):
                scores.type += 1
    return scores


def report(scores: Scores) -> str:
    """The measures as a small text table."""
    lines = [f"{'':16} {'P':>7} {'R':>7} {'F1':>7}"]
    for name, label in (("strict", "strict match"), ("relaxed", "relaxed match"), ("value", "value (attr)"), ("type", "type (attr)")):
        m = scores.measure(name)
        lines.append(f"{label:16} {100 * m.precision:7.2f} {100 * m.recall:7.2f} {100 * m.f1:7.2f}")
    lines.append(f"counts: gold {scores.gold}  system {scores.system}  strict {scores.strict}  relaxed {scores.relaxed}  value ok {scores.value}")
    parts = [f"{kind} {c['gold']}/{c['relaxed']}/{c['value']}" for kind, c in sorted(scores.by_type.items())]
    lines.append("by gold type (gold/matched/value ok): " + "  ".join(parts))
    return "\n".join(lines)
