"""`timeline ingest --scheduler`: extraction on a Dask cluster, the same rows as a local ingest."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.store.database import create_database_engine
from timeline.store.models import EventRow

distributed = pytest.importorskip("distributed", reason="Dask is not installed: pip install 'timeline[dask]' to run this test")

runner = CliRunner()


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    rows = []
    for number in range(40):
        (folder / f"d{number:02d}.txt").write_text(
            f"Dispatch {number}. Officials said on Thursday that {number + 3} recruits arrived in May.\n", encoding="utf-8"
        )
        rows.append(f"d{number:02d}.txt,2024-06-{number % 28 + 1:02d},Wire,,,\n")
    (folder / "bad.txt").write_bytes(b"")
    (folder / "manifest.csv").write_text("file,published,source,url,title,notes\n" + "".join(rows), encoding="utf-8")


def event_rows(url: str) -> list[tuple]:
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(select(EventRow.key, EventRow.value, EventRow.text).order_by(EventRow.key))]
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def cluster():  # type: ignore[no-untyped-def]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=":0") as local:
        yield local


def test_scheduler_ingest_matches_local_ingest(cluster, database_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "corpus"
    write_corpus(folder)
    result = runner.invoke(app, ["--db", database_url, "ingest", str(folder), "--scheduler", cluster.scheduler_address])
    assert result.exit_code == 1, result.output
    assert "40 added, 0 unchanged, 1 failed" in result.stdout
    assert "bad.txt: empty file" in result.stderr
    local = str(tmp_path / "local.db")
    runner.invoke(app, ["--db", local, "ingest", str(folder), "--jobs", "0"])
    assert event_rows(database_url) == event_rows(local) != []
    again = runner.invoke(app, ["--db", database_url, "ingest", str(folder), "--scheduler", cluster.scheduler_address])
    assert "0 added, 40 unchanged, 1 failed" in again.stdout


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("timeline.pipeline.distributed.CONNECT_TIMEOUT_S", 1)
    (tmp_path / "a.txt").write_text("In May 2024 it rained.\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", str(tmp_path / "t.db"), "ingest", str(tmp_path / "a.txt"), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
