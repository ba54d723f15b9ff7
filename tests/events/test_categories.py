"""Categories: a documented set kept as data, each proved by its examples."""

from __future__ import annotations

from timeline.events.categories import categories, categorise, category_names
from timeline.events.vocabulary import load


def test_the_documented_set() -> None:
    assert category_names() == ("mobilisation", "casualties", "coercion", "citizenship", "deployment", "recruitment", "combat", "statement")
    assert all(description for _, description, _ in categories())


def test_every_example_gets_its_category() -> None:
    for entry in load("categories")["category"]:
        for example in entry["examples"]:
            assert categorise(example) == entry["name"], example


def test_cues_start_words() -> None:
    assert categorise("Africans and Nepalis were represented among them") is None
