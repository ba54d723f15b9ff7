"""Human labels for dates at their true precision: `May 2024`, `1 Jun 2024`, `Summer 2024`."""

from __future__ import annotations

import calendar

from timeline.temporal.values import parse_value

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
_MODS = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late", "APPROX": "about",
         "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}


def date_label(value: str, mod: str | None = None) -> str:
    """A reader's label for a TIMEX3 value, with its mod as a word ("late 2024")."""
    label = _value_label(value)
    prefix = _MODS.get(mod or "")
    return f"{prefix} {label}" if prefix else label


def _value_label(value: str) -> str:
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
