"""The Typer application object and the options every command shares."""

from __future__ import annotations

import os

import typer

DEFAULT_DATABASE = "timeline.db"

class TimelineApp(typer.Typer):
    """The command line: a database error anywhere ends with one clear line on stderr, not a traceback."""

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return super().__call__(*args, **kwargs)
        except Exception as error:
            if type(error).__name__ == "StorageError":
                typer.echo(f"Error: {error}", err=True)
                raise SystemExit(1) from None
            if not _is_database_error(error):
                raise
            from timeline.store.database import describe_database_error

            typer.echo(f"Error: database: {describe_database_error(error)}", err=True)
            raise SystemExit(1) from None


def _is_database_error(error: BaseException) -> bool:
    module = type(error).__module__
    return module.startswith(("sqlalchemy.", "sqlite3", "psycopg")) and type(error).__name__ != "ArgumentError"


app = TimelineApp(
    name="timeline",
    help="Event-timeline and temporal database for news articles.\n\nExample: timeline show --from 2022",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option(
        None,
        "--db",
        help="Database file or SQLAlchemy URL (default: $TIMELINE_DB or ./timeline.db).",
        show_default=False,
    ),
) -> None:
    """Event-timeline and temporal database for news articles.

    Example: timeline --db research.db show --from 2022
    """
    ctx.obj = {"db": db or os.environ.get("TIMELINE_DB") or DEFAULT_DATABASE}


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
