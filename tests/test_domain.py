"""The shared plain functions of the domain: one month arithmetic, and what counts as a web link."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from timeline import domain
from timeline.domain import month_start, shift_months, web_link


def test_the_examples_hold() -> None:
    assert doctest.testmod(domain).failed == 0


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT://x", "data:text/html,x", "file:///etc/passwd", "//evil.example",
                                 "http:/x", "https://", "http://a b", "vbscript:msgbox", "  ", "mailto:a@b.example"])
def test_no_web_link(url: str) -> None:
    assert web_link(url) is None


def test_month_arithmetic_carries_across_years() -> None:
    assert [month_start(2024, month) for month in (-1, 12, 25)] == [date(2023, 11, 1), date(2024, 12, 1), date(2026, 1, 1)]
    assert shift_months(date(2023, 3, 31), -1) == date(2023, 2, 28)
