"""The events stage's data files: vocabularies read once per process from `timeline/events/data`."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

APOSTROPHES = "'’"


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed TOML data file `data/<name>.toml`."""
    text = resources.files("timeline.events").joinpath(f"data/{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def phrase_pattern(phrase: str) -> str:
    """A regex for a phrase: flexible spaces, either apostrophe, a first letter in either case."""
    parts = []
    for index, char in enumerate(phrase):
        if char in APOSTROPHES:
            parts.append(f"[{APOSTROPHES}]")
        elif char == " ":
            parts.append(r"\s+")
        elif index == 0 and char.isalpha():
            parts.append(f"[{char.upper()}{char.lower()}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """One regex alternative per phrase, longest first so that the longest phrase wins."""
    return "|".join(phrase_pattern(phrase) for phrase in sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase)))
