"""`timeline export`: the chronology as CSV, ICS, JSON, TimelineJS or a self-contained HTML page."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from timeline.cli.app import app, database_of, fail
from timeline.cli.show import (
    ACTOR_OPTION,
    CATEGORY_OPTION,
    ERA_OPTION,
    FROM_OPTION,
    GREP_OPTION,
    LIMIT_OPTION,
    REPORTED_OPTION,
    SOURCE_OPTION,
    TO_OPTION,
    WITHIN_OPTION,
    select_entries,
)


class ExportFormat(str, Enum):
    """Formats of `export`."""

    csv = "csv"
    ics = "ics"
    json = "json"
    timelinejs = "timelinejs"
    html = "html"


@app.command("export")
def export(
    ctx: typer.Context,
    output_format: ExportFormat = typer.Option(..., "--format", help="csv, ics, json, timelinejs or html."),
    output: Path = typer.Option(None, "-o", "--output", help="Write to this file (default: standard output).", dir_okay=False),
    title: str = typer.Option("Chronology", "--title", help="Title of the HTML page and the TimelineJS title slide."),
    start: str = FROM_OPTION,
    end: str = TO_OPTION,
    era: str = ERA_OPTION,
    actor: str = ACTOR_OPTION,
    category: str = CATEGORY_OPTION,
    source: str = SOURCE_OPTION,
    grep: str = GREP_OPTION,
    reported: bool = REPORTED_OPTION,
    limit: int = LIMIT_OPTION,
    within: bool = WITHIN_OPTION,
) -> None:
    """Export the chronology with the same filters as `show` (overlap semantics: see `show --help`).

    csv: RFC 4180, UTF-8, the documented columns; cells a spreadsheet would run as a formula are
    prefixed with '. ics: one all-day event per entry over its whole interval (exclusive DTEND),
    UID = the stable cluster id. json: the entries as records. timelinejs: a TimelineJS document
    with the eras. html: one self-contained page (no network needed) drawing the timeline.

    Example: timeline export --format html --from 2022 -o chronology.html
    """
    import sys

    db = database_of(ctx)
    from timeline.cli.show import _build_from_seeds_if_missing

    _build_from_seeds_if_missing(db)
    entries, notes = select_entries(db, start, end, era, actor, category, source, grep, reported, limit, within)
    periods = _periods(db) if output_format in (ExportFormat.timelinejs, ExportFormat.html) else []
    from timeline.export.writers import write_export

    newline = "" if output_format in (ExportFormat.csv, ExportFormat.ics) else None
    try:
        if output is None:
            write_export(output_format.value, entries, sys.stdout, periods, title)
            sys.stdout.flush()
        else:
            with output.open("w", encoding="utf-8", newline=newline) as out:
                write_export(output_format.value, entries, out, periods, title)
    except BrokenPipeError:
        raise typer.Exit(0) from None
    except OSError as error:
        raise fail(f"cannot write {output or 'standard output'}: {error.strerror or error}") from None
    for note in notes:
        typer.echo(note, err=True)
    if output is not None:
        typer.echo(f"Wrote {len(entries)} entries as {output_format.value} to {output}", err=True)


def _periods(db: str) -> list:  # type: ignore[type-arg]
    from timeline.query.period_table import list_periods

    return list_periods(db)
