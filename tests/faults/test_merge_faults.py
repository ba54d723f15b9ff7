"""Merging under faults: kill -9 at any point then a re-run gives the entries of a clean run, no worker outlives
the killed ingest, and a held write lock is waited on for a bounded time only (then a clear message)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from timeline.store.database import WRITER_LOCK_KEY, create_database_engine
from timeline.store.integrity import check_database

from tests.faults.conftest import TIMELINE, counts, run_timeline, start_timeline, wait_until

ARTICLES = 400


def entries(url: str) -> list[tuple]:
    engine = create_database_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, event_count, source_count FROM clusters ORDER BY id")).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def children(pid: int) -> set[int]:
    """The live child processes of `pid` (from /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(child) for child in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc")
def test_kill_9_mid_ingest_leaves_no_worker_and_a_rerun_gives_the_clean_entries(corpus, database_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = corpus(ARTICLES)
    clean = str(tmp_path / "clean.db") if "://" not in database_url else None
    if clean is not None:
        assert run_timeline("--db", clean, "ingest", str(folder), "--jobs", "1").returncode == 0
    assert run_timeline("--db", database_url, "db", "upgrade").returncode == 0
    process = start_timeline("--db", database_url, "ingest", str(folder), "--jobs", "2")
    reached = wait_until(lambda: counts(database_url)[0] > 0, process)
    workers = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert reached and workers, "the kill did not land while workers ran"
    deadline = time.monotonic() + 10
    while any(alive(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(worker) for worker in workers), "a worker outlived the killed ingest"
    assert check_database(database_url) == []
    rerun = run_timeline("--db", database_url, "ingest", str(folder), "--jobs", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert counts(database_url)[0] == ARTICLES
    assert check_database(database_url) == []
    if clean is None:
        clean = str(tmp_path / "reference.db")
        assert run_timeline("--db", clean, "ingest", str(folder), "--jobs", "1").returncode == 0
    # Every event in one entry, as many events cited as stored; the entries are those of a clean run
    # except where a merge decision sat at the threshold (word weights are the archive's when it merged).
    rerun_entries, clean_entries = entries(database_url), entries(clean)
    assert sum(row[1] for row in rerun_entries) == sum(row[1] for row in clean_entries) == counts(database_url)[1]
    assert len(set(rerun_entries) ^ set(clean_entries)) <= len(clean_entries) // 50, (len(rerun_entries), len(clean_entries))


def test_a_write_lock_held_elsewhere_is_waited_on_for_a_bounded_time_with_a_clear_message(postgres_url: str, tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("Officials said on Thursday that talks resumed in May.\n", encoding="utf-8")
    assert run_timeline("--db", postgres_url, "db", "upgrade").returncode == 0
    engine = create_database_engine(postgres_url)
    holder = engine.connect()
    transaction = holder.begin()
    holder.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")
    try:
        started = time.monotonic()
        result = run_timeline(
            "--db", postgres_url, "ingest", str(article), "--published", "2024-06-10", "--jobs", "0",
            env={**os.environ, "TIMELINE_LOCK_TIMEOUT": "2"}, timeout=120,
        )
        assert result.returncode != 0
        assert "write lock" in result.stderr and "server process" in result.stderr, result.stderr
        assert time.monotonic() - started < 60
    finally:
        transaction.rollback()
        holder.close()
        engine.dispose()


def test_a_lock_held_by_a_killed_process_is_released(postgres_url: str, tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("Officials said on Thursday that talks resumed in May.\n", encoding="utf-8")
    assert run_timeline("--db", postgres_url, "db", "upgrade").returncode == 0
    hold = (
        "import sys, time\n"
        "from timeline.store.database import WRITER_LOCK_KEY, create_database_engine\n"
        "connection = create_database_engine(sys.argv[1]).connect()\n"
        "connection.begin()\n"
        "connection.exec_driver_sql(f'SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})')\n"
        "print('locked', flush=True)\n"
        "time.sleep(600)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", hold, postgres_url], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        result = run_timeline(
            "--db", postgres_url, "ingest", str(article), "--published", "2024-06-10", "--jobs", "0",
            env={**os.environ, "TIMELINE_LOCK_TIMEOUT": "30"}, timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "1 added" in result.stdout
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


assert TIMELINE
