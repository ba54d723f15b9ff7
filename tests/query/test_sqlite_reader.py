"""The standard library's SQLite reader gives the entries, counts and eras SQLAlchemy's gives, for every filter."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from timeline.query.chronology import CoreReader
from timeline.query.chronology_entries import read_chronology
from timeline.query.filters import filter_of
from timeline.query.sqlite_reader import sqlite_reader
from timeline.store.database import create_database_engine

RANGES = [
    {},
    {"start": "2022"},
    {"start": "2022-09", "end": "2024-05", "within": True},
    {"start": "Wagner era", "end": "North Korean deployment"},
    {"era": "Wagner era"},
]
MATCHES = [
    {},
    {"actor": "wagner"},
    {"actor": "100%_\\"},
    {"text": "recruits"},
    {"text": "!!"},
    {"source": " Bloomberg "},
    {"category": "Casualties "},
    {"actor": "russia", "text": "recruits", "source": "bloomberg", "category": "recruitment"},
]
FILTERS = [
    {**ranged, **matched, "include_reported": reported, "limit": limit}
    for ranged, matched, (reported, limit) in itertools.product(RANGES, MATCHES, ((False, None), (True, 3), (True, None)))
]


def both_ways(db: str, options: list[dict]) -> list[tuple]:  # type: ignore[type-arg]
    """For each filter: (entries, undated count, eras) read through SQLAlchemy, then through the standard library."""
    engine = create_database_engine(db, read_only=True)
    results = []
    try:
        with engine.connect() as connection, sqlite_reader(Path(db)) as stdlib:
            core = CoreReader(connection)
            for option in options:
                found = []
                for reader in (core, stdlib):
                    query_filter = filter_of(reader.periods, **option)
                    found.append(read_chronology(reader, query_filter))
                results.append((option, *found))
    finally:
        engine.dispose()
    return results


def test_every_filter_reads_the_same_entries_both_ways(seeded_db: str) -> None:
    results = both_ways(seeded_db, FILTERS)
    assert sum(1 for _option, (entries, _undated), _stdlib in results if entries) > len(FILTERS) // 4
    for option, core, stdlib in results:
        assert stdlib == core, option


def test_the_periods_are_the_same_both_ways(seeded_db: str) -> None:
    engine = create_database_engine(seeded_db, read_only=True)
    with engine.connect() as connection, sqlite_reader(Path(seeded_db)) as stdlib:
        core_periods = CoreReader(connection).periods()
        assert core_periods and stdlib.periods() == core_periods
    engine.dispose()


@pytest.mark.parametrize(
    "change",
    [
        "DELETE FROM clusters",
        "DROP TRIGGER clusters_span_insert",
        "DROP TABLE events_fts",
        "DROP TABLE clusters; DROP TABLE event_actors; DROP TABLE events_fts",
        "UPDATE clusters SET event_id = NULL WHERE event_count = 1",
        "UPDATE clusters SET earliest = NULL, latest = NULL WHERE rowid % 3 = 0; UPDATE events SET earliest = NULL WHERE id % 4 = 0",
        "DROP TABLE periods",
    ],
    ids=["events-only", "no-span-triggers", "no-fts", "old-schema", "no-representative", "undated", "no-periods"],
)
def test_other_schemas_and_data_read_the_same_both_ways(copy_db: str, change: str) -> None:
    connection = sqlite3.connect(copy_db)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.executescript(change)
    connection.close()
    options = [option for option in FILTERS[::5] if "era" not in option and "Wagner" not in str(option.get("start"))]
    for option, core, stdlib in both_ways(copy_db, options):
        assert stdlib == core, option


def test_the_reader_refuses_to_write(seeded_db: str) -> None:
    with sqlite_reader(Path(seeded_db)) as reader:
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
            reader.connection.execute("DELETE FROM clusters")
        assert reader.connection.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
