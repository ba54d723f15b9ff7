"""The writer: rows laid out as tuples give the same database as before; concurrent writers store each text once."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event, func, select, text

from timeline.domain import PublicationDate, SourceDocument
from timeline.pipeline.batch_writer import BatchWriter
from timeline.pipeline.extract import extract
from timeline.store.database import create_database_engine
from timeline.store.migrate import ensure_schema
from timeline.store.models import Document, EventRow, MentionRow, SegmentRow
from timeline.store.models_events import ActorRow, ClaimRow, EventActorRow
from timeline.store.writer import document_rows, write_rows

DAY = PublicationDate(2024, 6, 10)
TABLES = (Document, SegmentRow, MentionRow, EventRow, EventActorRow, ClaimRow, ActorRow)


def article(number: int) -> SourceDocument:
    text = (
        f"Report {number}. Russia's Defence Ministry said on Thursday that {number + 2} recruits arrived in Kharkiv in May.\n"
        f"NATO officials estimated in March 2023 that about {number + 40:,} troops had reached Kursk.\n"
    )
    return SourceDocument(text=text, published=DAY, path=f"doc{number}.txt")


def counts(url: str) -> dict[str, int]:
    engine = create_database_engine(url)
    with engine.connect() as connection:
        found = {model.__table__.name: connection.execute(select(func.count()).select_from(model)).scalar_one() for model in TABLES}
    engine.dispose()
    return found


def test_rows_of_a_document_are_plain_tuples_that_survive_pickling() -> None:
    import pickle

    rows = document_rows(extract(article(1)))
    assert rows.events and rows.links and rows.claims and rows.actors
    assert pickle.loads(pickle.dumps(rows)) == rows
    assert all(type(value) in (str, int, float, type(None)) for row in (rows.document, *rows.events, *rows.claims) for value in row)


def test_written_rows_read_back_with_ids_and_full_text(database_url: str) -> None:
    ensure_schema(database_url)
    engine = create_database_engine(database_url)
    extractions = [extract(article(number)) for number in range(3)]
    with engine.begin() as connection:
        ids = write_rows(connection, [document_rows(extraction) for extraction in extractions])
        again = write_rows(connection, [document_rows(extractions[1])])
    assert len(set(ids)) == 3 and None not in ids and again == [None]
    with engine.connect() as connection:
        events = connection.execute(select(EventRow.document_id, EventRow.key).order_by(EventRow.id)).all()
        links = connection.execute(select(func.count()).select_from(EventActorRow).join(EventRow, EventRow.id == EventActorRow.event_id)).scalar_one()
        claims = connection.execute(select(func.count()).select_from(ClaimRow).join(EventRow, EventRow.id == ClaimRow.event_id)).scalar_one()
        if connection.dialect.name == "sqlite":
            searched = connection.execute(text("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'recruits'")).scalar_one()
        else:
            searched = connection.execute(
                text("SELECT count(*) FROM events WHERE to_tsvector('english', text) @@ websearch_to_tsquery('english', 'recruits')")
            ).scalar_one()
    engine.dispose()
    expected = [(document_id, rows[0]) for document_id, extraction in zip(ids, extractions) for rows in document_rows(extraction).events]
    assert [tuple(row) for row in events] == expected
    assert links == sum(len(document_rows(extraction).links) for extraction in extractions) > 0
    assert claims == sum(len(document_rows(extraction).claims) for extraction in extractions) > 0
    assert searched == 3


def test_a_text_twice_in_a_batch_is_stored_once_as_its_first_entry(database_url: str) -> None:
    from dataclasses import replace

    ensure_schema(database_url)
    engine = create_database_engine(database_url)
    first = extract(article(1))
    second = replace(first, document=replace(first.document, path="copy.txt"))
    with engine.begin() as connection:
        ids = write_rows(connection, [document_rows(first), document_rows(second)])
    with engine.connect() as connection:
        paths = connection.execute(select(Document.path)).scalars().all()
    engine.dispose()
    assert isinstance(ids[0], int) and ids[1] is None
    assert paths == ["doc1.txt"]


def test_two_writers_with_overlapping_batches_store_each_text_once(database_url: str) -> None:
    ensure_schema(database_url)
    engine = create_database_engine(database_url)
    fates: dict[str, list] = {"first": [], "second": []}
    documents = [extract(article(number)) for number in range(12)]

    def write(name: str, order: list[int]) -> None:
        writer = BatchWriter(engine, lambda payload, fate: fates[name].append((payload, fate)), batch_documents=3)
        for number in order:
            writer.add(number, document_rows(documents[number]))
        writer.flush()

    threads = [
        threading.Thread(target=write, args=("first", list(range(12)))),
        threading.Thread(target=write, args=("second", list(range(4, 12)) + list(range(4)))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    won = [number for name in fates for number, fate in fates[name] if isinstance(fate, int)]
    assert sorted(won) == list(range(12))
    stored = counts(database_url)
    engine.dispose()
    assert stored["documents"] == 12
    assert stored["events"] == sum(len(extraction.events) for extraction in documents)


def test_postgresql_writers_do_not_wait_for_each_other(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """While one writer's batch is still uncommitted, another stores other documents (no lock is held across
    writers), and waits only for a document the first is inserting, which it then leaves to the first."""
    import timeline.pipeline.batch_writer as batch_writer

    ensure_schema(postgres_url)
    first_engine, other_engine = create_database_engine(postgres_url), create_database_engine(postgres_url)
    # Waiting for a lock fails the other writer instead of hanging the test.
    event.listen(other_engine, "connect", lambda dbapi, _record: dbapi.execute("SET lock_timeout = '20s'"))
    shared, mine, theirs = (document_rows(extract(article(number))) for number in range(3))
    inside, release = threading.Event(), threading.Event()
    real_write_rows = batch_writer.write_rows

    def held_open(connection, batch):  # type: ignore[no-untyped-def]
        written = real_write_rows(connection, batch)
        if connection.engine is first_engine:
            inside.set()
            release.wait(120)
        return written

    monkeypatch.setattr(batch_writer, "write_rows", held_open)
    fates: dict[str, list] = {"first": [], "second": [], "third": []}

    def writer(name: str, engine, *batch) -> None:  # type: ignore[no-untyped-def]
        writing = BatchWriter(engine, lambda payload, fate: fates[name].append(fate))
        for rows in batch:
            writing.add(None, rows)
        writing.flush()

    first = threading.Thread(target=writer, args=("first", first_engine, shared), daemon=True)
    first.start()
    try:
        assert inside.wait(60)
        writer("second", other_engine, mine)
        third = threading.Thread(target=writer, args=("third", other_engine, shared, theirs), daemon=True)
        third.start()
        _wait_for_a_lock_wait(other_engine)
    finally:
        release.set()
    first.join(120)
    third.join(120)
    assert isinstance(fates["first"][0], int) and isinstance(fates["second"][0], int)
    assert fates["third"][0] is None and isinstance(fates["third"][1], int)
    stored = counts(postgres_url)
    first_engine.dispose()
    other_engine.dispose()
    assert stored["documents"] == 3
    assert stored["events"] == len(shared.events) + len(mine.events) + len(theirs.events)


def _wait_for_a_lock_wait(engine) -> None:  # type: ignore[no-untyped-def]
    """Until some session of this database waits for a lock (at most half a minute)."""
    query = text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
    for _ in range(300):
        with engine.connect() as connection:
            if connection.execute(query).scalar_one():
                return
        time.sleep(0.1)
    pytest.fail("the contending writer never waited for the first writer's document")
