"""Clustering's candidate sweep only saves comparisons: it groups exactly as comparing every two reports."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from datetime import date, timedelta

from timeline.events.cluster import Cluster, Figure, Report, candidate_pairs, regroup
from timeline.events.merge_evidence import TermWeights
from timeline.events.merge_rules import merge_rules

NAMES = "okafor brantwell vessey ruiz halvern ekdahl veldmark orvane".split()
WORDS = "fire mill shot killed police council budget troops sent front students recruited contracts".split()
FIGURES = (Figure(1200.0, None, "P1D", "people"), Figure(21.0, None, None, "countries"), Figure(500.0, 600.0, None, "people"))
SPANS = (1, 1, 1, 1, 2, 7, 30, 31, 92)


def generated(seed: int, count: int) -> list[Report]:
    """Reports dense enough in a few weeks that dates, figures and context overlap and clusters form."""
    rng = random.Random(seed)
    reports = []
    for number in range(count):
        start = date(2024, 3, 1) + timedelta(days=rng.randrange(0, 60))
        length = rng.choice(SPANS)
        if length > 2:
            start = start.replace(day=1)
        document = rng.randrange(0, count // 2)
        context_rng = random.Random(document)
        reports.append(
            Report(
                event_id=number,
                key=f"e{number:04d}",
                document_id=document,
                published=(start + timedelta(days=rng.randrange(0, 3))).isoformat(),
                value=start.isoformat() if length == 1 else start.isoformat()[:7],
                earliest=start,
                latest=start + timedelta(days=length),
                date_basis=rng.choice(("stated", "stated", "reported")),
                category=None,
                text=" ".join(rng.choice(WORDS + NAMES) for _ in range(rng.randrange(4, 10))),
                figures=frozenset(rng.sample(FIGURES, rng.choice((0, 0, 1)))),
                context=tuple(context_rng.sample(NAMES, 3)),
            )
        )
    return reports


def canonical(clusters: Sequence[Cluster]) -> list[tuple[str, list[str]]]:
    return sorted((cluster.id, sorted(member.key for member in cluster.members)) for cluster in clusters)


def test_the_sweep_gives_the_clusters_of_comparing_every_two_reports() -> None:
    rules = merge_rules()
    merged = 0
    for seed in range(4):
        reports = generated(seed, 160)
        weights = TermWeights(400, {})
        everything = [(a.event_id, b.event_id) for a, b in itertools.combinations(reports, 2)]
        swept = regroup(reports, [], candidate_pairs(reports, rules), weights, rules).changed
        assert canonical(swept) == canonical(regroup(reports, [], everything, TermWeights(400, {}), rules).changed)
        merged += sum(1 for cluster in swept if len(cluster.members) > 1)
    assert merged > 20


def test_the_clusters_do_not_depend_on_the_order_of_the_reports() -> None:
    rules = merge_rules()
    reports = generated(11, 160)
    pairs = candidate_pairs(reports, rules)
    forward = regroup(reports, [], pairs, TermWeights(400, {}), rules).changed
    backward = regroup(list(reversed(reports)), [], list(reversed(pairs)), TermWeights(400, {}), rules).changed
    assert canonical(forward) == canonical(backward)
