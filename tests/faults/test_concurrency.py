"""Concurrency: readers query while an ingest writes; two ingests of the same folder store each document once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from timeline.domain import ChronologyEntry
from timeline.pipeline.ingest import ingest
from timeline.query.chronology import chronology
from timeline.store.integrity import check_database

from tests.conftest import SEEDS
from tests.faults.conftest import counts, run_timeline, start_timeline, wait_until


def test_open_read_transaction_does_not_block_a_writer(db_path: str, tmp_path: Path) -> None:
    ingest([str(SEEDS)], db_path, jobs=0)
    article = tmp_path / "late.txt"
    article.write_text("Officials said on Thursday that talks resumed in May.\n", encoding="utf-8")
    reader = sqlite3.connect(db_path, timeout=0.1)
    reader.execute("BEGIN")
    before = reader.execute("SELECT count(*) FROM documents").fetchone()[0]
    report = ingest([str(article)], db_path, jobs=0, metadata=_published())
    assert report.counts["added"] == 1
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == before
    reader.execute("COMMIT")
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == before + 1
    reader.close()


def _published():  # type: ignore[no-untyped-def]
    from timeline.domain import PublicationDate
    from timeline.ingest.sources import Metadata

    return Metadata(published=PublicationDate(2024, 6, 10))


def test_reader_queries_while_an_ingest_runs(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = corpus(300)
    db = str(tmp_path / "busy.db")
    assert run_timeline("--db", db, "db", "upgrade").returncode == 0
    process = start_timeline("--db", db, "ingest", str(folder), "--jobs", "1")
    seen: list[int] = []
    try:
        while process.poll() is None:
            entries: list[ChronologyEntry] = chronology(db, limit=50)
            assert all(entry.text for entry in entries)
            seen.append(counts(db)[0])
    finally:
        _, errors = process.communicate(timeout=240)
    assert process.returncode == 0, errors
    assert seen == sorted(seen), "a reader saw the stored documents go backwards"
    assert counts(db)[0] == 300
    assert check_database(db) == []


def test_two_ingests_of_the_same_folder_store_each_document_once(corpus, database_url: str) -> None:  # type: ignore[no-untyped-def]
    folder = corpus(80)
    assert run_timeline("--db", database_url, "db", "upgrade").returncode == 0
    first = start_timeline("--db", database_url, "ingest", str(folder), "--jobs", "1")
    second = start_timeline("--db", database_url, "ingest", str(folder), "--jobs", "1")
    outputs = [process.communicate(timeout=240) for process in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outputs
    added = [int(out.split(" added")[0].split()[-1]) for out, _ in outputs]
    assert sum(added) == 80, outputs
    assert counts(database_url)[0] == 80
    assert check_database(database_url) == []


def test_wait_until_helper_stops_with_the_process(tmp_path: Path) -> None:
    process = start_timeline("--help")
    assert wait_until(lambda: False, process, timeout=30) is False
    process.communicate()
