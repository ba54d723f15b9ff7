"""Split text into sentences with character offsets into the original text."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from timeline.domain import Sentence, Span

_END = r"(?<![.!?…])[.!?…]++[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
"""A run of end punctuation, tried once from its first character and never backtracked into: a sentence
boundary takes the whole run or none of it, so a run of 10,000 dots costs linear time, not quadratic."""
_BOUNDARY = re.compile(rf"{_END}|\n\s*\n|\n")
_PARAGRAPH_BOUNDARY = re.compile(rf"{_END}|\n\s*\n")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Words that end in a full stop without ending a sentence (from `data/abbreviations.txt`)."""
    text = resources.files("timeline.text").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def split_sentences(text: str, start: int = 0, end: int | None = None, *, wrapped: bool = False) -> list[Sentence]:
    """Sentences of `text[start:end]`, trimmed of surrounding white space, with absolute offsets.

    Every line break ends a sentence, unless the text is `wrapped` (hard-wrapped
    prose, where a single line break is only a space).
    """
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    cursor = start
    for match in (_PARAGRAPH_BOUNDARY if wrapped else _BOUNDARY).finditer(text, start, end):
        if match.group().strip() and _is_abbreviation(text, cursor, match.start(), match.group()):
            continue
        _append(sentences, text, cursor, match.end())
        cursor = match.end()
    _append(sentences, text, cursor, end)
    return sentences


def _is_abbreviation(text: str, cursor: int, at: int, punctuation: str) -> bool:
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return False
    # the last word is the run of letters and dots ending at the full stop: searching only there, not from the
    # sentence's start, keeps a long run of abbreviations ("A. B. C. ...") linear
    begin = at
    while begin > cursor and text[begin - 1] in _WORD_CHARACTERS:
        begin -= 1
    word = _LAST_WORD.search(text, begin, at + 1)
    if word is None:
        return False
    token = word.group(1).lower()
    return token in abbreviations() or (len(token) == 1 and token.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


def segment_sentences(text: str, segment: Span) -> list[Sentence]:
    """Sentences of one segment: a segment spanning several lines is wrapped prose (see text.segment)."""
    return split_sentences(text, segment.start, segment.end, wrapped="\n" in text[segment.start : segment.end])
