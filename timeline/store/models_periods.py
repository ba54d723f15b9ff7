"""The ORM model of the `periods` table (named eras such as "Wagner era"); reading and writing it is Core, in tables_periods."""

from __future__ import annotations

from timeline.store import tables
from timeline.store.models import Base
from timeline.store.tables import CHRONOLOGY_INDEX, DERIVED_INDEXES, DERIVED_TABLE_PREFIXES, include_name
from timeline.store.tables_periods import delete_period_row, read_period_rows, write_period_rows

__all__ = [
    "CHRONOLOGY_INDEX", "DERIVED_INDEXES", "DERIVED_TABLE_PREFIXES", "PeriodRow", "delete_period_row", "include_name",
    "read_period_rows", "write_period_rows",
]


class PeriodRow(Base):
    """A named period ("era") with its dates: both ends inclusive at their precision, `latest` exclusive."""

    __table__ = tables.periods
