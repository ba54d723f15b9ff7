"""Chronology entries cite every report of their cluster, in publication order, however the query reads them."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date

import pytest
from sqlalchemy import select

import timeline
from timeline.domain import ChronologyEntry
from timeline.query import chronology_entries
from timeline.query.chronology import entries_of
from timeline.query.chronology_entries import source_name
from timeline.query.chronology_filter import ChronologyFilter
from timeline.store.database import create_database_engine
from timeline.store.tables import documents, events


def expected_citations(db: str) -> dict[str, tuple[tuple[str, str | None], ...]]:
    """Each cluster's citations read the plain way: its events' documents, earliest publication first."""
    engine = create_database_engine(db, read_only=True)
    query = (
        select(events.c.cluster_id, documents.c.source, documents.c.title, documents.c.path, documents.c.url)
        .join(documents)
        .where(events.c.cluster_id.is_not(None))
        .order_by(events.c.cluster_id, documents.c.published.is_(None), documents.c.published, documents.c.id)
    )
    cited: dict[str, dict[tuple[str, str | None], None]] = {}
    with engine.connect() as connection:
        for cluster_id, source, title, path, url in connection.execute(query):
            cited.setdefault(cluster_id, {})[(source_name(source, title, path), url)] = None
    engine.dispose()
    return {cluster_id: tuple(citations) for cluster_id, citations in cited.items()}


def test_every_entry_cites_its_clusters_reports(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, reported=True)
    expected = expected_citations(seeded_db)
    assert any(entry.event_count > 1 for entry in entries) and any(entry.event_count == 1 for entry in entries)
    for entry in entries:
        assert entry.citations == expected[entry.event_id], entry
        assert entry.sources == tuple(dict.fromkeys(name for name, _url in entry.citations))
        assert entry.urls == tuple(dict.fromkeys(url for _name, url in entry.citations if url))


def test_a_cluster_without_its_representative_event_still_cites_its_reports(copy_db: str) -> None:
    connection = sqlite3.connect(copy_db)
    with connection:
        cluster_id = connection.execute("SELECT id FROM clusters WHERE event_count = 1 ORDER BY id LIMIT 1").fetchone()[0]
        connection.execute("UPDATE clusters SET event_id = NULL WHERE id = ?", (cluster_id,))
    connection.close()
    entry = next(entry for entry in timeline.chronology(copy_db, reported=True) if entry.event_id == cluster_id)
    assert entry.citations == expected_citations(copy_db)[cluster_id]
    assert (entry.document_id, entry.start, entry.end) == (0, 0, 0)


def test_a_database_without_clusters_lists_its_events(copy_db: str) -> None:
    connection = sqlite3.connect(copy_db)
    with connection:
        connection.execute("DELETE FROM clusters")
    connection.close()
    entries = timeline.chronology(copy_db, from_="2022")
    assert entries and all(entry.event_count == 1 and len(entry.citations) == 1 for entry in entries)
    engine = create_database_engine(copy_db, read_only=True)
    with engine.connect() as connection:
        keys = set(connection.execute(select(events.c.key)).scalars())
        assert entries_of(connection, ChronologyFilter(start=date(2022, 1, 1))) == list(entries)
    engine.dispose()
    assert {entry.event_id for entry in entries} <= keys


def test_entries_are_made_as_the_dataclass_makes_them(seeded_db: str) -> None:
    for entry in timeline.chronology(seeded_db, reported=True):
        values = [getattr(entry, field.name) for field in dataclasses.fields(ChronologyEntry)]
        made = ChronologyEntry(*values)
        assert vars(entry) == vars(made) and entry == made and hash(entry) == hash(made) and repr(entry) == repr(made)
        with pytest.raises(dataclasses.FrozenInstanceError):
            entry.label = "changed"  # type: ignore[misc]
    assert chronology_entries._entry(*values) == made


def test_the_statements_select_the_columns_the_entries_read() -> None:
    from timeline.query.chronology import build_event_statement, cluster_head
    from timeline.query.chronology_entries import CLUSTER_COLUMNS, EVENT_COLUMNS, REPORT_COLUMNS
    from timeline.query.statement_shape import EventShape

    assert tuple(cluster_head().selected_columns.keys()) == (*CLUSTER_COLUMNS, *REPORT_COLUMNS)
    event_columns = tuple(build_event_statement(EventShape(True, False, False, False, False, False)).selected_columns.keys())
    assert event_columns == (*EVENT_COLUMNS, "source", "title", "path", "url", "published")
