"""The chronology query (date range, ordered, first 100) is served by an index, with no sort of its own.

With a lower end, each class of clusters (date basis, granularity) is read from `from - its longest span`
on, so the index is not read from its first entry."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from timeline.query.chronology import cluster_query
from timeline.query.chronology_filter import ChronologyFilter
from timeline.store.database import create_database_engine, query_plan
from timeline.store.migrate import upgrade

FILTERS = {
    "range": ChronologyFilter(start=date(2022, 3, 1), end=date(2022, 7, 1), limit=100),
    "from": ChronologyFilter(start=date(2022, 1, 1), limit=100),
    "all": ChronologyFilter(limit=100),
}


@pytest.fixture(scope="module")
def clustered_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database of 3,000 dated clusters over ten years (no statistics gathered, as a user's would be)."""
    path = str(tmp_path_factory.mktemp("plan") / "plan.db")
    upgrade(path)
    connection = sqlite3.connect(path)
    rows = []
    for number in range(3000):
        day = date(2015, 1, 1) + timedelta(days=number * 37 % 3650)
        rows.append((f"{number:016x}", f"{number:016x}", day.isoformat(), day.isoformat(), (day + timedelta(days=1)).isoformat(),
                     "day", "stated" if number % 5 else "reported", f"event {number}", 1, 1))
    with connection:
        connection.executemany(
            "INSERT INTO clusters (id, anchor_key, value, earliest, latest, granularity, date_basis, text, event_count, source_count)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    connection.close()
    return path


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_chronology_plan_reads_the_chronology_index_in_order(clustered_db: str, name: str) -> None:
    engine = create_database_engine(clustered_db, read_only=True)
    with engine.connect() as connection:
        plan = query_plan(connection, cluster_query(connection, FILTERS[name]))
    engine.dispose()
    searches = [step for step in plan if step.startswith("SEARCH clusters USING INDEX ix_clusters_chronology")]
    assert searches, plan
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan
    assert not any(step.strip() == "SCAN clusters" for step in plan), plan
    if FILTERS[name].start is not None:
        assert all("granularity=? AND earliest>?" in step for step in searches), plan


def test_each_granularity_is_read_from_its_own_lower_bound(clustered_db: str) -> None:
    connection = sqlite3.connect(clustered_db)
    with connection:
        connection.execute(
            "INSERT INTO clusters (id, anchor_key, value, earliest, latest, granularity, date_basis, text, event_count, source_count)"
            " VALUES ('long', 'long', '2016', '2016-01-01', '2017-01-01', 'year', 'stated', 'a year', 1, 1)"
        )
    connection.close()
    engine = create_database_engine(clustered_db, read_only=True)
    with engine.connect() as connection:
        plan = query_plan(connection, cluster_query(connection, FILTERS["range"]))
        sql = str(cluster_query(connection, FILTERS["range"]).compile(compile_kwargs={"literal_binds": True}))
    engine.dispose()
    assert "MERGE (UNION ALL)" in plan, plan
    assert sum(step.startswith("SEARCH clusters USING INDEX ix_clusters_chronology (date_basis=? AND granularity=?") for step in plan) == 2, plan
    assert "clusters.earliest > '2022-02-28'" in sql and "clusters.earliest > '2021-02-28'" in sql, sql
