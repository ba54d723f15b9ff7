"""A PostgreSQL role that can read a timeline database and nothing more: what `timeline sql` runs as."""

from __future__ import annotations

from sqlalchemy import Connection, text

from timeline.store.database import create_database_engine, database_url, is_postgresql


class ReaderRoleError(RuntimeError):
    """The reader role could not be made (not PostgreSQL, or a role without the right to create roles)."""


def create_reader_role(target: str, name: str, password: str | None = None) -> str:
    """Create (or bring up to date) the login role `name`: no superuser, no role or database creation, no membership in any
    built-in role, CONNECT on this database and SELECT on every table and view of its schema (and on those made later).

    Returns the URL to connect as it (without its password).
    """
    url = database_url(target)
    if not is_postgresql(url):
        raise ReaderRoleError("a reader role is a PostgreSQL role: a SQLite file is already opened read-only by `timeline sql`")
    if not name.replace("_", "").isalnum():
        raise ReaderRoleError(f"{name!r} is not a plain role name (letters, digits and _)")
    engine = create_database_engine(target)
    try:
        with engine.begin() as connection:
            _create_role(connection, name)
            quoted = f'"{name}"'
            connection.exec_driver_sql(
                f"ALTER ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT"
            )
            if password is not None:
                connection.execute(text(f"ALTER ROLE {quoted} PASSWORD :password"), {"password": password})
            for granted in connection.execute(text(
                "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                " JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = :name"
            ), {"name": name}).scalars():
                connection.exec_driver_sql(f'REVOKE "{granted}" FROM {quoted}')
            database = connection.exec_driver_sql("SELECT current_database()").scalar_one()
            schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
            connection.exec_driver_sql(f'GRANT CONNECT ON DATABASE "{database}" TO {quoted}')
            connection.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO {quoted}')
            connection.exec_driver_sql(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {quoted}')
            connection.exec_driver_sql(f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT SELECT ON TABLES TO {quoted}')
            connection.exec_driver_sql(f"ALTER ROLE {quoted} SET default_transaction_read_only = on")
    except Exception as error:
        if "permission denied" in str(error).lower() or "must be superuser" in str(error).lower():
            raise ReaderRoleError(f"the role {url.username} may not create roles or grant rights: connect as one that may") from None
        raise
    finally:
        engine.dispose()
    return url.set(username=name, password=None).render_as_string(hide_password=True)


def _create_role(connection: Connection, name: str) -> None:
    """Create the role unless it exists; another session creating it at the same moment is no error."""
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first()
    if exists:
        return
    connection.exec_driver_sql("SAVEPOINT reader_role")
    try:
        connection.exec_driver_sql(f'CREATE ROLE "{name}" LOGIN')
    except Exception as error:  # noqa: BLE001 - a concurrent creation is fine
        if "already exists" not in str(error) and "duplicate key" not in str(error):
            raise
        connection.exec_driver_sql("ROLLBACK TO SAVEPOINT reader_role")
    else:
        connection.exec_driver_sql("RELEASE SAVEPOINT reader_role")
