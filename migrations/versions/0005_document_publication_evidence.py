"""What an inferred publication date rests on: the dateline, the duplicate or the bounding date.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 04:34:05.437247
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE (no batch copy): SQLite adds and drops a column in place, so the
# views that read documents (chronology and its facets) stay valid.


def upgrade() -> None:
    """Apply this revision."""
    op.add_column('documents', sa.Column('published_evidence', sa.Text(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column('documents', 'published_evidence')
