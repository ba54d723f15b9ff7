"""Calendar arithmetic and TIMEX3 value formatting, pure functions over `datetime.date`."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.temporal.values import SEASON_MONTHS, add_months, month_start

UNIT_CODES = {
    "year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M", "second": "S",
    "quarter": "Q", "decade": "DE", "century": "CE", "weekend": "WE", "night": "D", "fortnight": "W",
    "half": "M", "millennium": "ML",
}
TIME_UNITS = ("hour", "minute", "second")


def fmt_day(day: date) -> str:
    """`YYYY-MM-DD`."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def fmt_month(year: int, month: int) -> str:
    """`YYYY-MM`."""
    return f"{year:04d}-{month:02d}"


def fmt_week(day: date) -> str:
    """The ISO week of a day, `YYYY-Www`."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    """1-4."""
    return (day.month - 1) // 3 + 1


def shift(day: date, unit: str, amount: int) -> date:
    """The day `amount` units away (months and longer move by calendar month, clamped to the month's end)."""
    if unit in ("day", "night"):
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * amount)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return day
    first = add_months(day, months * amount)
    last_day = (add_months(first, 1) - timedelta(days=1)).day
    return first.replace(day=min(day.day, last_day))


def value_at(day: date, unit: str) -> str:
    """The TIMEX3 value of the unit-sized period holding a day ("month" -> `YYYY-MM`)."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return fmt_day(day)
    if unit in ("week", "fortnight"):
        return fmt_week(day)
    if unit == "weekend":
        return fmt_week(day) + "-WE"
    if unit == "month":
        return fmt_month(day.year, day.month)
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    if unit == "season":
        season, year = season_of(day)
        return f"{year:04d}-{season}"
    return fmt_day(day)


def season_of(day: date) -> tuple[str, int]:
    """The meteorological season holding a day and the year it is named by (December opens that year's winter)."""
    if day.month in (12, 1, 2):
        return "WI", day.year if day.month == 12 else day.year - 1
    for name, first in SEASON_MONTHS.items():
        if first <= day.month < first + 3:
            return name, day.year
    raise AssertionError(day)


def season_start(name: str, year: int) -> date:
    """First day of a named season of a year."""
    return month_start(year, SEASON_MONTHS[name])


def pick_year(
    candidates: dict[int, date | None],
    ref: date,
    direction: str,
    end_of: dict[int, date] | None = None,
    ref_end: date | None = None,
    ref_start: date | None = None,
    ahead_days: int = 183,
) -> int | None:
    """The year whose occurrence best fits the reference: latest not after it (past), first not over (future), else nearest.

    `story` reads a history forward: an occurrence overlapping the reference, else the next one in its year or at
    most `ahead_days` after it, else the last one before.
    """
    valid = {year: day for year, day in candidates.items() if day is not None}
    if not valid:
        return None
    if direction == "past":
        before = [year for year, day in valid.items() if day <= ref]
        return max(before) if before else min(valid)
    ends = end_of or {}
    if direction == "future":  # the first occurrence not over yet
        after = [year for year, day in valid.items() if ends.get(year, day + timedelta(days=1)) > ref]
        return min(after) if after else max(valid)

    def distance(year: int) -> int:
        first, after = valid[year], ends.get(year, valid[year] + timedelta(days=1))
        low, high = ref_start or ref, ref_end or ref + timedelta(days=1)
        if first < high and after > low:
            return 0  # it overlaps the reference (a story date may be a whole month or year)
        return (first - high).days if first >= high else (low - after).days

    named = (ref_start or ref).year  # on a tie, the one named by the reference's year: "the winter" in 1944 is 1944-WI
    if direction == "story":
        return _story_year(valid, ends, ref_start or ref, ref_end or ref + timedelta(days=1), named, ahead_days)
    return min(sorted(valid), key=lambda year: (distance(year), year != named))


def _story_year(valid: dict[int, date], ends: dict[int, date], low: date, high: date, named: int, ahead_days: int) -> int:
    """The occurrence a history means: one overlapping its date, else the next one in the same year or soon after,
    else the last one before it ("On 17 November 1917 ... on 3 January" is 1918; "In May 1986 ... in March" is 1986)."""
    overlapping = [year for year, day in valid.items() if day < high and ends.get(year, day + timedelta(days=1)) > low]
    if overlapping:
        return min(sorted(overlapping), key=lambda year: year != named)
    after = sorted(year for year, day in valid.items() if day >= high)
    before = sorted(year for year, day in valid.items() if ends.get(year, day + timedelta(days=1)) <= low)
    if after and (valid[after[0]].year == low.year or (valid[after[0]] - high).days <= ahead_days):
        return after[0]
    return before[-1] if before else after[0]


def pick_nearest_past(candidates: dict[int, date | None], ref: date, ends: dict[int, date], slack: int) -> int | None:
    """The nearest occurrence, unless it lies more than `slack` days in the future (then the latest before)."""
    year = pick_year(candidates, ref, "nearest", ends)
    found = candidates.get(year) if year is not None else None
    if found is not None and (found - ref).days > slack:
        return pick_year(candidates, ref, "past", ends)
    return year


def pick_nearest_future(candidates: dict[int, date | None], ref: date, ends: dict[int, date], slack: int) -> int | None:
    """The nearest occurrence, unless it lies more than `slack` days in the past (then the first one not over)."""
    year = pick_year(candidates, ref, "nearest", ends)
    found = candidates.get(year) if year is not None else None
    if found is not None and (ref - found).days > slack:
        return pick_year(candidates, ref, "future", ends)
    return year


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None
