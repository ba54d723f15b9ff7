"""Resolvers of spans: offsets ("two weeks ago"), durations, sets and fixed values (PRESENT_REF)."""

from __future__ import annotations

import re
from typing import Any

from timeline.temporal.calendar import TIME_UNITS, UNIT_CODES, fmt_day, shift, value_at
from timeline.temporal.reference import Frame, Reference, Resolved, kind_of, resolver
from timeline.temporal.rules import load_language, vocabulary


@resolver("fixed")
def fixed(frame: Frame, ref: Reference) -> Resolved | None:
    """A value given by the rule itself (`now` -> PRESENT_REF, `daily` -> P1D)."""
    return Resolved(kind_of(frame, "DATE"), str(frame["value"]), frame.get("mod"))


@resolver("story_date")
def story_date(frame: Frame, ref: Reference) -> Resolved | None:
    """The story's present at its own granularity: "at the same time" after "On 25 April 1975" is 1975-04-25."""
    granularity = str(frame.get("_story_granularity") or "day")
    return Resolved(kind_of(frame, "DATE"), value_at(ref.day, "day" if granularity == "time" else granularity), frame.get("mod"))


@resolver("offset")
def offset(frame: Frame, ref: Reference) -> Resolved | None:
    """A point some units away: `two weeks ago`, `a year earlier`, `three days later`."""
    unit = str(frame["unit"])
    direction = int(frame.get("dir", -1))
    amount = _number(frame.get("num", 1))
    if amount is None:
        if frame.get("anaphoric") and frame.get("_mode") != "narrative":
            # "a few days later" in news: counted from an event, not from now; only the length is known. A history
            # marks it as a time after (before) its story's date, FUTURE_REF (PAST_REF), as its annotation does.
            return Resolved("DURATION", duration_value(None, unit), frame.get("mod"))
        value = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return Resolved(kind_of(frame, "DATE"), value, frame.get("mod"))
    if unit in TIME_UNITS:
        return Resolved(kind_of(frame, "DATE"), fmt_day(ref.day), frame.get("mod"))
    whole = int(amount)
    if whole != amount:
        return None
    granular = frame.get("granularity", "year" if unit in ("decade", "century") else unit)
    story = frame.get("_story_granularity")
    if story in ("quarter", "half") and _finer(story, granular) and unit == "year":
        granular = story  # "a year ago" in results news: the same quarter a year before
    day = shift(ref.day, unit, direction * whole)
    return Resolved(kind_of(frame, "DATE"), value_at(day, granular), frame.get("mod"))


_FINENESS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")


def _finer(granularity: Any, than: str) -> bool:
    """True when a story granularity is finer than a unit (quarter is finer than year)."""
    if granularity not in _FINENESS or than not in _FINENESS:
        return False
    return _FINENESS.index(granularity) < _FINENESS.index(than) and granularity != "season"


def _number(value: Any) -> float | None:
    if value is None or value == "X":
        return None
    if isinstance(value, (int, float)):
        return value
    text = str(value).replace(",", "")
    try:
        return float(text) if "." in text else int(text)
    except ValueError:
        return None


@resolver("duration")
def duration(frame: Frame, ref: Reference) -> Resolved | None:
    """Durations: `three years`, `for years` (PXY), `a three-year deal`, `the past two months`."""
    unit = str(frame["unit"])
    amount = _number(frame.get("num"))
    fraction = _number(frame.get("fraction"))
    if amount is not None and fraction is not None:
        amount += fraction
    if amount is not None and frame.get("decimal"):  # "three and a half years": P3.5Y, as written
        return Resolved(kind_of(frame, "DURATION"), duration_value(amount + 0.5, unit, decimal=True), frame.get("mod"))
    return Resolved(kind_of(frame, "DURATION"), duration_value(amount, unit), frame.get("mod"))


def duration_value(amount: float | None, unit: str, decimal: bool = False) -> str:
    """`P3Y`, `PT2H`, `PXM` (amount None), decades and centuries in years, quarters in months.

    A fractional amount is carried into the smaller unit (`P2Y6M`) unless `decimal` (`P3.5Y`).
    """
    if unit == "decade":
        amount, unit = (None if amount is None else amount * 10), "year"
    elif unit == "century":
        amount, unit = (None if amount is None else amount * 100), "year"
    elif unit == "quarter":
        amount, unit = (None if amount is None else amount * 3), "month"
    elif unit == "fortnight":
        amount, unit = (None if amount is None else amount * 2), "week"
    elif unit == "weekend":
        return "P1WE" if amount in (None, 1) else f"P{_fmt(amount)}WE"
    if amount is not None and not float(amount).is_integer() and unit in _SMALLER and not decimal:
        smaller, factor = _SMALLER[unit]
        whole, rest = int(amount), round((amount - int(amount)) * factor, 6)
        head = duration_value(whole, unit) if whole else ("PT" if unit in TIME_UNITS else "P")
        tail = duration_value(rest, smaller)
        if (unit in TIME_UNITS) == (smaller in TIME_UNITS):
            return head + tail[2:] if tail.startswith("PT") else head + tail[1:]
        return head + tail[1:]  # days then hours: P1DT12H
    code = UNIT_CODES.get(unit, "D")
    number = "X" if amount is None else _fmt(amount)
    prefix = "PT" if unit in TIME_UNITS else "P"
    return f"{prefix}{number}{code}"


_SMALLER = {"year": ("month", 12), "month": ("day", 30), "week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}


def _fmt(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else str(amount)


@resolver("set")
def recurring(frame: Frame, ref: Reference) -> Resolved | None:
    """Sets: `every day`, `each year`, `every two weeks`, `monthly`."""
    unit = str(frame["unit"])
    amount = _number(frame.get("num", 1)) or 1
    if frame.get("rate") and not _rate_before().search(str(frame.get("_before", ""))):
        return Resolved("DURATION", duration_value(1, unit), frame.get("mod"))
    return Resolved("SET", duration_value(amount, unit), frame.get("mod"))


def _rate_before() -> re.Pattern[str]:
    """A count shortly before "a day" makes it a rate ("1,200 people a day"); "the smallest gain in a year" is not
    one, nor is "on 3 October 1990, less than a year after" (a comma ends the count's clause)."""
    clause = load_language().fragments["clause_preposition"].regex
    return vocabulary("rate_count", rf"{{}}(?:\s+(?!(?:{clause})\b)[\w’'-]+){{0,4}}\s*$")


@resolver("set_calendar")
def recurring_calendar(frame: Frame, ref: Reference) -> Resolved | None:
    """Sets of named days and months: `each Thursday` (XXXX-WXX-4), `on Tuesday nights`, `every July` (XXXX-07)."""
    if frame.get("weekday") is not None:
        part = frame.get("partday")
        return Resolved("SET", f"XXXX-WXX-{int(frame['weekday'])}" + (f"T{part}" if part else ""), frame.get("mod"))
    if frame.get("month") is not None:
        return Resolved("SET", f"XXXX-{int(frame['month']):02d}", frame.get("mod"))
    return None
