"""`timeline sql`: read-only, refused writes change nothing, three formats."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.query.sql import ReadOnlyError, run_sql

runner = CliRunner()


def digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "statement",
    ["DROP TABLE events", "DELETE FROM events", "delete from events where 1", "UPDATE events SET text = ''",
     "INSERT INTO periods(name) VALUES ('x')", "CREATE TABLE t(x)", "ATTACH DATABASE 'other.db' AS other",
     "VACUUM INTO 'vacuumed.db'", "SELECT 1; DROP TABLE events", "PRAGMA user_version = 7",
     "WITH doomed AS (SELECT id FROM events) DELETE FROM events WHERE id IN (SELECT id FROM doomed)"],
)
def test_writes_are_refused_and_nothing_changes(copy_db: str, statement: str, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    before = digest(copy_db)
    result = runner.invoke(app, ["--db", copy_db, "sql", statement])
    assert result.exit_code == 1
    assert "read-only" in result.stderr or "one statement at a time" in result.stderr
    assert "nothing was changed" in result.stderr.lower()
    assert digest(copy_db) == before
    assert not (tmp_path / "other.db").exists() and not (tmp_path / "vacuumed.db").exists()


def test_the_database_itself_refuses_writes_that_pass_the_keyword_check(copy_db: str) -> None:
    from timeline.query import sql as sql_module

    with pytest.raises(ReadOnlyError, match="read-only"):
        sql_module.run_sql(copy_db, "WITH x AS (SELECT 1) DELETE FROM events")
    connection = sqlite3.connect(copy_db)
    assert connection.execute("SELECT COUNT(*) FROM events").fetchone()[0] > 0


def test_formats(seeded_db: str) -> None:
    query = "SELECT name, start, \"end\" FROM periods WHERE name LIKE 'Wagner%' ORDER BY earliest"
    table = runner.invoke(app, ["--db", seeded_db, "sql", query])
    assert table.exit_code == 0 and "Wagner era" in table.stdout and "(2 rows)" in table.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["--db", seeded_db, "sql", query, "--format", "csv"]).stdout)))
    assert [row["name"] for row in rows] == ["Wagner era", "Wagner mutiny"]
    records = json.loads(runner.invoke(app, ["--db", seeded_db, "sql", query, "--format", "json"]).stdout)
    assert records[0] == {"name": "Wagner era", "start": "2022-07", "end": "2023-08-23"}


def test_a_failing_query_says_why(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "sql", "SELECT * FROM nowhere"])
    assert result.exit_code == 1 and "no such table: nowhere" in result.stderr


def test_missing_database_is_not_created(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "absent.db"), "sql", "SELECT 1"])
    assert result.exit_code == 1 and "no database" in result.stderr
    assert not (tmp_path / "absent.db").exists()


def test_reading_pragmas_and_views_run(seeded_db: str) -> None:
    assert run_sql(seeded_db, "PRAGMA table_info(events)").rows
    assert run_sql(seeded_db, "SELECT COUNT(*) FROM chronology").columns == ("COUNT(*)",)


@pytest.mark.parametrize("statement", ["DROP TABLE events", "DELETE FROM events", "WITH x AS (SELECT 1) DELETE FROM events"])
def test_postgresql_refuses_writes_in_a_read_only_transaction(seeded_postgres: str, statement: str) -> None:
    before = run_sql(seeded_postgres, "SELECT COUNT(*) FROM events").rows
    with pytest.raises(ReadOnlyError, match="read-only"):
        run_sql(seeded_postgres, statement)
    assert run_sql(seeded_postgres, "SELECT COUNT(*) FROM events").rows == before


def test_statement_from_standard_input(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "sql", "-", "--format", "json"], input="SELECT COUNT(*) AS n FROM periods;\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["n"] >= 6


def test_full_text_match_runs(seeded_db: str) -> None:
    result = run_sql(seeded_db, "SELECT rowid FROM events_fts WHERE events_fts MATCH 'recruit AND africa'")
    assert result.rows


def test_named_parameters_with_p(seeded_db: str) -> None:
    [(cluster_id,)] = run_sql(seeded_db, "SELECT id FROM clusters WHERE source_count = 3 LIMIT 1").rows
    result = runner.invoke(app, ["--db", seeded_db, "sql", "SELECT e.cluster_id, d.source FROM events e JOIN documents d "
                                 "ON d.id = e.document_id WHERE e.cluster_id = :id AND :unused = 'x'", "-p", "id", cluster_id,
                                 "-p", "unused", "x", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {row["cluster_id"] for row in json.loads(result.stdout)} == {cluster_id} and len(json.loads(result.stdout)) == 3
    missing = runner.invoke(app, ["--db", seeded_db, "sql", "SELECT :id"])
    assert missing.exit_code == 1 and "-p NAME VALUE" in missing.stderr


@pytest.mark.parametrize("statement", ["SELEC * FROM events", "SELECT * FRM events", "SELECT (1", "frobnicate the database"])
def test_a_syntax_error_is_reported_as_one(seeded_db: str, statement: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "sql", statement])
    assert result.exit_code == 1 and "syntax error" in result.stderr and "read-only" not in result.stderr


@pytest.mark.parametrize("statement", ["PRAGMA integrity_check", "PRAGMA quick_check", "PRAGMA table_info(events)",
                                       "SELECT name FROM pragma_table_info('events')", "PRAGMA foreign_key_check",
                                       "PRAGMA index_list(events)", "PRAGMA user_version"])
def test_reading_pragmas_run(seeded_db: str, statement: str) -> None:
    assert run_sql(seeded_db, statement).columns


def test_table_output_is_limited_and_says_so(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "sql", "SELECT id FROM mentions", "--max-rows", "3"])
    assert result.exit_code == 0 and "(3 rows)" in result.stdout and "only the first 3 rows" in result.stderr
    every = runner.invoke(app, ["--db", seeded_db, "sql", "SELECT id FROM mentions", "--format", "csv"])
    assert len(every.stdout.splitlines()) == run_sql(seeded_db, "SELECT COUNT(*) FROM mentions").rows[0][0] + 1
