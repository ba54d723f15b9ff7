"""TIMEX3 values: their grammar and the half-open calendar interval each one covers."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.domain import month_start  # noqa: F401 - the one month arithmetic, used here and by importers

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""First month of each meteorological (northern-hemisphere) season."""
SOUTHERN_SEASON_MONTHS = {"SP": 9, "SU": 12, "FA": 3, "WI": 6}
"""The same seasons south of the equator (summer opens in December)."""

REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_DIGIT = r"[0-9X]"
_TIME = r"T(?:MO|AF|EV|NI|DT|(?:[0-2X][0-9X])(?::[0-5X][0-9X](?::[0-5X][0-9X])?)?)"
_DURATION = (
    r"P(?:(?:[0-9X]+(?:\.[0-9]+)?[YMWDHQEC])+(?:T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+)?"
    r"|T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+|[0-9X]+(?:\.[0-9]+)?(?:DE|CE|ML|WE|FY|QX)?)"
)
VALUE_GRAMMAR = re.compile(
    r"^(?:"
    r"PRESENT_REF|PAST_REF|FUTURE_REF"
    rf"|{_DURATION}"
    rf"|(?:BC)?{_DIGIT}{{1,4}}"  # year, decade (3 digits), century (2 digits), millennium
    rf"|{_DIGIT}{{4}}-(?:SP|SU|FA|WI|Q[1-4X]|H[12X]|W[0-9X]{{1,2}}(?:-(?:WE|[1-7X]))?"
    rf"|[0-9X]{{2}}(?:-[0-9X]{{2}}(?:{_TIME})?)?)"
    rf"|{_DIGIT}{{4}}-W[0-9X]{{1,2}}-(?:WE|[1-7X]){_TIME}"
    rf"|{_DIGIT}{{4}}{_TIME}"
    r")$"
)
"""Every value the tagger may produce matches this (a superset of the TIMEX3 value grammar used)."""

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE|-([1-7]))?$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def is_valid_value(value: str) -> bool:
    """True when the value matches the TIMEX3 value grammar the tagger uses."""
    return bool(VALUE_GRAMMAR.match(value))


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` away from the month of `day`."""
    return month_start(day.year, day.month + months)


def week_start(year: int, week: int) -> date:
    """Monday of an ISO week."""
    return date.fromisocalendar(year, week, 1)


def _safe(make) -> tuple[date | None, date | None]:
    try:
        return make()
    except (ValueError, OverflowError):
        return None, None


def interval_of(value: str, hemisphere: str = "north") -> tuple[date | None, date | None, str | None]:
    """Earliest day, day after the latest day and granularity of a TIMEX3 value (Nones when not calendar time).

    Seasons are meteorological, northern hemisphere unless `hemisphere="south"`.
    """
    if not value or "X" in value or value.startswith("P") or value in REF_VALUES:
        return None, None, granularity_of_shape(value)
    if m := _DAY.match(value):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
        first, last = _safe(lambda: (date(y, mo, d), date(y, mo, d) + timedelta(days=1)))
        return first, last, ("time" if m[4] else "day") if first else None
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        first, last = _safe(lambda: (date(y, mo, 1), month_start(y, mo + 1)))
        return first, last, "month" if first else None
    if m := _YEAR.match(value):
        y = int(m[1])
        first, last = _safe(lambda: (date(y, 1, 1), date(y + 1, 1, 1)))
        return first, last, "year" if first else None
    if m := _WEEK.match(value):
        y, w = int(m[1]), int(m[2])
        if m[3] == "-WE":
            first, last = _safe(lambda: (week_start(y, w) + timedelta(days=5), week_start(y, w) + timedelta(days=7)))
            return first, last, "weekend" if first else None
        if m[4]:
            first, last = _safe(
                lambda: (week_start(y, w) + timedelta(days=int(m[4]) - 1), week_start(y, w) + timedelta(days=int(m[4])))
            )
            return first, last, "day" if first else None
        first, last = _safe(lambda: (week_start(y, w), week_start(y, w) + timedelta(days=7)))
        return first, last, "week" if first else None
    if m := _PART.match(value):
        y, part = int(m[1]), m[2]
        if part[0] == "Q":
            q = int(part[1])
            first, last = _safe(lambda: (date(y, 3 * q - 2, 1), month_start(y, 3 * q + 1)))
            return first, last, "quarter" if first else None
        if part[0] == "H":
            h = int(part[1])
            first, last = _safe(lambda: (date(y, 6 * h - 5, 1), month_start(y, 6 * h + 1)))
            return first, last, "half" if first else None
        start = (SOUTHERN_SEASON_MONTHS if hemisphere == "south" else SEASON_MONTHS)[part]
        first, last = _safe(lambda: (date(y, start, 1), month_start(y, start + 3)))
        return first, last, "season" if first else None
    if m := _DECADE.match(value):
        d = int(m[1])
        first, last = _safe(lambda: (date(max(d * 10, 1), 1, 1), date(d * 10 + 10, 1, 1)))
        return first, last, "decade" if first else None
    if m := _CENTURY.match(value):
        c = int(m[1])
        first, last = _safe(lambda: (date(max(c * 100, 1), 1, 1), date(c * 100 + 100, 1, 1)))
        return first, last, "century" if first else None
    return None, None, None


def granularity_of_shape(value: str) -> str | None:
    """The granularity a value's shape speaks of (`XXXX-05` -> month); None for durations and REF values."""
    if not value or value.startswith("P") or value in REF_VALUES:
        return None
    if "T" in value:
        return "time"
    if "-W" in value:
        return "weekend" if value.endswith("-WE") else "week"
    if re.search(r"-(SP|SU|FA|WI)$", value):
        return "season"
    if re.search(r"-Q.$", value):
        return "quarter"
    if re.search(r"-H.$", value):
        return "half"
    parts = value.split("-")
    return {1: {4: "year", 3: "decade", 2: "century"}.get(len(parts[0])), 2: "month", 3: "day"}.get(len(parts))
