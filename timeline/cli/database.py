"""`timeline db`: upgrade, current, check, backup."""

from __future__ import annotations

import typer

from timeline.cli.app import TimelineTyper, app, database_of, fail

db_app = TimelineTyper(
    help="Manage the database schema.\n\nExample: timeline db upgrade",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(ctx: typer.Context, revision: str = typer.Argument("head", metavar="REVISION", help="Target revision.")) -> None:
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
    destination: str = typer.Argument(..., metavar="FILE", help="File to write the copy to."),
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


@db_app.command("reader-role")
def reader_role(
    ctx: typer.Context,
    name: str = typer.Argument(None, metavar="NAME", help="The role's name (default: $TIMELINE_READER_ROLE or timeline_reader)."),
    password: str = typer.Option(None, "--password", metavar="TEXT", help="Give the role this password (when the server asks for one)."),
) -> None:
    """Create the PostgreSQL role `timeline sql` runs as: it logs in and reads every table and view, and nothing more.

    It is no superuser, creates neither roles nor databases, and belongs to no built-in role, so a
    query run as it can neither read the server's files nor end other sessions. Run it as a role
    that may create roles (a superuser); `timeline sql` then connects as the reader role whenever
    the URL's own role has more rights than that. Running it again brings the grants up to date.

    Example: timeline --db postgresql://postgres@localhost/news db reader-role
    """
    from timeline.query.sql_postgresql import reader_role_name
    from timeline.store.reader_role import ReaderRoleError, create_reader_role

    role = name or reader_role_name()
    try:
        url = create_reader_role(database_of(ctx), role, password)
    except ReaderRoleError as error:
        raise fail(str(error)) from None
    typer.echo(f"role {role} reads {url.rsplit('/', 1)[-1]} and nothing more; `timeline sql` connects as it: {url}")
    if name and name != reader_role_name():
        typer.echo(f"(set TIMELINE_READER_ROLE={role} so that `timeline sql` uses it)", err=True)
