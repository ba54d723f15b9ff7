"""`timeline periods`: the named eras used by --era, --from/--to and by articles' "since the start of …"."""

from __future__ import annotations

import typer

from timeline.cli.app import TimelineTyper, app, database_of, fail

periods_app = TimelineTyper(
    help="List, add and remove named periods (eras) such as 'Wagner era'.\n\nExample: timeline periods list",
    no_args_is_help=True,
)
app.add_typer(periods_app, name="periods")


@periods_app.command("list")
def list_command(ctx: typer.Context) -> None:
    """List the periods with their dates, aliases and description.

    Example: timeline periods list
    """
    from timeline.store.database import database_url, sqlite_path

    db = database_of(ctx)
    path = sqlite_path(database_url(db))
    if path is not None and not path.exists():
        from timeline.query.periods import read_periods_file
        from timeline.seeds import SEEDS_DIRECTORY

        typer.echo(f"No database at {path} yet: these are the bundled periods of {SEEDS_DIRECTORY / 'periods.toml'}.", err=True)
        periods = read_periods_file(SEEDS_DIRECTORY / "periods.toml", origin="seed")
    else:
        from timeline.query.period_table import list_periods

        try:
            periods = list_periods(db)
        except Exception as error:  # noqa: BLE001 - an unreadable database is reported, not traced
            raise fail(f"cannot read {db}: {error}") from None
    if not periods:
        typer.echo("No periods: add one with `timeline periods add NAME --start DATE`.")
        return
    for period in periods:
        typer.echo(f"{period.name}  [{period.dates_label()}]")
        if period.aliases:
            typer.echo(f"    aliases: {'; '.join(period.aliases)}")
        if period.description:
            typer.echo(f"    {period.description}")


@periods_app.command("add")
def add_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The period's name, e.g. 'Bakhmut battle'."),
    start: str = typer.Option(..., "--start", metavar="DATE", help="First day, month or year: YYYY, YYYY-MM or YYYY-MM-DD."),
    end: str = typer.Option(None, "--end", metavar="DATE", help="Last day, month or year (inclusive); leave out while it goes on."),
    alias: list[str] = typer.Option([], "--alias", metavar="NAME", help="Another name (repeat the option for more)."),
    description: str = typer.Option("", "--description", metavar="TEXT", help="One line saying what the period is and what its dates mark."),
    replace: bool = typer.Option(False, "--replace", help="Replace a period of the same name."),
) -> None:
    """Add a named period; --end is inclusive at its precision (2023-08 means to 31 August 2023).

    Example: timeline periods add "Battle of Bakhmut" --start 2022-08-01 --end 2023-05-20 --alias Bakhmut
    """
    from timeline.query.period_table import add_period
    from timeline.query.periods import PeriodError, make_period

    try:
        period = make_period(name, start, end, alias, description)
        add_period(database_of(ctx), period, replace=replace)
    except PeriodError as error:
        raise fail(str(error)) from None
    typer.echo(f"Added {period.name} [{period.dates_label()}]")


@periods_app.command("remove")
def remove_command(ctx: typer.Context, name: str = typer.Argument(..., help="Name or alias of the period.")) -> None:
    """Remove a named period.

    Example: timeline periods remove "Battle of Bakhmut"
    """
    from timeline.query.period_table import remove_period
    from timeline.query.periods import PeriodError

    try:
        period = remove_period(database_of(ctx), name)
    except PeriodError as error:
        raise fail(str(error)) from None
    typer.echo(f"Removed {period.name}")


@periods_app.command("load")
def load_command(ctx: typer.Context, path: str = typer.Argument(..., metavar="FILE", help="A TOML file of [[period]] tables.")) -> None:
    """Add or update (by name) every period of a TOML file laid out like seeds/periods.toml.

    Example: timeline periods load seeds/periods.toml
    """
    from timeline.query.period_table import load_periods
    from timeline.query.periods import PeriodError

    try:
        added, updated = load_periods(database_of(ctx), path)
    except PeriodError as error:
        raise fail(str(error)) from None
    typer.echo(f"{added} added, {updated} updated from {path}")
