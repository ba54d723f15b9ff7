"""The `cluster_spans` table: the longest interval of the dated clusters of each date basis and granularity (kept by triggers)."""

from __future__ import annotations

from timeline.store import tables
from timeline.store.models import Base

__all__ = ["ClusterSpanRow"]


class ClusterSpanRow(Base):
    """The longest `latest - earliest` in days of the dated clusters of one date basis and granularity.

    Written by database triggers on `clusters` (inserts and date updates), raised beforehand by the
    ingest's writer (`timeline.store.writer.store_spans`), and never lowered: a delete or a shorter
    update leaves it as it is, which keeps it an upper bound. The chronology
    query reads each (date basis, granularity) class apart, each with the redundant lower bound on
    `earliest` its own longest span allows (an entry overlapping [from, to) starts after `from - longest_days`).
    """

    __table__ = tables.cluster_spans
