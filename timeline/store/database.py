"""Engines: one place that knows how to open a timeline database, SQLite or PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.engine import URL

from timeline.store.sqlite_file import SQLITE_BUSY_TIMEOUT_MS, SQLITE_HAS_TABLE, configure_connection, connect_read_only

WRITER_LOCK_KEY = 0x71E11E
"""PostgreSQL advisory lock held by a writing transaction (one ingest writes at a time)."""
_POSTGRES_SCHEMES = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}
_CLEAR_MESSAGES = (
    ("database or disk is full", "the disk (or the database's size limit) is full: free some space and run it again"),
    ("attempt to write a readonly database", "the database is read-only: check the file's permissions or choose another with --db"),
    ("unable to open database file", "the database file cannot be opened: check that its folder exists and is writable"),
    ("disk i/o error", "the database could not be written: the disk may be full or failing (free some space and run it again)"),
    ("database is locked", "the database stayed locked by another writer for too long: try again when it has finished"),
    ("file is not a database", "the file is not a timeline database (not SQLite)"),
    ("connection refused", "the database server refused the connection: is it running, and is the address right?"),
    ("does not exist", "the database named in the URL does not exist on the server: create it first (createdb NAME)"),
)


class MissingExtraError(RuntimeError):
    """A database that needs a driver timeline installs only as an extra (PostgreSQL: timeline[postgresql])."""


def database_url(target: str | os.PathLike[str]) -> URL:
    """Turn a file path or a SQLAlchemy URL into a URL (`postgresql://` means psycopg 3)."""
    text = os.fspath(target)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text)))
    url = make_url(text)
    if url.drivername in _POSTGRES_SCHEMES:
        url = url.set(drivername=_POSTGRES_SCHEMES[url.drivername])
    if url.drivername == "postgresql+psycopg":
        require_postgresql_driver()
    return url


def require_postgresql_driver() -> None:
    """MissingExtraError, naming the extra to install, when psycopg (the PostgreSQL driver) is not installed."""
    from importlib.util import find_spec

    if find_spec("psycopg") is None:
        raise MissingExtraError(
            "a PostgreSQL database needs the psycopg driver, which comes with the postgresql extra: "
            "pip install 'timeline[postgresql]' (or uv sync --extra postgresql)"
        )


def is_sqlite(url: URL) -> bool:
    """True for SQLite databases."""
    return url.get_backend_name() == "sqlite"


def is_postgresql(url: URL) -> bool:
    """True for PostgreSQL databases."""
    return url.get_backend_name() == "postgresql"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, None for in-memory or other databases."""
    if not is_sqlite(url) or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def create_database_engine(target: str | os.PathLike[str], *, read_only: bool = False) -> Engine:
    """An engine for the database: SQLite in WAL mode with a busy timeout, or PostgreSQL through psycopg."""
    url = database_url(target)
    if not is_sqlite(url):
        engine = create_engine(url, pool_pre_ping=True)
        if read_only and is_postgresql(url):
            event.listen(engine, "connect", _postgres_read_only)
        return engine
    path = sqlite_path(url)
    if read_only and path is not None:
        return create_engine("sqlite://", creator=lambda: connect_read_only(path))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", lambda dbapi_connection, _record: configure_connection(dbapi_connection, read_only=read_only))
    return engine


@contextmanager
def read_only_connection(target: str | os.PathLike[str]) -> Iterator[Connection]:
    """A read-only connection to the database, its engine disposed of when the block ends."""
    engine = create_database_engine(target, read_only=True)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def display_name(target: str | os.PathLike[str]) -> str:
    """How to name the database to a user: the file for SQLite, the URL without its password otherwise."""
    url = database_url(target)
    path = sqlite_path(url)
    if path is not None:
        return str(path).removeprefix("file:").split("?", 1)[0]
    return url.render_as_string(hide_password=True)


class WriteLockTimeout(RuntimeError):
    """Another session held the database's write lock for longer than the lock timeout."""


def lock_timeout_seconds() -> float:
    """How long a writer waits for the write lock (TIMELINE_LOCK_TIMEOUT seconds, default 120) before giving up with a message."""
    try:
        return max(0.1, float(os.environ.get("TIMELINE_LOCK_TIMEOUT", "120")))
    except ValueError:
        return 120.0


def lock_for_writing(connection: Connection) -> None:
    """Take the database's write lock at the start of a transaction, so that writers queue instead of colliding.

    The wait is bounded: on PostgreSQL by `lock_timeout_seconds` (then WriteLockTimeout names the
    session holding the lock), on SQLite by the busy timeout. A lock held by a process that died is
    released by the server when its connection closes (no child of a writer outlives it).
    """
    backend = connection.engine.url.get_backend_name()
    if backend == "sqlite":
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = version_num WHERE 0")
    elif backend == "postgresql":
        if connection.exec_driver_sql(f"SELECT pg_try_advisory_xact_lock({WRITER_LOCK_KEY})").scalar():
            return
        holder = connection.exec_driver_sql(
            "SELECT a.pid, a.state, a.application_name, a.client_addr, now() - a.state_change FROM pg_locks l "
            "JOIN pg_stat_activity a ON a.pid = l.pid "
            f"WHERE l.locktype = 'advisory' AND l.granted AND l.objid = {WRITER_LOCK_KEY} LIMIT 1"
        ).first()
        seconds = lock_timeout_seconds()
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(seconds * 1000)}ms'")
        try:
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")
        except Exception as error:  # noqa: BLE001 - a lock timeout becomes a message; anything else goes on up
            if "lock timeout" not in str(error).lower():
                raise
            who = (
                f"server process {holder[0]} ({holder[1]} for {holder[4]}, application {holder[2] or 'unnamed'}, client {holder[3] or 'local'})"
                if holder
                else "another session"
            )
            raise WriteLockTimeout(
                f"the database's write lock stayed held by {who} for more than {seconds:g} s: another ingest may still be "
                "running; if no timeline process is left, end that session (SELECT pg_terminate_backend(PID)) and run it "
                "again (TIMELINE_LOCK_TIMEOUT sets the wait)"
            ) from None


def has_table(connection: Connection, name: str) -> bool:
    """True when the database has a table called `name` (on SQLite read from its catalogue, without SQLAlchemy's inspector)."""
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql(SQLITE_HAS_TABLE, (name,)).first()
        return found is not None
    from sqlalchemy import inspect

    return inspect(connection).has_table(name)


def query_plan(connection: Connection, statement: Any) -> list[str]:
    """The database's plan for a SQLAlchemy statement, one line per step (EXPLAIN QUERY PLAN / EXPLAIN)."""
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    if connection.dialect.name == "sqlite":
        return [row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")]
    return [row[0] for row in connection.exec_driver_sql(f"EXPLAIN {compiled}")]


def describe_database_error(error: BaseException) -> str:
    """A sentence a user can act on for a database error (disk full, read-only, locked, unreachable)."""
    original = getattr(error, "orig", None) or error
    detail = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    lowered = str(original).lower()
    for needle, message in _CLEAR_MESSAGES:
        if needle in lowered:
            return f"{message} ({detail})"
    return detail


def _postgres_read_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.read_only = True
