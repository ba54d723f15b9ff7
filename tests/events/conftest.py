"""Fixtures of the events tests: the seeds extracted one by one, and stored with clusters."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import SEEDS

PUBLISHED_000 = "2024-06"
"""Seed 000 has no date in the manifest; its publication month is given here as the tests' premise."""


def seeds_with_dates(folder: Path) -> Path:
    """A copy of the seeds whose manifest dates seed 000 to June 2024."""
    copy = folder / "seeds"
    shutil.copytree(SEEDS, copy)
    manifest = copy / "manifest.csv"
    with manifest.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["file"].startswith("000_"):
            row["published"] = PUBLISHED_000
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return copy


@pytest.fixture(scope="session")
def dated_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds folder with every publication date known."""
    return seeds_with_dates(tmp_path_factory.mktemp("dated"))


@pytest.fixture(scope="session")
def events_db(dated_seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the dated seeds, clusters included (do not write to it)."""
    from timeline.pipeline.ingest import ingest

    path = str(tmp_path_factory.mktemp("events") / "timeline.db")
    report = ingest([str(dated_seeds)], path, jobs=0)
    assert report.counts["added"] == 5, report.results
    return path
