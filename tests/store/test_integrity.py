"""`timeline db check`: a sound database passes; each kind of damage is named, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.pipeline.ingest import ingest
from timeline.store.database import create_database_engine
from timeline.store.integrity import check_database

from tests.conftest import SEEDS

runner = CliRunner()


def damage(url: str, statement: str) -> None:
    engine = create_database_engine(url)
    with engine.begin() as connection:
        connection.execute(text(statement))
    engine.dispose()


def test_sound_database_passes_then_damage_is_found(database_url: str) -> None:
    ingest([str(SEEDS)], database_url, jobs=0)
    assert check_database(database_url) == []
    result = runner.invoke(app, ["--db", database_url, "db", "check"])
    assert result.exit_code == 0, result.output
    assert "integrity OK" in result.stdout

    damage(database_url, 'UPDATE events SET "end" = "end" + 100000 WHERE id = (SELECT min(id) FROM events)')
    damage(database_url, "UPDATE mentions SET text = 'tampered' WHERE id = (SELECT min(id) FROM mentions)")
    damage(database_url, "UPDATE documents SET title = 'x', text = text || ' ' WHERE id = (SELECT max(id) FROM documents)")
    checks = {finding.check for finding in check_database(database_url)}
    assert "event offsets lie inside their document's text" in checks
    assert "mention text is the document's text at its offsets" in checks
    assert "documents' SHA-256 matches their text" in checks
    assert "documents' character counts match their text" in checks
    result = runner.invoke(app, ["--db", database_url, "db", "check"])
    assert result.exit_code == 1
    assert "event offsets lie inside their document's text: 1 failing" in result.stderr


def test_sqlite_foreign_key_check(db_path: str) -> None:
    ingest([str(SEEDS)], db_path, jobs=0)
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM documents WHERE id = 1")
    connection.commit()
    connection.close()
    checks = {finding.check for finding in check_database(db_path)}
    assert {"SQLite foreign_key_check", "events point at an existing document"} <= checks


def test_check_of_a_missing_database_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["--db", str(tmp_path / "none.db"), "db", "check"])
    assert result.exit_code == 1
    assert "no such database" in result.stderr
    assert not (tmp_path / "none.db").exists()
