"""People, places and organisations of any article: each data file's examples, keys shared across articles, later mentions."""

from __future__ import annotations

import pytest

from timeline.events.entities import find_actors
from timeline.events.gazetteer import default_gazetteer
from timeline.events.vocabulary import load


def keys(text: str, kind: str | None = None) -> list[str]:
    return [match.actor.key for match in find_actors(text, default_gazetteer()).matches if kind is None or match.actor.kind == kind]


def people(text: str) -> list[str]:
    return keys(text, "person")


@pytest.mark.parametrize("example", load("places")["examples"], ids=lambda example: example["text"][:40])
def test_places_examples(example: dict) -> None:
    assert keys(example["text"], "place") + keys(example["text"], "country") == example["keys"]


@pytest.mark.parametrize("example", load("people")["examples"], ids=lambda example: example["text"][:40])
def test_people_examples(example: dict) -> None:
    assert people(example["text"]) == example["keys"]


@pytest.mark.parametrize(
    ("entry", "example"),
    [(entry, example) for entry in load("organisation_shapes")["type"] for example in entry["examples"]],
    ids=lambda value: value if isinstance(value, str) else value["name"],
)
def test_organisation_examples(entry: dict, example: str) -> None:
    organisations = keys(example, "organisation")
    assert organisations, example
    if entry["jurisdiction"]:
        assert any(key.endswith(entry["name"]) or "-" in key for key in organisations), organisations


def test_one_sheriff_place_and_city_keys_shared_across_articles() -> None:
    first = keys("The Harris County Sheriff's Office said a deputy shot a man in Houston on Friday.")
    second = keys("Harris County sheriff's deputies were called to a home in Houston, Texas, on Friday.")
    shared = set(first) & set(second)
    assert {"us-tx-harris-county-sheriff", "us-tx-harris-county", "us-tx-houston"} <= shared


def test_the_same_police_department_however_it_is_named() -> None:
    names = ["Stockton police said", "the Stockton Police Department said", "a Stockton Police Dept. officer said", "Stockton PD said"]
    assert {key for text in names for key in keys(text, "organisation")} == {"us-ca-stockton-police"}


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    text = "Carla Mendez, 31, was arrested on Tuesday. Deputies said Mendez had a gun. Mendez’s lawyer declined to comment."
    assert people(text) == ["carla-mendez"] * 3


def test_a_surname_shared_by_two_people_stays_unresolved() -> None:
    text = "Tom Bridger and Anna Bridger ran the shop. Bridger said it was closed."
    assert people(text) == ["tom-bridger", "anna-bridger"]


def test_bare_police_is_the_department_the_article_names() -> None:
    text = "Dayton police were called at noon. Police said the man fled."
    assert keys(text, "organisation") == ["us-oh-dayton-police", "us-oh-dayton-police"]


def test_bare_police_without_a_named_department_is_no_actor() -> None:
    assert keys("Police said the man fled on foot.", "organisation") == []


def test_the_state_of_the_article_decides_which_place() -> None:
    assert "us-il-springfield" in keys("Springfield police said the road was closed. Illinois troopers helped.")
    assert "us-ma-springfield" in keys("The crash in Springfield was the third in Massachusetts this year.")


def test_an_everyday_word_is_no_place_without_context() -> None:
    assert keys("Police said the mobile home was empty. Reading the note, she cried.", "place") == []


def test_titles_give_people_and_offices() -> None:
    found = keys("Harris County Sheriff Ed Gonzalez said the deputy was hurt.")
    assert "ed-gonzalez" in found and "us-tx-harris-county-sheriff" in found and "us-tx-harris-county" in found


def test_gazetteer_entries_keep_their_keys() -> None:
    assert keys("Russian President Vladimir Putin met officials in Moscow.")[:1] == ["vladimir-putin"]
    assert "russia" in keys("Russian President Vladimir Putin met officials in Moscow.")


def test_keys_are_short_enough_to_store() -> None:
    text = "The Very Long Named Independent Consolidated Metropolitan Regional Unified School District Board of Trustees met."
    assert all(len(key) <= 64 for key in keys(text))


def test_found_actors_are_looked_up_by_span() -> None:
    text = "Ann Lee said it. Dayton police agreed."
    actors = find_actors(text, default_gazetteer())
    assert [match.actor.key for match in actors.within(0, 16)] == ["ann-lee"]
    assert [match.actor.key for match in actors.within(17, len(text))] == ["us-oh-dayton-police", "us-oh-dayton"]


def test_an_organisation_named_with_of_stays_whole() -> None:
    assert keys("She was taken to Our Lady of the Lake Medical Center on Friday.", "organisation") == ["our-lady-of-the-lake-medical-center"]
    assert people("Chief David Perkins of the Aransas Pass Police Department said so.") == ["david-perkins"]


def test_a_street_is_no_court() -> None:
    assert keys("Police cars filled Little Leaf Court around 2 a.m.", "organisation") == []


def test_names_after_a_glued_full_stop_and_state_abbreviations() -> None:
    assert keys("The girl was named on Sunday.Dayton police said she was 4.", "organisation") == ["us-oh-dayton-police"]
    assert keys("Lawmakers in N.C. met on Monday.", "place") == ["us-nc"]
