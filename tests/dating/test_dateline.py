"""Dates a text gives for itself: "Published …" lines and datelines."""

from __future__ import annotations

from timeline.dating.dateline import dateline_date
from timeline.domain import Extraction, PublicationDate, SourceDocument
from timeline.temporal import tag
from timeline.text.segment import segment_text

STORY = "The ministry said 400 volunteers had signed up in May, and more were expected on Friday.\n"


def extraction(text: str) -> Extraction:
    return Extraction(SourceDocument(text), segments=segment_text(text), mentions=tuple(tag(text, None)))


def test_published_line() -> None:
    text = "Volunteers sign up\nPublished: 10 June 2024, 09:15\n" + STORY
    inference = dateline_date(extraction(text))
    assert inference is not None and (inference.date, inference.basis) == (PublicationDate(2024, 6, 10), "dateline")


def test_published_line_wins_over_updated_line() -> None:
    text = "Updated June 12, 2024\nPosted on June 10, 2024\n" + STORY
    assert dateline_date(extraction(text)).date == PublicationDate(2024, 6, 10)


def test_opening_dateline() -> None:
    text = "KYIV, June 10, 2024 (Reuters) — " + STORY
    inference = dateline_date(extraction(text))
    assert inference is not None and inference.date == PublicationDate(2024, 6, 10)


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    text = "On June 10, 2024 the ministry said 400 volunteers had signed up, and more were expected.\n"
    assert dateline_date(extraction(text)) is None


def test_a_sentence_opening_with_published_is_no_date_line() -> None:
    text = "Published in March 2019, the report found that the ministry had recruited 400 volunteers in two regions.\n" + STORY
    assert dateline_date(extraction(text)) is None


def test_a_dateline_without_a_year_dates_the_article_after_the_latest_date_it_states() -> None:
    text = "KATHMANDU, Jan 10 (Reuters) - The ministry said 400 volunteers had signed up since December 20, 2024.\n"
    inference = dateline_date(extraction(text))
    assert inference is not None and (inference.date, inference.basis) == (PublicationDate(2025, 1, 10), "dateline")


def test_a_dateline_without_a_year_and_nothing_to_bound_it_dates_nothing() -> None:
    assert dateline_date(extraction("KATHMANDU, Jan 10 (Reuters) - " + STORY)) is None
