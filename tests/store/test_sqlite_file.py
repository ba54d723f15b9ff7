"""A local SQLite file is recognised, and opened read-only, without SQLAlchemy; it agrees with SQLAlchemy's reading of URLs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from timeline.store.database import database_url, read_only_connection, sqlite_path
from timeline.store.sqlite_file import SQLITE_BUSY_TIMEOUT_MS, connect_read_only, local_sqlite_path


@pytest.mark.parametrize(
    "target",
    ["timeline.db", "data/research.db", "/tmp/research.db", "sqlite:///research.db", "sqlite:////tmp/research.db",
     "sqlite+pysqlite:///data/research.db"],
)
def test_a_path_or_plain_sqlite_url_is_the_file_sqlalchemy_opens(target: str) -> None:
    assert local_sqlite_path(target) == sqlite_path(database_url(target)) is not None


@pytest.mark.parametrize(
    "target",
    ["postgresql+psycopg://postgres@127.0.0.1:5432/test", "postgresql://host/db", "sqlite://", "sqlite:///:memory:",
     "sqlite:///file.db?mode=ro", "sqlite:///file%20name.db", "mysql://host/db"],
)
def test_anything_else_is_left_to_sqlalchemy(target: str) -> None:
    assert local_sqlite_path(target) is None


def test_a_read_only_connection_refuses_writes_and_waits_for_locks(seeded_db: str) -> None:
    connection = connect_read_only(Path(seeded_db))
    try:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
            connection.execute("CREATE TABLE scratch (id INTEGER)")
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] == SQLITE_BUSY_TIMEOUT_MS
        assert connection.execute("PRAGMA query_only").fetchone()[0] == 1
    finally:
        connection.close()


def test_the_sqlalchemy_read_only_connection_refuses_writes(seeded_db: str) -> None:
    from sqlalchemy.exc import OperationalError

    with read_only_connection(seeded_db) as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM documents").scalar_one() == 5
        with pytest.raises(OperationalError, match="readonly|read-only"):
            connection.exec_driver_sql("CREATE TABLE scratch (id INTEGER)")
