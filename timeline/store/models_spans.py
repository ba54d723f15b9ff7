"""The `cluster_spans` table: the longest interval of the dated clusters of each date basis and granularity (kept by triggers)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from timeline.store.models import Base

SPAN_TRIGGERS = ("clusters_span_insert", "clusters_span_update")
"""The triggers (migration 0007) that keep `cluster_spans` an upper bound of every cluster's length in days."""

NO_GRANULARITY = ""
"""The `cluster_spans.granularity` of clusters whose granularity is NULL."""


class ClusterSpanRow(Base):
    """The longest `latest - earliest` in days of the dated clusters of one date basis and granularity.

    Written only by database triggers on `clusters` (inserts and date updates) and never lowered: a
    delete or a shorter update leaves it as it is, which keeps it an upper bound. The chronology
    query reads each (date basis, granularity) class apart, each with the redundant lower bound on
    `earliest` its own longest span allows (an entry overlapping [from, to) starts after `from - longest_days`).
    """

    __tablename__ = "cluster_spans"

    date_basis: Mapped[str] = mapped_column(String(16), primary_key=True)
    granularity: Mapped[str] = mapped_column(String(16), primary_key=True)
    longest_days: Mapped[int] = mapped_column(Integer)

