"""The research views: the SQL label matches the Python label; one chronology row per cluster."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, text

from timeline.query.labels import date_label
from timeline.store import migrate
from timeline.store.database import create_database_engine
from timeline.store.models_events import ClusterRow

VALUES = [
    ("2024-05", None), ("2024-06-01", None), ("2024", None), ("2024", "END"), ("2024", "START"), ("2024-SU", None),
    ("2024-WI", "APPROX"), ("2024-Q3", None), ("2024-H1", None), ("2024-W23", None), ("202", None),
    ("2023-04/2024-05", None), ("2022-02-24/2024-06-10", "APPROX"), ("XXXX-05", None), ("PRESENT_REF", None),
    ("2024-06-05TEV", "END"), ("P1D", None), ("2024-12", "APPROX"), ("2024-06-05", "ON_OR_AFTER"),
]


def test_sql_label_is_the_python_label(database_url: str) -> None:
    migrate.upgrade(database_url)
    engine = create_database_engine(database_url)
    rows = [
        {"id": f"c{index:02d}", "anchor_key": f"k{index:02d}", "value": value, "mod": mod, "date_basis": "stated",
         "text": "t", "event_count": 1, "source_count": 0}
        for index, (value, mod) in enumerate(VALUES)
    ]
    with engine.begin() as connection:
        connection.execute(insert(ClusterRow), rows)
    with engine.connect() as connection:
        labels = dict(connection.execute(text("SELECT cluster_id, label FROM chronology")).all())
    engine.dispose()
    for row in rows:
        assert labels[row["id"]] == date_label(row["value"], row["mod"]), row


def test_seeded_chronology_view_has_one_row_per_cluster_with_python_labels(seeded_db: str) -> None:
    engine = create_database_engine(seeded_db, read_only=True)
    with engine.connect() as connection:
        view = connection.execute(text("SELECT cluster_id, value, mod, label, sources, source_count FROM chronology")).all()
        clusters = connection.execute(text("SELECT COUNT(*) FROM clusters")).scalar_one()
        facets = connection.execute(text("SELECT SUM(clusters) FROM chronology_by_year")).scalar_one()
        undated = connection.execute(text("SELECT COUNT(*) FROM clusters WHERE earliest IS NULL")).scalar_one()
    engine.dispose()
    assert len(view) == clusters == len({row.cluster_id for row in view})
    assert facets == clusters - undated
    for row in view:
        assert row.label == date_label(row.value, row.mod)
        assert row.sources and row.source_count == len(row.sources.split("; ")) or row.source_count >= 1


@pytest.mark.parametrize("words", ["mobilization order", "recruits"])
def test_full_text_index_follows_the_events_table(seeded_db: str, words: str) -> None:
    engine = create_database_engine(seeded_db, read_only=True)
    with engine.connect() as connection:
        fts = connection.execute(text("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH :q"), {"q": words}).scalar_one()
        total = connection.execute(text("SELECT COUNT(*) FROM events_fts")).scalar_one()
        events = connection.execute(text("SELECT COUNT(*) FROM events")).scalar_one()
    engine.dispose()
    assert fts >= 1 and total == events


def test_pandas_reads_the_views_as_they_are(seeded_db: str) -> None:
    import sqlite3

    import pandas

    connection = sqlite3.connect(seeded_db)
    try:
        frame = pandas.read_sql("SELECT label, text, sources FROM chronology WHERE date_basis = 'stated' ORDER BY earliest, latest", connection)
        mentions = pandas.read_sql("SELECT * FROM mentions_flat", connection)
    finally:
        connection.close()
    assert frame["label"].iloc[0] == "February 2022"
    assert len(mentions) > 0 and {"published", "value", "rule"} <= set(mentions.columns)


def test_datasette_finds_the_full_text_index(seeded_db: str) -> None:
    engine = create_database_engine(seeded_db, read_only=True)
    with engine.connect() as connection:
        detected = connection.execute(
            text("SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"events\"%'")
        ).scalars().all()
    engine.dispose()
    assert detected == ["events_fts"]
