"""An ingest killed with SIGKILL halfway leaves only whole documents; running it again completes the rest."""

from __future__ import annotations

import signal
from pathlib import Path

from sqlalchemy import func, select

from timeline.domain import PublicationDate, SourceDocument
from timeline.pipeline.extract import extract
from timeline.store.database import create_database_engine
from timeline.store.integrity import check_database
from timeline.store.models import Document, EventRow

from tests.faults.conftest import counts, run_timeline, start_timeline, wait_until

ARTICLES = 400


def stored_documents(db: str) -> list[tuple[str, str, str, int]]:
    engine = create_database_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(
            select(Document.path, Document.text, Document.published, func.count(EventRow.id))
            .outerjoin(EventRow)
            .group_by(Document.id)
            .order_by(Document.id)
        ).all()
    engine.dispose()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_sigkill_halfway_leaves_whole_documents_and_rerun_completes(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = corpus(ARTICLES)
    db = str(tmp_path / "killed.db")
    assert run_timeline("--db", db, "db", "upgrade").returncode == 0
    process = start_timeline("--db", db, "ingest", str(folder), "--jobs", "1")
    reached = wait_until(lambda: counts(db)[0] > 0, process)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert reached, "the ingest ended before anything was stored"
    survivors = stored_documents(db)
    assert 0 < len(survivors) < ARTICLES, "the kill did not land halfway"
    assert check_database(db) == []
    for path, text, published, events in survivors:
        expected = extract(SourceDocument(text=text, published=PublicationDate.parse(published), path=path))
        assert events == len(expected.events), f"{path} is stored incompletely"

    rerun = run_timeline("--db", db, "ingest", str(folder), "--jobs", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{ARTICLES - len(survivors)} added, {len(survivors)} unchanged, 0 failed" in rerun.stdout
    assert counts(db)[0] == ARTICLES
    assert len({path for path, *_ in stored_documents(db)}) == ARTICLES
    assert check_database(db) == []
