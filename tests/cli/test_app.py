"""The command line builds only the command it is asked for, and every command when none is named."""

from __future__ import annotations

import pytest

from timeline.cli.app import _command_name, _only_the_command_asked_for
from timeline.cli.main import app


@pytest.mark.parametrize(
    ("words", "name"),
    [
        (["show", "--from", "2022"], "show"),
        (["--db", "x.db", "show", "--limit", "3"], "show"),
        (["--db=x.db", "db", "current"], "db"),
        (["--help"], None),
        (["--db", "x.db"], None),
        ([], None),
    ],
)
def test_the_command_a_line_names(words: list[str], name: str | None) -> None:
    assert _command_name(words) == name


def test_only_the_named_command_is_registered_while_building() -> None:
    commands, groups = list(app.registered_commands), list(app.registered_groups)
    with _only_the_command_asked_for(app, ["--db", "x.db", "show"]):
        assert [info.name for info in app.registered_commands] == ["show"] and app.registered_groups == []
    with _only_the_command_asked_for(app, ["periods", "list"]):
        assert app.registered_commands == [] and [info.name for info in app.registered_groups] == ["periods"]
    for words in (["--help"], ["no-such-command"]):
        with _only_the_command_asked_for(app, words):
            assert app.registered_commands == commands and app.registered_groups == groups
    assert app.registered_commands == commands and app.registered_groups == groups


def test_a_named_command_runs(seeded_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as end:
        app(["--db", seeded_db, "show", "--limit", "2"])
    assert end.value.code == 0
    assert len(capsys.readouterr().out.strip().splitlines()) >= 2


def test_a_postgresql_url_without_the_driver_names_the_extra(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import importlib.util

    import pytest

    from timeline.cli.main import app

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *rest: None if name == "psycopg" else real(name, *rest))
    with pytest.raises(SystemExit) as stopped:
        app(args=["--db", "postgresql://someone@localhost/news", "show"])
    assert stopped.value.code == 1
    assert "timeline[postgresql]" in capsys.readouterr().err
