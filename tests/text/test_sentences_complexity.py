"""Sentence splitting stays linear on runs of punctuation and on long chains of abbreviations."""

from __future__ import annotations

import re

import pytest

import timeline.text.sentences as sentences
from timeline.text.sentences import split_sentences

SIZE = 4_000


class CountingPattern:
    """A compiled pattern that records how many characters each search is given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.characters = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The wrapped pattern's search, counting the characters between `pos` and `endpos`."""
        end = len(text) if endpos is None else endpos
        self.characters += max(0, end - pos)
        return self.pattern.search(text, pos, end)


def characters_searched(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Characters the abbreviation check searched while splitting `text`."""
    counter = CountingPattern(sentences._LAST_WORD)
    with monkeypatch.context() as patch:
        patch.setattr(sentences, "_LAST_WORD", counter)
        split_sentences(text)
    return counter.characters


@pytest.mark.parametrize("unit", ["A. ", "Mr. ", "U.S. ", "Gen. ", "Jan. Feb. "])
def test_abbreviation_check_reads_only_the_last_word(unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    once = characters_searched(unit * (SIZE // len(unit)), monkeypatch)
    twice = characters_searched(unit * (2 * SIZE // len(unit)), monkeypatch)
    assert 0 < once and twice <= 2.2 * once


def test_a_chain_of_abbreviations_stays_one_sentence() -> None:
    text = "A. " * 1_000 + "Then"
    assert [s.text for s in split_sentences(text)] == [text]


@pytest.mark.parametrize("run", [".", "!", "?", "…", "?!", ".!?…"])
def test_a_boundary_takes_a_whole_run_of_punctuation_or_none_of_it(run: str) -> None:
    text = "Wait" + run * 500 + " Then" + run * 500 + "x" + run * 500
    assert [s.text for s in split_sentences(text)] == ["Wait" + run * 500, "Then" + run * 500 + "x" + run * 500]
    assert [m.start() for m in sentences._BOUNDARY.finditer(text)] == [4]


def test_a_boundary_is_tried_only_at_the_first_mark_of_a_run() -> None:
    assert sentences._BOUNDARY.match("... Then", 1) is None
    assert sentences._BOUNDARY.match("... Then", 0).group() == "..."  # type: ignore[union-attr]


def test_punctuation_and_quotes_close_a_sentence_as_before() -> None:
    text = "He asked “why?!” Nobody knew... Really.) Yes"
    assert [s.text for s in split_sentences(text)] == ["He asked “why?!”", "Nobody knew...", "Really.)", "Yes"]
