"""The chronology query read class by class from each class's own lower bound returns exactly the overlap, in order."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, update

from timeline.query.chronology import cluster_query, span_classes
from timeline.query.chronology_filter import ChronologyFilter
from timeline.store.database import create_database_engine
from timeline.store.migrate import upgrade
from timeline.store.models_events import ClusterRow

GRANULARITIES = {"day": 1, "month": 31, "quarter": 92, "year": 366, None: 40}


def _clusters(count: int) -> list[dict]:
    rng = random.Random(7)
    rows = []
    for number in range(count):
        granularity = rng.choice(list(GRANULARITIES))
        earliest = date(2020, 1, 1) + timedelta(days=rng.randrange(1500))
        days = rng.randint(1, GRANULARITIES[granularity])
        if number % 97 == 0:
            days = rng.randint(400, 900)  # a range such as "2023-04 to 2024-05", longer than its granularity says
        rows.append({
            "id": f"{number:016x}", "anchor_key": f"{number:016x}", "value": earliest.isoformat(), "earliest": earliest,
            "latest": earliest + timedelta(days=days), "granularity": granularity,
            "date_basis": "stated" if number % 4 else "reported", "text": f"event {number}", "event_count": 1, "source_count": 1,
        })
    return rows


def _expected(rows: list[dict], query_filter: ChronologyFilter) -> list[str]:
    kept = []
    for row in rows:
        if not query_filter.include_reported and row["date_basis"] != "stated":
            continue
        if query_filter.start and not (row["earliest"] >= query_filter.start if query_filter.within else row["latest"] > query_filter.start):
            continue
        if query_filter.end and not (row["latest"] <= query_filter.end if query_filter.within else row["earliest"] < query_filter.end):
            continue
        kept.append(row)
    kept.sort(key=lambda row: (row["earliest"], row["latest"], row["id"]))
    return [row["id"] for row in kept][: query_filter.limit]


def test_class_bounds_keep_the_overlap_identical(database_url: str) -> None:
    upgrade(database_url)
    rows = _clusters(1200)
    engine = create_database_engine(database_url)
    with engine.begin() as connection:
        connection.execute(insert(ClusterRow), rows)
        # An update that lengthens an interval raises its class's bound too.
        connection.execute(update(ClusterRow).where(ClusterRow.id == rows[5]["id"]).values(latest=date(2026, 1, 1)))
        # So does an update that moves a long interval into another granularity.
        long_row = next(row for row in rows if (row["latest"] - row["earliest"]).days > 400 and row["granularity"] == "day")
        connection.execute(update(ClusterRow).where(ClusterRow.id == long_row["id"]).values(granularity="week"))
    rows[5]["latest"] = date(2026, 1, 1)
    long_row["granularity"] = "week"
    filters = [
        ChronologyFilter(start=date(2022, 3, 1), end=date(2022, 7, 1), limit=100),
        ChronologyFilter(start=date(2022, 3, 1), end=date(2022, 7, 1)),
        ChronologyFilter(start=date(2023, 1, 1), limit=50, include_reported=True),
        ChronologyFilter(start=date(2021, 6, 15)),
        ChronologyFilter(end=date(2021, 2, 1), limit=30),
        ChronologyFilter(start=date(2022, 1, 1), end=date(2023, 1, 1), within=True),
        ChronologyFilter(limit=100, include_reported=True),
    ]
    try:
        with engine.connect() as connection:
            classes = span_classes(connection, include_reported=True)
            assert classes is not None and ("stated", "") in {(basis, granularity) for basis, granularity, _longest in classes}
            assert max(longest for _basis, _granularity, longest in classes) >= (date(2026, 1, 1) - rows[5]["earliest"]).days
            week = [longest for basis, granularity, longest in classes if (basis, granularity) == (long_row["date_basis"], "week")]
            assert week == [(long_row["latest"] - long_row["earliest"]).days]
            for query_filter in filters:
                found = [row.id for row in connection.execute(cluster_query(connection, query_filter))]
                assert found == _expected(rows, query_filter), query_filter
    finally:
        engine.dispose()
