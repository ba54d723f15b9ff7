"""Alembic environment: runs the migrations against the configured timeline database."""

from __future__ import annotations

import os

from alembic import context

from timeline.store.database import create_database_engine, database_url, is_sqlite
from timeline.store.tables import include_name
from timeline.store.schema import Base

config = context.config
target_metadata = Base.metadata


def _target() -> str:
    """The database the migration runs on: -x db=…, the ini's URL, TIMELINE_DB, or ./timeline.db."""
    return (
        context.get_x_argument(as_dictionary=True).get("db")
        or config.get_main_option("sqlalchemy.url")
        or os.environ.get("TIMELINE_DB")
        or "timeline.db"
    )


def run_migrations_offline() -> None:
    """Emit SQL without a connection."""
    context.configure(
        url=str(database_url(_target())),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a live connection (one given by the caller, or a new one)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_database_engine(_target())
    with engine.connect() as new_connection:
        _run(new_connection)
    engine.dispose()


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite(connection.engine.url),
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
