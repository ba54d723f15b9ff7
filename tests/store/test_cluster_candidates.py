"""Regrouping only the candidates found in SQL gives the clusters a regrouping of every event gives."""

from __future__ import annotations

import csv
import os
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

from benchmarks.corpus import write_corpus
from timeline.pipeline.ingest import ingest
from timeline.store.cluster_candidates import mergeable_events, nested_with_another_document, unclustered_events
from timeline.store import clusters as clusters_module
from timeline.store.clusters import recompute_clusters
from timeline.store.database import create_database_engine
from timeline.store.models import EventRow
from timeline.store.models_events import ClusterRow
from timeline.store.tables import clusters

ARTICLES = 90


@pytest.fixture(scope="module")
def dense_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Generated articles published within three months (so that many report the same facts), in three folders."""
    source = write_corpus(tmp_path_factory.mktemp("generated") / "articles", ARTICLES, seed=11, sentences=12)
    with (source / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    parts = [tmp_path_factory.mktemp(f"part{number}") for number in range(3)]
    for number, row in enumerate(rows):
        row["published"] = (date(2024, 1, 1) + timedelta(days=number * 7 % 90)).isoformat()
        shutil.copy(source / row["file"], parts[number % 3] / row["file"])
    for number, part in enumerate(parts):
        with (part / "manifest.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(row for index, row in enumerate(rows) if index % 3 == number)
    return parts


def stored(url: str) -> tuple[list, list]:
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            rows = list(connection.execute(select(clusters).order_by(clusters.c.id)))
            assigned = [tuple(row) for row in connection.execute(select(EventRow.key, EventRow.cluster_id).order_by(EventRow.key))]
    finally:
        engine.dispose()
    return rows, assigned


def test_batch_after_batch_gives_the_clusters_of_a_regrouping_of_every_event(database_url: str, dense_corpus: list[Path]) -> None:
    for part in dense_corpus:
        assert ingest([str(part)], database_url, jobs=0).counts["added"] == ARTICLES // 3
    incremental = stored(database_url)
    assert any(row.event_count > 1 for row in incremental[0]) and all(cluster for _key, cluster in incremental[1])
    engine = create_database_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(update(EventRow).values(cluster_id=None))
            connection.execute(delete(ClusterRow))
            assert len(unclustered_events(connection, EventRow.id > 0)) == connection.execute(select(func.count()).select_from(EventRow)).scalar()
            recompute_clusters(connection)
    finally:
        engine.dispose()
    assert stored(database_url) == incremental


PLANNERS = "TIMELINE_TEST_PLANNERS"
DYING_YEAR = "TIMELINE_TEST_DYING_YEAR"
PLAN_YEAR = clusters_module._plan_year


def recorded_plan_year(url: str, year: int) -> clusters_module.Plan:
    """Plan a year as the pass does, leaving a file named after the planning process and the year."""
    (Path(os.environ[PLANNERS]) / f"{os.getpid()}-{year}").touch()
    return PLAN_YEAR(url, year)


def dying_plan_year(url: str, year: int) -> clusters_module.Plan:
    """Plan a year as the pass does, except that the process planning the year named in DYING_YEAR dies."""
    if year == int(os.environ[DYING_YEAR]):
        os._exit(1)
    return PLAN_YEAR(url, year)


def regroup_in_processes(url: str) -> None:
    """Forget every cluster, then regroup every event with the years planned in two processes."""
    engine = create_database_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(update(EventRow).values(cluster_id=None))
            connection.execute(delete(ClusterRow))
        with engine.begin() as connection:
            recompute_clusters(connection, reader=engine, processes=2)
    finally:
        engine.dispose()


def test_years_planned_in_forked_processes_give_the_same_clusters(
    database_url: str, dense_corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ingest([str(part) for part in dense_corpus], database_url, jobs=0).counts["added"] == ARTICLES
    serial = stored(database_url)
    records = tmp_path / "planners"
    records.mkdir()
    monkeypatch.setenv(PLANNERS, str(records))
    monkeypatch.setattr(clusters_module, "_plan_year", recorded_plan_year)
    regroup_in_processes(database_url)
    planners = {int(name.split("-")[0]) for name in os.listdir(records)}
    assert len(os.listdir(records)) > 1 and os.getpid() not in planners
    assert stored(database_url) == serial


def test_years_left_by_a_dead_planning_process_are_planned_by_the_pass(
    database_url: str, dense_corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ingest([str(part) for part in dense_corpus], database_url, jobs=0).counts["added"] == ARTICLES
    serial = stored(database_url)
    engine = create_database_engine(database_url)
    try:
        with engine.connect() as connection:
            years = sorted({day.year for day in connection.execute(select(EventRow.earliest).distinct()).scalars() if day})
    finally:
        engine.dispose()
    monkeypatch.setenv(DYING_YEAR, str(years[1]))
    monkeypatch.setattr(clusters_module, "_plan_year", dying_plan_year)
    regroup_in_processes(database_url)
    assert stored(database_url) == serial


def test_candidates_hold_every_merged_event_and_leave_most_alone(database_url: str, dense_corpus: list[Path]) -> None:
    assert ingest([str(part) for part in dense_corpus], database_url, jobs=0).counts["added"] == ARTICLES
    engine = create_database_engine(database_url)
    try:
        with engine.connect() as connection:
            everything = EventRow.id > 0
            candidates = mergeable_events(connection, date(1, 1, 1), date(9999, 1, 1))
            merged = set(
                connection.execute(
                    select(EventRow.id).join(ClusterRow, ClusterRow.id == EventRow.cluster_id).where(ClusterRow.event_count > 1)
                ).scalars()
            )
            total = connection.execute(select(func.count()).select_from(EventRow)).scalar()
            unclustered = unclustered_events(connection, everything)
    finally:
        engine.dispose()
    assert merged and merged <= candidates and len(candidates) < total / 2 and not unclustered


def nested_by_pairs(rows: list[tuple[int, int, int, int]]) -> set[int]:
    """The rows nested with a row of another document, found by comparing every pair."""
    return {
        one[3]
        for one in rows
        for other in rows
        if one[2] != other[2]
        and ((other[0] <= one[0] and other[1] >= one[1]) or (other[0] >= one[0] and other[1] <= one[1]))
    }


def test_the_sweeps_find_exactly_the_rows_nested_with_another_documents() -> None:
    # (earliest, latest, document, event): 1 lies inside 2; 3 and 4 are the same interval in two documents;
    # 5 and 6 nest but come from one document; 7 overlaps 2 without nesting.
    rows = [(10, 12, 1, 1), (9, 20, 2, 2), (30, 31, 3, 3), (30, 31, 4, 4), (40, 50, 5, 5), (41, 42, 5, 6), (15, 25, 6, 7)]
    assert nested_with_another_document(rows) == {1, 2, 3, 4}
    generator = random.Random(5)
    for _ in range(500):
        rows = []
        for event in range(generator.randint(1, 12)):
            start = generator.randint(0, 6)
            rows.append((start, start + generator.randint(0, 4), generator.randint(0, 3), event))
        assert nested_with_another_document(rows) == nested_by_pairs(rows)
