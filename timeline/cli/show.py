"""`timeline show`: the chronology on the terminal, or as CSV or JSON."""

from __future__ import annotations

import sys
from enum import Enum

import typer

from timeline.cli.app import app, database_of, fail


class ShowFormat(str, Enum):
    """Output formats of `show`."""

    table = "table"
    csv = "csv"
    json = "json"


@app.command("show")
def show(
    ctx: typer.Context,
    start: str = typer.Option(None, "--from", help="Keep events whose dates overlap this or later: 2022, 2022-06, June 2022, 2022-06-10."),
    end: str = typer.Option(None, "--to", help="Keep events whose dates overlap this or earlier (same forms as --from)."),
    output_format: ShowFormat = typer.Option(ShowFormat.table, "--format", help="table, csv or json."),
    limit: int = typer.Option(None, "--limit", min=1, help="Show at most N events."),
    reported: bool = typer.Option(False, "--reported", help="Also show events dated only by their publication date."),
) -> None:
    """Print the chronology, ordered by date, each date at its true precision.

    An event is kept when its interval overlaps the range: --from 2022 keeps
    anything that may have happened in 2022 or later. On first use, when the
    database does not exist yet, it is built from the bundled seeds/.

    Example: timeline show --from 2022 --to 2024-06 --format csv
    """
    from timeline.query.chronology import chronology
    from timeline.query.when import WhenError, parse_when

    db = database_of(ctx)
    try:
        lower = parse_when(start)[0] if start else None
        upper = parse_when(end)[1] if end else None
    except WhenError as error:
        raise fail(str(error), 2) from None
    _build_from_seeds_if_missing(db)
    entries = chronology(db, lower, upper, include_reported=reported, limit=limit)
    if output_format is ShowFormat.csv:
        from timeline.export.tabular import write_csv

        write_csv(entries, sys.stdout)
    elif output_format is ShowFormat.json:
        from timeline.export.tabular import write_json

        write_json(entries, sys.stdout)
    else:
        from timeline.cli.table import render_table

        typer.echo(render_table(entries))


def _build_from_seeds_if_missing(db: str) -> None:
    from timeline.store.database import database_url, sqlite_path

    path = sqlite_path(database_url(db))
    if path is None or path.exists():
        return
    from timeline.cli.progress import ingest_with_progress
    from timeline.seeds import SEEDS_DIRECTORY

    typer.echo(f"No database at {path} yet: building it from {SEEDS_DIRECTORY} …", err=True)
    report = ingest_with_progress([str(SEEDS_DIRECTORY)], db)
    typer.echo(f"Built {path}: {report.summary()}.", err=True)
