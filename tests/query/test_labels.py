"""Date labels show the true precision of the value."""

from __future__ import annotations

import pytest

from timeline.query.labels import date_label


@pytest.mark.parametrize(
    ("value", "mod", "label"),
    [
        ("2024-05", None, "May 2024"),
        ("2024-06-01", None, "1 Jun 2024"),
        ("2024", None, "2024"),
        ("2024-SU", None, "Summer 2024"),
        ("2024-Q3", None, "Q3 2024"),
        ("2024", "END", "late 2024"),
        ("2023-04/2024-05", None, "April 2023 to May 2024"),
        ("202", None, "2020s"),
        ("2024-W23", None, "week 23 of 2024"),
    ],
)
def test_label(value: str, mod: str | None, label: str) -> None:
    assert date_label(value, mod) == label

