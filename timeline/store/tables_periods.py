"""Reading and writing the `periods` table (named eras such as "Wagner era") through SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Row, delete, insert, select, update

from timeline.store.tables import periods


PERIOD_ROWS = select(periods).order_by(periods.c.earliest, periods.c.name)
"""Every stored period, ordered by start then name."""


def read_period_rows(connection: Connection) -> Sequence[Row]:
    """Every stored period, ordered by start then name (rows with the table's columns as attributes)."""
    return connection.execute(PERIOD_ROWS).all()


def write_period_rows(connection: Connection, rows: Iterable[dict], *, replace: bool) -> tuple[int, int]:
    """Insert periods by name; with `replace` a period of the same name is updated. Returns (added, updated)."""
    added = updated = 0
    for row in rows:
        existing = connection.execute(select(periods.c.id).where(periods.c.name == row["name"])).scalar()
        if existing is None:
            connection.execute(insert(periods), row)
            added += 1
        elif replace:
            connection.execute(update(periods).where(periods.c.id == existing).values(**row))
            updated += 1
        else:
            raise ValueError(f"a period named {row['name']!r} exists already")
    return added, updated


def delete_period_row(connection: Connection, name: str) -> bool:
    """Delete the period called `name`; False when there is none."""
    return connection.execute(delete(periods).where(periods.c.name == name)).rowcount > 0
