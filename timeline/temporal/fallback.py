"""dateparser as the engine for phrases the rules hand over (imported lazily, answers cached)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=16)
def _parser(base: date, date_order: str) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
            "DATE_ORDER": date_order,
        },
    )


@lru_cache(maxsize=4096)
def parse_phrase(text: str, base: date, date_order: str = "MDY") -> tuple[date, str] | None:
    """The day and the period (`day`, `week`, `month`, `year`, `time`) dateparser reads in a phrase, relative to `base`."""
    data = _parser(base, date_order).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"
