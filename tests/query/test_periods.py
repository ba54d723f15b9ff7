"""The bundled eras and the rules periods follow."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.query.periods import PeriodError, find_period, make_period, read_periods_file
from timeline.seeds import SEEDS_DIRECTORY

PERIODS = read_periods_file(SEEDS_DIRECTORY / "periods.toml")


@pytest.mark.parametrize(
    ("name", "earliest", "latest"),
    [
        ("Full-scale invasion", date(2022, 2, 24), None),
        ("Wagner era", date(2022, 7, 1), date(2023, 8, 24)),
        ("Wagner mutiny", date(2023, 6, 23), date(2023, 6, 25)),
        ("Kharkiv offensive of 2024", date(2024, 5, 10), date(2024, 7, 1)),
        ("Kursk incursion", date(2024, 8, 6), date(2025, 4, 27)),
        ("North Korean deployment", date(2024, 10, 1), date(2025, 4, 29)),
    ],
)
def test_bundled_eras_have_dates_aliases_and_a_description(name: str, earliest: date, latest: date | None) -> None:
    period = find_period(name, PERIODS)
    assert period is not None
    assert (period.earliest, period.latest) == (earliest, latest)
    assert period.aliases
    assert period.description and "\n" not in period.description


@pytest.mark.parametrize(
    ("typed", "name"),
    [("the invasion", "Full-scale invasion"), ("Prigozhin mutiny", "Wagner mutiny"), ("WAGNER ERA", "Wagner era"),
     ("Russia’s full-scale invasion", "Full-scale invasion"), ("DPRK deployment", "North Korean deployment")],
)
def test_found_by_alias_whatever_the_case_and_apostrophe(typed: str, name: str) -> None:
    period = find_period(typed, PERIODS)
    assert period is not None and period.name == name


def test_names_and_aliases_are_unique_across_periods() -> None:
    from timeline.query.periods import normalise_name

    seen = [normalise_name(name) for period in PERIODS for name in set(map(normalise_name, period.names))]
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [("2024-13", None, "not a valid date"), ("2024-05", "2024-04", "before start"), ("May 2024", None, "YYYY")],
)
def test_bad_periods_are_refused(start: str, end: str | None, message: str) -> None:
    with pytest.raises(PeriodError, match=message):
        make_period("Test", start, end)


def test_a_bad_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "periods.toml"
    path.write_text('[[period]]\nname = "No start"\n', encoding="utf-8")
    with pytest.raises(PeriodError, match="periods.toml: period 1 has no 'start'"):
        read_periods_file(path)
