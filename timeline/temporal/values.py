"""TIMEX3 values: their grammar and the half-open calendar interval each one covers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.domain import month_start  # noqa: F401 - the one month arithmetic, used here and by importers

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""First month of each meteorological (northern-hemisphere) season."""
SOUTHERN_SEASON_MONTHS = {"SP": 9, "SU": 12, "FA": 3, "WI": 6}
"""The same seasons south of the equator (summer opens in December)."""

REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_TIME = r"T(?:MO|AF|EV|NI|DT|[0-2X][0-9X](?::[0-5X][0-9X](?::[0-5X][0-9X])?)?)"
_ZONE = r"Z|[+-](?:0[0-9]|1[0-4])(?::?[0-5][0-9])?"
_DURATION = re.compile(
    r"^P(?:(?:[0-9X]+(?:\.[0-9]+)?[YMWDHQEC])+(?:T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+)?"
    r"|T(?:[0-9X]+(?:\.[0-9]+)?[HMS])+|[0-9X]+(?:\.[0-9]+)?(?:DE|CE|ML|WE|FY|QX)?)$"
)
_CALENDAR = re.compile(
    r"^(?P<era>BC)?(?P<year>[0-9X]{1,4})"
    r"(?:-(?:(?P<part>SP|SU|FA|WI|Q[1-4X]|H[12X])"
    r"|W(?P<week>[0-9X]{1,2})(?:-(?P<weekday>WE|[1-7X]))?"
    r"|(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?))?"
    rf"(?P<time>{_TIME})?(?P<zone>{_ZONE})?$"
)
_PART_GRANULARITY = {"S": "season", "F": "season", "W": "season", "Q": "quarter", "H": "half"}
_YEAR_GRANULARITY = {4: "year", 3: "decade", 2: "century", 1: "millennium"}


@dataclass(frozen=True)
class TimexValue:
    """A TIMEX3 value read into its fields: the one reading of values used everywhere.

    `kind` is `calendar` (a point or period of the calendar, possibly with X for what is unknown),
    `duration` (P3Y, PXD) or `ref` (PRESENT_REF, PAST_REF, FUTURE_REF). Calendar fields keep their text,
    so that an unknown field is X.
    """

    text: str
    kind: str
    granularity: str | None = None
    era: str = ""
    year: str = ""
    month: str | None = None
    day: str | None = None
    week: str | None = None
    weekday: str | None = None
    part: str | None = None
    time: str | None = None
    zone: str | None = None

    @property
    def known(self) -> bool:
        """True when no field of a calendar value is X."""
        return self.kind == "calendar" and "X" not in self.text

    @property
    def only_year_unknown(self) -> bool:
        """A day, month or season whose year alone is unknown: "7 Feb" in an undated article is XXXX-02-07."""
        if self.kind != "calendar" or self.year != "XXXX" or self.time or self.week or self.era:
            return False
        if self.part is not None:
            return self.granularity == "season"
        return self.month is not None and "X" not in self.month and "X" not in (self.day or "")

    def interval(self, hemisphere: str = "north") -> tuple[date | None, date | None]:
        """The half-open interval of days the value covers; Nones when it is not known calendar time."""
        if not self.known or self.era:
            return None, None
        try:
            return self._interval(hemisphere)
        except (ValueError, OverflowError):  # a day that does not exist, or beyond the calendar
            return None, None

    def _interval(self, hemisphere: str) -> tuple[date | None, date | None]:
        year = int(self.year)
        if self.granularity == "decade":
            return date(max(year * 10, 1), 1, 1), date(year * 10 + 10, 1, 1)
        if self.granularity == "century":
            return date(max(year * 100, 1), 1, 1), date(year * 100 + 100, 1, 1)
        if self.granularity == "millennium":
            return date(max(year * 1000, 1), 1, 1), date(year * 1000 + 1000, 1, 1)
        if self.day is not None:
            first = date(year, int(self.month or 0), int(self.day))
            return first, first + timedelta(days=1)
        if self.month is not None:
            return date(year, int(self.month), 1), month_start(year, int(self.month) + 1)
        if self.week is not None:
            monday = week_start(year, int(self.week))
            if self.weekday == "WE":
                return monday + timedelta(days=5), monday + timedelta(days=7)
            if self.weekday is not None:
                first = monday + timedelta(days=int(self.weekday) - 1)
                return first, first + timedelta(days=1)
            return monday, monday + timedelta(days=7)
        if self.part is not None:
            if self.part[0] == "Q":
                number = int(self.part[1])
                return date(year, 3 * number - 2, 1), month_start(year, 3 * number + 1)
            if self.part[0] == "H":
                number = int(self.part[1])
                return date(year, 6 * number - 5, 1), month_start(year, 6 * number + 1)
            first_month = (SOUTHERN_SEASON_MONTHS if hemisphere == "south" else SEASON_MONTHS)[self.part]
            return date(year, first_month, 1), month_start(year, first_month + 3)
        return date(year, 1, 1), date(year + 1, 1, 1)


@lru_cache(maxsize=8192)
def parse_value(value: str) -> TimexValue | None:
    """A TIMEX3 value read into its fields, or None when the text is not a value of the grammar the project uses."""
    if not value:
        return None
    if value in REF_VALUES:
        return TimexValue(value, "ref")
    if value[0] == "P":
        return TimexValue(value, "duration") if _DURATION.match(value) else None
    match = _CALENDAR.match(value)
    if match is None:
        return None
    fields = match.groupdict()
    year, time = fields["year"], fields["time"]
    finer = fields["part"] or fields["week"] or fields["month"]
    if (finer or time) and (len(year) != 4 or fields["era"]):
        return None  # only a four-digit year of our era has months, weeks, seasons or times
    if time and (fields["part"] or (fields["week"] and not fields["weekday"]) or (fields["month"] and not fields["day"])):
        return None  # a time belongs to a day (or to a year alone)
    if fields["zone"] and not (time and time[1].isdigit() or time and time[1] == "X"):
        return None  # a zone belongs to a clock time
    return TimexValue(
        value,
        "calendar",
        _granularity(fields),
        fields["era"] or "",
        year,
        fields["month"],
        fields["day"],
        fields["week"],
        fields["weekday"],
        fields["part"],
        time,
        fields["zone"],
    )


def _granularity(fields: dict[str, str | None]) -> str:
    if fields["time"]:
        return "time"
    if fields["day"]:
        return "day"
    if fields["month"]:
        return "month"
    if fields["weekday"]:
        return "weekend" if fields["weekday"] == "WE" else "day"
    if fields["week"]:
        return "week"
    if fields["part"]:
        return _PART_GRANULARITY[fields["part"][0]]
    return _YEAR_GRANULARITY[len(fields["year"] or "")]


def is_valid_value(value: str) -> bool:
    """True when the value matches the TIMEX3 value grammar the tagger uses."""
    return parse_value(value) is not None


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` away from the month of `day`."""
    return month_start(day.year, day.month + months)


def week_start(year: int, week: int) -> date:
    """Monday of an ISO week."""
    return date.fromisocalendar(year, week, 1)


@lru_cache(maxsize=8192)
def interval_of(value: str, hemisphere: str = "north") -> tuple[date | None, date | None, str | None]:
    """Earliest day, day after the latest day and granularity of a TIMEX3 value (Nones when not calendar time).

    Seasons are meteorological, northern hemisphere unless `hemisphere="south"`. An unknown field (X) gives no
    interval but keeps the granularity its shape speaks of; a day that does not exist gives nothing.
    """
    parsed = parse_value(value)
    if parsed is None or parsed.kind != "calendar":
        return None, None, None
    first, last = parsed.interval(hemisphere)
    if first is None and parsed.known and not parsed.era:
        return None, None, None  # "2024-02-30"
    return first, last, parsed.granularity


def granularity_of_shape(value: str) -> str | None:
    """The granularity a value's shape speaks of (`XXXX-05` -> month); None for durations and REF values."""
    parsed = parse_value(value)
    return parsed.granularity if parsed is not None and parsed.kind == "calendar" else None
