"""Clusters in the database: one entry per fact citing every source, stable ids, and the claims table in SQL."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from timeline.pipeline.ingest import ingest
from timeline.store.clusters import recompute_clusters
from timeline.store.database import create_database_engine

from tests.events.conftest import dated_seeds, events_db, seeds_with_dates  # noqa: F401 - fixtures shared with tests/events

LOSSES_BY_SOURCE = """
SELECT c.text AS figure, c.low, c.high, c.bound, c.unit, c.rate,
       COALESCE(a.name, c.source) AS claimed_by,
       e.value AS period, e.earliest, e.latest,
       d.source AS outlet, d.published
FROM claims c
JOIN events e ON e.id = c.event_id
JOIN documents d ON d.id = e.document_id
LEFT JOIN actors a ON a.id = c.source_actor_id
WHERE c.measure = 'losses'
  AND EXISTS (SELECT 1 FROM event_actors ea JOIN actors r ON r.id = ea.actor_id
              WHERE ea.event_id = e.id AND ea.role IN ('affected', 'agent', 'mentioned') AND r.country = 'RU')
ORDER BY e.earliest, c.low
"""


def query(db: str, sql: str, **params: object) -> list:
    engine = create_database_engine(db)
    try:
        with engine.connect() as connection:
            return list(connection.execute(text(sql), params))
    finally:
        engine.dispose()


def sources_of(db: str, words: str) -> tuple[str, int, int, str]:
    [row] = query(
        db,
        "SELECT c.id, c.source_count, c.event_count, c.value FROM clusters c JOIN events e ON e.cluster_id = c.id "
        "WHERE e.text LIKE :words GROUP BY c.id, c.source_count, c.event_count, c.value",
        words=f"%{words}%",
    )
    return tuple(row)  # type: ignore[return-value]


def test_more_than_1200_a_day_in_may_is_one_cluster_of_three_sources(events_db: str) -> None:
    cluster_id, sources, events, value = sources_of(events_db, "1,200")
    assert (sources, events, value) == (3, 3, "2024-05")
    [row] = query(events_db, "SELECT date_basis, category, figures, sources FROM clusters WHERE id = :id", id=cluster_id)
    assert row.date_basis == "stated" and row.category == "casualties" and "1,200" in row.figures
    assert len(row.sources.split("; ")) == 3


def test_at_least_21_countries_is_one_cluster_of_two_sources(events_db: str) -> None:
    _, sources, events, value = sources_of(events_db, "at least 21 countries")
    assert (sources, events) == (2, 2) and value.startswith("2024-06")


def test_every_event_has_a_cluster_and_single_facts_are_their_own(events_db: str) -> None:
    assert query(events_db, "SELECT COUNT(*) FROM events WHERE cluster_id IS NULL")[0][0] == 0
    assert query(events_db, "SELECT SUM(event_count) FROM clusters")[0][0] == query(events_db, "SELECT COUNT(*) FROM events")[0][0]
    [row] = query(events_db, "SELECT c.source_count, c.value FROM clusters c JOIN events e ON e.cluster_id = c.id WHERE e.span_kind = 'clause' AND e.text LIKE '%38,940%'")
    assert tuple(row) == (1, "2024-05")


def test_no_cluster_mixes_months_or_documents(events_db: str) -> None:
    rows = query(
        events_db,
        "SELECT cluster_id, COUNT(DISTINCT document_id) AS documents, COUNT(*) AS events, "
        "COUNT(DISTINCT CASE WHEN julianday(latest) - julianday(earliest) <= 31 THEN substr(earliest, 1, 7) END) AS months "
        "FROM events GROUP BY cluster_id",
    )
    assert all(row.documents == row.events and row.months <= 1 for row in rows)


def test_ids_are_stable_across_databases_and_orders_once_recomputed(events_db: str, tmp_path: Path) -> None:
    """Articles ingested one by one in reverse order meet word weights of a smaller archive; a recomputation places every
    report again with the final weights, and then both databases hold the same clusters with the same ids."""
    seeds = seeds_with_dates(tmp_path)
    other = str(tmp_path / "other.db")
    for name in sorted((path.name for path in seeds.glob("*.txt")), reverse=True):
        single = tmp_path / "one" / name
        single.parent.mkdir(exist_ok=True)
        shutil.copy(seeds / "manifest.csv", single.parent / "manifest.csv")
        shutil.copy(seeds / name, single)
        assert ingest([str(single.parent)], other, jobs=0).counts["added"] == 1
        single.unlink()
    together = str(tmp_path / "together.db")
    shutil.copy(events_db, together)
    for db in (other, together):
        engine = create_database_engine(db)
        with engine.begin() as connection:
            recompute_clusters(connection)
        engine.dispose()
    expected = query(together, "SELECT id, event_count, value FROM clusters ORDER BY id")
    assert query(other, "SELECT id, event_count, value FROM clusters ORDER BY id") == expected
    assert sources_of(other, "1,200")[1:] == sources_of(events_db, "1,200")[1:] == (3, 3, "2024-05")


def test_claims_answer_which_figures_about_russian_losses_by_whom_for_which_period(events_db: str) -> None:
    rows = query(events_db, LOSSES_BY_SOURCE)
    found = {(row.low, row.rate, row.claimed_by, row.period) for row in rows}
    assert (1200.0, "P1D", "UK Ministry of Defence", "2024-05") in found
    assert (38940.0, None, "Ukraine's Ministry of Defence", "2024-05") in found
    assert (45000.0, None, "UK Ministry of Defence", "2024-11") in found
    assert all(row.unit in ("soldiers", "casualties", "people") for row in rows)


def test_the_same_clusters_and_claims_on_every_backend(database_url: str, dated_seeds: Path, events_db: str) -> None:
    assert ingest([str(dated_seeds)], database_url, jobs=0).counts["added"] == 5
    expected = query(events_db, "SELECT id, event_count, source_count, value FROM clusters ORDER BY id")
    assert query(database_url, "SELECT id, event_count, source_count, value FROM clusters ORDER BY id") == expected
    def claims(db: str) -> list[str]:
        return sorted(repr((row.figure, row.low, row.claimed_by, row.period)) for row in query(db, LOSSES_BY_SOURCE))

    assert claims(database_url) == claims(events_db)


def test_update_clusters_reforms_the_clusters_that_lost_members_and_keeps_the_others(events_db: str, tmp_path: Path) -> None:
    from timeline.store.clusters import update_clusters

    copy = str(tmp_path / "copy.db")
    shutil.copy(events_db, copy)
    cluster, _, _, _ = sources_of(copy, "1,200")
    before = {row.id: row.event_count for row in query(copy, "SELECT id, event_count FROM clusters")}
    assigned = {row.id: row.cluster_id for row in query(copy, "SELECT id, cluster_id FROM events")}
    [document] = query(copy, "SELECT MAX(document_id) FROM events WHERE cluster_id = :id", id=cluster)
    engine = create_database_engine(copy)
    with engine.begin() as connection:
        lost = set(connection.execute(text("SELECT DISTINCT cluster_id FROM events WHERE document_id = :d"), {"d": document[0]}).scalars())
        connection.execute(text("DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE document_id = :d)"), {"d": document[0]})
        connection.execute(text("DELETE FROM claims WHERE event_id IN (SELECT id FROM events WHERE document_id = :d)"), {"d": document[0]})
        connection.execute(text("DELETE FROM events WHERE document_id = :d"), {"d": document[0]})
        update_clusters(connection, lost_clusters=lost)
    engine.dispose()
    _, sources, events, value = sources_of(copy, "1,200")
    assert (sources, events, value) == (2, 2, "2024-05")
    after = {row.id: row.event_count for row in query(copy, "SELECT id, event_count FROM clusters")}
    kept = {key: count for key, count in before.items() if key not in lost}
    assert {key: after.get(key) for key in kept} == kept
    moved = {row.id for row in query(copy, "SELECT id, cluster_id FROM events") if assigned[row.id] != row.cluster_id}
    assert moved and all(assigned[event] in lost for event in moved)
    assert query(copy, "SELECT COUNT(*) FROM events WHERE cluster_id IS NULL OR cluster_id NOT IN (SELECT id FROM clusters)")[0][0] == 0
    assert query(copy, "SELECT COUNT(*) FROM clusters WHERE id NOT IN (SELECT cluster_id FROM events)")[0][0] == 0
