"""The order of inference: dateline, near-duplicate, lower bound, unknown."""

from __future__ import annotations

from timeline.dating import Reference, infer_publication
from timeline.dating.bound import lower_bound
from timeline.domain import Extraction, PublicationDate, SourceDocument
from timeline.temporal import tag
from timeline.text.segment import segment_text

BODY = (
    "The committee met on 5 December 2024 and again in November 2024, members said.\n"
    "A vote is expected next week, and the chair said it would be held by March 2026.\n"
    "Image: The committee room, photographed on 9 December 2024 (Photo: Staff)\n"
)


def extraction(text: str) -> Extraction:
    return Extraction(SourceDocument(text), segments=segment_text(text), mentions=tuple(tag(text, None)))


def test_lower_bound_is_the_latest_explicit_past_body_date() -> None:
    inference = lower_bound(extraction(BODY))
    assert inference is not None
    assert (inference.date, inference.basis, inference.resolves) == (PublicationDate(2024, 12, 5), "bound", False)


def test_relative_dates_give_no_bound() -> None:
    assert lower_bound(extraction("The committee met last week and will meet again on Friday.\n")) is None


def test_dateline_comes_before_duplicates_and_bounds() -> None:
    text = "Published: 2 January 2025\n" + BODY
    reference = Reference("other", text, PublicationDate(2024, 1, 1))
    assert infer_publication(extraction(text), [reference]).basis == "dateline"


def test_duplicate_comes_before_the_bound() -> None:
    text = BODY + (
        "Members of the budget committee argued for hours about the cost of the new hospital wing in the capital.\n"
        "The finance minister told reporters that the hospital project would be paid for from regional funds and bonds.\n"
    )
    reference = Reference("original", text, PublicationDate(2024, 12, 20))
    inference = infer_publication(extraction(text), [reference])
    assert (inference.basis, inference.date) == ("duplicate", PublicationDate(2024, 12, 20))


def test_nothing_to_go_on_is_unknown() -> None:
    inference = infer_publication(extraction("The committee met last week.\n"), [])
    assert (inference.date, inference.basis) == (None, "unknown")


def test_dates_the_text_looks_ahead_to_are_no_bound() -> None:
    text = (
        "The treaty was signed by the minister on 2 February 2024.\n"
        "It will be reviewed on 1 June 2026 and stays in force until the end of 2030.\n"
    )
    inference = lower_bound(extraction(text))
    assert inference is not None and inference.date == PublicationDate(2024, 2, 2)
