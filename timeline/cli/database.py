"""`timeline db`: upgrade, current, check."""

from __future__ import annotations

import typer

from timeline.cli.app import app, database_of, fail

db_app = typer.Typer(
    help="Manage the database schema.\n\nExample: timeline db upgrade",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(ctx: typer.Context, revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Create or migrate the database to the newest schema (or REVISION).

    Example: timeline db upgrade
    """
    from timeline.store.migrate import upgrade as upgrade_schema

    upgrade_schema(database_of(ctx), revision)
    typer.echo(f"{database_of(ctx)}: at revision {revision}")


@db_app.command("current")
def current(ctx: typer.Context) -> None:
    """Print the revision the database is at and the newest one available.

    Example: timeline db current
    """
    from timeline.store.database import create_database_engine
    from timeline.store.migrate import current_revision, head_revision

    engine = create_database_engine(database_of(ctx))
    try:
        revision = current_revision(engine)
    finally:
        engine.dispose()
    head = head_revision()
    state = "up to date" if revision == head else "behind: run `timeline db upgrade`"
    typer.echo(f"current: {revision or '(empty database)'}  head: {head}  ({state})")


@db_app.command("check")
def check(ctx: typer.Context) -> None:
    """Check that the schema matches the models; exit 1 and list differences if not.

    Example: timeline db check
    """
    from timeline.store.database import create_database_engine
    from timeline.store.migrate import current_revision, head_revision, pending_differences

    engine = create_database_engine(database_of(ctx))
    try:
        revision = current_revision(engine)
        differences = pending_differences(engine)
    finally:
        engine.dispose()
    if revision != head_revision():
        raise fail(f"database is at {revision or 'no revision'}, newest is {head_revision()}: run `timeline db upgrade`")
    if differences:
        for difference in differences:
            typer.echo(f"  {difference}", err=True)
        raise fail("the schema differs from the models")
    typer.echo("schema OK")
