"""`timeline sql` against hostile statements: a recursion bomb stops at its time limit and at Ctrl-C (on PostgreSQL on
the server too), and on PostgreSQL no statement reads the server's files or ends another session."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.query.sql import QueryTimeout, ReadOnlyError, run_sql
from timeline.query.sql_postgresql import UnsafeRoleError

TIMELINE = str(Path(sys.executable).with_name("timeline"))
BOMB = "WITH RECURSIVE bomb(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM bomb) SELECT count(*) FROM bomb"
runner = CliRunner()


def bomb_sessions(url: str) -> int:
    """How many sessions on the server are running the bomb."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%RECURSIVE bomb%' AND pid <> pg_backend_pid()"
            )).scalar_one()
    finally:
        engine.dispose()


def interrupted(db: str, running) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    """`timeline sql BOMB --timeout 0` started, sent Ctrl-C (SIGINT) once `running(process)` says the statement runs."""
    process = subprocess.Popen([TIMELINE, "--db", db, "sql", BOMB, "--timeout", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    for _ in range(600):
        if process.poll() is not None or running(process):
            break
        time.sleep(0.1)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    try:
        stdout, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("Ctrl-C did not stop `timeline sql`") from None
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_sqlite_recursion_bomb_stops_at_the_time_limit(seeded_db: str) -> None:
    with pytest.raises(QueryTimeout, match="time limit of 0.5 s"):
        run_sql(seeded_db, BOMB, timeout=0.5)
    result = runner.invoke(app, ["--db", seeded_db, "sql", BOMB, "--timeout", "0.5"])
    assert result.exit_code == 1 and "--timeout" in result.stderr


def has_open(path: str):  # type: ignore[no-untyped-def]
    """Whether a process has the file `path` open (its connection is made: the statement starts next)."""
    target = str(Path(path).resolve())

    def check(process: subprocess.Popen) -> bool:
        folder = Path(f"/proc/{process.pid}/fd")
        try:
            return any(str(link.resolve()) == target for link in folder.iterdir())
        except OSError:
            return False

    return check


def test_sqlite_recursion_bomb_stops_at_ctrl_c(seeded_db: str) -> None:
    result = interrupted(seeded_db, has_open(seeded_db))
    assert result.returncode == 130, result.stderr
    assert "cancelled" in result.stderr and "Traceback" not in result.stderr


def test_postgresql_recursion_bomb_stops_on_the_server_at_the_time_limit(seeded_postgres: str) -> None:
    with pytest.raises(QueryTimeout):
        run_sql(seeded_postgres, BOMB, timeout=0.5)
    assert bomb_sessions(seeded_postgres) == 0


def test_postgresql_ctrl_c_cancels_the_query_on_the_server(seeded_postgres: str) -> None:
    result = interrupted(seeded_postgres, lambda _process: bomb_sessions(seeded_postgres) > 0)
    assert result.returncode == 130, result.stderr
    assert "cancelled" in result.stderr and "Traceback" not in result.stderr
    for _ in range(20):
        if bomb_sessions(seeded_postgres) == 0:
            break
        time.sleep(0.25)
    assert bomb_sessions(seeded_postgres) == 0


def test_postgresql_refuses_a_superuser_without_a_reader_role(seeded_postgres: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TIMELINE_READER_ROLE", f"nobody_{uuid.uuid4().hex[:8]}")
    with pytest.raises(UnsafeRoleError, match="superuser"):
        run_sql(seeded_postgres, "SELECT 1")
    result = runner.invoke(app, ["--db", seeded_postgres, "sql", "SELECT pg_read_file('/etc/passwd')"])
    assert result.exit_code == 1 and "timeline --db URL db reader-role" in result.stderr and "root:" not in result.stdout


@pytest.mark.parametrize("statement", ["SELECT pg_read_file('/etc/passwd')", "SELECT pg_ls_dir('/')",
                                       "SELECT * FROM pg_stat_file('/etc/passwd')", "COPY events TO PROGRAM 'true'"])
def test_postgresql_reads_no_server_file(seeded_postgres: str, statement: str) -> None:
    with pytest.raises(ReadOnlyError):
        run_sql(seeded_postgres, statement)


def test_postgresql_ends_no_other_session(seeded_postgres: str) -> None:
    engine = create_engine(seeded_postgres)
    try:
        with engine.connect() as other:
            pid = other.execute(text("SELECT pg_backend_pid()")).scalar_one()
            with pytest.raises(ReadOnlyError, match="permission denied|must be a|not allowed"):
                run_sql(seeded_postgres, f"SELECT pg_terminate_backend({pid})")
            assert other.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()


def test_postgresql_reader_role_reads_the_tables(seeded_postgres: str) -> None:
    assert run_sql(seeded_postgres, "SELECT current_user").rows == [("timeline_reader",)]
    assert run_sql(seeded_postgres, "SELECT COUNT(*) FROM chronology").rows[0][0] > 10
    with pytest.raises(ReadOnlyError):
        run_sql(seeded_postgres, "SELECT set_config('role', 'postgres', false), pg_read_file('/etc/passwd')")


def test_reader_role_command_makes_a_role_that_sql_then_uses(postgres_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    role = f"reader_{uuid.uuid4().hex[:8]}"
    assert runner.invoke(app, ["--db", postgres_url, "db", "upgrade"]).exit_code == 0
    monkeypatch.setenv("TIMELINE_READER_ROLE", role)
    assert runner.invoke(app, ["--db", postgres_url, "sql", "SELECT 1"]).exit_code == 1
    made = runner.invoke(app, ["--db", postgres_url, "db", "reader-role"])
    assert made.exit_code == 0 and role in made.stdout
    try:
        assert run_sql(postgres_url, "SELECT current_user, COUNT(*) FROM periods GROUP BY current_user").rows[0][0] == role
    finally:
        engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
        engine.dispose()
