"""interval_of and the value grammar."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import interval_of, is_valid_value
from timeline.temporal.values import parse_value


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05", (date(2024, 5, 1), date(2024, 6, 1), "month")),
        ("2024-06-01", (date(2024, 6, 1), date(2024, 6, 2), "day")),
        ("2024", (date(2024, 1, 1), date(2025, 1, 1), "year")),
        ("2024-W23", (date(2024, 6, 3), date(2024, 6, 10), "week")),
        ("2024-W23-WE", (date(2024, 6, 8), date(2024, 6, 10), "weekend")),
        ("2024-SU", (date(2024, 6, 1), date(2024, 9, 1), "season")),
        ("2024-WI", (date(2024, 12, 1), date(2025, 3, 1), "season")),
        ("1989-Q3", (date(1989, 7, 1), date(1989, 10, 1), "quarter")),
        ("1989-H2", (date(1989, 7, 1), date(1990, 1, 1), "half")),
        ("199", (date(1990, 1, 1), date(2000, 1, 1), "decade")),
        ("19", (date(1900, 1, 1), date(2000, 1, 1), "century")),
        ("2025-03-31T08:10", (date(2025, 3, 31), date(2025, 4, 1), "time")),
        ("XXXX-05", (None, None, "month")),
        ("P3Y", (None, None, None)),
        ("PRESENT_REF", (None, None, None)),
        ("2024-02-30", (None, None, None)),
    ],
)
def test_interval_of(value: str, expected: tuple) -> None:
    """Each value covers the half-open interval of its granularity."""
    assert expected == interval_of(value)


@pytest.mark.parametrize("value", ["2024", "2024-05", "XXXX-05", "2024-W23", "P3Y", "PT16H", "PXY", "2024-SU", "199", "1998-01-19TNI", "2025-03-31T08:10", "FUTURE_REF"])
def test_grammar_accepts(value: str) -> None:
    """Values the tagger produces match the grammar."""
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["", "May", "2024-5", "P", "24-05-01x"])
def test_grammar_rejects(value: str) -> None:
    """Text that is not a TIMEX3 value does not match."""
    assert not is_valid_value(value)


def test_southern_seasons() -> None:
    """South of the equator, summer opens in December."""
    assert (date(2024, 12, 1), date(2025, 3, 1), "season") == interval_of("2024-SU", hemisphere="south")


@pytest.mark.parametrize(
    ("value", "fields"),
    [
        ("2024-06-01", {"kind": "calendar", "granularity": "day", "year": "2024", "month": "06", "day": "01"}),
        ("2024-W07", {"granularity": "week", "week": "07"}),
        ("2000-W7", {"granularity": "week", "week": "7"}),
        ("2024-W23-WE", {"granularity": "weekend", "weekday": "WE"}),
        ("2024-FA", {"granularity": "season", "part": "FA"}),
        ("2024-Q3", {"granularity": "quarter", "part": "Q3"}),
        ("BC0044", {"granularity": "year", "era": "BC", "year": "0044"}),
        ("199", {"granularity": "decade", "year": "199"}),
        ("XXXX-05", {"granularity": "month", "month": "05", "known": False}),
        ("2003-03-19T21:34-05", {"granularity": "time", "time": "T21:34", "zone": "-05"}),
        ("2016-01-27T09:45Z", {"granularity": "time", "zone": "Z"}),
        ("P3Y", {"kind": "duration", "granularity": None}),
        ("PAST_REF", {"kind": "ref"}),
    ],
)
def test_parse_value(value: str, fields: dict) -> None:
    """One reading of a value gives its fields."""
    parsed = parse_value(value)
    assert parsed is not None
    assert fields == {name: getattr(parsed, name) for name in fields}


@pytest.mark.parametrize("value", ["2024-AU", "2024-06TNI", "BC2024-06", "2024-Q3T10:00", "2024-06-01Z", "24-06"])
def test_parse_value_refuses_what_is_not_a_value(value: str) -> None:
    """A season spelt otherwise, a time on a month, an era on a month, a zone without a time are not values."""
    assert parse_value(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("XXXX-02-07", True), ("XXXX-05", True), ("XXXX-SU", True), ("XXXX-XX-XX", False), ("XXXX-05-XX", False),
     ("2024-05", False), ("XXXX-W05", False), ("XXXX", False), ("XXXX-02-07TNI", False)],
)
def test_only_year_unknown(value: str, expected: bool) -> None:
    """A day, month or season whose year alone is unknown."""
    parsed = parse_value(value)
    assert parsed is not None and expected == parsed.only_year_unknown
