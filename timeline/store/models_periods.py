"""The ORM model of the `periods` table (named eras such as "Wagner era"); reading and writing it is Core, in tables_periods."""

from __future__ import annotations

from timeline.store import tables
from timeline.store.models import Base

__all__ = ["PeriodRow"]


class PeriodRow(Base):
    """A named period ("era") with its dates: both ends inclusive at their precision, `latest` exclusive."""

    __table__ = tables.periods
