"""Datasette's metadata is made from docs/schema.md and datasette.toml, stored equal to them, and Datasette serves the
seeds with it: descriptions, hidden internals, ready-made queries, an ordered and searchable chronology."""

from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest

from timeline.query.datasette_metadata import TARGET, metadata_for, read_schema_doc, render, SCHEMA_DOC


def test_the_stored_metadata_is_what_the_sources_make() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), (
        "docs/schema.md or datasette.toml changed: run `uv run python -m timeline.query.datasette_metadata`"
    )


def test_every_table_view_and_column_has_its_description(seeded_db: str) -> None:
    tables = metadata_for("timeline")["databases"]["timeline"]["tables"]
    connection = sqlite3.connect(seeded_db)
    names = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
             if not name.startswith(("events_fts", "sqlite_"))]
    for name in names:
        assert name in tables, name
        if tables[name].get("hidden"):
            continue
        assert tables[name]["description"], name
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info({name})")}
        assert columns <= set(tables[name]["columns"]), (name, columns - set(tables[name]["columns"]))
    assert tables["alembic_version"]["hidden"] and tables["cluster_spans"]["hidden"]


def test_every_research_question_is_a_ready_made_query() -> None:
    _documented, questions = read_schema_doc(SCHEMA_DOC.read_text(encoding="utf-8"))
    queries = metadata_for("timeline")["databases"]["timeline"]["queries"]
    assert len(questions) >= 5 and all(number.lower() in queries for number, _question, _sql in questions)
    assert ":id" in queries["clusters_example"]["sql"]


def datasette_get(db: str, path: str):  # type: ignore[no-untyped-def]
    datasette = pytest.importorskip("datasette.app", reason="Datasette is the web extra: uv sync --extra web")
    instance = datasette.Datasette([db], metadata=metadata_for("timeline"))

    async def get():  # type: ignore[no-untyped-def]
        return await instance.client.get(path)

    return asyncio.run(get())


def test_datasette_serves_an_ordered_searchable_chronology(seeded_db: str) -> None:
    response = datasette_get(seeded_db, "/timeline/chronology.json?_shape=objects&_size=max")
    rows = response.json()["rows"]
    assert rows and [(row["earliest"] or "", row["latest"] or "") for row in rows] == sorted(
        (row["earliest"] or "", row["latest"] or "") for row in rows)
    found = datasette_get(seeded_db, "/timeline/chronology.json?_shape=objects&_search=citizenship").json()["rows"]
    assert found and len(found) < len(rows) and all("citizenship" in row["text"].lower() for row in found)


def test_datasette_hides_internals_and_offers_the_questions(seeded_db: str) -> None:
    page = datasette_get(seeded_db, "/timeline.json").json()
    shown = {table["name"]: table["hidden"] for table in page["tables"]}
    assert shown["alembic_version"] and shown["cluster_spans"] and not shown["events"]
    assert {"q1", "q3"} <= {query["name"] for query in page["queries"]}
    answer = datasette_get(seeded_db, "/timeline/q3.json?_shape=objects").json()
    assert answer["ok"] and answer["rows"]


def test_datasette_links_events_to_their_entries(seeded_db: str) -> None:
    response = datasette_get(seeded_db, "/timeline/events.json?_shape=objects&_labels=on&_size=1&cluster_id__notblank=1")
    [row] = response.json()["rows"]
    assert isinstance(row["cluster_id"], dict) and row["cluster_id"]["value"]
