"""The tagger's work grows linearly with its input, pathological repetitions included.

Work is counted, not timed: Python function calls (deterministic for the same input once the
caches are warm) and the characters handed to the tense-cue patterns around each mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import timeline.temporal.match as match
from timeline.domain import PublicationDate
from timeline.temporal import tag

from tests.call_counting import GROWTH, PATHOLOGICAL_UNITS, calls, repeat

DCT = PublicationDate(2024, 6, 10)
SIZE = 1_500
UNITS = {
    **PATHOLOGICAL_UNITS,
    "repeated weekday phrase": "Wednesday last week, ",
    "no spaces": "May2024June2025",
    "digits and hyphens": "2024-05-",
    "whitespace runs": "May" + " " * 40 + "2024 \t\n",
}


def tag_calls(text: str) -> int:
    """Calls made tagging `text` against the DCT."""
    return calls(lambda: tag(text, DCT))


@pytest.mark.parametrize("name", sorted(UNITS))
def test_tagging_work_grows_linearly(name: str) -> None:
    once, twice = repeat(UNITS[name], SIZE), repeat(UNITS[name], 2 * SIZE)
    tag(twice, DCT)  # warm the caches of the rules and of the resolvers
    assert tag_calls(twice) <= GROWTH * max(tag_calls(once), 50)


class CountingPattern:
    """A compiled pattern that records how many characters its searches are given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.characters = 0

    def _count(self, text: str, pos: int, endpos: int | None) -> int:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.characters += max(0, end - pos)
        return end

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The wrapped pattern's search."""
        return self.pattern.search(text, pos, self._count(text, pos, endpos))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """The wrapped pattern's finditer."""
        return self.pattern.finditer(text, pos, self._count(text, pos, endpos))


@pytest.mark.parametrize("unit", ["May ", "in May 2024, ", "Wednesday last week, "])
def test_tense_cues_are_read_in_a_bounded_window_around_each_mention(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = match.cues()
    patterns = {name: CountingPattern(getattr(compiled, name)) for name in compiled._fields}
    patterns["_SENTENCE_END"] = CountingPattern(match._SENTENCE_END)
    counting = match.Cues(**{name: patterns[name] for name in compiled._fields})
    monkeypatch.setattr(match, "cues", lambda language="en": counting)
    monkeypatch.setattr(match, "_SENTENCE_END", patterns["_SENTENCE_END"])
    monkeypatch.setattr(match, "_tense_between", match._tense_between.__wrapped__)  # every window read, none remembered
    read = []
    for size in (SIZE, 2 * SIZE):
        for counter in patterns.values():
            counter.characters = 0
        mentions = tag(repeat(unit, size), DCT)
        read.append(sum(counter.characters for counter in patterns.values()))
        assert read[-1] <= 1_000 * max(1, len(mentions))  # a fixed window per mention, never the text before it
    assert read[1] <= GROWTH * read[0]


def test_a_repeated_phrase_reads_its_tense_once() -> None:
    match._tense_between.cache_clear()
    text = repeat("May ", 4 * SIZE)
    assert match.tense_around(text, 400, 403) == match._tense_between.__wrapped__(text[250:400], text[403:503])
    mentions = tag(text, DCT)
    assert len(mentions) > 1_000 and match._tense_between.cache_info().currsize < 100


def test_the_context_kept_with_a_candidate_is_bounded() -> None:
    text = repeat("May ", 4 * SIZE)
    candidates = match.matcher_for("en").find(text)
    assert candidates and max(len(candidate.before) for candidate in candidates) <= 40

