"""The migrations produce exactly the models' schema and round-trip with data kept, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, insert, inspect, select, update

from timeline.pipeline.ingest import ingest
from timeline.store import migrate
from timeline.store.database import create_database_engine
from timeline.store.schema import Base
from timeline.store.tables import cluster_spans, clusters

from tests.conftest import SEEDS


def row_counts(url: str) -> dict[str, int]:
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_upgrade_head_on_empty_database_matches_models(database_url: str) -> None:
    migrate.upgrade(database_url)
    engine = create_database_engine(database_url)
    try:
        assert migrate.pending_differences(engine) == []
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_downgrade_to_initial_then_upgrade_keeps_data(database_url: str) -> None:
    assert ingest([str(SEEDS)], database_url).counts["added"] == 5
    before = row_counts(database_url)
    migrate.downgrade(database_url, migrate.INITIAL_REVISION)
    migrate.upgrade(database_url)
    after = row_counts(database_url)
    initial_tables = ("documents", "segments", "mentions", "events")
    assert {table: after[table] for table in initial_tables} == {table: before[table] for table in initial_tables}
    assert before["documents"] == 5 and before["events"] > 0
    engine = create_database_engine(database_url)
    try:
        assert migrate.pending_differences(engine) == []
    finally:
        engine.dispose()


def test_downgrade_base_removes_every_table(database_url: str) -> None:
    migrate.upgrade(database_url)
    migrate.downgrade(database_url, "base")
    engine = create_database_engine(database_url)
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(database_url)
        assert migrate.pending_differences(engine) == []
    finally:
        engine.dispose()


def test_span_triggers_keep_the_longest_span_across_revision_0009(database_url: str) -> None:
    migrate.upgrade(database_url)
    migrate.downgrade(database_url, "0008")
    migrate.upgrade(database_url)
    engine = create_database_engine(database_url)
    row = {"anchor_key": "a", "value": "2024", "date_basis": "stated", "text": "t", "event_count": 1, "source_count": 1}
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(clusters),
                [
                    {**row, "id": "month", "granularity": "month", "earliest": date(2024, 1, 1), "latest": date(2024, 1, 31)},
                    {**row, "id": "shorter", "granularity": "month", "earliest": date(2024, 2, 1), "latest": date(2024, 2, 10)},
                    {**row, "id": "none", "granularity": None, "earliest": date(2024, 1, 1), "latest": date(2024, 1, 2)},
                    {**row, "id": "undated", "granularity": "day", "earliest": None, "latest": None},
                ],
            )
            first = dict(connection.execute(select(cluster_spans.c.granularity, cluster_spans.c.longest_days)).all())
            connection.execute(update(clusters).where(clusters.c.id == "shorter").values(latest=date(2024, 6, 1)))
            raised = dict(connection.execute(select(cluster_spans.c.granularity, cluster_spans.c.longest_days)).all())
    finally:
        engine.dispose()
    assert first == {"month": 30, "": 1}
    assert raised == {"month": 121, "": 1}
