"""Turn what a person asked for (typed dates, an era) into a ChronologyFilter, with the eras a reader gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from timeline.query.chronology_filter import ChronologyFilter
from timeline.query.periods import Period, find_period
from timeline.query.when import WhenError, read_when


def filter_of(
    load_periods: Callable[[], Sequence[Period]],
    start: date | str | None = None,
    end: date | str | None = None,
    era: str | None = None,
    *,
    today: date | None = None,
    **options: object,
) -> ChronologyFilter:
    """A filter whose interval is [start of `start`, end of `end`) narrowed to `era`; eras come from `load_periods()`."""
    periods = list(load_periods()) if _needs_periods(start, end, era) else []
    lower = _bound(start, periods, today, "from", first=True)
    upper = _bound(end, periods, today, "to", first=False)
    if era:
        period = find_period(era, periods)
        if period is None:
            known = ", ".join(period.name for period in periods)
            hint = f"known eras: {known} (see `timeline periods list`)" if known else (
                "the database has no periods: run `timeline db upgrade`, or add one with `timeline periods add`"
            )
            raise WhenError(f"no era called {era!r}; {hint}")
        lower = max(lower, period.earliest) if lower else period.earliest
        if period.latest is not None:
            upper = min(upper, period.latest) if upper else period.latest
    return ChronologyFilter(start=lower, end=upper, **options)  # type: ignore[arg-type]


def _needs_periods(*values: object) -> bool:
    return any(isinstance(value, str) and value.strip() for value in values)


def _bound(value: date | str | None, periods, today: date | None, option: str, *, first: bool) -> date | None:  # type: ignore[no-untyped-def]
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        when = read_when(value, periods, today)
    except WhenError as error:
        raise WhenError(f"--{option}: {error}") from None
    return when.earliest if first else when.latest
