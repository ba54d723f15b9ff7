"""`timeline sql`: one read-only query, within a time limit, printed as a table, CSV or JSON."""

from __future__ import annotations

from enum import Enum

import typer

from timeline.cli.app import TimelineCommand, app, database_of, fail


class SqlFormat(str, Enum):
    """Output formats of `sql`."""

    table = "table"
    csv = "csv"
    json = "json"


class PairedParameterCommand(TimelineCommand):
    """A command whose -p option takes two words each time, NAME and VALUE, as sqlite-utils' does."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for parameter in self.params:
            if parameter.name == "parameters":
                parameter.nargs = 2


@app.command("sql", cls=PairedParameterCommand)
def sql(
    ctx: typer.Context,
    statement: str = typer.Argument(
        ..., metavar="STATEMENT",
        help="One SELECT, WITH, VALUES or EXPLAIN, or a reading PRAGMA (table_info, integrity_check, …); - reads it from standard input.",
    ),
    parameters: list[str] = typer.Option(
        None, "-p", "--param", metavar="NAME VALUE", parser=lambda pair: pair, show_default=False,
        help="A value for :NAME in the statement (repeat for more).",
    ),
    output_format: SqlFormat = typer.Option(SqlFormat.table, "--format", help="table, csv or json.", show_choices=False),
    timeout: float = typer.Option(60.0, "--timeout", metavar="SECONDS", min=0, help="Stop the statement after this long (0: no limit)."),
    max_rows: int = typer.Option(
        1000, "--max-rows", metavar="N", min=0,
        help="At most N rows (0: all). The default holds for the table; CSV and JSON give every row unless told.",
    ),
) -> None:
    """Run one query on the database opened read-only: a statement that would write is refused and nothing changes.

    The tables and views (chronology, mentions_flat, chronology_by_month, chronology_by_year, …) are
    documented in docs/schema.md, with research questions answered in SQL. Full-text search:
    SELECT rowid FROM events_fts WHERE events_fts MATCH 'recruit AND africa'. Named parameters are
    written :NAME and given with -p NAME VALUE. A statement runs at most --timeout seconds; Ctrl-C
    stops it (on PostgreSQL, on the server too). On PostgreSQL it runs in a READ ONLY transaction as a
    role that can neither read the server's files nor end other sessions: a superuser URL is refused
    unless a reader role exists (see `timeline db reader-role`).

    Example: timeline sql "SELECT e.text, d.source FROM events e JOIN documents d ON d.id = e.document_id WHERE e.cluster_id = :id" -p id 3f2a9c0d1e4b5a6c
    """
    import sys

    from timeline.query.sql import QueryCancelled, QueryError, ReadOnlyError, open_query
    from timeline.query.sql_postgresql import UnsafeRoleError

    if statement == "-":
        statement = sys.stdin.read()
    values = _parameters(parameters or [])
    limit = max_rows if (output_format is SqlFormat.table or ctx.get_parameter_source("max_rows").name != "DEFAULT") else 0
    try:
        with open_query(database_of(ctx), statement, values, timeout=timeout or None) as query:
            _write(output_format, query.columns, query.rows, limit, sys.stdout)
    except (ReadOnlyError, UnsafeRoleError) as error:
        raise fail(str(error)) from None
    except QueryCancelled as error:
        raise fail(str(error), 130) from None
    except KeyboardInterrupt:
        raise fail("cancelled (Ctrl-C): the statement was stopped; nothing was changed", 130) from None
    except QueryError as error:
        raise fail(f"the query failed: {error}") from None
    except BrokenPipeError:
        from timeline.cli.show import _quiet_broken_pipe

        _quiet_broken_pipe()
        raise typer.Exit(0) from None


def _parameters(pairs: list[tuple[str, str]] | list[str]) -> dict[str, str]:
    """-p NAME VALUE pairs as a dict (a leading : of NAME is dropped)."""
    return {name.lstrip(":"): value for name, value in pairs}


def _write(output_format: SqlFormat, columns, rows, limit: int, out) -> None:  # type: ignore[no-untyped-def]
    import itertools

    shown = itertools.islice(rows, limit) if limit else rows
    if output_format is SqlFormat.csv:
        from timeline.export.results import write_result_csv

        write_result_csv(columns, shown, out)
    elif output_format is SqlFormat.json:
        from timeline.export.results import write_result_json

        write_result_json(columns, shown, out)
    else:
        from timeline.export.results import render_result_table

        listed = list(shown)
        more = bool(limit) and next(rows, None) is not None
        typer.echo(render_result_table(columns, listed))
        if more:
            typer.echo(f"(only the first {limit} rows are shown: --max-rows 0 shows all, or use --format csv)", err=True)
        return
    if limit and next(rows, None) is not None:
        typer.echo(f"(stopped after {limit} rows: --max-rows 0 gives all)", err=True)
