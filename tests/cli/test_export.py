"""`timeline export` on the seeds: every format, the same filters as show, stable ids."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from icalendar import Calendar
from typer.testing import CliRunner

from timeline.cli.main import app

runner = CliRunner()
KEY_EVENTS = [
    ("start of Russia’s full-scale invasion", "2022-02"),
    ("September 2022 mobilization order", "2022-09"),
    ("Wagner had recruited several African citizens", "2023"),
    ("losses in May reached 38,940", "2024-05"),
    ("announced on June 1", "2024-06-01"),
    ("gathered more than 30,000 migrants", "2024-SU"),
    ("incursion into Kursk Oblast", "2024-SU"),
    ("granted citizenship to more than 3,000 foreigners", "2024-11"),
    ("November 2024 was the deadliest month", "2024-11"),
]


def export(db: str, *arguments: str) -> str:
    result = runner.invoke(app, ["--db", db, "export", *arguments])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_holds_the_key_events_once_each_at_their_precision(seeded_db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(export(seeded_db, "--format", "csv", "--from", "2022"), newline="")))
    for row in rows:
        row["text"] = " ".join(row["text"].split())
    for words, value in KEY_EVENTS:
        matching = [row for row in rows if words in row["text"] and row["value"] == value]
        assert len(matching) == 1, (words, value, [(row["value"], row["text"]) for row in rows if words in row["text"]])


def test_ics_uids_are_stable_across_exports(seeded_db: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for path in (first, second):
        result = runner.invoke(app, ["--db", seeded_db, "export", "--format", "ics", "--from", "2022", "-o", str(path)])
        assert result.exit_code == 0, result.output
    uids = [[str(event["UID"]) for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT")] for path in (first, second)]
    assert uids[0] and uids[0] == uids[1]
    assert len(set(uids[0])) == len(uids[0])
    for event in Calendar.from_ical(first.read_bytes()).walk("VEVENT"):
        assert event["DTSTART"].params.get("VALUE") == "DATE" and event.decoded("DTEND") > event.decoded("DTSTART")


def test_timelinejs_has_eras_from_the_periods_table(seeded_db: str) -> None:
    document = json.loads(export(seeded_db, "--format", "timelinejs", "--from", "2022"))
    headlines = {era["text"]["headline"] for era in document["eras"]}
    assert {"Full-scale invasion", "Wagner era", "Kursk incursion", "North Korean deployment"} <= headlines
    assert all(slide["unique_id"] for slide in document["events"])


def test_json_and_era_filter(seeded_db: str) -> None:
    records = json.loads(export(seeded_db, "--format", "json", "--era", "Wagner era"))
    assert records and all(record["earliest"] < "2023-08-24" and record["latest"] > "2022-07-01" for record in records)


def test_html_page_written_to_a_file(seeded_db: str, tmp_path: Path) -> None:
    path = tmp_path / "chronology.html"
    result = runner.invoke(app, ["--db", seeded_db, "export", "--format", "html", "--title", "Seeds", "-o", str(path)])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<h1>Seeds</h1>" in text and "Wagner era" in text
    assert "Wrote" in result.stderr and "entries as html" in result.stderr


def test_unknown_format_and_bad_filter_are_clear_errors(seeded_db: str) -> None:
    assert runner.invoke(app, ["--db", seeded_db, "export", "--format", "pdf"]).exit_code == 2
    result = runner.invoke(app, ["--db", seeded_db, "export", "--format", "csv", "--era", "Narnia"])
    assert result.exit_code == 2 and "no era called 'Narnia'" in result.stderr


def test_dash_means_standard_output(seeded_db: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    text = export(seeded_db, "--format", "csv", "-o", "-", "--from", "2024-05", "--to", "2024-05")
    assert text.startswith("cluster_id,value,mod,") and not (tmp_path / "-").exists()


def test_a_failed_export_leaves_no_file(seeded_db: str, tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    result = runner.invoke(app, ["--db", seeded_db, "export", "--format", "csv", "--era", "Narnia", "-o", str(path)])
    assert result.exit_code == 2 and not path.exists() and list(tmp_path.iterdir()) == []


def test_csv_has_the_views_columns_and_csv_sources_pairs_each_source_with_its_url(seeded_db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(export(seeded_db, "--format", "csv", "--from", "2024-05", "--to", "2024-05"), newline="")))
    many = next(row for row in rows if int(row["event_count"]) > 1)
    assert many["first_reported"] <= many["last_reported"] and "mod" in many
    sources = list(csv.DictReader(io.StringIO(export(seeded_db, "--format", "csv-sources", "--from", "2024-05", "--to", "2024-05"), newline="")))
    reports = [row for row in sources if row["cluster_id"] == many["cluster_id"]]
    assert len(reports) == int(many["event_count"])
    for report in reports:
        assert report["document_id"] and int(report["start"]) < int(report["end"])
    taipei = [report for report in reports if report["source"].startswith("Taipei Times")]
    assert taipei and taipei[0]["url"].startswith("https://www.taipeitimes.com/")


def test_timelinejs_headlines_tell_the_event_and_title_sets_the_title_slide(seeded_db: str) -> None:
    document = json.loads(export(seeded_db, "--format", "timelinejs", "--from", "2022", "--title", "Foreign fighters"))
    assert document["title"]["text"]["headline"] == "Foreign fighters"
    for slide in document["events"]:
        assert slide["text"]["headline"] != slide["display_date"] and len(slide["text"]["headline"]) <= 100
        assert "Reported by" in slide["text"]["text"]


def test_ics_max_span_keeps_only_short_entries(seeded_db: str) -> None:
    every = Calendar.from_ical(export(seeded_db, "--format", "ics", "--from", "2022")).walk("VEVENT")
    days = Calendar.from_ical(export(seeded_db, "--format", "ics", "--from", "2022", "--max-span", "1")).walk("VEVENT")
    assert 0 < len(days) < len(every)
    assert all((event.decoded("DTEND") - event.decoded("DTSTART")).days == 1 for event in days)
    assert all("ATTACH" in event or "URL" not in event for event in every)
