"""Hostile input to ingest: random bytes, random Unicode, pathological lengths and repetitions never crash or hang."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.domain import PublicationDate, SourceDocument
from timeline.ingest.decode import RejectedInput, decode_text
from timeline.pipeline.ingest import ingest
from timeline.pipeline.parallel import InProcessExtractor
from timeline.store.integrity import check_database

DCT = PublicationDate(2024, 6, 10)
BOUND_S = 60.0
"""Far above what any of these documents needs; reaching it means extraction hangs."""
SIZE = 8_000
"""Characters per pathological document: enough to expose backtracking, small enough for a fast suite."""


def repeat(unit: str, size: int = SIZE) -> str:
    """`unit` repeated to about `size` characters."""
    return unit * max(1, size // len(unit))


PATHOLOGICAL = {
    "one long line": repeat("word "),
    "punctuation": repeat(".,;:!?-()[]{}'\"/"),
    "repeated months": repeat("May "),
    "repeated dates": repeat("in May 2024, "),
    "repeated day dates": repeat("on 3 June 2024 and "),
    "stacked relatives": repeat("last ") + "week",
    "nested ranges": repeat("from 2020 to ") + "2024",
    "digits": repeat("2024-05-"),
    "weekday chains": repeat("Wednesday last week, "),
    "earlier this": repeat("earlier this ") + "year",
    "open parentheses": repeat("(", SIZE // 2) + "May 2024" + repeat(")", SIZE // 2),
    "mixed scripts": repeat("Мая 2024 年5月 مايو ٢٠٢٤ "),
    "combining marks": repeat("M\u0301a\u0301y\u0301 "),
    "no spaces": repeat("May2024June2025"),
    "dots": repeat(".", 2_000),
}


def extract_bounded(text: str) -> str | None:
    """Extract in this process under the time bound; the error if any."""
    [outcome] = InProcessExtractor(timeout=BOUND_S).run([(0, SourceDocument(text=text, published=DCT))])
    return outcome.error


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_text_is_extracted_without_crash_or_hang(name: str) -> None:
    assert extract_bounded(PATHOLOGICAL[name]) is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400))
def test_random_unicode_is_extracted_without_crash(text: str) -> None:
    assert extract_bounded(text) is None


_DATEISH = st.sampled_from(
    ["May", "2024", "last", "week", "on", "Thursday", "the", "1st", "of", "June", ",", "-", "/", "to", "from", "early",
     "late", "mid", "summer", "Q3", "H1", "ago", "two", "years", "since", "until", "this", "next", "'24", "2024-05-01", "."]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_DATEISH, min_size=1, max_size=60).map(" ".join))
def test_random_date_phrases_are_extracted_without_crash(text: str) -> None:
    assert extract_bounded(text) is None


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=0, max_size=2000))
def test_random_bytes_are_decoded_or_refused_with_a_reason(data: bytes) -> None:
    try:
        text, encoding = decode_text(data)
    except RejectedInput as error:
        assert str(error)
    else:
        assert text.strip() and encoding


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.binary(min_size=0, max_size=600), min_size=1, max_size=5))
def test_ingest_of_random_files_stores_or_names_each(blobs: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index, blob in enumerate(blobs):
            Path(folder, f"f{index}.txt").write_bytes(blob)
        db = str(Path(folder) / "hostile.db")
        report = ingest([folder], db, jobs=0)
        assert len(report.results) == len(blobs)
        for result in report.results:
            assert result.status in ("added", "unchanged") or result.reason
        assert check_database(db) == []


def test_a_lone_figure_is_stored(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").write_text("0", encoding="utf-8")
    report = ingest([str(tmp_path / "zero.txt")], str(tmp_path / "t.db"), jobs=0)
    assert report.counts["added"] == 1


def test_a_document_past_the_time_bound_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text("On 3 May 2024 troops arrived in Kursk. " * 40_000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Officials said on Thursday that talks resumed in May 2024.\n", encoding="utf-8")
    report = ingest([str(tmp_path)], str(tmp_path / "t.db"), jobs=1, timeout=0.5)
    by_name = {Path(result.name).name: result for result in report.results}
    assert by_name["small.txt"].status == "added"
    assert by_name["huge.txt"].status == "failed"
    assert "took longer than 0.5 s" in (by_name["huge.txt"].reason or "")


def test_a_sentence_repeated_many_times_is_one_event() -> None:
    from timeline.domain import PublicationDate, SourceDocument
    from timeline.pipeline.extract import extract

    text = "The council approved the budget on Monday.\n" * 500
    events = extract(SourceDocument(text=text, published=PublicationDate(2024, 6, 12))).events
    assert [(event.value, event.start) for event in events] == [("2024-06-10", 0)]


def test_an_endless_statement_is_stored_with_its_text_cut_and_its_offsets_whole() -> None:
    from timeline.domain import PublicationDate, SourceDocument
    from timeline.events.vocabulary import load
    from timeline.pipeline.extract import extract

    text = "The council met on Monday and " + "then on Tuesday and " * 400 + "voted."
    [first, *_] = extract(SourceDocument(text=text, published=PublicationDate(2024, 6, 12))).events
    assert len(first.text) == load("limits")["max_event_chars"] and first.text.endswith("…")
    assert (first.start, first.end) == (0, len(text))
