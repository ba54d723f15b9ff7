"""The `cluster_spans` table: the longest interval of any dated cluster, per date basis (kept by triggers)."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from timeline.store.models import Base

SPAN_TRIGGERS = ("clusters_span_insert", "clusters_span_update")
"""The triggers (migration 0007) that keep `cluster_spans` an upper bound of every cluster's length in days."""


class ClusterSpanRow(Base):
    """The longest `latest - earliest` in days of the dated clusters of one date basis: an upper bound, never lowered.

    Written only by database triggers on `clusters` (inserts and date updates); a delete leaves the bound
    as it is, which keeps it an upper bound. The chronology query derives from it a redundant lower
    bound on `earliest` (an entry overlapping [from, to) starts after `from - longest_days`).
    """

    __tablename__ = "cluster_spans"

    date_basis: Mapped[str] = mapped_column(String(16), primary_key=True)
    longest_days: Mapped[int] = mapped_column(Integer)
