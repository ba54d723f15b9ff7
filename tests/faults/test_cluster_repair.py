"""Entries that disagree with their events (what a crash mid-merge once left) are found by `db check` and mended by `--repair`."""

from __future__ import annotations

from sqlalchemy import text
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.pipeline.ingest import ingest
from timeline.store.database import create_database_engine
from timeline.store.integrity import check_database

from tests.conftest import SEEDS

runner = CliRunner()


def entries(url: str) -> list[tuple]:
    engine = create_database_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, event_count, source_count, sources FROM clusters ORDER BY id")).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def damage(url: str, *statements: str) -> None:
    """Run the statements with the foreign keys' checks off (the damage a hand edit or an older version could do)."""
    engine = create_database_engine(url)
    with engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        else:
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def test_duplicate_missing_and_miscounted_entries_are_found_and_repaired(database_url: str) -> None:
    ingest([str(SEEDS)], database_url, jobs=0)
    clean = entries(database_url)
    merged = next(row for row in clean if row[1] > 1)
    single = next(row for row in clean if row[1] == 1)
    damage(
        database_url,
        # a duplicate entry citing no event (a singleton left behind by an interrupted merge)
        "INSERT INTO clusters (id, anchor_key, value, date_basis, text, event_count, source_count) "
        "VALUES ('0123456789abcdef', 'ffffffffffffffff', '2024', 'stated', 'left behind', 1, 1)",
        # a merged entry gone while its events still name it
        f"DELETE FROM cluster_evidence WHERE cluster_id = '{merged[0]}'",
        f"DELETE FROM clusters WHERE id = '{merged[0]}'",
        # an entry whose counts disagree with its events
        f"UPDATE clusters SET event_count = 7, source_count = 3 WHERE id = '{single[0]}'",
    )
    problems = {finding.check for finding in check_database(database_url)}
    assert {
        "entries cite at least one event",
        "events belong to an existing entry",
        "entries' event and source counts are those of their events",
    } <= problems
    result = runner.invoke(app, ["--db", database_url, "db", "check"])
    assert result.exit_code == 1 and "entries cite at least one event" in result.output
    repaired = runner.invoke(app, ["--db", database_url, "db", "check", "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert check_database(database_url) == []
    assert entries(database_url) == clean


def test_an_unindexed_document_is_indexed_and_merged_by_repair(database_url: str) -> None:
    """The index is made again and the documents' reports merged again, with the word weights of the whole archive."""
    ingest([str(SEEDS)], database_url, jobs=0)
    events = sum(row[1] for row in entries(database_url))
    damage(database_url, "DELETE FROM cluster_keys", "DELETE FROM document_terms")
    assert "documents with events are indexed for merging" in {finding.check for finding in check_database(database_url)}
    assert runner.invoke(app, ["--db", database_url, "db", "check", "--repair"]).exit_code == 0
    assert check_database(database_url) == []
    assert sum(row[1] for row in entries(database_url)) == events
    engine = create_database_engine(database_url)
    with engine.connect() as connection:
        [sources] = connection.execute(
            text("SELECT c.source_count FROM clusters c JOIN events e ON e.cluster_id = c.id WHERE e.text LIKE '%1,200%' GROUP BY c.id, c.source_count")
        ).scalars().all()
    engine.dispose()
    assert sources == 3
