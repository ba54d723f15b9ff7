"""The whole extraction of one document grows linearly with its length on pathological input.

Work is counted as Python and built-in function calls (deterministic for the same input once
the caches are warm), never timed; wall-clock ratios are in `benchmarks/complexity.py`.
"""

from __future__ import annotations


import pytest

from timeline.domain import PublicationDate, SourceDocument
from timeline.pipeline.extract import extract

from tests.call_counting import GROWTH, PATHOLOGICAL_UNITS, calls, repeat

DCT = PublicationDate(2024, 6, 10)
SIZE = 1_200
UNITS = {
    **PATHOLOGICAL_UNITS,
    "exclamations": "!?",
    "no spaces": "abcdefghij",
    "abbreviations": "Mr. ",
    "punctuation": ".,;:!?-()[]{}'\"/",
}

QUADRATIC_IN_EVENTS: dict[str, str] = {}
"""Inputs whose one endless sentence makes the event stage quadratic (the stages before it are linear)."""


def extract_calls(text: str) -> int:
    """Calls made extracting one document of `text`."""
    document = SourceDocument(text=text, published=DCT)
    return calls(lambda: extract(document))


def cases() -> list[object]:
    """Every input, the known quadratic ones marked with the reason."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(reason=QUADRATIC_IN_EVENTS[name], strict=False))
        if name in QUADRATIC_IN_EVENTS
        else name
        for name in sorted(UNITS)
    ]


@pytest.mark.parametrize("name", cases())
def test_extraction_work_grows_linearly(name: str) -> None:
    once, twice = repeat(UNITS[name], SIZE), repeat(UNITS[name], 2 * SIZE)
    extract(SourceDocument(text=twice, published=DCT))  # warm the caches of every stage
    assert extract_calls(twice) <= GROWTH * max(extract_calls(once), 300)
