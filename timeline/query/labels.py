"""Human labels for dates at their true precision: `May 2024`, `1 Jun 2024`, `Summer 2024`."""

from __future__ import annotations

import calendar
import re

from timeline.temporal.values import parse_value

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
_MODS = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late", "APPROX": "about",
         "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}


def date_label(value: str, mod: str | None = None) -> str:
    """A reader's label for a TIMEX3 value, with its mod as a word ("late 2024")."""
    label = _value_label(value)
    prefix = _MODS.get(mod or "")
    return f"{prefix} {label}" if prefix else label


_YEAR_UNKNOWN = re.compile(r"^XXXX-(?:(\d{2})(?:-(\d{2}))?|(SP|SU|FA|WI))$")
YEAR_UNKNOWN = "year unknown"
"""Said after a month, day or season whose year the text leaves unknown: "7 Feb, year unknown"."""


def _value_label(value: str) -> str:
    unknown = _YEAR_UNKNOWN.match(value)
    if unknown:
        month, day, season = unknown.groups()
        if season:
            return f"{_SEASONS[season]}, {YEAR_UNKNOWN}"
        if 1 <= int(month) <= 12:
            name = calendar.month_abbr[int(month)] if day else calendar.month_name[int(month)]
            return f"{int(day)} {name}, {YEAR_UNKNOWN}" if day else f"{name}, {YEAR_UNKNOWN}"
    if "/" in value:
        left, right = value.split("/", 1)
        return f"{_value_label(left)} to {_value_label(right)}"
    parsed = parse_value(value)
    if parsed is None or not parsed.known or parsed.era:
        return value
    year = parsed.year
    if parsed.day is not None:
        return f"{int(parsed.day)} {calendar.month_abbr[int(parsed.month or 0)]} {year}"
    if parsed.month is not None:
        return f"{calendar.month_name[int(parsed.month)]} {year}"
    if parsed.granularity == "week":
        return f"week {int(parsed.week or 0)} of {year}"
    if parsed.part is not None:
        return f"{_SEASONS[parsed.part]} {year}" if parsed.part in _SEASONS else f"{parsed.part} {year}"
    if parsed.granularity == "year":
        return year
    if parsed.granularity == "decade":
        return f"{year}0s"
    return value
