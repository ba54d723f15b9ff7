"""The periods of a database: list, add, remove, load from TOML (`timeline periods …`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

from timeline.query.periods import Period, PeriodError, find_period, period_from_row, period_values, read_periods_file
from timeline.store.database import create_database_engine, database_url, has_table, read_only_connection, sqlite_path
from timeline.store.tables_periods import delete_period_row, read_period_rows, write_period_rows


def stored_periods(connection: Connection) -> list[Period]:
    """The periods stored in the database of `connection`, by start date ([] before the periods migration)."""
    if not has_table(connection, "periods"):
        return []
    return [period_from_row(row) for row in read_period_rows(connection)]


def list_periods(db: str) -> list[Period]:
    """The periods of the database `db` (a path or URL), by start date."""
    with read_only_connection(db) as connection:
        return stored_periods(connection)


def add_period(db: str, period: Period, *, replace: bool = False) -> None:
    """Store a period; a period of the same name is an error unless `replace`."""
    engine = _writable_engine(db)
    try:
        with engine.begin() as connection:
            clash = find_period(period.name, stored_periods(connection))
            if clash is not None and clash.name != period.name:
                raise PeriodError(f"{period.name!r} is already a name or alias of the period {clash.name!r}")
            try:
                write_period_rows(connection, [period_values(period)], replace=replace)
            except ValueError as error:
                raise PeriodError(f"{error}; use --replace to change it") from None
    finally:
        engine.dispose()


def remove_period(db: str, name: str) -> Period:
    """Delete the period called `name` (or with that alias); return it."""
    engine = _writable_engine(db)
    try:
        with engine.begin() as connection:
            period = find_period(name, stored_periods(connection))
            if period is None:
                raise PeriodError(f"no period called {name!r}; see `timeline periods list`")
            delete_period_row(connection, period.name)
            return period
    finally:
        engine.dispose()


def load_periods(db: str, path: str | Path) -> tuple[int, int]:
    """Add or update (by name) every period of a TOML file; return (added, updated)."""
    periods = read_periods_file(path)
    engine = _writable_engine(db)
    try:
        with engine.begin() as connection:
            return write_period_rows(connection, [period_values(period) for period in periods], replace=True)
    finally:
        engine.dispose()


def _writable_engine(db: str):  # type: ignore[no-untyped-def]
    path = sqlite_path(database_url(db))
    if path is not None and not path.exists():
        raise PeriodError(f"no database at {path}: build it first with `timeline ingest PATH` or `timeline show`")
    from timeline.store.migrate import ensure_schema

    ensure_schema(db)
    return create_database_engine(db)
