"""What a chronology keeps: the filter, read from the command line or a caller, with no database in sight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ChronologyFilter:
    """What to keep: entries whose interval [earliest, latest) overlaps [start, end), and the other filters."""

    start: date | None = None
    end: date | None = None
    actor: str | None = None
    text: str | None = None
    category: str | None = None
    source: str | None = None
    include_reported: bool = False
    limit: int | None = None
    within: bool = False
    year_unknown: bool = False
    """Keep instead the entries whose year alone is unknown ("7 Feb" in an article of unknown date), by month and day."""
