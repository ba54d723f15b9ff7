"""`timeline show` on the seeds: dates at their precision, filters, formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.query.records import CSV_COLUMNS

runner = CliRunner()


def test_csv_has_documented_columns_and_key_facts(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--from", "2022", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    for row in rows:
        row["text"] = " ".join(row["text"].split())  # the seeds hold non-breaking spaces
    assert tuple(rows[0].keys())[: len(CSV_COLUMNS)] == CSV_COLUMNS
    losses = [row for row in rows if "38,940" in row["text"] and row["value"] == "2024-05"]
    assert losses and losses[0]["earliest"] == "2024-05-01" and losses[0]["latest"] == "2024-06-01"
    announced = [row for row in rows if "announced on June 1" in row["text"]]
    assert announced and announced[0]["value"] == "2024-06-01" and announced[0]["label"] == "1 Jun 2024"


def test_no_seed_event_after_its_publication(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--format", "json"])
    assert result.exit_code == 0, result.output
    for row in json.loads(result.stdout):
        assert row["earliest"] < "2025-04-28", row


def test_from_keeps_overlapping_intervals(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--from", "2024-05-15", "--to", "2024-05-20", "--format", "json"])
    values = {row["value"] for row in json.loads(result.stdout)}
    assert "2024-05" in values
    assert all(row["earliest"] < "2024-05-21" and row["latest"] > "2024-05-15" for row in json.loads(result.stdout))


def test_the_range_note_says_how_the_dates_were_read_without_the_clock(seeded_db: str) -> None:
    notes = {
        ("--from", "2022"): "(entries whose dates overlap the time from 1 Jan 2022 on: --from '2022')",
        ("--to", "2015"): "(entries whose dates overlap the time up to 31 Dec 2015: --to '2015')",
        ("--from", "2022", "--to", "2023-06"): "(entries whose dates overlap 1 Jan 2022 to 30 Jun 2023: --from '2022' --to '2023-06')",
    }
    for arguments, note in notes.items():
        result = runner.invoke(app, ["--db", seeded_db, "show", *arguments])
        assert result.exit_code == 0 and note in result.output


def test_limit_and_table(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--limit", "2"])
    assert result.exit_code == 0
    assert result.stdout.count("— ") == 2


def test_bad_from_is_a_clear_error(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--from", "someday"])
    assert result.exit_code == 2
    assert "someday" in result.stderr


def test_builds_database_from_seeds_when_missing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    result = runner.invoke(app, ["show", "--from", "2022", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "timeline.db").exists()
    assert "building it from" in result.stderr


def test_era_slices(seeded_db: str) -> None:
    era = runner.invoke(app, ["--db", seeded_db, "show", "--era", "Wagner era", "--format", "json"])
    assert era.exit_code == 0, era.output
    values = [row["value"] for row in json.loads(era.stdout)]
    assert values and "2022-09" in values and "2023" in values and "2024-05" not in values
    span = runner.invoke(app, ["--db", seeded_db, "show", "--from", "Wagner era", "--to", "North Korean deployment", "--format", "json"])
    rows = json.loads(span.stdout)
    assert "2022-09" in [row["value"] for row in rows] and rows[-1]["earliest"] >= "2024-11-01"
    assert [row["earliest"] for row in rows] == sorted(row["earliest"] for row in rows)
    assert all(row["latest"] > "2022-07-01" and row["earliest"] < "2025-04-29" for row in rows)


def test_grep_actor_category_and_source_filters(seeded_db: str) -> None:
    def values(*options: str) -> list[str]:
        result = runner.invoke(app, ["--db", seeded_db, "show", *options, "--format", "json"])
        assert result.exit_code == 0, result.output
        return [row["value"] for row in json.loads(result.stdout)]

    assert values("--grep", "mobilization order") == ["2022-09"]
    assert "2023" in values("--actor", "Wagner")
    assert set(values("--category", "casualties")) >= {"2024-05", "2024-11"}
    assert set(values("--source", "chaspravdy")) == {"2023-04/2024-05"}


def test_table_names_several_sources(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--from", "2024-05", "--to", "2024-05"])
    assert "(3 sources)" in result.stdout


PARSE_PROBE = """
import contextlib, io, sys
from timeline.cli.main import app
sys.argv = ["timeline", "--db", sys.argv[1], *sys.argv[2:]]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as errors:
    try:
        app()
    except SystemExit as end:
        code = end.code
print(code, "pydantic" in sys.modules, errors.getvalue().strip().splitlines()[-1] if errors.getvalue().strip() else "")
"""


def test_options_are_read_without_pydantic_and_bad_values_are_clear_errors(seeded_db: str) -> None:
    import subprocess
    import sys

    def run(*arguments: str) -> list[str]:
        result = subprocess.run([sys.executable, "-c", PARSE_PROBE, seeded_db, *arguments], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().split(" ", 2)

    assert run("show", "--from", "2022-03", "--to", "2024-06", "--limit", "5", "--format", "csv", "--reported")[:2] == ["0", "False"]
    assert run("show", "--help")[:2] == ["0", "False"]
    code, _pydantic, message = run("show", "--limit", "0")
    assert code == "2" and "'--limit': 0 is not in the range x>=1" in message
    code, _pydantic, message = run("show", "--limit", "many")
    assert code == "2" and "'many' is not a valid integer" in message
    code, _pydantic, message = run("show", "--format", "xml")
    assert code == "2" and "'xml' is not one of 'table', 'csv', 'json'" in message


SHOWN_BOTH_WAYS = [
    ["--from", "2022"],
    ["--from", "Wagner era", "--to", "North Korean deployment", "--limit", "5"],
    ["--era", "Wagner era", "--within", "--reported"],
    ["--actor", "Wagner", "--category", "recruitment", "--reported"],
    ["--grep", "mobilization order", "--source", "chaspravdy"],
    ["--from", "2024-05", "--to", "2024-05"],
    ["--era", "no such era"],
    ["--from", "someday"],
]


def test_a_local_file_shows_what_sqlalchemy_shows(seeded_db: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import timeline.cli.show as show_module

    def shown(arguments: list[str]) -> tuple[int, str, str]:
        result = runner.invoke(app, ["--db", seeded_db, "show", *arguments])
        return result.exit_code, result.stdout, result.stderr

    for arguments in SHOWN_BOTH_WAYS:
        for output_format in ("table", "csv", "json"):
            command = [*arguments, "--format", output_format]
            with monkeypatch.context() as patched:
                patched.setattr(show_module, "local_sqlite_path", lambda _db: None)  # every database through SQLAlchemy
                through_sqlalchemy = shown(command)
            assert shown(command) == through_sqlalchemy, command
            assert through_sqlalchemy[0] in (0, 2) and (through_sqlalchemy[1] or through_sqlalchemy[0] == 2), command


def test_a_file_that_is_not_a_database_is_one_clear_line_both_ways(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import timeline.cli.show as show_module

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(bytes(range(256)) * 20)
    shown = runner.invoke(app, ["--db", str(garbage), "show"])
    monkeypatch.setattr(show_module, "local_sqlite_path", lambda _db: None)
    through_sqlalchemy = runner.invoke(app, ["--db", str(garbage), "show"])
    assert shown.exit_code == through_sqlalchemy.exit_code == 1
    assert shown.stderr == through_sqlalchemy.stderr == f"Error: cannot read {garbage}: file is not a database\n"


def test_entries_whose_year_alone_is_unknown_have_a_section_of_their_own(tmp_path: Path) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("The minister resigned on Feb. 7 after the vote. Police arrested two men in March 2019.\n", encoding="utf-8")
    db = str(tmp_path / "undated.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(article)]).exit_code == 0
    shown = runner.invoke(app, ["--db", db, "show"])
    assert shown.exit_code == 0, shown.output
    dated, _, unknown = shown.stdout.partition("Year unknown")
    assert "March 2019" in dated and "Feb. 7" not in dated
    assert "The minister resigned on Feb. 7" in unknown
    only = runner.invoke(app, ["--db", db, "show", "--year-unknown", "--format", "csv"])
    assert [row["value"] for row in csv.DictReader(io.StringIO(only.stdout))] == ["XXXX-02-07"]
    ranged = runner.invoke(app, ["--db", db, "show", "--from", "2019"])
    assert "Feb. 7" not in ranged.stdout and "--year-unknown lists them" in ranged.stderr
    filtered = runner.invoke(app, ["--db", db, "show", "--year-unknown", "--grep", "arrested"])
    assert "Feb. 7" not in filtered.stdout
