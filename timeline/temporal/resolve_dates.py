"""Resolvers of calendar expressions: dates, weekdays, relative units, seasons, quarters, times, holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from timeline.temporal.calendar import (
    fmt_day,
    fmt_month,
    pick_nearest_future,
    pick_nearest_past,
    pick_year,
    safe_date,
    season_start,
    shift,
    value_at,
)
from timeline.temporal.reference import (
    Frame,
    Reference,
    Resolved,
    as_int,
    as_year,
    kind_of,
    part_of_day_suffix,
    resolver,
)
from timeline.temporal.rules import vocabulary
from timeline.temporal.values import SEASON_MONTHS, month_start



@resolver("calendar")
def calendar_date(frame: Frame, ref: Reference) -> Resolved | None:
    """Explicit or year-less calendar dates: `June 1, 2024`, `June 2024`, `1998`, `June 1`, `in May`."""
    year = as_year(frame.get("year"), ref)
    if frame.get("year_rel") is not None:
        year = ref.day.year + int(frame["year_rel"])
    month = as_int(frame.get("month"))
    day = as_int(frame.get("day"))
    if month is None:
        if year is None:
            return None
        return Resolved(kind_of(frame, "DATE"), f"{year:04d}", frame.get("mod"))
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
            wanted = as_int(frame.get("weekday"))
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
            if day is None and direction == "past" and frame.get("_on_dct"):
                ahead = (month - base.month) % 12
                if 0 < ahead <= ref.settings.months_ahead:  # news speaks of the coming month(s) by name too
                    direction = "future"
            ended = vocabulary("ended_participle", r"\b{}$").search(str(frame.get("_before", "")))
            if direction == "nearest" and day is not None and ended:
                # a period that "ended Jan. 31" is over: the last occurrence, not a coming one
                year = pick_year(options, base, "past", ends)
            elif direction == "nearest":  # news reports the past unless told otherwise
                # a past-tense clause looks less far ahead ("after the March 2 election, the party split")
                slack = ref.settings.past_tense_slack_days if ref.tense == "past" else ref.settings.past_slack_days
                year = pick_nearest_past(options, base, ends, slack)
            elif direction == "future" and frame.get("direction") == "nearest":
                year = pick_nearest_future(options, base, ends, ref.settings.future_slack_days)
            else:
                year = ref.pick_year(options, direction, ends)
        if year is None:
            return None
    if day is None:
        return Resolved(kind_of(frame, "DATE"), fmt_month(year, month), frame.get("mod"))
    found = safe_date(year, month, day)
    if found is None:
        return None
    found += timedelta(days=int(frame.get("day_shift", 0)))  # "the day before Oct. 12"
    if frame.get("as_week"):
        return Resolved(kind_of(frame, "DATE"), value_at(found, "week"), frame.get("mod"))
    return Resolved(kind_of(frame, "DATE"), fmt_day(found) + _time_suffix(frame), frame.get("mod"))


def _time_suffix(frame: Frame) -> str:
    hour = as_int(frame.get("hour"))
    if hour is None:
        return part_of_day_suffix(frame)
    minute = as_int(frame.get("minute")) or 0
    ampm = frame.get("ampm")
    if ampm is None and _AFTER_NOON.get(str(frame.get("partday")), 13) <= hour < 12:
        ampm = "pm"  # "at 2:30 that afternoon", "at 9 that night"
    hour = _hour24(hour, ampm)
    if hour is None or minute > 59:
        return ""
    second = as_int(frame.get("second"))
    seconds = f":{second:02d}" if second is not None and second < 60 else ""
    return f"T{hour:02d}:{minute:02d}{seconds}{_zone(frame)}"


def _zone(frame: Frame) -> str:
    """The offset of the time zone the text names ("UTC" -> Z, "EST" -> -05), or nothing."""
    zone = frame.get("zone")
    return zone if isinstance(zone, str) else ""


_AFTER_NOON = {"AF": 1, "EV": 1, "NI": 6}
"""The hours of a part of the day that are after noon when no a.m. or p.m. is written."""


def _hour24(hour: int, ampm: Any) -> int | None:
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour if 0 <= hour <= 24 else None


@resolver("day_of_month")
def day_of_month(frame: Frame, ref: Reference) -> Resolved | None:
    """A day number of the reference's month: `on the 18th` after `in March 1584`."""
    number = as_int(frame.get("day"))
    base = ref.day
    found = safe_date(base.year, base.month, number) if number is not None else None
    if found is None:
        return None
    return Resolved(kind_of(frame, "DATE"), fmt_day(found), frame.get("mod"))


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
        if direction == "story":  # narrative reads forward: the next one unless the last one is much nearer
            found = base + timedelta(days=forward) if forward <= back + 2 else base - timedelta(days=back)
            found = _within_story(found, ref)
        else:
            found = base + timedelta(days=forward) if direction == "future" else base - timedelta(days=back)
    found += timedelta(days=int(frame.get("day_shift", 0)))  # "the day before last Tuesday"
    if frame.get("weekend"):
        return Resolved(kind_of(frame, "DATE"), value_at(found, "weekend"), frame.get("mod"))
    kind = "TIME" if frame.get("partday") or frame.get("hour") is not None else kind_of(frame, "DATE")
    return Resolved(kind, fmt_day(found) + _time_suffix(frame), frame.get("mod"))


def _within_story(found: date, ref: Reference) -> date:
    """A weekday moved by whole weeks into the story's stretch ("on Monday" after "in September" is in September)."""
    if ref.since is None or ref.until is None or (ref.until - ref.since).days < 7:
        return found
    while found < ref.since:
        found += timedelta(days=7)
    while found >= ref.until:
        found -= timedelta(days=7)
    return found


@resolver("deictic")
def deictic(frame: Frame, ref: Reference) -> Resolved | None:
    """Days named from the reference: `today`, `yesterday`, `tomorrow`, `tonight`, `yesterday morning`."""
    found = ref.day + timedelta(days=int(frame.get("offset", 0)))
    suffix = _time_suffix(frame)
    kind = "TIME" if suffix else kind_of(frame, "DATE")
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
    if unit in SEASON_MONTHS:  # a season's code, from the vocabulary's `season` fragment
        name = unit
        if frame.get("anaphoric") and amount:
            return _season_after(name, amount, ref, frame)
        if frame.get("anaphoric") and ref.until is not None:  # "that spring" after "the winter of 1941-42": 1942
            base = ref.day
            options = {y: season_start(name, y) for y in (base.year - 1, base.year, base.year + 1)}
            ends = {y: month_start(d.year, d.month + 3) for y, d in options.items()}
            year = ref.pick_year(options, "story", ends)
            return Resolved(kind_of(frame, "DATE"), f"{year:04d}-{name}", frame.get("mod"))
        return _named_season(name, amount, ref.day, frame)
    day = shift(ref.day, unit, amount)
    if vocabulary("turn_of").match(str(frame.get("_text", ""))) and unit in ("year", "century"):
        day = _nearest_turn(ref.day, unit)
    return Resolved(kind_of(frame, "DATE"), value_at(day, unit), frame.get("mod"))




def _nearest_turn(day: date, unit: str) -> date:
    """The first day of the year or century whose start is nearest: "the turn of the century" after the 1890s is 1900."""
    if unit == "year":
        return date(day.year + (1 if day.month >= 7 else 0), 1, 1)
    return date(max(1, round(day.year / 100) * 100), 1, 1)




def _named_season(name: str, amount: int, base: date, frame: Frame) -> Resolved:
    if name == "WI":
        year = base.year if base.month >= 9 else base.year - 1
    else:
        year = base.year
    return Resolved(kind_of(frame, "DATE"), f"{year + amount:04d}-{name}", frame.get("mod"))


def _season_after(name: str, amount: int, ref: Reference, frame: Frame) -> Resolved:
    """`the following autumn` after the story's date (the first one begun after it), `the previous winter` before it."""
    day = ref.day
    if amount > 0:
        after = ref.until - timedelta(days=1) if ref.until is not None else day
        years = [y for y in range(after.year - 1, after.year + amount + 1) if season_start(name, y) > after]
        year = years[amount - 1]
    else:
        before = ref.since if ref.since is not None else day
        years = [y for y in range(before.year + amount - 1, before.year + 1) if _season_end(name, y) <= before]
        year = years[amount]
    return Resolved(kind_of(frame, "DATE"), f"{year:04d}-{name}", frame.get("mod"))


def _season_end(name: str, year: int) -> date:
    first = season_start(name, year)
    return month_start(first.year, first.month + 3)


@resolver("season")
def season(frame: Frame, ref: Reference) -> Resolved | None:
    """Named seasons: `the summer of 2024`, `spring 1998`, a bare `summer` by tense."""
    name = str(frame["season"])
    year = as_year(frame.get("year"), ref)
    if frame.get("year_rel") is not None:  # "the spring of the following year"
        year = ref.day.year + int(frame["year_rel"])
    if year is None:
        base = ref.day
        options = {y: season_start(name, y) for y in (base.year - 1, base.year, base.year + 1)}
        ends = {y: month_start(d.year, d.month + 3) for y, d in options.items()}
        year = ref.pick_year(options, ref.direction(), ends)
    return Resolved(kind_of(frame, "DATE"), f"{year:04d}-{name}", frame.get("mod"))


@resolver("part")
def part_of_year(frame: Frame, ref: Reference) -> Resolved | None:
    """Quarters and halves: `the third quarter`, `Q3 2024`, `the first half of 1989`, `last year's fourth quarter`."""
    unit = str(frame.get("unit", "quarter"))
    number = as_int(frame.get("ordinal"))
    size = 3 if unit == "quarter" else 6
    letter = "Q" if unit == "quarter" else "H"
    if number is None and as_year(frame.get("year"), ref) is not None:  # "the 1988 period"
        if frame.get("_story_granularity") != unit:  # no quarter in the story: the year
            return Resolved(kind_of(frame, "DATE"), f"{as_year(frame.get('year'), ref):04d}", frame.get("mod"))
        number = (ref.day.month - 1) // size + 1  # the story's quarter, in that year
    if number is None or not 1 <= number <= 12 // size:
        return None
    year = as_year(frame.get("year"), ref)
    if year is None:
        base = ref.day
        if frame.get("rel") is not None:
            year = base.year + int(frame["rel"])
        elif frame.get("direction") == "same":
            year = base.year
            if frame.get("_on_dct") and date(year, size * (number - 1) + 1, 1) > base and ref.tense != "future":
                year -= 1  # "profits fell in the fourth quarter", written in January: the one just over
        else:
            options = {y: date(y, size * (number - 1) + 1, 1) for y in (base.year - 1, base.year, base.year + 1)}
            ends = {y: month_start(y, size * number + 1) for y in options}
            year = ref.pick_year(options, ref.direction(), ends)
    return Resolved(kind_of(frame, "DATE"), f"{year:04d}-{letter}{number}", frame.get("mod"))


@resolver("decade")
def decade(frame: Frame, ref: Reference) -> Resolved | None:
    """Decades: `the 1990s` -> 199, `the '80s` -> 198; `the 1800s` is a century, 18 (but `the 2000s` the decade 200)."""
    text = str(frame["decade"]).lstrip("'’").rstrip("sS'’")
    if not text.isdigit():
        return None
    if len(text) == 2:
        number = int(text)
        return Resolved(kind_of(frame, "DATE"), f"{(20 if number < 30 else 19)}{text[0]}", frame.get("mod"))
    if len(text) == 4 and text.endswith("00") and int(text) < 2000:  # "the 1800s" is a century, not 1800-09
        return Resolved(kind_of(frame, "DATE"), text[:2], frame.get("mod"))
    if len(text) == 4 and text.endswith("0"):
        return Resolved(kind_of(frame, "DATE"), text[:3], frame.get("mod"))
    return None


@resolver("century")
def century(frame: Frame, ref: Reference) -> Resolved | None:
    """Centuries: `the 20th century` -> 19."""
    number = as_int(frame.get("ordinal"))
    if number is None or not 1 <= number <= 99:
        return None
    era = _era_prefix(frame)
    return Resolved(kind_of(frame, "DATE"), f"{era}{number - 1:02d}", frame.get("mod"))


def _era_prefix(frame: Frame) -> str:
    """"BC" when the text names that era ("BC", "B.C.", "BCE"), else nothing (AD is the default)."""
    return "BC" if str(frame.get("era", "")).upper().startswith("B") else ""


@resolver("era_year")
def era_year(frame: Frame, ref: Reference) -> Resolved | None:
    """Years of an era: `44 BC` -> BC0044, `AD 14` -> 0014."""
    year = as_int(frame.get("year"))
    if year is None or year == 0:
        return None
    era = _era_prefix(frame)
    return Resolved(kind_of(frame, "DATE"), f"{era}{year:04d}", frame.get("mod"))


@resolver("clock")
def clock(frame: Frame, ref: Reference) -> Resolved | None:
    """Times of day on the reference day: `8:10am`, `at noon`, `4 p.m.`."""
    hour = as_int(frame.get("hour"))
    if hour is None:
        return None
    if _hour24(hour, frame.get("ampm")) is None or (as_int(frame.get("minute")) or 0) > 59:
        return None
    return Resolved("TIME", f"{fmt_day(ref.day)}{_time_suffix(frame)}", frame.get("mod"))


@resolver("elapsed")
def elapsed(frame: Frame, ref: Reference) -> Resolved | None:
    """A time written like a clock that is a length: "finished in 2:11:40" is PT2H11M40S."""
    written = ""
    for name, code in (("hour", "H"), ("minute", "M"), ("second", "S")):
        amount = str(frame.get(name) or "0").lstrip("0")
        if amount.strip("0."):
            written += f"{'0' if amount.startswith('.') else ''}{amount}{code}"
    return Resolved("DURATION", f"PT{written or '0S'}", frame.get("mod"))


_NUMERIC = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SHORT_YEAR_AT_END = re.compile(r"(?<=[/.\-])(\d{2})$")


@resolver("dateparser")
def parsed(frame: Frame, ref: Reference) -> Resolved | None:
    """Phrases handed to dateparser, its `period` kept as the granularity.

    A two-digit year is written out first by the project's own convention (`as_year`): "01/25/16" in
    news of 2016 is 2016-01-25, never 1916; the order of day and month is the `date_order` setting.
    """
    from timeline.temporal.fallback import parse_phrase

    text = str(frame.get("_text", ""))
    if _NUMERIC.match(text):
        return Resolved("DATE", text, frame.get("mod"))
    short = _SHORT_YEAR_AT_END.search(text)
    if short is not None:
        text = text[: short.start()] + f"{as_year(short.group(1), ref):04d}"
    result = parse_phrase(text, ref.day, ref.settings.date_order)
    if result is None:
        return None
    day, period = result
    unit = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "day"}.get(period, "day")
    return Resolved(kind_of(frame, "DATE"), value_at(day, unit), frame.get("mod"))


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
    """Holidays: `Thanksgiving Day`, `last Christmas`, `Easter 2024`, `Easter week`."""
    spec = str(frame["holiday"])
    year = as_year(frame.get("year"), ref)
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
            year = ref.pick_year(options, ref.direction("nearest"), ends)
        if year is None:
            return None
    found = holiday_date(spec, year)
    if found is None:
        return None
    if frame.get("as_week"):  # "Christmas week": the (ISO) week the holiday falls in
        return Resolved(kind_of(frame, "DATE"), value_at(found, "week"), frame.get("mod"))
    return Resolved(kind_of(frame, "DATE"), fmt_day(found), frame.get("mod"))
