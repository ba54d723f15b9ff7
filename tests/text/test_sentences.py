"""Sentences keep offsets into the original text and respect abbreviations."""

from __future__ import annotations

from timeline.text.sentences import split_sentences


def test_offsets_slice_to_sentence_text() -> None:
    text = "  Mr. Putin spoke on June 1. U.S. officials agreed!\n\nA new paragraph “quoted.” Last one"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Mr. Putin spoke on June 1.",
        "U.S. officials agreed!",
        "A new paragraph “quoted.”",
        "Last one",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_lines_are_separate_sentences() -> None:
    assert [s.text for s in split_sentences("Latest news\nThe Kremlin said so.")] == ["Latest news", "The Kremlin said so."]
