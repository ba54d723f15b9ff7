"""`timeline tag`: table, JSON, TimeML and JSONL batch output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from timeline.cli.main import app

runner = CliRunner()


def test_tag_json_from_stdin() -> None:
    """Standard input, a DCT and JSON output give resolved mentions."""
    result = runner.invoke(app, ["tag", "-", "--dct", "2024-06-10", "--format", "json"], input="Losses in May rose.")
    assert 0 == result.exit_code, result.output
    mentions = json.loads(result.output)
    assert [("May", "2024-05", "2024-05-01", "2024-06-01", "month")] == [
        (m["text"], m["value"], m["earliest"], m["latest"], m["granularity"]) for m in mentions
    ]


def test_tag_table_shows_value_and_rule(tmp_path) -> None:
    """The table shows each mention with its value and rule."""
    path = tmp_path / "a.txt"
    path.write_text("He spoke late on Wednesday last week.", encoding="utf-8")
    result = runner.invoke(app, ["tag", str(path), "--dct", "2024-06-10"])
    assert 0 == result.exit_code, result.output
    assert "2024-06-05" in result.output and "weekday_of_week" in result.output


def test_tag_timeml() -> None:
    """TimeML output wraps mentions in TIMEX3 elements."""
    result = runner.invoke(app, ["tag", "-", "--format", "timeml"], input="in May")
    assert 0 == result.exit_code
    assert '<TIMEX3 tid="t1" type="DATE" value="XXXX-05">May</TIMEX3>' in result.output


def test_tag_jsonl(tmp_path) -> None:
    """The batch mode writes each document back with its timexes."""
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "dct": "2024-06-10", "text": "last month"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["tag", "--jsonl", str(path)])
    assert 0 == result.exit_code, result.output
    document = json.loads(result.output.strip())
    assert ("a", "2024-05", True) == (document["id"], document["timexes"][0]["value"], document["timexes"][0]["anchor"])


def test_tag_bad_dct_fails() -> None:
    """A DCT that does not parse is an error naming it."""
    result = runner.invoke(app, ["tag", "-", "--dct", "2024-13-45"], input="x")
    assert 0 != result.exit_code
    assert "2024-13-45" in result.output


def test_tag_missing_file_fails() -> None:
    """An unreadable file is an error naming it."""
    result = runner.invoke(app, ["tag", "/nonexistent/file.txt"])
    assert 0 != result.exit_code
    assert "/nonexistent/file.txt" in result.output


def test_tag_jsonl_goes_on_past_bad_lines(tmp_path) -> None:
    """A bad line is named on stderr, the good ones are still tagged, and the exit code is 1."""
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "b", "dct": None, "text": "in May"})
    path.write_text("{not json\n" + good + "\n" + json.dumps({"id": "c", "dct": "2024-13-01", "text": "x"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["tag", "--jsonl", str(path)])
    assert 1 == result.exit_code
    assert '"id": "b"' in result.output and "XXXX-05" in result.output
    assert "in.jsonl:1" in result.output and "in.jsonl:3" in result.output


def test_tag_jsonl_from_stdin() -> None:
    """`--jsonl -` reads standard input."""
    result = runner.invoke(app, ["tag", "--jsonl", "-"], input=json.dumps({"id": "s", "dct": "2024-06-10", "text": "last year"}) + "\n")
    assert 0 == result.exit_code, result.output
    assert "2023" in result.output
