"""Column types: calendar dates kept as ISO-8601 text so they read naturally in any SQL tool."""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class IsoDate(TypeDecorator[date]):
    """A `datetime.date` stored as `YYYY-MM-DD` text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | str | None, dialect: object) -> str | None:
        """Write a date as ISO text."""
        if value is None:
            return None
        if isinstance(value, str):
            return date.fromisoformat(value).isoformat()
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect: object) -> date | None:
        """Read ISO text back as a date."""
        return None if value is None else date.fromisoformat(value)
