"""Resolvers: pure functions from what a rule matched and an explicit reference day to a TIMEX3 value.

Importing this module registers every resolver (calendar ones in `resolve_dates`, spans in
`resolve_spans`) under the names rule files use.
"""

from __future__ import annotations

from timeline.temporal import resolve_dates as _dates  # noqa: F401  (registers resolvers)
from timeline.temporal import resolve_spans as _spans  # noqa: F401  (registers resolvers)
from timeline.temporal.reference import RESOLVERS, Reference, Resolved
from timeline.temporal.resolve_spans import duration_value

__all__ = ["RESOLVERS", "Reference", "Resolved", "duration_value"]
