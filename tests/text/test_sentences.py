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


def test_wrapped_segment_keeps_sentences_across_line_breaks() -> None:
    from timeline.domain import Segment
    from timeline.text.sentences import segment_sentences

    text = "Passenger numbers had\nrecovered by May 2024. Fares fell.\n"
    sentences = segment_sentences(text, Segment(0, len(text) - 1))
    assert [s.text for s in sentences] == ["Passenger numbers had\nrecovered by May 2024.", "Fares fell."]
    assert [s.text for s in segment_sentences("One\nTwo", Segment(0, 3))] == ["One"]
