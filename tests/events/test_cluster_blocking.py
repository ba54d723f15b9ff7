"""Clustering's candidate index only saves comparisons: it groups exactly as comparing every report with every cluster."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from timeline.events.cluster import Cluster, Figure, Report, _similarity, cluster_id, cluster_reports, compatible

CATEGORIES = ("recruitment", "casualties", None)
ACTORS = ("russia", "nepal", "north-korea", "wagner-group")
FIGURES = (Figure(1200.0, None, "P1D", "people"), Figure(21.0, None, None, "countries"), Figure(500.0, 600.0, None, "people"))
WORDS = "russia enlisted convicts prisons soldiers killed wounded day may troops sent front nepal students recruited contracts".split()
SPANS = (1, 1, 1, 7, 30, 31, 32, 60, 90, 92, 120, 365)
MONTH_STARTS = tuple(date(2023 + (10 + number) // 12, (10 + number) % 12 + 1, 1) for number in range(6))


def exhaustive(reports: Sequence[Report]) -> list[Cluster]:
    """The reference: each report, first report first, joins the best compatible cluster among all of them."""
    words: dict[str, str] = {}
    clusters: list[Cluster] = []
    for report in sorted(reports, key=lambda each: (each.earliest.year if each.earliest else 0, each.order)):
        best: tuple[float, int] | None = None
        for position, cluster in enumerate(clusters):
            if cluster.members[0].earliest.year != report.earliest.year:  # type: ignore[union-attr]
                continue
            if not all(compatible(report, member) for member in cluster.members):
                continue
            score = max(_similarity(report, member, words) for member in cluster.members)
            if score > 0 and (best is None or score > best[0]):
                best = (score, position)
        if best is None:
            clusters.append(Cluster(cluster_id(report.key), [report]))
        else:
            clusters[best[1]].members.append(report)
    return clusters


def generated(seed: int, count: int) -> list[Report]:
    """Reports dense enough in a few months, categories and actors that blocks overlap and clusters form."""
    rng = random.Random(seed)
    reports = []
    for number in range(count):
        start = rng.choice(MONTH_STARTS) if rng.random() < 0.6 else date(2023, 11, 1) + timedelta(days=rng.randrange(0, 150))
        length = rng.choice(SPANS)
        reports.append(
            Report(
                event_id=number,
                key=f"e{number:04d}",
                document_id=rng.randrange(0, count // 3),
                published=f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}" if rng.random() < 0.9 else None,
                value=f"{start.year}-{start.month:02d}",
                earliest=start,
                latest=start + timedelta(days=length),
                date_basis=rng.choice(("stated", "stated", "reported")),
                category=rng.choice(CATEGORIES),
                text=" ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 9))),
                actors=frozenset(rng.sample(ACTORS, rng.randrange(0, 3))),
                figures=frozenset(rng.sample(FIGURES, rng.choice((0, 0, 1, 1, 2)))),
            )
        )
    return reports


def canonical(clusters: list[Cluster]) -> list[tuple[str, list[str]]]:
    return sorted((cluster.id, sorted(member.key for member in cluster.members)) for cluster in clusters)


def test_blocking_gives_the_clusters_of_the_exhaustive_comparison() -> None:
    merged = 0
    for seed in range(6):
        reports = generated(seed, 240)
        found = cluster_reports(reports)
        assert canonical(found) == canonical(exhaustive(reports))
        merged += sum(1 for cluster in found if len(cluster.members) > 1)
    assert merged > 50

