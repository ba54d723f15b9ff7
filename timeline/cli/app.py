"""The Typer application object and the options every command shares."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from functools import cache

import typer
from typer.core import TyperCommand, TyperGroup

DEFAULT_DATABASE = "timeline.db"

class HelpWithoutTypes:
    """Help that names each value by its metavar (or its name), never by a Python type (`<str>`, `<float range>`), and
    lists each command with its whole first sentence, never cut with "..."."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for parameter in getattr(self, "params", ()):
            _plain_help_of(parameter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The command's short help, or the first sentence of its help, in full."""
        text = self.short_help or (self.help or "").strip().split("\n\n", 1)[0]  # type: ignore[attr-defined]
        text = " ".join(text.split())
        sentence = text.split(". ", 1)[0]
        return sentence.rstrip(".") + ("." if sentence else "")


class TimelineCommand(HelpWithoutTypes, TyperCommand):
    """A command of the timeline CLI (see HelpWithoutTypes)."""


class TimelineGroup(HelpWithoutTypes, TyperGroup):
    """A group of commands of the timeline CLI (see HelpWithoutTypes)."""


def _plain_help_of(parameter) -> None:  # type: ignore[no-untyped-def]
    """Show the parameter in help by its metavar or name only: no type, `NAME`/`[NAME]` in the usage line."""
    parameter.display_type = lambda ctx: ""
    is_option = getattr(parameter, "param_type_name", "") == "option"
    parameter.display_type_rich = (lambda ctx: parameter.metavar or "") if is_option else (lambda ctx: "")
    if getattr(parameter, "param_type_name", "") == "option" and not parameter.is_flag and parameter.metavar is None:
        parameter.metavar = _option_metavar(parameter) + ("..." if parameter.nargs != 1 else "")
    if getattr(parameter, "param_type_name", "") == "argument":
        name = (parameter.metavar or parameter.name or "").upper()
        parameter.metavar = name
        many = "..." if parameter.nargs != 1 else ""
        parameter._usage_display_name = lambda: (name if parameter.required else f"[{name}]") + many
        parameter._rich_display_name = lambda: name + many


def _option_metavar(parameter) -> str:  # type: ignore[no-untyped-def]
    """`table|csv|json` for a choice, else the option's long name in capitals (`--published` takes PUBLISHED)."""
    descriptor = getattr(parameter, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None) if getattr(descriptor, "is_choice", False) else None
    if choices:
        return "|".join(str(getattr(choice, "value", choice)) for choice in choices)
    longest = max(parameter.opts, key=len).lstrip("-")
    return longest.replace("-", "_").upper()


class TimelineTyper(typer.Typer):
    """A Typer whose commands and groups give help without Python types (see HelpWithoutTypes)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("cls", TimelineGroup)
        kwargs.setdefault("rich_markup_mode", None)
        super().__init__(*args, **kwargs)

    def command(self, name: str | None = None, *, cls=None, **kwargs):  # type: ignore[no-untyped-def,override]
        """Register a command (a TimelineCommand unless `cls` says otherwise)."""
        return super().command(name, cls=cls or TimelineCommand, **kwargs)

    def add_typer(self, typer_instance, *, cls=None, **kwargs) -> None:  # type: ignore[no-untyped-def,override]
        """Add a group of commands (a TimelineGroup unless `cls` says otherwise)."""
        super().add_typer(typer_instance, cls=cls or TimelineGroup, **kwargs)


class TimelineApp(TimelineTyper):
    """The command line: a database error anywhere ends with one clear line on stderr, not a traceback."""

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            with _only_the_command_asked_for(self, kwargs.get("args", args[0] if args else None)):
                command = typer.main.get_command(self)
            _coerce_plain_parameters_directly(command)
            return command(*args, **kwargs)
        except Exception as error:
            if type(error).__name__ in ("StorageError", "MissingExtraError"):
                typer.echo(f"Error: {error}", err=True)
                raise SystemExit(1) from None
            if not _is_database_error(error):
                raise
            from timeline.store.database import describe_database_error

            typer.echo(f"Error: database: {describe_database_error(error)}", err=True)
            raise SystemExit(1) from None


@contextmanager
def _only_the_command_asked_for(application: typer.Typer, args: list[str] | None) -> Iterator[None]:
    """While the command line is built, register only the command it names (each takes milliseconds to build).

    With no command named (`timeline --help`), or a name that is not a command, every command is built as usual.
    """
    name = _command_name(sys.argv[1:] if args is None else list(args))
    commands = [info for info in application.registered_commands if _name_of(info) == name]
    groups = [info for info in application.registered_groups if info.name == name]
    if name is None or len(commands) + len(groups) != 1:
        yield
        return
    every_command, every_group = application.registered_commands, application.registered_groups
    application.registered_commands, application.registered_groups = commands, groups
    try:
        yield
    finally:
        application.registered_commands, application.registered_groups = every_command, every_group


def _command_name(words: list[str]) -> str | None:
    """The command a command line names after the global `--db` option, or None (e.g. for `--help`)."""
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word == "--db":
            rest = rest[1:]
        elif not word.startswith("--db="):
            return None if word.startswith("-") else word
    return None


def _name_of(info) -> str | None:  # type: ignore[no-untyped-def]
    return info.name or (typer.main.get_command_name(info.callback.__name__) if info.callback else None)


def _coerce_plain_parameters_directly(command) -> None:  # type: ignore[no-untyped-def]
    """Give str, int, bool and Enum parameters a plain coercion, so a command line is read without importing pydantic.

    Typer builds a pydantic TypeAdapter for every parameter it reads (about 100 ms of imports at startup);
    these simple types need none. Other types keep Typer's own coercion, as does any Typer without the hook.
    """
    try:
        from typer._click import Context
        from typer._coercion import RuntimeParam
    except ImportError:
        return
    plain = _plain_coercion(RuntimeParam)
    commands = [command]
    while commands:
        current = commands.pop()
        commands.extend(getattr(current, "commands", {}).values())
        try:
            help_option = current.get_help_option(Context(current))  # made once and kept by the command
        except Exception:  # noqa: BLE001 - without it, Typer's own coercion reads --help
            help_option = None
        for parameter in [*current.params, *([help_option] if help_option is not None else [])]:
            descriptor = getattr(parameter, "type_descriptor", None)
            if descriptor is None or getattr(parameter, "_runtime_param", False) is not None:
                continue
            info = descriptor.parameter_info
            annotation = descriptor.annotation
            simple = annotation in (str, int, bool) or (isinstance(annotation, type) and issubclass(annotation, Enum))
            custom = getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None
            if simple and not custom and not parameter.multiple and parameter.nargs == 1:
                parameter._runtime_param = plain(parameter_info=info, annotation=annotation)


@cache
def _plain_coercion(base: type) -> type:
    """A Typer runtime parameter for str, int (with its min/max), bool and Enum values."""
    from typer._click.exceptions import BadParameter

    class PlainRuntimeParam(base):  # type: ignore[misc,valid-type]
        def _coerce_value(self, value, param, ctx):  # type: ignore[no-untyped-def]
            annotation, info = self.annotation, self.parameter_info
            if annotation is str:
                return value if isinstance(value, str) else str(value)
            if annotation is bool:
                if isinstance(value, bool):
                    return value
                word = str(value).strip().lower()
                if word in ("1", "true", "t", "yes", "y", "on"):
                    return True
                if word in ("0", "false", "f", "no", "n", "off"):
                    return False
                raise BadParameter(f"{value!r} is not a valid boolean.", ctx=ctx, param=param)
            if annotation is int:
                try:
                    number = value if isinstance(value, int) and not isinstance(value, bool) else int(str(value).strip())
                except ValueError:
                    raise BadParameter(f"{value!r} is not a valid integer.", ctx=ctx, param=param) from None
                if (info.min is not None and number < info.min) or (info.max is not None and number > info.max):
                    if not info.clamp:
                        bounds = " and ".join(f"x{sign}{limit}" for sign, limit in ((">=", info.min), ("<=", info.max)) if limit is not None)
                        raise BadParameter(f"{number} is not in the range {bounds}.", ctx=ctx, param=param)
                    number = max(info.min, number) if info.min is not None else number
                    number = min(info.max, number) if info.max is not None else number
                return number
            if isinstance(value, annotation):
                return value
            for member in annotation:
                if member.value == value or (not info.case_sensitive and str(member.value).lower() == str(value).lower()):
                    return member
            choices = ", ".join(repr(member.value) for member in annotation)
            raise BadParameter(f"{value!r} is not one of {choices}.", ctx=ctx, param=param)

    return PlainRuntimeParam


def _is_database_error(error: BaseException) -> bool:
    module = type(error).__module__
    return module.startswith(("sqlalchemy.", "sqlite3", "psycopg")) and type(error).__name__ != "ArgumentError"


app = TimelineApp(
    name="timeline",
    help="Event-timeline and temporal database for news articles.\n\nExample: timeline show --from 2022",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option(
        None,
        "--db",
        metavar="PATH_OR_URL",
        help="Database file or SQLAlchemy URL (default: $TIMELINE_DB or ./timeline.db).",
        show_default=False,
    ),
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=lambda shown: _print_version(shown), help="Print timeline's version and exit.",
    ),
) -> None:
    """Event-timeline and temporal database for news articles.

    Example: timeline --db research.db show --from 2022
    """
    ctx.obj = {"db": db or os.environ.get("TIMELINE_DB") or DEFAULT_DATABASE}


def _print_version(shown: bool) -> None:
    if shown:
        from timeline import __version__

        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


def database_of(ctx: typer.Context) -> str:
    """The database the user chose for this invocation."""
    root = ctx.find_root()
    if isinstance(root.obj, dict) and root.obj.get("db"):
        return root.obj["db"]
    return os.environ.get("TIMELINE_DB") or DEFAULT_DATABASE


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the exit to raise."""
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(code)
