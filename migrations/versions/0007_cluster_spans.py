"""The longest cluster interval per date basis and granularity, kept by triggers: sound lower bounds for overlap queries.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22 05:53:28.759788

An entry overlaps [from, to) when `latest > from AND earliest < to`; read through the chronology
index, the first condition bounds nothing. With S the longest `latest - earliest` of any entry,
`earliest > from - S` follows, and gives the index scan its start. `cluster_spans` holds S per
date basis and granularity (NULL granularity as ''), so that each class, read apart through
`ix_clusters_chronology` (now with granularity after date_basis), starts at its own bound. It is filled from the existing clusters here
and raised by triggers on every insert of `clusters` and every update of its dates, basis or
granularity (SQLite triggers; a PL/pgSQL trigger function on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHRONOLOGY_COLUMNS = ['date_basis', 'granularity', 'earliest', 'latest', 'id']
SQLITE_DAYS = "coalesce(CAST(julianday({row}.latest) - julianday({row}.earliest) AS INTEGER), 1000000)"
POSTGRESQL_DAYS = "(CAST({row}.latest AS date) - CAST({row}.earliest AS date))"

SQLITE_TRIGGER = """
CREATE TRIGGER {name} AFTER {event} ON clusters
WHEN NEW.earliest IS NOT NULL AND NEW.latest IS NOT NULL
BEGIN
  INSERT INTO cluster_spans (date_basis, granularity, longest_days)
  SELECT NEW.date_basis, coalesce(NEW.granularity, ''), {days}
  WHERE NOT EXISTS (
    SELECT 1 FROM cluster_spans
    WHERE date_basis = NEW.date_basis AND granularity = coalesce(NEW.granularity, '') AND longest_days >= {days}
  )
  ON CONFLICT (date_basis, granularity) DO UPDATE SET longest_days = max(longest_days, excluded.longest_days);
END
"""

POSTGRESQL_FUNCTION = """
CREATE FUNCTION clusters_track_span() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  days integer;
BEGIN
  IF NEW.earliest IS NULL OR NEW.latest IS NULL THEN
    RETURN NULL;
  END IF;
  days := {days};
  IF NOT EXISTS (
    SELECT 1 FROM cluster_spans
    WHERE date_basis = NEW.date_basis AND granularity = coalesce(NEW.granularity, '') AND longest_days >= days
  ) THEN
    INSERT INTO cluster_spans (date_basis, granularity, longest_days) VALUES (NEW.date_basis, coalesce(NEW.granularity, ''), days)
    ON CONFLICT (date_basis, granularity) DO UPDATE SET longest_days = GREATEST(cluster_spans.longest_days, EXCLUDED.longest_days);
  END IF;
  RETURN NULL;
END
$$
"""

BACKFILL = (
    "INSERT INTO cluster_spans (date_basis, granularity, longest_days)"
    " SELECT date_basis, coalesce(granularity, ''), MAX({days}) FROM clusters"
    " WHERE earliest IS NOT NULL AND latest IS NOT NULL GROUP BY date_basis, coalesce(granularity, '')"
)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('cluster_spans',
    sa.Column('date_basis', sa.String(length=16), nullable=False),
    sa.Column('granularity', sa.String(length=16), nullable=False),
    sa.Column('longest_days', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('date_basis', 'granularity', name=op.f('pk_cluster_spans'))
    )
    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.drop_index('ix_clusters_chronology')
        batch_op.create_index('ix_clusters_chronology', CHRONOLOGY_COLUMNS, unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRESQL_FUNCTION.format(days=POSTGRESQL_DAYS.format(row="NEW")))
        op.execute(
            "CREATE TRIGGER clusters_span_insert AFTER INSERT ON clusters FOR EACH ROW EXECUTE FUNCTION clusters_track_span()"
        )
        op.execute(
            "CREATE TRIGGER clusters_span_update AFTER UPDATE OF earliest, latest, date_basis, granularity ON clusters"
            " FOR EACH ROW EXECUTE FUNCTION clusters_track_span()"
        )
        op.execute(BACKFILL.format(days=POSTGRESQL_DAYS.format(row="clusters")))
    else:
        days = SQLITE_DAYS.format(row="NEW")
        op.execute(SQLITE_TRIGGER.format(name="clusters_span_insert", event="INSERT", days=days))
        op.execute(SQLITE_TRIGGER.format(name="clusters_span_update", event="UPDATE OF earliest, latest, date_basis, granularity", days=days))
        op.execute(BACKFILL.format(days=SQLITE_DAYS.format(row="clusters")))
        if op.get_bind().exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
            op.execute("ANALYZE clusters")


def downgrade() -> None:
    """Revert this revision."""
    op.execute("DROP TRIGGER IF EXISTS clusters_span_insert" + (" ON clusters" if _postgresql() else ""))
    op.execute("DROP TRIGGER IF EXISTS clusters_span_update" + (" ON clusters" if _postgresql() else ""))
    if _postgresql():
        op.execute("DROP FUNCTION IF EXISTS clusters_track_span()")
    with op.batch_alter_table('clusters', schema=None) as batch_op:
        batch_op.drop_index('ix_clusters_chronology')
        batch_op.create_index('ix_clusters_chronology', [column for column in CHRONOLOGY_COLUMNS if column != 'granularity'], unique=False)
    op.drop_table('cluster_spans')


def _postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"
