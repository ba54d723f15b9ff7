"""Roles of actors: each example of data/roles.toml gives its actor the role it states."""

from __future__ import annotations

import pytest

from timeline.events.entities import find_actors
from timeline.events.gazetteer import default_gazetteer
from timeline.events.roles import assign_roles
from timeline.events.vocabulary import load


@pytest.mark.parametrize("example", load("roles")["examples"], ids=lambda example: example["text"][:40])
def test_every_example_gives_its_role(example: dict) -> None:
    text = example["text"]
    actors = find_actors(text, default_gazetteer()).matches
    roles = {(actor.key, actor.role) for actor in assign_roles(text, 0, len(text), list(actors), None)}
    assert (example["actor"], example["role"]) in roles, roles


def test_a_place_is_never_the_agent() -> None:
    text = "Dayton police arrested a man on Friday."
    roles = {(actor.key, actor.role) for actor in assign_roles(text, 0, len(text), list(find_actors(text, default_gazetteer()).matches), None)}
    assert ("us-oh-dayton", "mentioned") in roles and ("us-oh-dayton-police", "agent") in roles
