"""--from / --to values read the way people type them."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.query.when import WhenError, parse_when


@pytest.mark.parametrize(
    ("typed", "interval"),
    [
        ("2022", (date(2022, 1, 1), date(2023, 1, 1))),
        ("2022-06", (date(2022, 6, 1), date(2022, 7, 1))),
        ("2022-06-10", (date(2022, 6, 10), date(2022, 6, 11))),
        ("June 2022", (date(2022, 6, 1), date(2022, 7, 1))),
        ("dec 2024", (date(2024, 12, 1), date(2025, 1, 1))),
        ("10 June 2022", (date(2022, 6, 10), date(2022, 6, 11))),
        ("June 10, 2022", (date(2022, 6, 10), date(2022, 6, 11))),
    ],
)
def test_reads(typed: str, interval: tuple[date, date]) -> None:
    assert parse_when(typed) == interval


@pytest.mark.parametrize("typed", ["soon", "2022-13", "Juneteenth 2022"])
def test_refuses_with_help(typed: str) -> None:
    with pytest.raises(WhenError):
        parse_when(typed)
