"""Event categories from data/categories.toml: the first category (in the file's order) whose cue occurs in the text."""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.phrase_trie import trie_pattern
from timeline.events.vocabulary import load

STATEMENT = "statement"
_NOT_WORD = re.compile(r"[^\w'-]+")


@lru_cache(maxsize=1)
def categories() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(name, description, cues) of every category, in the order they are tried."""
    return tuple((entry["name"], entry["description"], tuple(cue.lower() for cue in entry["cues"])) for entry in load("categories")["category"])


def category_names() -> tuple[str, ...]:
    """The documented set of categories."""
    return tuple(name for name, _, _ in categories())


def categorise(text: str) -> str | None:
    """The category of an event's text, None when no cue occurs."""
    pattern, rank_of = _cues()
    lowered = " " + _NOT_WORD.sub(" ", text.lower().replace("’", "'")) + " "
    best: int | None = None
    for match in pattern.finditer(lowered):
        rank = rank_of[match.group()]
        if best is None or rank < best:
            best = rank
            if rank == 0:
                break
    return categories()[best][0] if best is not None else None


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], dict[str, int]]:
    """Every cue of every category in one regex, and the rank of the category each cue belongs to (its first)."""
    rank_of: dict[str, int] = {}
    for rank, (_, _, cues) in enumerate(categories()):
        for cue in cues:
            rank_of.setdefault(cue, rank)
    return trie_pattern(((cue, "") for cue in rank_of), exact_spaces=True), rank_of
