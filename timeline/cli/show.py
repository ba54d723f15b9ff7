"""`timeline show`: the chronology on the terminal, or as CSV or JSON; the filters `export` shares."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING

import typer

from timeline.cli.app import app, database_of, fail
from timeline.store.sqlite_file import local_sqlite_path

if TYPE_CHECKING:
    from timeline.query.chronology_entries import ChronologyReader

WHEN_FORMS = (
    "2022, 2022-06, June 2022, 2022-06-10, summer 2024, Q3 2024, last year, or an era name "
    "(timeline periods list). Relative dates such as 'last year' count from today's date: what you type "
    "is read against the day you type it, unlike dates in articles, which are read against their publication date."
)
FROM_OPTION = typer.Option(None, "--from", help=f"Keep entries whose dates overlap this or anything later: {WHEN_FORMS}")
TO_OPTION = typer.Option(None, "--to", help="Keep entries whose dates overlap this or anything earlier (same forms as --from; an era runs to its end).")
ERA_OPTION = typer.Option(None, "--era", help="Keep entries overlapping this named period, e.g. 'Wagner era'.")
ACTOR_OPTION = typer.Option(None, "--actor", help="Keep entries naming this actor (country, organisation, group, person).")
CATEGORY_OPTION = typer.Option(None, "--category", help="Keep entries of this category (recruitment, casualties, deployment, …).")
SOURCE_OPTION = typer.Option(None, "--source", help="Keep entries reported by a source whose name, title or URL contains this.")
GREP_OPTION = typer.Option(None, "--grep", help="Keep entries whose wording contains all these words (full-text search).")
REPORTED_OPTION = typer.Option(False, "--reported", help="Also keep entries dated only by their article's publication date.")
LIMIT_OPTION = typer.Option(None, "--limit", min=1, help="At most N entries.")
WITHIN_OPTION = typer.Option(False, "--within", help="Keep only entries whose whole date interval lies inside the range (instead of overlapping it).")


class ShowFormat(str, Enum):
    """Output formats of `show`."""

    table = "table"
    csv = "csv"
    json = "json"


@app.command("show")
def show(
    ctx: typer.Context,
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
    output_format: ShowFormat = typer.Option(ShowFormat.table, "--format", help="table, csv or json."),
    explain: bool = typer.Option(False, "--explain", help="Then say why each entry's reports were merged: the evidence that linked them."),
) -> None:
    """Print the chronology: one entry per event however many articles report it, in date order.

    Entries are ordered by their earliest possible day, then by their latest (the finer date
    first: '1 Apr 2024' before 'April 2024' before 'Q2 2024'); each date is shown at its true
    precision. An entry is kept when its date interval overlaps the range asked for: --from
    2022 keeps anything that may have happened in 2022 or later. On first use, when the
    database does not exist yet, it is built from the bundled seeds/.

    Example: timeline show --from "Wagner era" --to "North Korean deployment" --format csv
    Example: timeline show --from 2024-05 --to 2024-05 --explain
    """
    db = database_of(ctx)
    _build_from_seeds_if_missing(db)
    # A short read: the cyclic garbage collector would walk every object its imports and entries create, again
    # and again, and find nothing to free.
    gc.disable()
    try:
        entries, hidden = select_entries(db, start, end, era, actor, category, source, grep, reported, limit, within)
    finally:
        gc.enable()
    if output_format is ShowFormat.csv:
        from timeline.export.tabular import write_csv

        write_csv(entries, sys.stdout)
    elif output_format is ShowFormat.json:
        from timeline.export.tabular import write_json

        write_json(entries, sys.stdout)
    else:
        from timeline.export.table import render_table

        typer.echo(render_table(entries))
    for note in hidden:
        typer.echo(note, err=True)
    if explain:
        _explain(db, entries, to_stderr=output_format is not ShowFormat.table)


def _explain(db: str, entries, to_stderr: bool) -> None:  # type: ignore[no-untyped-def]
    """Why each shown entry's reports were merged (after a table on stdout; after CSV or JSON on stderr)."""
    from timeline.store.cluster_explain import merge_explanations

    explained = merge_explanations(db, (entry.event_id for entry in entries))
    lines = ["", "Why reports were merged:"] if explained else ["", "No entry shown merges several reports."]
    for entry in entries:
        if entry.event_id in explained:
            lines.append(f"  {entry.label}  {' '.join(entry.text.split())[:80]}")
            lines.extend(f"    {line}" for line in explained[entry.event_id])
    typer.echo("\n".join(lines), err=to_stderr)


def select_entries(db, start, end, era, actor, category, source, grep, reported, limit, within=False):  # type: ignore[no-untyped-def]
    """The filtered chronology and notes on what it leaves out, or a clear error (exit 2) for a bad filter.

    A local SQLite file is read with the standard library (`timeline/query/sqlite_reader.py`), any other
    database through SQLAlchemy; both run the same statements and give the same entries.
    """
    from timeline.query.chronology_entries import read_chronology
    from timeline.query.filters import filter_of
    from timeline.query.when import WhenError

    try:
        with _reader_of(db) as reader:
            try:
                query_filter = filter_of(
                    reader.periods, start, end, era, actor=actor, text=grep, category=category, source=source,
                    include_reported=reported, limit=limit, within=within,
                )
            except WhenError as error:
                raise fail(str(error), 2) from None
            entries, undated = read_chronology(reader, query_filter)
    except typer.Exit:
        raise
    except Exception as error:  # noqa: BLE001 - a database that cannot be read is reported, not traced
        raise fail(f"cannot read {db}: {getattr(error, 'orig', None) or error}") from None
    notes = [_range_note(query_filter, start, end, era)] if (start or end or era) else []
    if undated:
        notes.append(f"({undated} entries with no calendar date — their article's publication date is unknown — are not shown.)")
    return entries, notes


@contextmanager
def _reader_of(db: str) -> Iterator[ChronologyReader]:
    """A chronology reader of the database: the standard library's for a local SQLite file, SQLAlchemy's for any other."""
    path = local_sqlite_path(db)
    if path is not None:
        from timeline.query.sqlite_reader import sqlite_reader

        with sqlite_reader(path) as reader:
            yield reader
        return
    from timeline.query.chronology import CoreReader
    from timeline.store.database import read_only_connection

    with read_only_connection(db) as connection:
        yield CoreReader(connection)


def _range_note(query_filter, start, end, era) -> str:  # type: ignore[no-untyped-def]
    """How the typed range was read, e.g. `(dates overlapping 1 Jul 2022 to 28 Apr 2025: --from 'Wagner era' …)`."""
    from datetime import timedelta

    def day(value) -> str:  # type: ignore[no-untyped-def]
        return f"{value.day} {value:%b %Y}"

    first = day(query_filter.start) if query_filter.start else None
    last = day(query_filter.end - timedelta(days=1)) if query_filter.end else None
    span = f"{first} to {last}" if first and last else f"the time from {first} on" if first else f"the time up to {last}"
    typed = " ".join(f"{flag} {value!r}" for flag, value in (("--from", start), ("--to", end), ("--era", era)) if value)
    relation = "lie within" if query_filter.within else "overlap"
    return f"(entries whose dates {relation} {span}: {typed})"


def _build_from_seeds_if_missing(db: str) -> None:
    path = local_sqlite_path(db)
    if path is None:
        from timeline.store.database import database_url, sqlite_path

        path = sqlite_path(database_url(db))
    if path is None or path.exists():
        return
    from timeline.cli.progress import ingest_with_progress
    from timeline.seeds import SEEDS_DIRECTORY

    typer.echo(f"No database at {path} yet: building it from {SEEDS_DIRECTORY} …", err=True)
    report = ingest_with_progress([str(SEEDS_DIRECTORY)], db)
    typer.echo(f"Built {path}: {report.summary()}.", err=True)
