"""Split text into sentences with character offsets into the original text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from timeline.domain import Sentence, Span

_END = r"(?<![.!?…])[.!?…]++[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
"""A run of end punctuation, tried once from its first character and never backtracked into: a sentence
boundary takes the whole run or none of it, so a run of 10,000 dots costs linear time, not quadratic."""
_GLUED = r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])"
"""Two sentences run together without a space ("in his home Monday.Leaving the scene"): a word of at least two
lower-case letters, end punctuation, then a capitalised word. Initials, "U.S." and "p.m." never match, nor do
domain names ("news.com"), whose next word is lower-case."""
_BOUNDARY = re.compile(rf"{_END}|{_GLUED}|\n\s*\n|\n")
_PARAGRAPH_BOUNDARY = re.compile(rf"{_END}|{_GLUED}|\n\s*\n")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Words that end in a full stop without ending a sentence (from `data/abbreviations.txt`)."""
    text = resources.files("timeline.text").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, wrapped: bool = False, unbroken: Sequence[Span] = ()
) -> list[Sentence]:
    """Sentences of `text[start:end]`, trimmed of surrounding white space, with absolute offsets.

    Every line break ends a sentence, unless the text is `wrapped` (hard-wrapped
    prose, where a single line break is only a space). No sentence ends inside one of
    the `unbroken` spans (sorted by start): a temporal expression such as "7 a.m. Tuesday"
    or "Sept. 8" is one expression, so its full stop ends no sentence.
    """
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    cursor = start
    inside = _Inside(unbroken)
    for match in (_PARAGRAPH_BOUNDARY if wrapped else _BOUNDARY).finditer(text, start, end):
        if match.group().strip() and _is_abbreviation(text, cursor, match.start(), match.group()):
            continue
        if match.group() != "\n" and inside(match.start()):
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


def segment_sentences(text: str, segment: Span, unbroken: Sequence[Span] = ()) -> list[Sentence]:
    """Sentences of one segment: a segment spanning several lines is wrapped prose (see text.segment)."""
    wrapped = "\n" in text[segment.start : segment.end]
    return split_sentences(text, segment.start, segment.end, wrapped=wrapped, unbroken=unbroken)


class _Inside:
    """Is a position strictly inside one of the spans (sorted by start)? Asked with positions that never decrease."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = spans
        self.index = 0

    def __call__(self, position: int) -> bool:
        spans = self.spans
        while self.index < len(spans) and spans[self.index].end <= position:
            self.index += 1
        for span in spans[self.index : self.index + 4]:
            if span.start > position:
                break
            if span.start <= position < span.end - 1:
                return True
        return False
