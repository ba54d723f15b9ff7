"""CSV and JSON exports: the documented columns, RFC 4180, formulas neutralised."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from timeline.domain import ChronologyEntry
from timeline.export.records import CSV_COLUMNS
from timeline.export.tabular import neutralise_formula, write_csv, write_json

FOUNDATION_COLUMNS = ("event_id", "value", "earliest", "latest", "granularity", "label", "text", "sources", "source_count", "date_basis")


def entry(text: str = "Losses reached 38,940.", **changes: object) -> ChronologyEntry:
    values: dict[str, object] = dict(
        event_id="abc123", value="2024-05", mod=None, earliest=date(2024, 5, 1), latest=date(2024, 6, 1),
        granularity="month", label="May 2024", text=text, sources=("Taipei Times", "Kyiv Post"),
        urls=("https://example.org/a",), date_basis="stated", document_id=1, start=0, end=len(text),
        actors=("Russia", "Ukraine"), figures=("38,940 troops",), category="casualties",
    )
    values.update(changes)
    return ChronologyEntry(**values)  # type: ignore[arg-type]


def test_columns_keep_the_foundation_ones_first_then_the_details() -> None:
    assert CSV_COLUMNS[: len(FOUNDATION_COLUMNS)] == FOUNDATION_COLUMNS
    assert CSV_COLUMNS[len(FOUNDATION_COLUMNS):] == ("actors", "figures", "category", "urls")


def test_csv_is_rfc4180_with_a_header() -> None:
    out = io.StringIO()
    write_csv([entry('He said "no", then left,\nquickly.')], out)
    text = out.getvalue()
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    [row] = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["text"] == 'He said "no", then left,\nquickly.'
    assert row["sources"] == "Taipei Times; Kyiv Post" and row["source_count"] == "2"
    assert row["actors"] == "Russia; Ukraine" and row["figures"] == "38,940 troops" and row["category"] == "casualties"


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(dangerous: str) -> None:
    out = io.StringIO()
    write_csv([entry(dangerous)], out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["text"] == "'" + dangerous


def test_plain_cells_and_numbers_are_left_alone() -> None:
    assert neutralise_formula("Russia said") == "Russia said"
    assert neutralise_formula(-3) == -3


def test_json_records_have_iso_dates_and_lists() -> None:
    out = io.StringIO()
    write_json([entry()], out)
    [record] = json.loads(out.getvalue())
    assert record["earliest"] == "2024-05-01" and record["latest"] == "2024-06-01"
    assert record["sources"] == ["Taipei Times", "Kyiv Post"] and record["source_count"] == 2
    assert set(CSV_COLUMNS) <= set(record)
