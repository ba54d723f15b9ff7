"""Read what a person types for --from / --to: `2022`, `June 2022`, `summer 2024`, `last year`, an era name."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from timeline.domain import PublicationDate
from timeline.query.periods import Period, find_period

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$", re.IGNORECASE)
_VALUE_GRANULARITIES = ("year", "decade", "season", "quarter", "half", "week")
"""TIMEX3 values a person may type besides calendar dates: `2024-SU`, `2024-Q3`, `199`, `2024-W23`."""
_EDGE_NOISE = re.compile(r"^[\s\"'.,;:!?]+|[\s\"'.,;:!?]+$")
FORMS = "a year (2022), a month (2022-06, June 2022), a day (2022-06-10), a season (summer 2024), " \
        "a quarter (Q3 2024), a relative date (last year, this month), or an era (see `timeline periods list`)"


class WhenError(ValueError):
    """A --from / --to value that cannot be read."""


@dataclass(frozen=True)
class When:
    """A typed date read as a half-open interval; `latest` is None for an era still going on."""

    text: str
    earliest: date
    latest: date | None
    how: str
    period: Period | None = None


def parse_when(text: str) -> tuple[date, date]:
    """The half-open interval a typed calendar date names: `2022` is [2022-01-01, 2023-01-01)."""
    when = read_when(text)
    if when.latest is None:
        raise WhenError(f"{text!r} has no end")
    return when.earliest, when.latest


def read_when(text: str, periods: Sequence[Period] = (), today: date | None = None) -> When:
    """Read a typed date, era name or relative date ("last year" counts from `today`) as an interval."""
    cleaned = " ".join(_EDGE_NOISE.sub("", text).split())
    if not cleaned:
        raise WhenError(f"{text!r} is empty; use {FORMS}")
    calendar_date = _calendar_date(cleaned)
    if calendar_date is not None:
        return When(text, calendar_date.earliest(), calendar_date.latest(), "date")
    from timeline.temporal.values import parse_value

    value = parse_value(cleaned)
    if value is not None and value.granularity in _VALUE_GRANULARITIES and len(value.year) >= 3:
        first, last = value.interval()
        if first is not None and last is not None:
            return When(text, first, last, "value")
    period = find_period(cleaned, periods)
    if period is not None:
        return When(text, period.earliest, period.latest, "era", period)
    tagged = _tagged(cleaned, today)
    if tagged is not None:
        return When(text, tagged[0], tagged[1], "phrase")
    raise WhenError(f"cannot read {text!r} as a date or an era; use {FORMS}")


def _calendar_date(text: str) -> PublicationDate | None:
    try:
        return PublicationDate.parse(text)
    except ValueError:
        pass
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        match = pattern.match(text)
        if not match:
            continue
        month = _MONTHS.get(match.group("month").lower())
        if month is None:
            return None
        day = match.groupdict().get("day")
        try:
            return PublicationDate(int(match.group("year")), month, int(day) if day else None)
        except ValueError as error:
            raise WhenError(f"{text!r} is not a valid date: {error}") from None
    if re.fullmatch(r"\d{4}-\d{1,2}(?:-\d{1,2})?", text):
        raise WhenError(f"{text!r} is not a valid date; use {FORMS}")
    return None


def _tagged(text: str, today: date | None) -> tuple[date, date] | None:
    """The interval the tagger reads in `text` when one expression covers all of it.

    Relative dates ("last year") count from `today`: what a person types at the prompt is
    relative to the day they type it, the one place where the wall clock is the right anchor.
    """
    from timeline.temporal import tag

    reference = today or date.today()
    mentions = tag(text, PublicationDate.from_date(reference))
    covering = [
        mention for mention in mentions
        if mention.anchored and len(text) - (mention.end - mention.start) <= len("the ")
    ]
    if len(covering) != 1:
        return None
    return covering[0].earliest, covering[0].latest  # type: ignore[return-value]
