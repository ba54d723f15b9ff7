"""Engines and sessions: one place that knows how to open a timeline database."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL

SQLITE_BUSY_TIMEOUT_MS = 30_000


def database_url(target: str | os.PathLike[str]) -> URL:
    """Turn a file path or a SQLAlchemy URL into a URL."""
    text = os.fspath(target)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite", database=str(Path(text)))


def is_sqlite(url: URL) -> bool:
    """True for SQLite databases."""
    return url.get_backend_name() == "sqlite"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, None for in-memory or other databases."""
    if not is_sqlite(url) or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def create_database_engine(target: str | os.PathLike[str], *, read_only: bool = False) -> Engine:
    """An engine for the database, with SQLite set up for concurrent readers and foreign keys."""
    url = database_url(target)
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    path = sqlite_path(url)
    if read_only and path is not None:
        engine = create_engine(
            "sqlite://",
            creator=lambda: _connect_read_only(path),
        )
    else:
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite(read_only))
    return engine


def _connect_read_only(path: Path):  # type: ignore[no-untyped-def]
    import sqlite3

    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _configure_sqlite(read_only: bool):  # type: ignore[no-untyped-def]
    def configure(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return configure
