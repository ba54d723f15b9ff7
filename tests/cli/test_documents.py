"""`timeline documents` and `timeline documents show ID`."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from timeline.cli.main import app

runner = CliRunner()


def test_list_shows_dates_bases_segments_and_events(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "documents", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {row["name"].rsplit("/", 1)[-1][:3]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert set(rows) == {"000", "001", "002", "003", "004"}
    assert (rows["000"]["published"], rows["000"]["precision"], rows["000"]["basis"]) == ("2024-06", "month", "duplicate")
    assert (rows["002"]["basis"], rows["002"]["teaser"], rows["002"]["source"]) == ("given", "4", "Taipei Times (Bloomberg wire)")
    assert int(rows["002"]["events"]) > 0 and int(rows["003"]["boilerplate"]) > 0
    assert "rewrite of" in rows["000"]["evidence"] and "002_" in rows["000"]["evidence"]
    assert rows["001"]["evidence"] == "manifest.csv"


def test_table_and_json(seeded_db: str) -> None:
    table = runner.invoke(app, ["--db", seeded_db, "documents"])
    assert table.exit_code == 0 and "duplicate" in table.stdout and "teaser=4" in table.stdout
    listed = json.loads(runner.invoke(app, ["--db", seeded_db, "documents", "--format", "json"]).stdout)
    assert {item["basis"] for item in listed} == {"given", "duplicate"}


def test_show_marks_segments(seeded_db: str) -> None:
    listed = json.loads(runner.invoke(app, ["--db", seeded_db, "documents", "--format", "json"]).stdout)
    document_id = next(item["id"] for item in listed if "002_" in item["name"])
    result = runner.invoke(app, ["--db", seeded_db, "documents", "show", str(document_id)])
    assert result.exit_code == 0, result.output
    assert "published: 2024-06-10 (day, given)" in result.stdout and "evidence:  manifest.csv" in result.stdout
    assert result.stdout.count("[teaser ") == 4 and "[caption " in result.stdout and "[body " in result.stdout


def test_show_unknown_id_fails(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "documents", "show", "999"])
    assert result.exit_code == 1 and "no document with id 999" in result.stderr
