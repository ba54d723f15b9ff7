"""Hostile --from / --to values: read as a date, or refused with a clear error; never a crash or a traceback."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.query.when import WhenError, read_when

runner = CliRunner()

_PIECES = st.sampled_from(
    ["2022", "June", "summer", "last", "year", "Q3", "-", "/", "13", "2022-13", "0000", "99999", "the", "era", "Wagner",
     "  ", ",", "'", "\"", "\x00", "🙂", "2022-02-30", "early", "to", "next", "month", "ago"]
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=12).map(" ".join)))
def test_read_when_reads_or_refuses(text: str) -> None:
    try:
        when = read_when(text)
    except WhenError as error:
        assert str(error)
    else:
        assert when.latest is None or when.earliest < when.latest


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=40).filter(lambda value: not value.startswith("-") and "\x00" not in value))
def test_show_with_any_from_exits_cleanly(seeded_db: str, text: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--from", text, "--to", text, "--limit", "3"])
    assert result.exit_code in (0, 2), (text, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), (text, result.exception)
    if result.exit_code == 2:
        assert "Error" in result.stderr or "Usage" in result.stderr
