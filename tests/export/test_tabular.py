"""CSV and JSON exports: the documented columns, RFC 4180, formulas neutralised."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from timeline.domain import ChronologyEntry
from timeline.query.records import CSV_COLUMNS
from timeline.export.tabular import neutralise_formula, write_csv, write_json

def entry(text: str = "Losses reached 38,940.", **changes: object) -> ChronologyEntry:
    values: dict[str, object] = dict(
        event_id="abc123", value="2024-05", mod=None, earliest=date(2024, 5, 1), latest=date(2024, 6, 1),
        granularity="month", label="May 2024", text=text, sources=("Taipei Times", "Kyiv Post"),
        urls=("https://example.org/a",), date_basis="stated", document_id=1, start=0, end=len(text),
        actors=("Russia", "Ukraine"), figures=("38,940 troops",), category="casualties",
    )
    values.update(changes)
    return ChronologyEntry(**values)  # type: ignore[arg-type]


def test_columns_are_the_chronology_views_and_the_frames(seeded_db: str) -> None:
    import sqlite3

    from timeline.query.frame import FRAME_COLUMNS

    view = [row[1] for row in sqlite3.connect(seeded_db).execute("PRAGMA table_info(chronology)")]
    assert [name for name in view if name in CSV_COLUMNS] == list(CSV_COLUMNS)
    assert FRAME_COLUMNS[: len(CSV_COLUMNS)] == CSV_COLUMNS
    assert {"mod", "event_count", "first_reported", "last_reported"} <= set(CSV_COLUMNS)


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
    assert list(record)[: len(CSV_COLUMNS)] == list(CSV_COLUMNS)
    assert record["reports"] == [
        {"source": "Taipei Times", "url": "https://example.org/a", "title": None, "published": None, "document_id": None,
         "start": None, "end": None},
        {"source": "Kyiv Post", "url": None, "title": None, "published": None, "document_id": None, "start": None, "end": None},
    ]


def test_every_report_pairs_its_source_with_its_url_in_json_and_csv_sources() -> None:
    from timeline.domain import Report
    from timeline.export.tabular import write_source_csv

    reports = (Report("Reuters", "https://r.example/1", "Troops arrive", "2024-06-02", 7, 10, 60),
               Report("AP", None, None, "2024-06-03", 8, 0, 44), Report("Reuters", "https://r.example/2", None, None, 9, 5, 9))
    out = io.StringIO()
    write_json([entry(reports=reports, sources=("Reuters", "AP"), urls=("https://r.example/1", "https://r.example/2"))], out)
    [record] = json.loads(out.getvalue())
    assert [(report["source"], report["url"], report["document_id"], report["start"]) for report in record["reports"]] == [
        ("Reuters", "https://r.example/1", 7, 10), ("AP", None, 8, 0), ("Reuters", "https://r.example/2", 9, 5)]
    out = io.StringIO()
    write_source_csv([entry(reports=reports)], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert [(row["source"], row["url"], row["title"], row["published"], row["end"]) for row in rows] == [
        ("Reuters", "https://r.example/1", "Troops arrive", "2024-06-02", "60"), ("AP", "", "", "2024-06-03", "44"),
        ("Reuters", "https://r.example/2", "", "", "9")]
    assert {row["cluster_id"] for row in rows} == {"abc123"}
