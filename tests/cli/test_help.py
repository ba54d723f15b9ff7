"""Every command has help text that ends with an example."""

from __future__ import annotations

import typer
from typer.main import get_command
from typer.testing import CliRunner

from timeline.cli.main import app


def all_commands() -> list[tuple[str, ...]]:
    root = get_command(app)
    paths: list[tuple[str, ...]] = []

    def walk(command, prefix: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
        paths.append(prefix)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, (*prefix, name))

    walk(root, ())
    return paths


def test_every_command_has_help_with_example() -> None:
    runner = CliRunner()
    for path in all_commands():
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Example:" in result.output, f"`timeline {' '.join(path)} --help` has no Example:"


def test_app_is_typer() -> None:
    assert isinstance(app, typer.Typer)
