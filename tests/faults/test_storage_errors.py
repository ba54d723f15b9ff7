"""A full disk or a read-only database gives a clear error and leaves the stored documents whole."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from timeline.pipeline.ingest import StorageError, ingest
from timeline.store.integrity import check_database
from timeline.store.migrate import upgrade

from tests.conftest import SEEDS
from tests.faults.conftest import counts, run_timeline


def test_database_size_limit_reached_is_a_storage_error(corpus, db_path: str) -> None:  # type: ignore[no-untyped-def]
    upgrade(db_path)
    pages = os.path.getsize(db_path) // 4096 + 40

    def limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        if type(dbapi_connection).__module__ == "sqlite3":
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", limit)
    try:
        with pytest.raises(StorageError, match="full"):
            ingest([str(corpus(300))], db_path, jobs=0)
    finally:
        event.remove(Engine, "connect", limit)
    assert check_database(db_path) == []


def _limit_file_size(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_full_disk_on_the_command_line_is_one_clear_line(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "full.db")
    assert run_timeline("--db", db, "db", "upgrade").returncode == 0
    limit = os.path.getsize(db) + 400_000
    result = run_timeline("--db", db, "ingest", str(corpus(300)), "--jobs", "1", preexec_fn=_limit_file_size(limit))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "disk" in result.stderr and "full" in result.stderr, result.stderr
    assert check_database(db) == []
    rerun = run_timeline("--db", db, "ingest", str(corpus(300)), "--jobs", "1")
    assert rerun.returncode == 0 and counts(db)[0] == 300


def test_read_only_url_is_a_clear_error(db_path: str) -> None:
    ingest([str(SEEDS)], db_path, jobs=0)
    url = f"sqlite:///file:{db_path}?mode=ro&uri=true"
    result = run_timeline("--db", url, "ingest", str(SEEDS / "001_41f577a6aff86205.txt"), "--published", "2020-01-01", "--title", "copy")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)
    other = run_timeline("--db", url, "ingest", str(_changed_copy(Path(db_path).parent)))
    assert other.returncode == 1
    assert "Traceback" not in other.stderr
    assert "read-only" in other.stderr, other.stderr


def _changed_copy(folder: Path) -> Path:
    article = folder / "new.txt"
    article.write_text("Officials said on Thursday that talks resumed in May 2024.\n", encoding="utf-8")
    return article


def test_read_only_database_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "timeline.db"
    ingest([str(SEEDS)], str(db), jobs=0)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    protected = _protect(db)
    try:
        result = run_timeline("--db", str(db), "ingest", str(_changed_copy(tmp_path)))
    finally:
        _unprotect(db, protected)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "read-only" in result.stderr or "cannot be opened" in result.stderr, result.stderr


def _protect(path: Path) -> str:
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
        return "chmod"
    if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
        return "chattr"
    pytest.skip("running as root without chattr: a file cannot be made read-only for this process")


def _unprotect(path: Path, how: str) -> None:
    if how == "chmod":
        path.parent.chmod(0o755)
        path.chmod(0o644)
    else:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_any_command_on_an_unusable_database_is_one_clear_line(tmp_path: Path) -> None:
    missing = f"sqlite:///file:{tmp_path / 'no' / 'such' / 'x.db'}?mode=ro&uri=true"
    for arguments in (["db", "upgrade"], ["show", "--from", "2022"], ["db", "current"]):
        result = run_timeline("--db", missing, *arguments)
        assert result.returncode != 0, arguments
        assert "Traceback" not in result.stderr, (arguments, result.stderr)
        assert "Error" in result.stderr, (arguments, result.stderr)
