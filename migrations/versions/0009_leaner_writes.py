"""Leaner writes: three indexes another index already serves go, and SQLite's span triggers test before they run.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 22:10:00

`ix_events_document_id` and `ix_event_actors_event_id` repeat the leading column of a unique
constraint's index (`uq_events_document_span`, `uq_event_actors_event_actor_role`), and
`ix_clusters_date_basis` the leading column of `ix_clusters_chronology`: every lookup they
served is served as well by the wider index, and each cost every insert a B-tree write.

SQLite's `cluster_spans` triggers now test, in their WHEN clause, whether the row lengthens
the longest span, so the usual insert (the writer raises `cluster_spans` beforehand) runs no
trigger program at all; what they write is unchanged. PostgreSQL's trigger function already
tests first.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REDUNDANT_INDEXES = (
    ("ix_events_document_id", "events", ["document_id"]),
    ("ix_event_actors_event_id", "event_actors", ["event_id"]),
    ("ix_clusters_date_basis", "clusters", ["date_basis"]),
)
TRIGGERS = (
    ("clusters_span_insert", "INSERT"),
    ("clusters_span_update", "UPDATE OF earliest, latest, date_basis, granularity"),
)
DAYS = "coalesce(CAST(julianday(NEW.latest) - julianday(NEW.earliest) AS INTEGER), 1000000)"
LONGER = f"""NOT EXISTS (
    SELECT 1 FROM cluster_spans
    WHERE date_basis = NEW.date_basis AND granularity = coalesce(NEW.granularity, '') AND longest_days >= {DAYS}
  )"""
UPSERT = (
    "INSERT INTO cluster_spans (date_basis, granularity, longest_days)\n"
    f"  SELECT NEW.date_basis, coalesce(NEW.granularity, ''), {DAYS}\n"
)
ON_CONFLICT = "  ON CONFLICT (date_basis, granularity) DO UPDATE SET longest_days = max(longest_days, excluded.longest_days);\n"
TESTED_FIRST = (
    "CREATE TRIGGER {name} AFTER {event} ON clusters\n"
    f"WHEN NEW.earliest IS NOT NULL AND NEW.latest IS NOT NULL AND {LONGER}\n"
    f"BEGIN\n  {UPSERT}  WHERE true\n{ON_CONFLICT}END"  # SQLite's upsert after a SELECT needs a WHERE clause
)
TESTED_INSIDE = (
    "CREATE TRIGGER {name} AFTER {event} ON clusters\n"
    "WHEN NEW.earliest IS NOT NULL AND NEW.latest IS NOT NULL\n"
    f"BEGIN\n  {UPSERT}  WHERE {LONGER}\n{ON_CONFLICT}END"
)


def upgrade() -> None:
    """Drop the redundant indexes; on SQLite, test for a longer span in the triggers' WHEN clause."""
    for name, table, _columns in REDUNDANT_INDEXES:
        op.drop_index(name, table_name=table)
    _replace_triggers(TESTED_FIRST)


def downgrade() -> None:
    """Recreate the indexes and the triggers of revision 0008."""
    for name, table, columns in REDUNDANT_INDEXES:
        op.create_index(name, table, columns, unique=False)
    _replace_triggers(TESTED_INSIDE)


def _replace_triggers(template: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, event in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(template.format(name=name, event=event))
