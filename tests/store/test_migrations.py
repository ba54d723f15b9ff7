"""The migrations produce exactly the models' schema and round-trip with data kept."""

from __future__ import annotations

from sqlalchemy import func, select, text

from timeline.store import migrate
from timeline.store.database import create_database_engine
from timeline.store.models import Document, EventRow, MentionRow


def test_upgrade_head_on_empty_database_matches_models(db_path: str) -> None:
    migrate.upgrade(db_path)
    engine = create_database_engine(db_path)
    assert migrate.pending_differences(engine) == []
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_downgrade_to_initial_then_upgrade_keeps_data(seeded_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    copy = str(tmp_path / "copy.db")
    shutil.copy(seeded_db, copy)
    engine = create_database_engine(copy)

    def counts() -> tuple[int, int, int]:
        with engine.connect() as connection:
            return tuple(connection.execute(select(func.count()).select_from(model)).scalar_one() for model in (Document, MentionRow, EventRow))  # type: ignore[return-value]

    before = counts()
    migrate.downgrade(copy, migrate.INITIAL_REVISION)
    migrate.upgrade(copy)
    assert counts() == before
    assert migrate.pending_differences(engine) == []
    engine.dispose()


def test_downgrade_base_removes_every_table(db_path: str) -> None:
    migrate.upgrade(db_path)
    migrate.downgrade(db_path, "base")
    engine = create_database_engine(db_path)
    with engine.connect() as connection:
        tables = connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars().all()
    assert set(tables) <= {"alembic_version"}
    migrate.upgrade(db_path)
    assert migrate.pending_differences(engine) == []
    engine.dispose()
