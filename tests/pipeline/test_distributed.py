"""`timeline ingest --scheduler`: extraction on a Dask cluster, the same rows as a local ingest."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.domain import Extraction, SourceDocument
from timeline.pipeline.extract import extract
from timeline.store.database import create_database_engine
from timeline.store.models import EventRow

distributed = pytest.importorskip("distributed", reason="Dask is not installed: pip install 'timeline[dask]' to run this test")

runner = CliRunner()
STALL_S = 30.0
BLOCK_S = 6.0


def extract_stalling_on_marker(document: SourceDocument) -> Extraction:
    """Extraction that spins on a document containing STALL, far past a short limit."""
    if "STALL" in document.text:
        end = time.monotonic() + STALL_S
        while time.monotonic() < end:
            time.sleep(0.01)
    return extract(document)


def extract_blocking_on_marker(document: SourceDocument) -> Extraction:
    """Extraction that blocks in one C call on a document containing BLOCK (no Python instruction to stop at)."""
    if "BLOCK" in document.text:
        time.sleep(BLOCK_S)
    return extract(document)


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


def test_a_document_past_its_time_limit_is_stopped_on_the_worker_and_the_rest_go_on(cluster) -> None:  # type: ignore[no-untyped-def]
    from timeline.pipeline.distributed import DaskExtractor

    with DaskExtractor(cluster.scheduler_address, timeout=None) as warm:
        list(warm.run([("warm-up", SourceDocument("In May 2024 it rained."))]))
    texts = ["In May 2024 recruits arrived.", "STALL in June 2024.", "On 3 July 2024 they left.", "In August 2024 more came."]
    tasks = [(number, SourceDocument(text)) for number, text in enumerate(texts)] + [("pass-through", None)]
    with DaskExtractor(cluster.scheduler_address, extract_stalling_on_marker, chunk=4, timeout=1.0) as extractor:
        outcomes = list(extractor.run(tasks))
    assert [outcome.payload for outcome in outcomes] == [0, 1, 2, 3, "pass-through"]
    assert outcomes[1].extraction is None
    assert outcomes[1].error == "extraction took longer than 1 s and was stopped"
    assert [outcome.extraction.document.text for outcome in outcomes if outcome.extraction] == [texts[0], texts[2], texts[3]]
    assert outcomes[4].extraction is None and outcomes[4].error is None


def test_a_document_blocked_outside_python_is_given_up_by_the_client(cluster) -> None:  # type: ignore[no-untyped-def]
    from timeline.pipeline.distributed import DaskExtractor

    texts = ["BLOCK in June 2024.", "On 3 July 2024 they left."]
    tasks = [(number, SourceDocument(text)) for number, text in enumerate(texts)]
    with DaskExtractor(cluster.scheduler_address, extract_blocking_on_marker, chunk=1, timeout=0.5) as extractor:
        outcomes = list(extractor.run(tasks))
    assert outcomes[0].error == "extraction took longer than 0.5 s on the cluster and was given up"
    assert outcomes[1].extraction is not None and outcomes[1].extraction.document.text == texts[1]
