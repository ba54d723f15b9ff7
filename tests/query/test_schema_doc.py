"""docs/schema.md documents every table, view and column, and its research queries run on the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import inspect

from timeline.query.sql import run_sql
from timeline.store import migrate
from timeline.store.database import create_database_engine

SCHEMA_DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
QUERY = re.compile(r"^### (Q\d+)\. (.+?)\n\n```sql\n(.*?)```", re.MULTILINE | re.DOTALL)
SECTION = re.compile(r"^#{2,3} (.+)$", re.MULTILINE)
HEADING_NAME = re.compile(r"^([a-z_0-9]+)(?:,\s*([a-z_0-9]+))?(?::|\s|$)")


def documented() -> dict[str, set[str]]:
    """Each documented table or view with the columns its section names."""
    text = SCHEMA_DOC.read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    parts = SECTION.split(text)
    for heading, body in zip(parts[1::2], parts[2::2]):
        match = HEADING_NAME.match(heading.strip())
        if not match:
            continue
        columns = {name for line in body.splitlines() if line.startswith("| `") for name in re.findall(r"`([a-z_0-9]+)`", line.split("|")[1])}
        for name in filter(None, match.groups()):
            found.setdefault(name, {"id"}).update(columns)
    return found


def queries() -> list[tuple[str, str, str]]:
    return QUERY.findall(SCHEMA_DOC.read_text(encoding="utf-8"))


def test_every_table_view_and_column_is_documented(db_path: str) -> None:
    migrate.upgrade(db_path)
    engine = create_database_engine(db_path)
    inspector = inspect(engine)
    docs = documented()
    names = [name for name in inspector.get_table_names() if not name.startswith("events_fts")] + inspector.get_view_names()
    for name in names:
        assert name in docs, f"docs/schema.md has no section for {name}"
        columns = {column["name"] for column in inspector.get_columns(name)}
        assert columns <= docs[name], f"{name}: undocumented columns {sorted(columns - docs[name])}"
    engine.dispose()


def test_at_least_five_research_questions() -> None:
    assert len(queries()) >= 5


EXPECTATIONS = {
    "Q1": lambda rows: {"September 2022", "November 2024"} <= {row[0] for row in rows} and "February 2022" not in {row[0] for row in rows},
    "Q2": lambda rows: any(row[0] == "2024-05" and "38,940" in row[1] for row in rows)
    and any("1,200" in row[1] and row[4] == "P1D" for row in rows),
    "Q3": lambda rows: any(row[1] == 3 and "1,200" in row[2] for row in rows),
    "Q4": lambda rows: {"2022", "2023", "2024"} <= {row[0] for row in rows},
    "Q5": lambda rows: len(rows) > 0 and all(row[3] >= 1 for row in rows),
    "Q6": lambda rows: len(rows) > 0,
    "Q7": lambda rows: {"DURATION", "SET"} <= {row[3] for row in rows} and all(row[2] for row in rows),
}


@pytest.mark.parametrize(("number", "question", "sql"), queries(), ids=[number for number, _q, _s in queries()])
def test_research_query_runs_on_the_seeds(seeded_db: str, number: str, question: str, sql: str) -> None:
    result = run_sql(seeded_db, sql)
    assert result.rows, f"{number} ({question}) returned nothing"
    assert EXPECTATIONS[number](result.rows), (number, result.rows[:5])


@pytest.mark.parametrize(("number", "question", "sql"), queries(), ids=[number for number, _q, _s in queries()])
def test_research_query_runs_on_postgresql(seeded_postgres: str, number: str, question: str, sql: str) -> None:
    result = run_sql(seeded_postgres, sql)
    assert result.rows, f"{number} ({question}) returned nothing on PostgreSQL"
    assert EXPECTATIONS[number](result.rows), (number, result.rows[:5])
