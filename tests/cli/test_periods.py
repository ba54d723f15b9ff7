"""`timeline periods list|add|remove|load`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from timeline.cli.main import app

runner = CliRunner()


def test_list_shows_the_bundled_eras(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "periods", "list"])
    assert result.exit_code == 0, result.output
    for name in ("Full-scale invasion", "Wagner era", "Wagner mutiny", "Kharkiv offensive of 2024", "Kursk incursion", "North Korean deployment"):
        assert name in result.stdout


def test_list_without_a_database_reads_the_bundled_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "none.db"), "periods", "list"])
    assert result.exit_code == 0 and "Wagner era" in result.stdout and "bundled" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_add_then_use_then_remove(copy_db: str) -> None:
    added = runner.invoke(app, ["--db", copy_db, "periods", "add", "Battle of Bakhmut", "--start", "2022-08", "--end", "2023-05-20", "--alias", "Bakhmut"])
    assert added.exit_code == 0, added.output
    shown = runner.invoke(app, ["--db", copy_db, "show", "--era", "bakhmut", "--format", "json"])
    assert shown.exit_code == 0, shown.output
    clash = runner.invoke(app, ["--db", copy_db, "periods", "add", "Bakhmut", "--start", "2022"])
    assert clash.exit_code == 1 and "already" in clash.stderr
    removed = runner.invoke(app, ["--db", copy_db, "periods", "remove", "Bakhmut"])
    assert removed.exit_code == 0 and "Battle of Bakhmut" in removed.stdout
    again = runner.invoke(app, ["--db", copy_db, "periods", "remove", "Bakhmut"])
    assert again.exit_code == 1 and "no period called" in again.stderr


def test_bad_dates_are_refused(copy_db: str) -> None:
    result = runner.invoke(app, ["--db", copy_db, "periods", "add", "X", "--start", "2024-13"])
    assert result.exit_code == 1 and "2024-13" in result.stderr


def test_load_updates_by_name(copy_db: str, tmp_path: Path) -> None:
    path = tmp_path / "periods.toml"
    path.write_text('[[period]]\nname = "Wagner era"\nstart = "2022-05"\nend = "2023-08-23"\n\n[[period]]\nname = "Avdiivka"\nstart = "2023-10"\nend = "2024-02"\n', encoding="utf-8")
    result = runner.invoke(app, ["--db", copy_db, "periods", "load", str(path)])
    assert result.exit_code == 0 and "1 added, 1 updated" in result.stdout
    listed = runner.invoke(app, ["--db", copy_db, "periods", "list"]).stdout
    assert "Wagner era  [2022-05 to 2023-08-23]" in listed and "Avdiivka" in listed
