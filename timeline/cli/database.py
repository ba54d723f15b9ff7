"""`timeline db`: upgrade, current, check, backup."""

from __future__ import annotations

import typer

from timeline.cli.app import app, database_of, fail

db_app = typer.Typer(
    help="Manage the database schema.\n\nExample: timeline db upgrade",
    no_args_is_help=True,
    rich_markup_mode=None,
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
def check(
    ctx: typer.Context,
    repair: bool = typer.Option(False, "--repair", help="Mend entries that disagree with their events (merge their events again)."),
) -> None:
    """Check the database: schema against the models, storage integrity, and the project's invariants.

    On SQLite this runs integrity_check and foreign_key_check; on every backend
    it checks that each event and mention points at a stored document with
    offsets inside its text, that stored text matches its SHA-256, that each
    entry agrees with its events, and more. Exits 1 and lists each problem when
    anything is wrong; with --repair, entries that disagree with their events
    are merged again first.

    Example: timeline db check --repair
    """
    from timeline.store.database import create_database_engine
    from timeline.store.integrity import check_database
    from timeline.store.migrate import current_revision, head_revision, pending_differences

    db = database_of(ctx)
    _require_existing(db)
    engine = create_database_engine(db)
    try:
        revision = current_revision(engine)
        differences = pending_differences(engine) if revision == head_revision() else []
    finally:
        engine.dispose()
    if revision != head_revision():
        raise fail(f"database is at {revision or 'no revision'}, newest is {head_revision()}: run `timeline db upgrade`")
    if differences:
        for difference in differences:
            typer.echo(f"  {difference}", err=True)
        raise fail("the schema differs from the models")
    typer.echo("schema OK")
    if repair:
        from timeline.store.integrity import repair_database

        typer.echo(f"repaired: {repair_database(db)} entries or documents merged again")
    findings = check_database(db)
    for finding in findings:
        typer.echo(f"  {finding}", err=True)
    if findings:
        raise fail(f"{len(findings)} check(s) failed")
    typer.echo("integrity OK: storage checks and invariants pass")


@db_app.command("backup")
def backup(
    ctx: typer.Context,
    destination: str = typer.Argument(..., help="File to write the copy to."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it exists."),
) -> None:
    """Copy the database to FILE as one consistent snapshot, even while it is in use (SQLite).

    Readers and writers go on meanwhile; the copy is checked before it is put
    in place. For PostgreSQL use pg_dump.

    Example: timeline db backup backups/timeline-2024-06-10.db
    """
    from timeline.store.backup import BackupError
    from timeline.store.backup import backup as backup_database

    try:
        copy = backup_database(database_of(ctx), destination, overwrite=force)
    except BackupError as error:
        raise fail(str(error)) from None
    typer.echo(f"backed up {database_of(ctx)} to {copy}")


def _require_existing(db: str) -> None:
    from timeline.store.database import database_url, sqlite_path

    path = sqlite_path(database_url(db))
    if path is not None and not path.exists():
        raise fail(f"{path}: no such database (create it with `timeline db upgrade` or `timeline ingest`)")
