"""`timeline sql`: one read-only query, printed as a table, CSV or JSON."""

from __future__ import annotations

from enum import Enum

import typer

from timeline.cli.app import app, database_of, fail


class SqlFormat(str, Enum):
    """Output formats of `sql`."""

    table = "table"
    csv = "csv"
    json = "json"


@app.command("sql")
def sql(
    ctx: typer.Context,
    statement: str = typer.Argument(..., help="One SELECT (or WITH, VALUES, EXPLAIN, a reading PRAGMA); - reads it from standard input."),
    output_format: SqlFormat = typer.Option(SqlFormat.table, "--format", help="table, csv or json."),
) -> None:
    """Run one query on the database opened read-only; a statement that would write is refused and nothing changes.

    The tables and views (chronology, mentions_flat, chronology_by_month, chronology_by_year, …) are
    documented in docs/schema.md, with research questions answered in SQL.

    Example: timeline sql "SELECT label, text, sources FROM chronology ORDER BY earliest, latest" --format csv
    """
    import sys

    from timeline.query.sql import QueryError, ReadOnlyError, run_sql

    if statement == "-":
        statement = sys.stdin.read()
    try:
        result = run_sql(database_of(ctx), statement)
    except ReadOnlyError as error:
        raise fail(str(error)) from None
    except QueryError as error:
        raise fail(f"the query failed: {error}") from None
    if output_format is SqlFormat.csv:
        from timeline.export.results import write_result_csv

        write_result_csv(result.columns, result.rows, sys.stdout)
    elif output_format is SqlFormat.json:
        from timeline.export.results import write_result_json

        write_result_json(result.columns, result.rows, sys.stdout)
    else:
        from timeline.export.results import render_result_table

        typer.echo(render_result_table(result.columns, result.rows))
