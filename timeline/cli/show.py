"""`timeline show`: the chronology on the terminal, or as CSV or JSON; the filters `export` shares."""

from __future__ import annotations

import errno
import gc
import itertools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

import typer

from timeline.cli.app import app, database_of, fail
from timeline.export.words import counted
from timeline.store.sqlite_file import local_sqlite_path

if TYPE_CHECKING:
    from timeline.domain import ChronologyEntry
    from timeline.query.chronology_entries import ChronologyReader

WHEN_FORMS = (
    "2022, 2022-06, June 2022, 2022-06-10, summer 2024, Q3 2024, last year, or an era name "
    "(timeline periods list). Relative dates such as 'last year' count from today's date: what you type "
    "is read against the day you type it, unlike dates in articles, which are read against their publication date."
)
FROM_OPTION = typer.Option(None, "--from", metavar="WHEN", help=f"Keep entries whose dates overlap this or anything later: {WHEN_FORMS}")
TO_OPTION = typer.Option(None, "--to", metavar="WHEN", help="Keep entries whose dates overlap this or anything earlier (same forms as --from; an era runs to its end).")
ERA_OPTION = typer.Option(None, "--era", metavar="NAME", help="Keep entries overlapping this named period, e.g. 'Wagner era'.")
ACTOR_OPTION = typer.Option(None, "--actor", metavar="NAME", help="Keep entries naming this actor (country, organisation, group, person).")
CATEGORY_OPTION = typer.Option(None, "--category", metavar="NAME", help="Keep entries of this category (recruitment, casualties, deployment, …).")
SOURCE_OPTION = typer.Option(None, "--source", metavar="TEXT", help="Keep entries reported by a source whose name, title or URL contains this.")
GREP_OPTION = typer.Option(None, "--grep", metavar="WORDS", help="Keep entries whose wording contains all these words (full-text search).")
REPORTED_OPTION = typer.Option(False, "--reported", help="Also keep entries dated only by their article's publication date.")
LIMIT_OPTION = typer.Option(None, "--limit", metavar="N", min=1, help="At most N entries.")
WITHIN_OPTION = typer.Option(False, "--within", help="Keep only entries whose whole date interval lies inside the range (instead of overlapping it).")
YEAR_UNKNOWN_OPTION = typer.Option(
    False, "--year-unknown",
    help="Show only the entries whose year alone is unknown ('7 Feb' in an article of unknown date); without a date range "
    "they are listed after the dated entries, in a section of their own.",
)


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
    year_unknown: bool = YEAR_UNKNOWN_OPTION,
    output_format: ShowFormat = typer.Option(ShowFormat.table, "--format", help="table, csv or json."),
    explain: bool = typer.Option(False, "--explain", help="Then say why each entry's reports were merged: the evidence that linked them."),
) -> None:
    """Print the chronology: one entry per event however many articles report it, in date order.

    Entries are ordered by their earliest possible day, then by their latest (the finer date
    first: '1 Apr 2024' before 'April 2024' before 'Q2 2024'); each date is shown at its true
    precision. An entry is kept when its date interval overlaps the range asked for: --from
    2022 keeps anything that may have happened in 2022 or later. Entries whose year alone is
    unknown ('7 Feb, year unknown') follow in a section of their own when no range is given
    (--year-unknown shows only them). On first use, when the database does not exist yet, it
    is built from the bundled seeds/.

    Example: timeline show --from "Wagner era" --to "North Korean deployment" --format csv
    Example: timeline show --from 2024-05 --to 2024-05 --explain
    """
    db = database_of(ctx)
    _build_from_seeds_if_missing(db)
    # The entries stream from the database to the output and are freed as they go: the cyclic garbage collector
    # would walk every object the imports and entries create, again and again, and find nothing to free.
    gc.disable()
    try:
        merged: list = []
        sections = ONLY_YEAR_UNKNOWN if year_unknown else AFTER_DATED
        with selected_entries(db, start, end, era, actor, category, source, grep, reported, limit, within, sections) as selection:
            noted = (lambda entries: _noting_merged(entries, merged)) if explain else (lambda entries: entries)
            dated = noted(selection.entries) if sections != ONLY_YEAR_UNKNOWN else None
            _write_entries(output_format, dated, noted(selection.year_unknown))
            notes = selection.notes()
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(0) from None
    finally:
        gc.enable()
    for note in notes:
        typer.echo(note, err=True)
    if explain:
        _explain(db, merged, to_stderr=output_format is not ShowFormat.table)


def _write_entries(output_format: ShowFormat, dated, year_unknown) -> None:  # type: ignore[no-untyped-def]
    """The dated entries (None: only the others were asked for), then those whose year alone is unknown."""
    if output_format is not ShowFormat.table:
        from timeline.export.tabular import write_csv, write_json

        every = itertools.chain(dated or (), year_unknown)
        (write_csv if output_format is ShowFormat.csv else write_json)(every, sys.stdout)
        sys.stdout.flush()
        return
    from timeline.export.table import write_table

    if dated is not None:
        write_table(dated, sys.stdout)
    unknown = iter(year_unknown)
    first = next(unknown, None)
    if first is not None and dated is not None:
        sys.stdout.write(f"\n{YEAR_UNKNOWN_HEADING}\n")
    if first is not None or dated is None:
        write_table(itertools.chain([first], unknown) if first is not None else (), sys.stdout)
    sys.stdout.flush()


def _noting_merged(entries, merged: list):  # type: ignore[no-untyped-def]
    """The entries as they stream, noting (id, label, text) of each that cites several reports."""
    for entry in entries:
        if entry.event_count > 1:
            merged.append((entry.event_id, entry.label, entry.text))
        yield entry


def _explain(db: str, merged: list, to_stderr: bool) -> None:  # type: ignore[no-untyped-def]
    """Why each shown entry's reports were merged (after a table on stdout; after CSV or JSON on stderr)."""
    from timeline.store.cluster_explain import merge_explanations

    explained = merge_explanations(db, (identifier for identifier, _label, _text in merged))
    lines = ["", "Why reports were merged:"] if explained else ["", "No entry shown merges several reports."]
    for identifier, label, text in merged:
        if identifier in explained:
            lines.append(f"  {label}  {' '.join(text.split())[:80]}")
            lines.extend(f"    {line}" for line in explained[identifier])
    typer.echo("\n".join(lines), err=to_stderr)


def _quiet_broken_pipe() -> None:
    """After the reader of standard output went away (`| head`), send what is left to nowhere instead of an error."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


AFTER_DATED = "after"
"""The entries whose year alone is unknown follow the dated ones, when no date range is asked for."""
ONLY_YEAR_UNKNOWN = "only"
"""Only the entries whose year alone is unknown."""
YEAR_UNKNOWN_HEADING = "Year unknown (articles of unknown publication date whose text gives no year):"


@dataclass
class Selection:
    """The entries a command asked for, read as they are taken, and the notes on what they leave out.

    `entries` are the dated entries; `year_unknown` the entries whose year alone is unknown, read after them.
    """

    entries: Iterator[ChronologyEntry]
    notes: Callable[[], list[str]]
    year_unknown: Iterator[ChronologyEntry] = field(default_factory=lambda: iter(()))


@contextmanager
def selected_entries(db, start, end, era, actor, category, source, grep, reported, limit, within=False, sections=None) -> Iterator[Selection]:  # type: ignore[no-untyped-def]
    """The filtered chronology, streamed while the block runs, and (after it) notes on what it leaves out; a clear error
    (exit 2) for a bad filter, exit 1 for a database that cannot be read.

    `sections` is AFTER_DATED (the entries whose year alone is unknown follow, when no date range is given),
    ONLY_YEAR_UNKNOWN, or None (the dated entries alone).

    A local SQLite file is read with the standard library (`timeline/query/sqlite_reader.py`), any other
    database through SQLAlchemy; both run the same statements and give the same entries.
    """
    from timeline.query.chronology_entries import iter_entries
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
            entries, clustered = iter_entries(reader, query_filter)
            ranged = bool(start or end or era)
            unknown_wanted = sections == ONLY_YEAR_UNKNOWN or (sections == AFTER_DATED and not ranged)
            year_unknown = _year_unknown_entries(reader, query_filter) if unknown_wanted else iter(())

            def notes() -> list[str]:
                found = [_range_note(query_filter, start, end, era)] if ranged else []
                if ranged and sections == AFTER_DATED and _has_year_unknown(reader, query_filter):
                    found.append("(Entries whose year alone is unknown are never placed in a date range: "
                                 "timeline show --year-unknown lists them.)")
                undated = reader.undated_count(clustered, query_filter.include_reported)
                if undated:
                    found.append(f"({counted(undated, 'entry')} with no calendar date — their article's publication date is "
                                 "unknown — are not shown.)")
                return found

            try:
                yield Selection(entries, notes, year_unknown)
            finally:
                entries.close()  # its cursor closes before the connection does, even when the output stopped early
                if hasattr(year_unknown, "close"):
                    year_unknown.close()
    except (typer.Exit, BrokenPipeError, KeyboardInterrupt):
        raise
    except OSError as error:
        if error.errno == errno.EPIPE:
            raise BrokenPipeError from None
        raise fail(f"cannot write the output: {error.strerror or error}") from None
    except Exception as error:  # noqa: BLE001 - a database that cannot be read is reported, not traced
        raise fail(f"cannot read {db}: {getattr(error, 'orig', None) or error}") from None


def _has_year_unknown(reader, query_filter) -> bool:  # type: ignore[no-untyped-def]
    """Whether any entry whose year alone is unknown matches the filters (its dates aside)."""
    from dataclasses import replace

    entries = _year_unknown_entries(reader, replace(query_filter, limit=1))
    try:
        return next(entries, None) is not None
    finally:
        entries.close()


def _year_unknown_entries(reader, query_filter) -> Iterator[ChronologyEntry]:  # type: ignore[no-untyped-def]
    """The entries whose year alone is unknown, by month and day, under the same filters; read only when taken."""
    from dataclasses import replace

    from timeline.query.chronology_entries import iter_entries

    entries = iter_entries(reader, replace(query_filter, start=None, end=None, within=False, year_unknown=True))[0]
    try:
        yield from entries
    finally:
        entries.close()


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
