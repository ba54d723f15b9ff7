"""--from / --to values read the way people type them: dates, seasons, relative dates, eras."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.query.periods import read_periods_file
from timeline.query.when import WhenError, parse_when, read_when
from timeline.seeds import SEEDS_DIRECTORY

PERIODS = read_periods_file(SEEDS_DIRECTORY / "periods.toml")
TODAY = date(2026, 11, 22)


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


@pytest.mark.parametrize(
    ("typed", "earliest", "latest"),
    [
        ("summer 2024", date(2024, 6, 1), date(2024, 9, 1)),
        ("Summer 2024", date(2024, 6, 1), date(2024, 9, 1)),
        ("2024-SU", date(2024, 6, 1), date(2024, 9, 1)),
        ("winter 2024", date(2024, 12, 1), date(2025, 3, 1)),
        ("Q3 2024", date(2024, 7, 1), date(2024, 10, 1)),
        ("last year", date(2025, 1, 1), date(2026, 1, 1)),
        ("this year", date(2026, 1, 1), date(2027, 1, 1)),
        ("last month", date(2026, 10, 1), date(2026, 11, 1)),
        ("the 2020s", date(2020, 1, 1), date(2030, 1, 1)),
        ("Wagner era", date(2022, 7, 1), date(2023, 8, 24)),
        ("the Wagner era", date(2022, 7, 1), date(2023, 8, 24)),
        ("wagner mutiny", date(2023, 6, 23), date(2023, 6, 25)),
        ("North Korean deployment", date(2024, 10, 1), date(2025, 4, 29)),
        ("Kursk offensive", date(2024, 8, 6), date(2025, 4, 27)),
        ("full-scale invasion", date(2022, 2, 24), None),
    ],
)
def test_reads_phrases_relative_dates_and_eras(typed: str, earliest: date, latest: date | None) -> None:
    when = read_when(typed, PERIODS, TODAY)
    assert (when.earliest, when.latest) == (earliest, latest)


def test_relative_dates_count_from_the_given_day() -> None:
    assert read_when("last year", PERIODS, date(2023, 3, 1)).earliest == date(2022, 1, 1)


def test_an_era_is_named_as_such() -> None:
    when = read_when("Kharkiv offensive", PERIODS, TODAY)
    assert when.how == "era" and when.period is not None and when.period.name == "Kharkiv offensive of 2024"


@pytest.mark.parametrize("typed", ["soon", "2022-13", "Juneteenth 2022", "", "the Narnia era"])
def test_refuses_with_help(typed: str) -> None:
    with pytest.raises(WhenError) as error:
        read_when(typed, PERIODS, TODAY)
    assert "era" in str(error.value)
