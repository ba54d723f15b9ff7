"""`timeline ingest`: summary line, reasons on stderr, exit code 1 on failure."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from timeline.cli.main import app

runner = CliRunner()


def test_single_file_with_metadata(tmp_path: Path, db_path: str) -> None:
    article = tmp_path / "article.md"
    article.write_text("Losses peaked in May, officials said on Thursday.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["--db", db_path, "ingest", str(article), "--published", "2024-06-10", "--source", "Test Wire"]
    )
    assert result.exit_code == 0, result.output
    assert "1 added, 0 unchanged, 0 failed" in result.stdout
    shown = runner.invoke(app, ["--db", db_path, "show", "--format", "csv"])
    assert "2024-05" in shown.stdout and "Test Wire" in shown.stdout


def test_failure_exit_code_and_reason(tmp_path: Path, db_path: str) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Something happened in May 2024.\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", db_path, "ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "1 added, 0 unchanged, 1 failed" in result.stdout


def test_bad_published_option(tmp_path: Path, db_path: str) -> None:
    (tmp_path / "ok.txt").write_text("Text.\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", db_path, "ingest", str(tmp_path / "ok.txt"), "--published", "2024-13-45"])
    assert result.exit_code == 2
    assert "2024-13-45" in result.stderr
