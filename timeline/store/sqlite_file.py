"""A local SQLite database file with the standard library alone: where it is, and how it is opened and configured."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SQLITE_BUSY_TIMEOUT_MS = 30_000
"""How long a statement waits for another connection's lock before giving up."""
SQLITE_HAS_TABLE = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
"""A row when the database has the table named by the parameter."""
_SQLITE_URL_PREFIXES = ("sqlite:///", "sqlite+pysqlite:///")


def local_sqlite_path(target: str | os.PathLike[str]) -> Path | None:
    """The file of a database given as a path or a plain `sqlite:///PATH` URL; None for anything else.

    None means "not known to be a local file" (a server URL, an in-memory database, a URL with options):
    such databases are opened through SQLAlchemy (`timeline/store/database.py`), which reads every URL.
    """
    text = os.fspath(target)
    if "://" not in text:
        return Path(text)
    for prefix in _SQLITE_URL_PREFIXES:
        if text.startswith(prefix):
            rest = text[len(prefix) :]
            if rest and rest != ":memory:" and not any(character in rest for character in "?#%"):
                return Path(rest)
    return None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the file `path` (opened with `mode=ro`), configured for reading."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    configure_connection(connection, read_only=True)
    return connection


def configure_connection(connection: sqlite3.Connection, *, read_only: bool) -> None:
    """The busy timeout and foreign keys; a reader refuses every write (`query_only`), a writer uses WAL."""
    cursor = connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    if read_only:
        cursor.execute("PRAGMA query_only = ON")
    else:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
