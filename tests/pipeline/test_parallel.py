"""The worker pool and the single writer: order kept, memory bounded, slow or crashing documents reported."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from timeline.domain import PublicationDate, SourceDocument
from timeline.pipeline.extract import extract
from timeline.pipeline.ingest import ingest
from timeline.pipeline.batch_writer import BatchWriter
from timeline.pipeline.parallel import InProcessExtractor, ProcessPoolExtractor
from timeline.store.database import create_database_engine
from timeline.store.migrate import ensure_schema
from timeline.store.models import Document, EventRow, MentionRow

DAY = PublicationDate(2024, 6, 10)


def article(number: int) -> str:
    return f"Report {number}. Officials said on Thursday that {number} recruits arrived in May.\nTalks resumed in March 2023.\n"


def document(number: int) -> SourceDocument:
    return SourceDocument(text=article(number), published=DAY, path=f"doc{number}.txt")


def sleepy_extract(document: SourceDocument):  # type: ignore[no-untyped-def]
    """Extraction that hangs on documents mentioning 'hang'."""
    if "hang" in document.text:
        time.sleep(60)
    return extract(document)


def crashing_extract(document: SourceDocument):  # type: ignore[no-untyped-def]
    """Extraction that kills its process on documents mentioning 'crash'."""
    if "crash" in document.text:
        os._exit(3)
    return extract(document)


def failing_extract(document: SourceDocument):  # type: ignore[no-untyped-def]
    """Extraction that raises on documents mentioning 'fail'."""
    if "fail" in document.text:
        raise ValueError("no good")
    return extract(document)


def test_pool_keeps_input_order_and_matches_in_process() -> None:
    tasks = [(number, document(number)) for number in range(12)]
    tasks.insert(5, ("passthrough", None))
    with ProcessPoolExtractor(2) as pool:
        pooled = list(pool.run(tasks))
    serial = list(InProcessExtractor().run(tasks))
    assert [outcome.payload for outcome in pooled] == [payload for payload, _ in tasks]
    assert [outcome.extraction for outcome in pooled] == [outcome.extraction for outcome in serial]
    assert pooled[5].extraction is None and pooled[5].error is None


def test_pool_reads_its_input_lazily() -> None:
    pulled: list[int] = []

    def tasks():  # type: ignore[no-untyped-def]
        for number in range(1000):
            pulled.append(number)
            yield number, document(number)

    with ProcessPoolExtractor(2) as pool:
        outcomes = pool.run(tasks())
        first = next(outcomes)
        assert first.payload == 0
        assert len(pulled) <= pool.window + 1
        outcomes.close()


def test_slow_document_is_stopped_and_the_rest_goes_on() -> None:
    texts = [article(1), "It will hang on Monday.", article(2), article(3)]
    tasks = [(index, SourceDocument(text=text, published=DAY)) for index, text in enumerate(texts)]
    with ProcessPoolExtractor(2, sleepy_extract, timeout=1.0) as pool:
        outcomes = list(pool.run(tasks))
        assert [outcome.payload for outcome in outcomes] == [0, 1, 2, 3]
        assert outcomes[1].extraction is None and "longer than 1 s" in (outcomes[1].error or "")
        assert all(outcomes[index].extraction is not None for index in (0, 2, 3))
        again = list(pool.run([(9, document(9))]))
        assert again[0].extraction is not None


def test_crashing_and_raising_documents_are_reported() -> None:
    tasks = [(0, document(0)), (1, SourceDocument(text="crash in May.", published=DAY)), (2, document(2))]
    with ProcessPoolExtractor(1, crashing_extract) as pool:
        outcomes = list(pool.run(tasks))
    assert "died" in (outcomes[1].error or "") and outcomes[0].extraction and outcomes[2].extraction
    with ProcessPoolExtractor(1, failing_extract) as pool:
        failed = list(pool.run([(0, SourceDocument(text="fail in May.", published=DAY))]))
    assert failed[0].error == "extraction failed: ValueError: no good"


def test_in_process_time_limit() -> None:
    outcomes = list(InProcessExtractor(sleepy_extract, timeout=0.5).run([(0, SourceDocument("hang in May.", published=DAY))]))
    assert "longer than 0.5 s" in (outcomes[0].error or "")


def test_writer_stores_each_text_once_in_order(db_path: str) -> None:
    ensure_schema(db_path)
    engine = create_database_engine(db_path)
    fates: list[tuple[str, object]] = []
    writer = BatchWriter(engine, lambda payload, fate: fates.append((payload, fate)), batch_documents=2)
    same = extract(document(1))
    for payload, extraction in (("a", same), ("skip", None), ("b", same), ("c", extract(document(2)))):
        writer.add(payload, extraction)
    writer.flush()
    writer.add("d", extract(document(2)))
    writer.flush()
    assert [payload for payload, _ in fates] == ["a", "skip", "b", "c", "d"]
    assert isinstance(fates[0][1], int) and fates[1][1] is None and fates[2][1] is None
    assert isinstance(fates[3][1], int) and fates[4][1] is None
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Document)).scalar_one() == 2
    engine.dispose()


@pytest.mark.parametrize("jobs", [0, 1, 2])
def test_ingest_gives_the_same_rows_whatever_the_jobs(tmp_path: Path, jobs: int) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(20):
        (folder / f"a{number:02d}.txt").write_text(article(number % 15), encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,published,source,url,title,notes\n" + "".join(f"a{n:02d}.txt,2024-06-10,Wire,,,\n" for n in range(20)),
        encoding="utf-8",
    )
    db = str(tmp_path / f"jobs{jobs}.db")
    report = ingest([str(folder)], db, jobs=jobs)
    assert report.counts == {"added": 15, "unchanged": 5}
    assert [result.status for result in report.results[15:]] == ["unchanged"] * 5
    engine = create_database_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(select(Document.path, func.count(EventRow.id)).join(EventRow).group_by(Document.path).order_by(Document.path)).all()
        mentions = connection.execute(select(func.count()).select_from(MentionRow)).scalar_one()
    engine.dispose()
    assert len(rows) == 15 and mentions > 0
    assert [result.events for result in report.results[:15]] == [count for _, count in rows]
