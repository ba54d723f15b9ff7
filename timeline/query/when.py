"""Read what a person types for --from / --to: `2022`, `2022-06`, `June 2022`, `10 June 2022`."""

from __future__ import annotations

import calendar
import re
from datetime import date

from timeline.domain import PublicationDate

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})$", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"^(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})$", re.IGNORECASE)


class WhenError(ValueError):
    """A --from / --to value that cannot be read."""


def parse_when(text: str) -> tuple[date, date]:
    """The half-open interval a typed date names: `2022` is [2022-01-01, 2023-01-01)."""
    cleaned = " ".join(text.strip().split())
    try:
        point = PublicationDate.parse(cleaned)
    except ValueError:
        point = _named_month(cleaned)
    return point.earliest(), point.latest()


def _named_month(text: str) -> PublicationDate:
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        match = pattern.match(text)
        if not match:
            continue
        month = _MONTHS.get(match.group("month").lower())
        if month is None:
            break
        day = match.groupdict().get("day")
        try:
            return PublicationDate(int(match.group("year")), month, int(day) if day else None)
        except ValueError as error:
            raise WhenError(f"{text!r} is not a valid date: {error}") from None
    raise WhenError(
        f"cannot read {text!r} as a date; use a year (2022), a month (2022-06 or June 2022) or a day (2022-06-10)"
    )
