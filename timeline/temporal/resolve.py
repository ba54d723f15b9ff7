"""Resolvers: pure functions from what a rule matched and an explicit reference day to a TIMEX3 value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from timeline.temporal.calendar import (
    TIME_UNITS,
    UNIT_CODES,
    fmt_day,
    fmt_month,
    pick_nearest_past,
    pick_year,
    safe_date,
    season_of,
    season_start,
    shift,
    value_at,
)
from timeline.temporal.values import month_start


PAST_SLACK_DAYS = 120
"""In past-tense text a year-less date more than this many days after the anchor is taken from the year before."""


class Reference:
    """The day a mention is resolved against; remembers whether the resolver needed it."""

    def __init__(self, day: date, direction: str = "past", tense: Callable[[], str] | str = "none") -> None:
        self._day = day
        self._direction = direction
        self._tense = tense
        self.used = False

    @property
    def tense(self) -> str:
        """`past`, `future` or `none`: the tense around the mention (read from the text only when asked)."""
        if callable(self._tense):
            self._tense = self._tense()
        return self._tense

    @property
    def day(self) -> date:
        """The reference day (reading it marks the mention as anchored)."""
        self.used = True
        return self._day

    def direction(self, preferred: str = "past") -> str:
        """Which occurrence a bare weekday or month means: `past`, `future`, `nearest` or `forward` (narrative)."""
        if self._direction == "forward":
            return "forward"
        return "future" if self.tense == "future" else preferred


@dataclass(frozen=True)
class Resolved:
    """A resolver's answer: TIMEX3 type, value and mod."""

    type: str
    value: str
    mod: str | None = None


Frame = dict[str, Any]
Resolver = Callable[[Frame, Reference], Resolved | None]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a resolver under the name rule files use."""

    def register(function: Resolver) -> Resolver:
        RESOLVERS[name] = function
        return function

    return register


def _int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value).replace(",", "").strip()
    return int(text) if text.isdigit() else None


def _year(value: Any) -> int | None:
    """A year from `1998`, `'98` or `98` (two digits: 1930-2029)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip().lstrip("'’")
    if not text.isdigit():
        return spelled_year(text)
    number = int(text)
    if len(text) == 2:
        return 2000 + number if number < 30 else 1900 + number
    return number


_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}


def spelled_year(text: str) -> int | None:
    """`nineteen ninety-six` -> 1996, `two thousand and one` -> 2001."""
    words = [word for word in re.split(r"[\s\-]+", text.lower()) if word and word not in ("the", "year", "and")]
    if len(words) >= 2 and words[0] == "two" and words[1] == "thousand":
        return 2000 + sum(_WORDS.get(word, 0) for word in words[2:])
    if not words or words[0] not in _WORDS:
        return None
    century = _WORDS[words[0]]
    rest = words[1:]
    if rest == ["hundred"]:
        return century * 100
    if not rest or any(word not in _WORDS for word in rest):
        return None
    return century * 100 + sum(_WORDS[word] for word in rest)


def _kind(frame: Frame, default: str) -> str:
    return str(frame.get("type", default))


def _part_of_day(frame: Frame) -> str:
    part = frame.get("partday")
    return f"T{part}" if part else ""


@resolver("fixed")
def fixed(frame: Frame, ref: Reference) -> Resolved | None:
    """A value given by the rule itself (`now` -> PRESENT_REF, `daily` -> P1D)."""
    return Resolved(_kind(frame, "DATE"), str(frame["value"]), frame.get("mod"))


@resolver("calendar")
def calendar_date(frame: Frame, ref: Reference) -> Resolved | None:
    """Explicit or year-less calendar dates: `June 1, 2024`, `June 2024`, `1998`, `June 1`, `in May`."""
    year = _year(frame.get("year"))
    if frame.get("year_rel") is not None:
        year = ref.day.year + int(frame["year_rel"])
    month = _int(frame.get("month"))
    day = _int(frame.get("day"))
    if month is None:
        if year is None:
            return None
        return Resolved(_kind(frame, "DATE"), f"{year:04d}", frame.get("mod"))
    if not 1 <= month <= 12:
        return None
    if year is None:
        base = ref.day
        rel = frame.get("rel")
        if day is not None:
            options = {y: safe_date(y, month, day) for y in (base.year - 1, base.year, base.year + 1)}
            if options[base.year] is None and month == 2 and day == 29:
                options = {y: safe_date(y, 2, 29) for y in range(base.year - 4, base.year + 5)}
            ends = {y: d + timedelta(days=1) for y, d in options.items() if d}
            wanted = _int(frame.get("weekday"))
            if wanted is not None and any(d and d.isoweekday() == wanted for d in options.values()):
                options = {y: d for y, d in options.items() if d and d.isoweekday() == wanted}
        else:
            options = {y: date(y, month, 1) for y in (base.year - 1, base.year, base.year + 1)}
            ends = {y: month_start(y, month + 1) for y in options}
        if rel is not None and int(rel) < 0:
            limit = base if day is not None else base.replace(day=1)
            earlier = [y for y, d in options.items() if d and d < limit]
            year = max(earlier) if earlier else base.year - 1
        elif rel is not None and int(rel) > 0:
            later = [y for y, d in options.items() if d and d > base]
            year = min(later) if later else base.year + 1
        elif rel is not None:
            year = base.year
        else:
            direction = ref.direction(str(frame.get("direction", "past")))
            if direction == "nearest" and ref.tense == "past":
                year = pick_nearest_past(options, base, ends, PAST_SLACK_DAYS)
            else:
                year = pick_year(options, base, direction, ends)
        if year is None:
            return None
    if day is None:
        return Resolved(_kind(frame, "DATE"), fmt_month(year, month), frame.get("mod"))
    found = safe_date(year, month, day)
    if found is None:
        return None
    return Resolved(_kind(frame, "DATE"), fmt_day(found) + _time_suffix(frame), frame.get("mod"))


def _time_suffix(frame: Frame) -> str:
    hour = _int(frame.get("hour"))
    if hour is None:
        return _part_of_day(frame)
    minute = _int(frame.get("minute")) or 0
    hour = _hour24(hour, frame.get("ampm"))
    if hour is None or minute > 59:
        return ""
    return f"T{hour:02d}:{minute:02d}"


def _hour24(hour: int, ampm: Any) -> int | None:
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour if 0 <= hour <= 24 else None


@resolver("weekday")
def weekday(frame: Frame, ref: Reference) -> Resolved | None:
    """Weekdays: `on Thursday`, `last Friday`, `Wednesday last week`, `Friday night`."""
    target = int(frame["weekday"])
    base = ref.day
    week_rel = frame.get("week_rel")
    rel = frame.get("rel")
    if week_rel is not None:
        monday = base - timedelta(days=base.isoweekday() - 1)
        found = monday + timedelta(days=7 * int(week_rel) + target - 1)
    elif rel is not None and int(rel) != 0:
        step = int(rel)
        found = base + timedelta(days=step)
        while found.isoweekday() != target:
            found += timedelta(days=step)
    elif rel is not None:
        found = base - timedelta(days=base.isoweekday() - target)
    else:
        direction = ref.direction()
        back = (base.isoweekday() - target) % 7
        forward = (target - base.isoweekday()) % 7
        found = base + timedelta(days=forward) if direction in ("future", "forward") else base - timedelta(days=back)
    if frame.get("weekend"):
        return Resolved(_kind(frame, "DATE"), value_at(found, "weekend"), frame.get("mod"))
    kind = "TIME" if frame.get("partday") or frame.get("hour") is not None else _kind(frame, "DATE")
    return Resolved(kind, fmt_day(found) + _time_suffix(frame), frame.get("mod"))


@resolver("deictic")
def deictic(frame: Frame, ref: Reference) -> Resolved | None:
    """Days named from the reference: `today`, `yesterday`, `tomorrow`, `tonight`, `yesterday morning`."""
    found = ref.day + timedelta(days=int(frame.get("offset", 0)))
    suffix = _time_suffix(frame)
    kind = "TIME" if suffix else _kind(frame, "DATE")
    return Resolved(kind, fmt_day(found) + suffix, frame.get("mod"))


@resolver("relative")
def relative(frame: Frame, ref: Reference) -> Resolved | None:
    """The unit-sized period some units from the reference: `last month`, `this year`, `next week`."""
    if frame.get("requires_mod") and not frame.get("mod"):
        return None
    unit = str(frame["unit"])
    amount = int(frame.get("rel", 0))
    if frame.get("_on_dct") and frame.get("dct_rel") is not None:
        amount = int(frame["dct_rel"])
    if unit in SEASON_UNITS or unit in SEASON_UNITS.values():
        return _named_season(SEASON_UNITS.get(unit, unit), amount, ref.day, frame)
    day = shift(ref.day, unit, amount)
    return Resolved(_kind(frame, "DATE"), value_at(day, unit), frame.get("mod"))


SEASON_UNITS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def _named_season(name: str, amount: int, base: date, frame: Frame) -> Resolved:
    if name == "WI":
        year = base.year if base.month >= 9 else base.year - 1
    else:
        year = base.year
    return Resolved(_kind(frame, "DATE"), f"{year + amount:04d}-{name}", frame.get("mod"))


@resolver("season")
def season(frame: Frame, ref: Reference) -> Resolved | None:
    """Named seasons: `the summer of 2024`, `spring 1998`, a bare `summer` by tense."""
    name = str(frame["season"])
    year = _year(frame.get("year"))
    if year is None:
        base = ref.day
        options = {y: season_start(name, y) for y in (base.year - 1, base.year, base.year + 1)}
        ends = {y: month_start(d.year, d.month + 3) for y, d in options.items()}
        year = pick_year(options, base, ref.direction(), ends)
    return Resolved(_kind(frame, "DATE"), f"{year:04d}-{name}", frame.get("mod"))


@resolver("part")
def part_of_year(frame: Frame, ref: Reference) -> Resolved | None:
    """Quarters and halves: `the third quarter`, `Q3 2024`, `the first half of 1989`, `last year's fourth quarter`."""
    unit = str(frame.get("unit", "quarter"))
    number = _int(frame.get("ordinal"))
    size = 3 if unit == "quarter" else 6
    letter = "Q" if unit == "quarter" else "H"
    if number is None or not 1 <= number <= 12 // size:
        return None
    year = _year(frame.get("year"))
    if year is None:
        base = ref.day
        if frame.get("rel") is not None:
            year = base.year + int(frame["rel"])
        elif frame.get("direction") == "same":
            year = base.year
        else:
            options = {y: date(y, size * (number - 1) + 1, 1) for y in (base.year - 1, base.year, base.year + 1)}
            ends = {y: month_start(y, size * number + 1) for y in options}
            year = pick_year(options, base, ref.direction(), ends)
    return Resolved(_kind(frame, "DATE"), f"{year:04d}-{letter}{number}", frame.get("mod"))


@resolver("offset")
def offset(frame: Frame, ref: Reference) -> Resolved | None:
    """A point some units away: `two weeks ago`, `a year earlier`, `three days later`."""
    unit = str(frame["unit"])
    direction = int(frame.get("dir", -1))
    amount = _number(frame.get("num", 1))
    if amount is None:
        value = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return Resolved(_kind(frame, "DATE"), value, frame.get("mod"))
    if unit in TIME_UNITS:
        return Resolved(_kind(frame, "DATE"), fmt_day(ref.day), frame.get("mod"))
    whole = int(amount)
    if whole != amount:
        return None
    granular = frame.get("granularity", "year" if unit in ("decade", "century") else unit)
    story = frame.get("_story_granularity")
    if story is not None and _finer(story, granular):
        granular = story
    day = shift(ref.day, unit, direction * whole)
    return Resolved(_kind(frame, "DATE"), value_at(day, granular), frame.get("mod"))


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
    return Resolved(_kind(frame, "DURATION"), duration_value(amount, unit), frame.get("mod"))


def duration_value(amount: float | None, unit: str) -> str:
    """`P3Y`, `PT2H`, `PXM` (amount None), decades and centuries in years, quarters in months."""
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
    if amount is not None and not float(amount).is_integer() and unit in _SMALLER:
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
    unit = ADVERB_UNITS.get(unit, unit)
    amount = _number(frame.get("num", 1)) or 1
    if frame.get("rate") and not _RATE_BEFORE.search(str(frame.get("_before", ""))):
        return Resolved("DURATION", duration_value(1, unit), frame.get("mod"))
    return Resolved("SET", duration_value(amount, unit), frame.get("mod"))


_RATE_BEFORE = re.compile(r"(?:\d|\b(?:once|twice|thrice|times|hundreds|thousands|dozens|millions))[^.;:!?]{0,40}$", re.IGNORECASE)
ADVERB_UNITS = {
    "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year", "annual": "year",
    "quarterly": "quarter", "hourly": "hour", "nightly": "day", "biweekly": "fortnight",
}


@resolver("decade")
def decade(frame: Frame, ref: Reference) -> Resolved | None:
    """Decades: `the 1990s` -> 199, `the '80s` -> 198."""
    text = str(frame["decade"]).lstrip("'’").rstrip("sS'’")
    if not text.isdigit():
        return None
    if len(text) == 2:
        number = int(text)
        return Resolved(_kind(frame, "DATE"), f"{(20 if number < 30 else 19)}{text[0]}", frame.get("mod"))
    if len(text) == 4 and text.endswith("0"):
        return Resolved(_kind(frame, "DATE"), text[:3], frame.get("mod"))
    return None


@resolver("century")
def century(frame: Frame, ref: Reference) -> Resolved | None:
    """Centuries: `the 20th century` -> 19."""
    number = _int(frame.get("ordinal"))
    if number is None or not 1 <= number <= 99:
        return None
    return Resolved(_kind(frame, "DATE"), f"{number - 1:02d}", frame.get("mod"))


@resolver("clock")
def clock(frame: Frame, ref: Reference) -> Resolved | None:
    """Times of day on the reference day: `8:10am`, `at noon`, `4 p.m.`."""
    hour = _int(frame.get("hour"))
    if hour is None:
        return None
    minute = _int(frame.get("minute")) or 0
    hour = _hour24(hour, frame.get("ampm"))
    if hour is None or minute > 59:
        return None
    return Resolved("TIME", f"{fmt_day(ref.day)}T{hour:02d}:{minute:02d}", frame.get("mod"))


_NUMERIC = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@resolver("dateparser")
def parsed(frame: Frame, ref: Reference) -> Resolved | None:
    """Phrases handed to dateparser, its `period` kept as the granularity."""
    from timeline.temporal.fallback import parse_phrase

    text = str(frame.get("_text", ""))
    if _NUMERIC.match(text):
        return Resolved("DATE", text, frame.get("mod"))
    result = parse_phrase(text, ref.day)
    if result is None:
        return None
    day, period = result
    unit = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "day"}.get(period, "day")
    return Resolved(_kind(frame, "DATE"), value_at(day, unit), frame.get("mod"))


def holiday_date(spec: str, year: int) -> date | None:
    """The day of a holiday in a year from its rule: `12-25`, `11/4/4` (4th Thursday of November), `easter+0`, `election`."""
    if spec == "election":
        first = date(year, 11, 2)
        return first + timedelta(days=(1 - first.weekday()) % 7)
    if spec.startswith("easter"):
        return easter(year) + timedelta(days=int(spec[6:] or 0))
    if "/" in spec:
        month, weekday_number, nth = (int(part) for part in spec.split("/"))
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday_number - first.isoweekday()) % 7 + 7 * (nth - 1))
        last = month_start(year, month + 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday_number) % 7)
    month, day = (int(part) for part in spec.split("-"))
    return safe_date(year, month, day)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


@resolver("holiday")
def holiday(frame: Frame, ref: Reference) -> Resolved | None:
    """Holidays: `Thanksgiving Day`, `last Christmas`, `Easter 2024`."""
    spec = str(frame["holiday"])
    year = _year(frame.get("year"))
    if year is None:
        base = ref.day
        options = {y: holiday_date(spec, y) for y in (base.year - 1, base.year, base.year + 1)}
        rel = frame.get("rel")
        if rel is not None and int(rel) != 0:
            pool = [y for y, d in options.items() if d and ((d < base) if int(rel) < 0 else (d > base))]
            year = (max(pool) if int(rel) < 0 else min(pool)) if pool else None
        elif rel is not None:
            year = base.year
        else:
            ends = {y: d + timedelta(days=1) for y, d in options.items() if d}
            year = pick_year(options, base, ref.direction("nearest"), ends)
        if year is None:
            return None
    found = holiday_date(spec, year)
    return Resolved(_kind(frame, "DATE"), fmt_day(found), frame.get("mod")) if found else None
