"""Helpers for the fault tests: a generated corpus, the `timeline` command as a separate process, row counts."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from benchmarks.corpus import write_corpus
from timeline.store.database import create_database_engine
from timeline.store.models import Document, EventRow

TIMELINE = str(Path(sys.executable).with_name("timeline"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """A folder of `count` short generated articles with their manifest (made once per size)."""
    root = tmp_path_factory.mktemp("corpora")

    def make(count: int) -> Path:
        return write_corpus(root / f"articles-{count}", count, seed=7, sentences=6)

    return make


def start_timeline(*arguments: str, **options) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    """Start `timeline ARGUMENTS…` as its own process, output captured."""
    return subprocess.Popen([TIMELINE, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **options)


def run_timeline(*arguments: str, timeout: float = 240, **options) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    """Run `timeline ARGUMENTS…` to the end as its own process."""
    return subprocess.run([TIMELINE, *arguments], capture_output=True, text=True, timeout=timeout, **options)


def counts(url: str) -> tuple[int, int]:
    """(documents, events) stored."""
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            documents = connection.execute(select(func.count()).select_from(Document)).scalar_one()
            events = connection.execute(select(func.count()).select_from(EventRow)).scalar_one()
            return documents, events
    finally:
        engine.dispose()


def wait_until(condition: Callable[[], bool], process: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll `condition` until it holds, the process ends, or `timeout` passes; True if it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except Exception:  # noqa: BLE001 - the database may not exist yet
            pass
        if process.poll() is not None:
            return False
        time.sleep(0.02)
    return False
