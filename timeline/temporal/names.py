"""Names that look like times: a quoted title, the Winter War, the Six-Day War, Orion 1980, Theresa May."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from timeline.temporal.match import Candidate
from timeline.temporal.rules import load_language, normalize, vocabulary


def is_name(text: str, candidate: Candidate) -> bool:
    """Whether a candidate is part of a name or a title rather than a time."""
    return _is_quoted_title(text, candidate.start, candidate.end) or _is_name(text, candidate)


_OPENING_QUOTES = ('"', "“", "``", "''", "‘")
_QUOTED = re.compile(r"""([^"”'`\n]{1,80}?)[,.!?]?(?:["”’]|'')""")


def _title_word() -> re.Pattern[str]:
    """A word a title may hold: capitalised, a number, or one of the small words of the vocabulary."""
    return vocabulary("title_small_word", r"[A-Z0-9][\w\-.'’]*|{}", 0)


def _is_quoted_title(text: str, start: int, end: int) -> bool:
    """A quotation of two or more words, each capitalised but the small ones, opening with the match: a title.

    ABC's "This Week", CBS's "60 Minutes", the "Spring of Life" demonstrations.
    """
    if not text[max(0, start - 2) : start].endswith(_OPENING_QUOTES):
        return False
    quoted = _QUOTED.match(text, start)
    if quoted is None or quoted.end(1) < end:
        return False
    words = quoted.group(1).split()
    return len(words) >= 2 and not words[0][0].islower() and all(_title_word().fullmatch(word) for word in words)


_NEXT_NAME = re.compile(r"\s+[A-Z][a-z]")
_PREVIOUS_NAME = re.compile(r"(?<![.!?:;\n\"“‘(])\s+[A-Z][\w\-]*\s+$")


_NAME_BEFORE_YEAR = re.compile(r"(?<=[a-z,] )(?-i:[A-Z][a-z]+) $")


def _is_name(text: str, candidate: Candidate) -> bool:
    """A season or a year that is part of a name: the Winter War, a venture called Orion 1980."""
    if candidate.rule.name == "year":  # a bare year right after a capitalised word inside a sentence
        digits = re.search(r"[0-9]", candidate.text)  # the year itself, after a premodifier ("early in 1862")
        if digits is not None and digits.start() > 0:
            return False
        return _NAME_BEFORE_YEAR.search(text, max(0, candidate.start - 30), candidate.start) is not None
    if candidate.rule.name == "month":
        return _is_month_name(text, candidate)
    if candidate.rule.resolver == "duration":
        return _is_length_name(text, candidate)
    return _is_season_name(text, candidate)


_CAPITALISED_LENGTH = re.compile(r"(?:[Tt]he\s+)?[A-Z][a-z]+(?:[\s\-][A-Z][a-z]+)*")
_NAME_AFTER_LENGTH = re.compile(r"(?:['’]s?)?\s+[A-Z][a-z]")


def _is_month_name(text: str, candidate: Candidate) -> bool:
    """A month that is also a name, right after a capitalised word that is not a preposition or the like: Theresa May."""
    name_months, not_names = name_words()
    if candidate.text not in name_months:
        return False
    found = _NAME_BEFORE_MONTH.search(text, max(0, candidate.start - 30), candidate.start)
    return found is not None and found.group(1).lower() not in not_names


def _is_length_name(text: str, candidate: Candidate) -> bool:
    """A length written in capitals before a capitalised word names something: the Thirty Years' War, the Six-Day War."""
    return bool(_CAPITALISED_LENGTH.fullmatch(candidate.text) and _NAME_AFTER_LENGTH.match(text, candidate.end))


NAMES_FILE = Path(__file__).resolve().parent / "data" / "names.toml"
_NAME_BEFORE_MONTH = re.compile(r"\b([A-Z][a-z]+)\.? $")


@cache
def name_words(path: Path = NAMES_FILE) -> tuple[frozenset[str], frozenset[str]]:
    """The months that are also names, and the capitalised words before a month that do not make it one."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(data["name_months"]), frozenset(word.lower() for word in data["not_names"])


def _is_season_name(text: str, candidate: Candidate) -> bool:
    """A capitalised bare season next to another capitalised word is part of a name, not a time.

    The Winter War, the Summer Olympics, the Autumn Statement, the Arab Spring, the Prague Spring.
    """
    if candidate.rule.resolver != "season" or "year" in candidate.frame:
        return False
    words = candidate.text.split()
    if len(words) > 2 or (len(words) == 2 and words[0].lower() != "the") or not words[-1][:1].isupper():
        return False
    if normalize(words[-1]) not in load_language().fragments["season"].values:
        return False
    if _NEXT_NAME.match(text, candidate.end):
        return True
    return _PREVIOUS_NAME.search(text, max(0, candidate.start - 40), candidate.start) is not None
