"""Shared fixtures: temporary databases on SQLite and PostgreSQL, and the bundled seeds."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
import shutil
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
POSTGRES_VARIABLE = "TIMELINE_TEST_POSTGRES"
BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    """Show why tests were skipped (a PostgreSQL test skipped for want of a server says so)."""
    if "s" not in (config.option.reportchars or ""):
        config.option.reportchars = (config.option.reportchars or "") + "s"


def postgres_server_url() -> str | None:
    """The PostgreSQL server the tests may use (its URL names an existing database), or None."""
    return os.environ.get(POSTGRES_VARIABLE) or None


def _skip_without_postgres() -> str:
    url = postgres_server_url()
    if url is None:
        pytest.skip(f"PostgreSQL tests need a server: set {POSTGRES_VARIABLE}=postgresql+psycopg://USER@HOST:PORT/DB")
    return url


def create_postgres_database(server_url: str) -> str:
    """Create an empty database of its own on the server; return its URL."""
    from sqlalchemy import create_engine, make_url, text

    server = make_url(server_url)
    name = f"timeline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    """Drop a database made by `create_postgres_database`, closing its sessions first."""
    from sqlalchemy import create_engine, make_url, text

    target = make_url(url)
    server = postgres_server_url() or url
    admin = create_engine(make_url(server), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database of this test's own (skipped when no server is configured)."""
    url = create_postgres_database(_skip_without_postgres())
    try:
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "timeline.db")
        return
    url = create_postgres_database(_skip_without_postgres())
    try:
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    """A path for a fresh SQLite database file."""
    return str(tmp_path / "timeline.db")


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the five seed articles (built once per test session; do not write to it)."""
    from timeline.pipeline.ingest import ingest

    path = str(tmp_path_factory.mktemp("seeded") / "timeline.db")
    report = ingest([str(SEEDS)], path)
    assert report.counts["added"] == 5, report.results
    return path


@pytest.fixture(scope="session")
def seeded_postgres() -> Iterator[str]:
    """A PostgreSQL database holding the five seed articles (built once per session; do not write to it)."""
    from timeline.pipeline.ingest import ingest

    url = create_postgres_database(_skip_without_postgres())
    try:
        report = ingest([str(SEEDS)], url)
        assert report.counts["added"] == 5, report.results
        from timeline.store.reader_role import create_reader_role

        create_reader_role(url, "timeline_reader")  # what `timeline sql` runs as when the URL's role is a superuser
        yield url
    finally:
        drop_postgres_database(url)


@pytest.fixture
def copy_db(seeded_db: str, tmp_path: Path) -> str:
    """A writable copy of the seeded database, for tests that change it."""
    path = tmp_path / "copy.db"
    shutil.copy(seeded_db, path)
    return str(path)
