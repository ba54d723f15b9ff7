"""Event categories from data/categories.toml: the first category whose cue occurs in the text."""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.vocabulary import load

STATEMENT = "statement"


@lru_cache(maxsize=1)
def categories() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(name, description, cues) of every category, in the order they are tried."""
    return tuple((entry["name"], entry["description"], tuple(cue.lower() for cue in entry["cues"])) for entry in load("categories")["category"])


def category_names() -> tuple[str, ...]:
    """The documented set of categories."""
    return tuple(name for name, _, _ in categories())


def categorise(text: str) -> str | None:
    """The category of an event's text, None when no cue occurs."""
    lowered = " ".join(text.lower().replace("’", "'").split()) + " "
    for name, pattern in _patterns():
        if pattern.search(lowered):
            return name
    return None


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, cues)) + ")")) for name, _, cues in categories())
