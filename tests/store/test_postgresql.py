"""PostgreSQL gives the same chronology as SQLite on the seeds, through the same commands."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from timeline.cli.main import app

runner = CliRunner()


def shown(db: str, *options: str) -> str:
    result = runner.invoke(app, ["--db", db, "show", *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_from_2022_is_the_same_on_both_backends(seeded_db: str, seeded_postgres: str) -> None:
    sqlite_rows = list(csv.DictReader(io.StringIO(shown(seeded_db, "--from", "2022", "--format", "csv"))))
    postgres_rows = list(csv.DictReader(io.StringIO(shown(seeded_postgres, "--from", "2022", "--format", "csv"))))
    assert len(sqlite_rows) > 20
    assert postgres_rows == sqlite_rows
    assert any("38,940" in row["text"] and row["value"] == "2024-05" for row in postgres_rows)


def test_table_and_filters_are_the_same_on_both_backends(seeded_db: str, seeded_postgres: str) -> None:
    for options in (("--from", "2022"), ("--from", "2024-05", "--to", "2024-06", "--format", "json"), ("--limit", "5", "--reported")):
        assert shown(seeded_postgres, *options) == shown(seeded_db, *options), options


def test_postgresql_url_without_driver_uses_psycopg(seeded_postgres: str) -> None:
    plain = seeded_postgres.replace("postgresql+psycopg://", "postgresql://")
    assert shown(plain, "--from", "2024", "--limit", "3") == shown(seeded_postgres, "--from", "2024", "--limit", "3")
