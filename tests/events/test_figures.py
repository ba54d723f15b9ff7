"""Figures as claims: value or range, qualifier, unit, rate."""

from __future__ import annotations

import pytest

from timeline.events.figures import find_claims, parse_number
from timeline.events.vocabulary import load


def claims(text: str):  # type: ignore[no-untyped-def]
    return find_claims(text, 0, len(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200", 1200),
        ("38,940", 38940),
        ("ten thousand", 10000),
        ("1.5 million", 1500000),
        ("two hundred", 200),
        ("500,000", 500000),
    ],
)
def test_numbers(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "bound", "low", "high", "qualifier", "unit"),
    [
        ("Russia suffered more than 45,000 casualties.", "more than 45,000 casualties", "lower", 45000, None, "more than", "casualties"),
        ("in at least 21 countries, including", "at least 21 countries", "lower", 21, None, "at least", "countries"),
        ("There are 35,000 to 37,000 African students in Russia", "35,000 to 37,000 African students", "range", 35000, 37000, None, "students"),
        ("about 400 young Nepali men who had been recruited", "about 400 young Nepali men", "approx", 400, 400, "about", "people"),
        ("North Korea had sent approximately ten thousand troops to", "approximately ten thousand troops", "approx", 10000, 10000, "approximately", "soldiers"),
        ("a voluntary drive that has attracted tens of thousands of new recruits", "tens of thousands of new recruits", "magnitude", 10000, 100000, "tens of thousands", "recruits"),
        ("supplied Russia with hundreds of Yemeni mercenaries.", "hundreds of Yemeni mercenaries", "magnitude", 100, 1000, "hundreds", "recruits"),
        ("Moscow has recruited over 1,500 foreign volunteers", "over 1,500 foreign volunteers", "lower", 1500, None, "over", "recruits"),
        ("estimates ranging from a few thousand to 15,000 enlisted", "from a few thousand to 15,000 enlisted", "range", 2000, 15000, "a few thousand", "recruits"),
    ],
)
def test_claims(text: str, figure: str, bound: str, low: float, high: float | None, qualifier: str | None, unit: str) -> None:
    [claim] = claims(text)
    assert (claim.text, claim.bound, claim.low, claim.high, claim.qualifier, claim.unit) == (figure, bound, low, high, qualifier, unit)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("The military lost more than 1,200 people a day last month", "P1D"),
        ("over 1,200 casualties per day in May", "P1D"),
        ("about 10,000 Russian troops a month are being killed", "P1M"),
        ("over 1,200 soldiers each day", "P1D"),
    ],
)
def test_rates(text: str, rate: str) -> None:
    [claim] = claims(text)
    assert claim.rate == rate and claim.low in (1200, 10000)


def test_unit_from_the_noun_before_the_number() -> None:
    [claim] = claims("Russian troop losses in May reached 38,940, marking the highest monthly figure")
    assert (claim.value, claim.unit, claim.measure, claim.rate) == (38940, "soldiers", "losses", None)


@pytest.mark.parametrize(
    "text",
    ["Ukrainian losses are five times higher", "ending a 200-year-old tradition", "one European official said", "Kharkiv, the second-largest city"],
)
def test_not_figures(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("name", "example"),
    [(entry["name"], example) for entry in load("figures")["not_figure"] for example in entry["examples"]],
)
def test_every_class_of_non_figures_yields_none(name: str, example: str) -> None:
    assert claims(example) == [], (name, [claim.text for claim in claims(example)])


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("In Dayton, 12 people were hurt.", "12 people"),
        ("Police said 3 people were shot on Main Street.", "3 people"),
        ("About 40 soldiers died near the base on Monday.", "About 40 soldiers"),
        ("Thousands of residents fled the town.", "Thousands of residents"),
        ("The company hired 2,000 workers in May.", "2,000 workers"),
    ],
)
def test_counts_beside_the_classes_stay_figures(text: str, figure: str) -> None:
    assert [claim.text for claim in claims(text)] == [figure]
