"""`timeline db backup FILE`: a consistent copy of a SQLite database, even while it is being written."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from timeline.store.database import database_url, is_postgresql, sqlite_path


class BackupError(RuntimeError):
    """The backup cannot be made; the message says why and what to do."""


def backup(target: str | os.PathLike[str], destination: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Copy the database `target` to the file `destination` with SQLite's online backup API; return the copy's path.

    The copy is one consistent snapshot: readers and writers of the source go on
    meanwhile (WAL). It is written beside the destination, checked, then moved
    into place, so a failed backup never leaves a half-written file.
    """
    url = database_url(target)
    source = sqlite_path(url)
    if source is None:
        hint = " use pg_dump for PostgreSQL (pg_dump --format=custom URL > FILE)" if is_postgresql(url) else ""
        raise BackupError(f"only SQLite database files can be backed up this way;{hint}")
    if not source.exists():
        raise BackupError(f"{source}: no such database")
    final = Path(destination)
    if final.resolve() == source.resolve():
        raise BackupError("the backup must be a different file from the database")
    if final.exists() and not overwrite:
        raise BackupError(f"{final} already exists (use --force to replace it)")
    if not final.parent.is_dir():
        raise BackupError(f"{final.parent}: no such folder")
    partial = final.with_name(f".{final.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        copy = sqlite3.connect(partial)
        try:
            reader.execute("PRAGMA busy_timeout = 30000")
            reader.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            copy.close()
            reader.close()
        if verdict != "ok":
            raise BackupError(f"the copy failed its check: {verdict}")
        os.replace(partial, final)
    except sqlite3.Error as error:
        raise BackupError(f"cannot back up {source} to {final}: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return final
