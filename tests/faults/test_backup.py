"""`timeline db backup FILE` makes a consistent copy while the database is being written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.pipeline.ingest import ingest
from timeline.store.backup import backup
from timeline.store.integrity import check_database

from tests.conftest import SEEDS
from tests.faults.conftest import counts, run_timeline, start_timeline

runner = CliRunner()


def test_backup_leaves_out_an_uncommitted_write(db_path: str, tmp_path: Path) -> None:
    ingest([str(SEEDS)], db_path, jobs=0)
    writer = sqlite3.connect(db_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM events")
    copy = tmp_path / "copy.db"
    result = runner.invoke(app, ["--db", db_path, "db", "backup", str(copy)])
    writer.rollback()
    writer.close()
    assert result.exit_code == 0, result.output
    assert counts(str(copy)) == counts(db_path)
    assert check_database(str(copy)) == []


def test_backups_taken_during_an_ingest_are_each_consistent(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "live.db")
    assert run_timeline("--db", db, "db", "upgrade").returncode == 0
    process = start_timeline("--db", db, "ingest", str(corpus(300)), "--jobs", "1")
    copies: list[Path] = []
    try:
        while process.poll() is None and len(copies) < 40:
            copies.append(backup(db, tmp_path / f"copy-{len(copies)}.db"))
    finally:
        process.communicate(timeout=240)
    assert process.returncode == 0
    sizes = [counts(str(copy))[0] for copy in copies]
    assert sizes == sorted(sizes)
    for copy in copies[:: max(1, len(copies) // 5)]:
        assert check_database(str(copy)) == [], copy


def test_backup_refusals_are_clear(db_path: str, tmp_path: Path) -> None:
    ingest([str(SEEDS)], db_path, jobs=0)
    existing = tmp_path / "exists.db"
    existing.write_bytes(b"keep me")
    refused = runner.invoke(app, ["--db", db_path, "db", "backup", str(existing)])
    assert refused.exit_code == 1 and "--force" in refused.stderr and existing.read_bytes() == b"keep me"
    forced = runner.invoke(app, ["--db", db_path, "db", "backup", str(existing), "--force"])
    assert forced.exit_code == 0 and counts(str(existing)) == counts(db_path)
    postgres = runner.invoke(app, ["--db", "postgresql+psycopg://u@127.0.0.1:1/x", "db", "backup", str(tmp_path / "pg.db")])
    assert postgres.exit_code == 1 and "pg_dump" in postgres.stderr
