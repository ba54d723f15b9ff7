"""Benchmark: event extraction (documents/s, events/s) and cluster recomputation (reports/s).

Extraction runs over the generated news-like corpus (benchmarks/corpus.py); clustering over
synthetic reports of one year, a third of them the same facts told by other documents.

Example: uv run python benchmarks/events.py --documents 200 --reports 20000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles  # noqa: E402

from timeline.domain import PublicationDate, SourceDocument  # noqa: E402
from timeline.events.cluster import Figure, Report, cluster_reports  # noqa: E402
from timeline.pipeline.extract import extract  # noqa: E402


def extraction(count: int) -> None:
    """Extract every generated article in this process and print the rates."""
    documents = [
        SourceDocument(text=article.text, published=PublicationDate.from_date(article.published))
        for article in articles(count)
    ]
    began = time.perf_counter()
    events = sum(len(extract(document).events) for document in documents)
    spent = time.perf_counter() - began
    print(f"extraction: {count} documents, {events} events in {spent:.2f} s: {count / spent:.1f} documents/s, {events / spent:.0f} events/s")


def clustering(count: int) -> None:
    """Cluster synthetic reports and print the rate."""
    rng = random.Random(2024)
    categories = ("casualties", "recruitment", "deployment", "coercion", "statement")
    vocabulary = [f"w{number}" for number in range(3000)]
    texts = {}
    reports = []
    for index in range(count):
        fact = index if index % 3 else rng.randrange(max(1, index))
        day = date(2024, 1, 1) + timedelta(days=fact % 360)
        month = date(day.year, day.month, 1)
        after = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        figure = Figure(float(100 + fact), None, None, "people")
        reports.append(
            Report(
                event_id=index, key=f"{index:016x}", document_id=index, published=(day + timedelta(days=3)).isoformat(),
                value=month.isoformat()[:7], earliest=month, latest=after, date_basis="stated",
                category=categories[fact % len(categories)], text=texts.setdefault(fact, " ".join(rng.sample(vocabulary, 14))),
                actors=frozenset({"russia"}), figures=frozenset({figure}),
            )
        )
    began = time.perf_counter()
    clusters = cluster_reports(reports)
    spent = time.perf_counter() - began
    print(f"clustering: {count} reports into {len(clusters)} clusters in {spent:.2f} s: {count / spent:.0f} reports/s")


def main() -> None:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--reports", type=int, default=20000)
    options = parser.parse_args()
    extraction(options.documents)
    clustering(options.reports)


if __name__ == "__main__":
    main()
