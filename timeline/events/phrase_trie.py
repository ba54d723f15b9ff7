"""Many phrases, one compiled regex: the phrases' characters as a trie, so that one scan finds the longest phrase at each word start."""

from __future__ import annotations

import re
from collections.abc import Iterable

APOSTROPHES = "'’"
WORD_END = r"(?![\w/])"


def normalise(phrase: str) -> str:
    """The form phrases are compared in: lower case, one apostrophe, single spaces."""
    return " ".join(phrase.lower().replace("’", "'").split())


def trie_pattern(phrases: Iterable[tuple[str, str]], exact_spaces: bool = False) -> re.Pattern[str]:
    """A case-insensitive regex matching any of the (phrase, tail) pairs at a word start, the longest phrase first.

    `tail` is a regex that must follow the phrase (WORD_END for a whole word, "" for none). Spaces
    in a phrase match any run of whitespace and an apostrophe matches either apostrophe. Because
    every branch of a trie begins with a different character, the regex engine's first success
    is the longest phrase that fits. With `exact_spaces` a phrase is taken as written (in lower
    case): each space matches one space, and a trailing space is kept.
    """
    root: dict = {}
    for phrase, tail in phrases:
        node = root
        for char in (phrase.lower() if exact_spaces else normalise(phrase)):
            node = node.setdefault(char, {})
        node[None] = tail
    if not root:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w/])" + _regex(root, exact_spaces), re.IGNORECASE)


def _atom(char: str, exact_spaces: bool) -> str:
    if char == " ":
        return " " if exact_spaces else r"\s+"
    if char == "'":
        return f"[{APOSTROPHES}]"
    return re.escape(char)


def _regex(node: dict, exact_spaces: bool = False) -> str:
    branches = [_atom(char, exact_spaces) + _regex(child, exact_spaces) for char, child in sorted((c, n) for c, n in node.items() if c is not None)]
    if None in node:
        branches.append(node[None])
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
