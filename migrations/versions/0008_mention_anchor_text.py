"""Mention anchors as text: a period anchor names its era ("period:Full-scale invasion").

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22 06:20:00

Both SQLite (which rebuilds the table) and PostgreSQL (which refuses to retype a column a
view reads) need the research views out of the way while the column changes: they are
read from the database, dropped, and created again exactly as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Dependants first: this is the order to drop them in; they are created in the reverse order.
VIEWS = ("chronology_by_year", "chronology_by_month", "mentions_flat", "chronology")


def upgrade() -> None:
    """Widen mentions.anchor from 16 characters to text."""
    _retype_anchor(sa.String(length=16), sa.Text())


def downgrade() -> None:
    """Narrow mentions.anchor back to 16 characters (period anchors become 'period')."""
    op.execute("UPDATE mentions SET anchor = 'period' WHERE length(anchor) > 16")
    _retype_anchor(sa.Text(), sa.String(length=16))


def _retype_anchor(old: sa.types.TypeEngine, new: sa.types.TypeEngine) -> None:
    views = _view_definitions()
    for name in VIEWS:
        if name in views:
            op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.alter_column("anchor", existing_type=old, type_=new, existing_nullable=False)
    for name in reversed(VIEWS):
        if name in views:
            op.execute(views[name])


def _view_definitions() -> dict[str, str]:
    """The CREATE VIEW statement of each research view present in the database."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        rows = bind.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'view'")).all()
        return {name: sql for name, sql in rows if name in VIEWS}
    rows = bind.execute(
        sa.text("SELECT viewname, definition FROM pg_views WHERE schemaname = current_schema()")
    ).all()
    return {name: f"CREATE VIEW {name} AS {definition}" for name, definition in rows if name in VIEWS}
