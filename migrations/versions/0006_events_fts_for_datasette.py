"""Full-text index declared as Datasette and sqlite-utils detect it (content="events"), so `?_search=` works there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22 05:05:00.000000

SQLite only: the FTS5 table `events_fts` and its triggers are made again with the content table
named in double quotes, then rebuilt from `events`. PostgreSQL is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGGERS = ("events_fts_insert", "events_fts_delete", "events_fts_update")


def upgrade() -> None:
    """Apply this revision."""
    _recreate('content="events", content_rowid="id"')


def downgrade() -> None:
    """Revert this revision."""
    _recreate("content='events', content_rowid='id'")


def _recreate(content: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS events_fts")
    op.execute(f"CREATE VIRTUAL TABLE events_fts USING fts5(text, {content}, tokenize='porter unicode61')")
    op.execute(
        "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
        " INSERT INTO events_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
        " INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.id, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER events_fts_update AFTER UPDATE OF text ON events BEGIN"
        " INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.id, old.text);"
        " INSERT INTO events_fts(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
