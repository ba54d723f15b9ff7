"""The `periods` table (named eras such as "Wagner era") and the derived objects kept out of the models."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, Index, Integer, String, Text, delete, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from timeline.store.models import Base
from timeline.store.models_events import ClusterRow
from timeline.store.types import IsoDate

DERIVED_TABLE_PREFIXES = ("events_fts",)
"""SQLite FTS5 over event text: the virtual table and its shadow tables (created by migrations, not models)."""
DERIVED_INDEXES = frozenset({"ix_events_text_search"})
"""PostgreSQL's full-text expression index over event text (created by migrations, not models)."""


class PeriodRow(Base):
    """A named period ("era") with its dates: both ends inclusive at their precision, `latest` exclusive."""

    __tablename__ = "periods"
    __table_args__ = (Index("ix_periods_earliest_latest", "earliest", "latest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    aliases: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[str] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))
    earliest: Mapped[date] = mapped_column(IsoDate)
    latest: Mapped[date | None] = mapped_column(IsoDate)
    description: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16), default="user")


CHRONOLOGY_INDEX = Index(
    "ix_clusters_chronology", ClusterRow.date_basis, ClusterRow.granularity, ClusterRow.earliest, ClusterRow.latest, ClusterRow.id
)
"""Serves the chronology query: for each date basis and granularity, a range on earliest, rows in chronological order
(migration 0007 added granularity: the query merges the classes, each read from its own lower bound)."""


def include_name(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic filter: False for the derived full-text objects, so compare_metadata ignores them."""
    if name is None:
        return True
    if type_ == "table" and name.startswith(DERIVED_TABLE_PREFIXES):
        return False
    if type_ == "index" and name in DERIVED_INDEXES:
        return False
    return True


def read_period_rows(connection: Connection) -> list[PeriodRow]:
    """Every stored period, ordered by start then name."""
    from sqlalchemy.orm import Session

    with Session(bind=connection) as session:
        rows = session.scalars(select(PeriodRow).order_by(PeriodRow.earliest, PeriodRow.name)).all()
        session.expunge_all()
        return list(rows)


def write_period_rows(connection: Connection, rows: Iterable[dict], *, replace: bool) -> tuple[int, int]:
    """Insert periods by name; with `replace` a period of the same name is updated. Returns (added, updated)."""
    added = updated = 0
    for row in rows:
        existing = connection.execute(select(PeriodRow.id).where(PeriodRow.name == row["name"])).scalar()
        if existing is None:
            connection.execute(insert(PeriodRow), row)
            added += 1
        elif replace:
            connection.execute(update(PeriodRow).where(PeriodRow.id == existing).values(**row))
            updated += 1
        else:
            raise ValueError(f"a period named {row['name']!r} exists already")
    return added, updated


def delete_period_row(connection: Connection, name: str) -> bool:
    """Delete the period called `name`; False when there is none."""
    return connection.execute(delete(PeriodRow).where(PeriodRow.name == name)).rowcount > 0
