"""Shared fixtures: temporary databases and the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"


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
