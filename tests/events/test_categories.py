"""Categories: a documented set kept as data for news of any subject, each proved by its examples."""

from __future__ import annotations

import pytest

from timeline.events.categories import categories, categorise, category_names
from timeline.events.vocabulary import load


def test_the_documented_set() -> None:
    assert category_names() == (
        "mobilisation", "commemoration", "protest", "courts", "crime", "accidents", "casualties", "coercion", "citizenship",
        "deployment", "recruitment", "combat", "politics", "economy", "health", "education", "sport", "statement",
    )
    assert all(description for _, description, _ in categories())


@pytest.mark.parametrize("entry", load("categories")["category"], ids=lambda entry: entry["name"])
def test_every_example_gets_its_category(entry: dict) -> None:
    assert len(entry["examples"]) >= 1
    for example in entry["examples"]:
        assert categorise(example) == entry["name"], example


def test_cues_start_words() -> None:
    assert categorise("Africans and Nepalis were represented among them") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The courtyard was full of flowers.", None),
        ("The taxi waited outside the station.", None),
        ("He appeared in court.", "courts"),
        ("A vigil was held for the victims of the shooting on Friday.", "commemoration"),
        ("The man accused of the shooting was charged on Monday.", "courts"),
        ("The storm knocked out power to 40,000 homes.", "accidents"),
        ("The crowd stormed the building.", None),
    ],
)
def test_whole_word_cues_and_order(text: str, expected: str | None) -> None:
    assert categorise(text) == expected
