"""The Typer application object and the options every command shares."""

from __future__ import annotations

import os

import typer

DEFAULT_DATABASE = "timeline.db"

app = typer.Typer(
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
