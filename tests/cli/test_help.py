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


def test_help_names_no_python_type_and_cuts_no_description() -> None:
    import re

    runner = CliRunner()
    for path in all_commands():
        output = runner.invoke(app, [*path, "--help"], terminal_width=100).output
        leaked = re.findall(r"<(?:str|int|float|bool|list\[[a-z]+\]|[a-z]+ range|[A-Z][A-Za-z]+)>|\{[a-z_]+\}", output)
        assert not leaked, f"`timeline {' '.join(path)} --help` shows {leaked}"
        commands = output.split("Commands:", 1)[1] if "Commands:" in output else ""
        assert "..." not in commands, f"`timeline {' '.join(path)} --help` cuts a command's description"


def test_version_is_the_packages() -> None:
    import tomllib
    from pathlib import Path

    result = CliRunner().invoke(app, ["--version"])
    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert result.exit_code == 0 and result.stdout.strip() == f"timeline {project['version']}"


def test_shell_completion_is_offered() -> None:
    output = CliRunner().invoke(app, ["--help"]).output
    assert "--install-completion" in output and "--show-completion" in output
