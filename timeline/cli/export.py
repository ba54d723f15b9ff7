"""`timeline export`: the chronology as CSV, ICS, JSON, TimelineJS or a self-contained HTML page."""

from __future__ import annotations

import sys
from enum import Enum

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
    selected_entries,
)


class ExportFormat(str, Enum):
    """Formats of `export`."""

    csv = "csv"
    csv_sources = "csv-sources"
    ics = "ics"
    json = "json"
    timelinejs = "timelinejs"
    html = "html"


@app.command("export")
def export(
    ctx: typer.Context,
    output_format: ExportFormat = typer.Option(..., "--format", help="csv, csv-sources, ics, json, timelinejs or html.", show_choices=False),
    output: str = typer.Option("-", "-o", "--output", metavar="FILE", help="Write to this file; - (the default) is standard output.", show_default=False),
    title: str = typer.Option("Chronology", "--title", help="Title of the HTML page and of the TimelineJS title slide."),
    max_span: int = typer.Option(None, "--max-span", metavar="DAYS", min=1, help="ics: leave out entries longer than DAYS days (1 keeps the events dated to the day)."),
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
    """Export the chronology with the same filters as `show`; every format names each report's source, url, title, date and offsets.

    csv: RFC 4180, UTF-8, the chronology view's columns; cells a spreadsheet would run as a formula
    are prefixed with '. csv-sources: one row per report of each entry (source, url, title,
    published, document_id, start, end). json: the entries as records, each with its reports.
    ics: one all-day event per entry over its whole interval (exclusive DTEND), UID = the stable
    cluster id, each report in DESCRIPTION and its url as ATTACH; entries spanning weeks or years
    are kept unless --max-span says otherwise. timelinejs: a TimelineJS document with the eras and
    a title slide. html: one self-contained page (no network needed) with filters. Only http and
    https urls become links. Entries are written as they are read, so memory stays flat at any size.

    Example: timeline export --format html --from 2022 -o chronology.html
    """
    import gc

    from timeline.cli.show import _build_from_seeds_if_missing, _quiet_broken_pipe
    from timeline.export.writers import NEEDS_PERIODS, ExportOptions, write_export

    db = database_of(ctx)
    _build_from_seeds_if_missing(db)
    periods = _periods(db) if output_format.value in NEEDS_PERIODS else []
    options = ExportOptions(periods=periods, title=title, max_span=max_span)
    newline = "" if output_format in (ExportFormat.csv, ExportFormat.csv_sources, ExportFormat.ics) else None
    to_stdout = output in ("-", "")
    gc.disable()
    try:
        with selected_entries(db, start, end, era, actor, category, source, grep, reported, limit, within) as selection:
            if to_stdout:
                count = write_export(output_format.value, selection.entries, sys.stdout, options)
                sys.stdout.flush()
            else:
                from timeline.cli.output import replaced_file

                with replaced_file(output, newline) as out:
                    count = write_export(output_format.value, selection.entries, out, options)
            notes = selection.notes()
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(0) from None
    except OSError as error:
        raise fail(f"cannot write {output if not to_stdout else 'standard output'}: {error.strerror or error}") from None
    finally:
        gc.enable()
    for note in notes:
        typer.echo(note, err=True)
    if not to_stdout:
        from timeline.export.words import counted

        typer.echo(f"Wrote {counted(count, 'entry')} as {output_format.value} to {output}", err=True)


def _periods(db: str) -> list:  # type: ignore[type-arg]
    from timeline.query.period_table import list_periods

    return list_periods(db)
