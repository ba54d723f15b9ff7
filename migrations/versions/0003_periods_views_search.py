"""Periods (eras) seeded from seeds/periods.toml, research views, full-text search over event text.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 04:10:17.284540

The views (`chronology`, `mentions_flat`, `chronology_by_month`, `chronology_by_year`) and the
full-text objects (SQLite: the FTS5 table `events_fts` kept in step by triggers; PostgreSQL: the
expression index `ix_events_text_search`) are not models: `include_name` in
timeline/store/tables.py keeps them out of Alembic's compare. A later migration that
rebuilds the `events` table on SQLite (batch mode) must drop them first and create them again.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import timeline.store.types
from timeline.domain import PublicationDate
from timeline.seeds import SEEDS_DIRECTORY

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = ("chronology_by_year", "chronology_by_month", "mentions_flat", "chronology")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
MODS = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late", "APPROX": "about",
        "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}


def upgrade() -> None:
    """Apply this revision."""
    periods = op.create_table('periods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('start', sa.String(length=10), nullable=False),
    sa.Column('end', sa.String(length=10), nullable=True),
    sa.Column('earliest', timeline.store.types.IsoDate(length=10), nullable=False),
    sa.Column('latest', timeline.store.types.IsoDate(length=10), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_periods')),
    sa.UniqueConstraint('name', name=op.f('uq_periods_name'))
    )
    with op.batch_alter_table('periods', schema=None) as batch_op:
        batch_op.create_index('ix_periods_earliest_latest', ['earliest', 'latest'], unique=False)
    rows = _seed_periods()
    if rows:
        op.bulk_insert(periods, rows)
    dialect = op.get_bind().dialect.name
    for statement in _view_statements(dialect):
        op.execute(statement)
    for statement in _search_statements(dialect):
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("events_fts_insert", "events_fts_delete", "events_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS events_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_text_search")
    for view in VIEWS:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    with op.batch_alter_table('periods', schema=None) as batch_op:
        batch_op.drop_index('ix_periods_earliest_latest')
    op.drop_table('periods')


def _seed_periods() -> list[dict]:
    path = SEEDS_DIRECTORY / "periods.toml"
    if not path.exists():
        return []
    rows = []
    for period in tomllib.loads(path.read_text(encoding="utf-8")).get("period", []):
        end = period.get("end")
        rows.append({
            "name": period["name"],
            "aliases": "; ".join(period.get("aliases", [])),
            "start": period["start"],
            "end": end,
            "earliest": PublicationDate.parse(period["start"]).earliest(),
            "latest": PublicationDate.parse(end).latest() if end else None,
            "description": period.get("description", ""),
            "origin": "seed",
        })
    return rows


def _label_sql(value: str, mod: str, dialect: str) -> str:
    """SQL giving the same label as timeline.query.labels.date_label (checked by a test)."""
    position = "strpos" if dialect == "postgresql" else "instr"
    left = f"substr({value}, 1, {position}({value}, '/') - 1)"
    right = f"substr({value}, {position}({value}, '/') + 1)"
    ranged = f"({_plain_label_sql(left)} || ' to ' || {_plain_label_sql(right)})"
    base = f"CASE WHEN {position}({value}, '/') > 0 THEN {ranged} ELSE {_plain_label_sql(value)} END"
    prefix = " ".join(f"WHEN '{key}' THEN '{word} '" for key, word in MODS.items())
    return f"(COALESCE(CASE {mod} {prefix} END, '') || {base})"


def _plain_label_sql(value: str) -> str:
    month_names = " ".join(f"WHEN '{number:02d}' THEN '{name}'" for number, name in enumerate(MONTHS, 1))
    month_abbr = " ".join(f"WHEN '{number:02d}' THEN '{name[:3]}'" for number, name in enumerate(MONTHS, 1))
    seasons = " ".join(f"WHEN '{key}' THEN '{name}'" for key, name in SEASONS.items())
    year = f"substr({value}, 1, 4)"
    digits4 = f"{year} BETWEEN '0000' AND '9999' AND {year} NOT LIKE '%X%'"
    month = f"substr({value}, 6, 2)"
    valid_month = f"{month} BETWEEN '01' AND '12' AND length({month}) = 2"
    return (
        "(CASE"
        f" WHEN {digits4} AND length({value}) >= 10 AND {valid_month} AND substr({value}, 8, 1) = '-'"
        f" AND substr({value}, 9, 2) BETWEEN '01' AND '31'"
        f" THEN ltrim(substr({value}, 9, 2), '0') || ' ' || (CASE {month} {month_abbr} END) || ' ' || {year}"
        f" WHEN {digits4} AND length({value}) = 7 AND {valid_month}"
        f" THEN (CASE {month} {month_names} END) || ' ' || {year}"
        f" WHEN {digits4} AND length({value}) = 8 AND substr({value}, 6, 1) = 'W' AND substr({value}, 7, 2) BETWEEN '00' AND '99'"
        f" THEN 'week ' || ltrim(substr({value}, 7, 2), '0') || ' of ' || {year}"
        f" WHEN {digits4} AND length({value}) = 7 AND substr({value}, 6, 2) IN ('SP', 'SU', 'FA', 'AU', 'WI')"
        f" THEN (CASE substr({value}, 6, 2) {seasons} END) || ' ' || {year}"
        f" WHEN {digits4} AND length({value}) = 7 AND substr({value}, 6, 2) IN ('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2')"
        f" THEN substr({value}, 6, 2) || ' ' || {year}"
        f" WHEN {digits4} AND length({value}) = 4 THEN {value}"
        f" WHEN length({value}) = 3 AND {value} BETWEEN '000' AND '999' AND {value} NOT LIKE '%X%' THEN {value} || '0s'"
        f" ELSE {value} END)"
    )


def _aggregate(expression: str, dialect: str) -> str:
    if dialect == "postgresql":
        return f"string_agg(DISTINCT {expression}, '; ' ORDER BY {expression})"
    return f"group_concat({expression}, '; ')"


def _cluster_list(expression: str, dialect: str) -> str:
    """A scalar subquery: the distinct non-null values of `expression` over a cluster's reports."""
    if dialect == "postgresql":
        return (
            f"(SELECT {_aggregate('item', dialect)} FROM (SELECT {expression} AS item FROM events e"
            " JOIN documents d ON d.id = e.document_id WHERE e.cluster_id = c.id) AS items WHERE item IS NOT NULL)"
        )
    return (
        f"(SELECT {_aggregate('item', dialect)} FROM (SELECT DISTINCT {expression} AS item FROM events e"
        f" JOIN documents d ON d.id = e.document_id WHERE e.cluster_id = c.id AND {expression} IS NOT NULL ORDER BY item))"
    )


def _view_statements(dialect: str) -> list[str]:
    label = _label_sql("c.value", "c.mod", dialect)
    source = "COALESCE(d.source, d.title, d.path)"
    chronology = f"""
CREATE VIEW chronology AS
SELECT
    c.id AS cluster_id,
    c.value AS value,
    c.mod AS mod,
    c.earliest AS earliest,
    c.latest AS latest,
    c.granularity AS granularity,
    {label} AS label,
    c.date_basis AS date_basis,
    c.category AS category,
    c.text AS text,
    c.actors AS actors,
    c.figures AS figures,
    {_cluster_list(source, dialect)} AS sources,
    c.source_count AS source_count,
    {_cluster_list('d.url', dialect)} AS urls,
    c.event_count AS event_count,
    c.first_reported AS first_reported,
    c.last_reported AS last_reported
FROM clusters c
"""
    mentions_flat = """
CREATE VIEW mentions_flat AS
SELECT
    m.id AS mention_id,
    m.document_id AS document_id,
    COALESCE(d.source, d.title, d.path) AS source,
    d.url AS url,
    d.published AS published,
    m.segment_kind AS segment_kind,
    m.start AS start,
    m."end" AS "end",
    m.text AS text,
    m.type AS type,
    m.value AS value,
    m.mod AS mod,
    m.earliest AS earliest,
    m.latest AS latest,
    m.granularity AS granularity,
    m.anchor AS anchor,
    m.rule AS rule
FROM mentions m
JOIN documents d ON d.id = m.document_id
"""
    by_month = """
CREATE VIEW chronology_by_month AS
SELECT
    substr(earliest, 1, 7) AS month,
    date_basis AS date_basis,
    COUNT(*) AS clusters,
    SUM(source_count) AS reports
FROM clusters
WHERE earliest IS NOT NULL
GROUP BY substr(earliest, 1, 7), date_basis
"""
    by_year = """
CREATE VIEW chronology_by_year AS
SELECT
    substr(earliest, 1, 4) AS year,
    date_basis AS date_basis,
    COUNT(*) AS clusters,
    SUM(source_count) AS reports
FROM clusters
WHERE earliest IS NOT NULL
GROUP BY substr(earliest, 1, 4), date_basis
"""
    return [chronology, mentions_flat, by_month, by_year]


def _search_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return ["CREATE INDEX ix_events_text_search ON events USING gin (to_tsvector('english', text))"]
    if dialect != "sqlite":
        return []
    return [
        "CREATE VIRTUAL TABLE events_fts USING fts5(text, content='events', content_rowid='id', tokenize='porter unicode61')",
        "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
        " INSERT INTO events_fts(rowid, text) VALUES (new.id, new.text); END",
        "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
        " INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
        "CREATE TRIGGER events_fts_update AFTER UPDATE OF text ON events BEGIN"
        " INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.id, old.text);"
        " INSERT INTO events_fts(rowid, text) VALUES (new.id, new.text); END",
        "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
    ]
