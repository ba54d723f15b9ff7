"""Human labels for dates at their true precision: `May 2024`, `1 Jun 2024`, `Summer 2024`."""

from __future__ import annotations

import calendar
import re

_SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
_MODS = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late", "APPROX": "about",
         "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_RANGE = re.compile(r"^(.+?)/(.+)$")


def date_label(value: str, mod: str | None = None) -> str:
    """A reader's label for a TIMEX3 value, with its mod as a word ("late 2024")."""
    label = _value_label(value)
    prefix = _MODS.get(mod or "")
    return f"{prefix} {label}" if prefix else label


def _value_label(value: str) -> str:
    if match := _RANGE.match(value):
        return f"{_value_label(match.group(1))} to {_value_label(match.group(2))}"
    if match := _DAY.match(value):
        year, month, day = (int(part) for part in match.groups())
        return f"{day} {calendar.month_abbr[month]} {year}"
    if match := _MONTH.match(value):
        return f"{calendar.month_name[int(match.group(2))]} {match.group(1)}"
    if match := _WEEK.match(value):
        return f"week {int(match.group(2))} of {match.group(1)}"
    if match := _PART.match(value):
        part = match.group(2)
        return f"{_SEASONS[part]} {match.group(1)}" if part in _SEASONS else f"{part} {match.group(1)}"
    if match := _YEAR.match(value):
        return match.group(1)
    if match := _DECADE.match(value):
        return f"{match.group(1)}0s"
    return value
