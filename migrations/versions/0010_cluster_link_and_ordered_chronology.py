"""Events link to their entries: a foreign key from events.cluster_id to clusters; the chronology view is ordered and searchable.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 00:30:00

`events.cluster_id` references `clusters.id`, checked when a transaction commits (DEFERRABLE
INITIALLY DEFERRED), so that a clustering pass may delete and insert an entry again before it
moves its reports; a report whose entry is missing loses its link (NULL) first.

SQLite adds a constraint only by rebuilding the table (batch mode). With foreign keys enforced,
dropping the old `events` would first delete its rows and run the ON DELETE actions of the
tables that reference it (event_actors, claims, clusters): enforcement is switched off for the
rebuild (SQLite takes that pragma only outside a transaction, so whatever the upgrade did before
is committed first), and `PRAGMA foreign_key_check` confirms the result. The full-text index keeps
its rowids (the event ids do not change); its triggers go with the old table and are made again.

The `chronology` view gains `event_id` (the representative event, `clusters.event_id`), so that
Datasette searches it through `events_fts` (fts_pk), and orders its rows as the chronology does:
by `earliest`, then `latest` (the finer date first), then `cluster_id`.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CONSTRAINT = "fk_events_cluster_id_clusters"
INDEX = "ix_events_cluster_id"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
MODS = {"START": "early", "EARLY": "early", "MID": "mid", "END": "late", "LATE": "late", "APPROX": "about",
        "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from"}


def upgrade() -> None:
    """Add the foreign key and the ordered, searchable chronology view."""
    dialect = op.get_bind().dialect.name
    op.execute("DROP VIEW IF EXISTS chronology")
    op.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL"
               " AND NOT EXISTS (SELECT 1 FROM clusters WHERE clusters.id = events.cluster_id)")
    if dialect == "sqlite":
        _rebuild_events(lambda batch: batch.create_foreign_key(
            CONSTRAINT, "clusters", ["cluster_id"], ["id"], deferrable=True, initially="DEFERRED"))
    else:
        op.create_foreign_key(CONSTRAINT, "events", "clusters", ["cluster_id"], ["id"], deferrable=True, initially="DEFERRED")
    op.execute(_chronology_view(dialect, ordered=True))


def downgrade() -> None:
    """Drop the foreign key; the chronology view as revision 0009 had it."""
    dialect = op.get_bind().dialect.name
    op.execute("DROP VIEW IF EXISTS chronology")
    if dialect == "sqlite":
        _rebuild_events(lambda batch: batch.drop_constraint(CONSTRAINT, type_="foreignkey"))
    else:
        op.drop_constraint(CONSTRAINT, "events", type_="foreignkey")
    op.execute(_chronology_view(dialect, ordered=False))


FTS_TRIGGERS = {
    "events_fts_insert": "AFTER INSERT ON events BEGIN INSERT INTO events_fts(rowid, text) VALUES (new.id, new.text); END",
    "events_fts_delete": "AFTER DELETE ON events BEGIN"
                         " INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "events_fts_update": "AFTER UPDATE OF text ON events BEGIN"
                         " INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.id, old.text);"
                         " INSERT INTO events_fts(rowid, text) VALUES (new.id, new.text); END",
}


def _rebuild_events(change) -> None:  # type: ignore[no-untyped-def]
    """SQLite: rebuild `events` with `change(batch)` applied, foreign-key actions off, its full-text triggers made again."""
    bind = op.get_bind()
    raw = bind.connection.driver_connection
    if raw.in_transaction:
        raw.commit()
    raw.execute("PRAGMA foreign_keys = OFF")
    triggers = {name for (name,) in bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'")}
    for name in triggers:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("events", recreate="always") as batch:
        change(batch)
    for name in sorted(triggers & set(FTS_TRIGGERS)):
        op.execute(f"CREATE TRIGGER {name} {FTS_TRIGGERS[name]}")
    problems = bind.exec_driver_sql("PRAGMA foreign_key_check(events)").fetchall()
    if problems:
        raise RuntimeError(f"events rows whose links break their foreign keys after the rebuild: {problems[:5]}")


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


def _chronology_view(dialect: str, *, ordered: bool) -> str:
    """The chronology view; `ordered`: with `event_id` last and the chronology's order (this revision), else as before."""
    label = _label_sql("c.value", "c.mod", dialect)
    source = "COALESCE(d.source, d.title, d.path)"
    representative = ",\n    c.event_id AS event_id" if ordered else ""
    order = "\nORDER BY c.earliest, c.latest, c.id" if ordered else ""
    return f"""
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
    c.last_reported AS last_reported{representative}
FROM clusters c{order}
"""
