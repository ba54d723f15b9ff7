"""Topic words of a text: lower-cased content words, stemmed by truncation, for overlap measures."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

STEM_LENGTH = 6
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words ignored by topic comparisons (from `data/stopwords.txt`)."""
    text = resources.files("timeline.text").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def topic_words(text: str) -> list[str]:
    """Content words of `text` in order: no function words, no one-letter words, stems cut to 6 letters."""
    words = []
    ignored = stopwords()
    for match in _WORD.finditer(text.lower().replace(",", "")):
        word = match.group()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if len(word) < 2 or word in ignored:
            continue
        words.append(word[:STEM_LENGTH])
    return words


def shingles(words: Iterable[str], size: int = 2) -> set[tuple[str, ...]]:
    """The set of consecutive word n-grams (shingles) of a word sequence."""
    sequence = list(words)
    return {tuple(sequence[index : index + size]) for index in range(len(sequence) - size + 1)}


def containment(part: set | frozenset, whole: set | frozenset) -> float:
    """Share of the smaller set found in the other (overlap coefficient); 0 when either is empty."""
    if not part or not whole:
        return 0.0
    smaller, larger = (part, whole) if len(part) <= len(whole) else (whole, part)
    return sum(1 for item in smaller if item in larger) / len(smaller)
