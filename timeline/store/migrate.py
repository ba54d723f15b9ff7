"""Schema migrations as library functions: upgrade, downgrade, current, check."""

from __future__ import annotations

import io
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from timeline.store.database import create_database_engine

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = PROJECT_ROOT / "migrations"
INITIAL_REVISION = "0001"


def alembic_config(target: str, output: io.StringIO | None = None) -> Config:
    """An Alembic configuration pointing at the project's migrations and the given database."""
    config = Config(stdout=output) if output is not None else Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.set_main_option("sqlalchemy.url", target.replace("%", "%%"))
    return config


def upgrade(target: str, revision: str = "head") -> None:
    """Bring the database's schema up to `revision` (default: the newest)."""
    _run_alembic(command.upgrade, target, revision)


def downgrade(target: str, revision: str) -> None:
    """Take the database's schema back to `revision` (`base` removes every table)."""
    _run_alembic(command.downgrade, target, revision)


def _run_alembic(step, target: str, revision: str) -> None:  # type: ignore[no-untyped-def]
    engine = create_database_engine(target)
    try:
        with engine.begin() as connection:
            config = alembic_config(target)
            config.attributes["connection"] = connection
            step(config, revision)
    finally:
        engine.dispose()


def head_revision() -> str | None:
    """The newest revision in the migrations folder."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def pending_differences(engine: Engine) -> list[tuple]:
    """Differences between the database's schema and the models (empty when in step)."""
    from alembic.autogenerate import compare_metadata

    from timeline.store.tables import include_name
    from timeline.store.schema import Base

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_name": include_name})
        return list(compare_metadata(context, Base.metadata))


def ensure_schema(target: str) -> bool:
    """Upgrade the database to the newest revision when it is behind; True if anything ran."""
    engine = create_database_engine(target)
    try:
        behind = current_revision(engine) != head_revision()
    finally:
        engine.dispose()
    if behind:
        upgrade(target)
    return behind
