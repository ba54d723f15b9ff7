"""Batch ingest: idempotent, one transaction per document, bad inputs reported and skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from timeline.pipeline.ingest import ingest
from timeline.store.database import create_database_engine
from timeline.store.models import Document, EventRow, MentionRow, SegmentRow

from tests.conftest import SEEDS

ARTICLE = "Ukraine's Defense Ministry announced on June 1 that Russian troop losses in May reached 38,940.\n"


def row_counts(db: str) -> dict[str, int]:
    engine = create_database_engine(db)
    with engine.connect() as connection:
        counts = {
            model.__table__.name: connection.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Document, SegmentRow, MentionRow, EventRow)
        }
    engine.dispose()
    return counts


def test_second_ingest_reports_unchanged_and_writes_nothing(db_path: str) -> None:
    first = ingest([str(SEEDS)], db_path)
    before = row_counts(db_path)
    second = ingest([str(SEEDS)], db_path)
    assert first.counts["added"] == 5
    assert second.counts["unchanged"] == 5 and second.counts["added"] == 0
    assert row_counts(db_path) == before


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path: Path, db_path: str) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "bad_date.txt").write_text("Another article about May.\n", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,published,source,url,title,notes\ngood.txt,2024-06-10,,,,\nbad_date.txt,2024-13-45,,,,\n",
        encoding="utf-8",
    )
    report = ingest([str(folder)], db_path)
    reasons = {Path(result.name).name: result.reason for result in report.failures}
    assert report.counts["added"] == 1
    assert set(reasons) == {"empty.txt", "image.txt", "bad_date.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "PNG" in reasons["image.txt"]
    assert "2024-13-45" in reasons["bad_date.txt"]


def test_undated_document_gets_unanchored_values(tmp_path: Path, db_path: str) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Losses reached a record in May.\n", encoding="utf-8")
    ingest([str(path)], db_path)
    engine = create_database_engine(db_path)
    with engine.connect() as connection:
        mention = connection.execute(select(MentionRow.value, MentionRow.earliest)).one()
    engine.dispose()
    assert mention == ("XXXX-05", None)


def test_same_text_in_one_batch_is_stored_once(tmp_path: Path, db_path: str) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    report = ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], db_path)
    assert [result.status for result in report.results] == ["added", "unchanged"]


def test_seed_copy_in_other_folder_is_unchanged(tmp_path: Path, db_path: str) -> None:
    ingest([str(SEEDS)], db_path)
    copy = tmp_path / "copy"
    shutil.copytree(SEEDS, copy)
    assert ingest([str(copy)], db_path).counts["unchanged"] == 5
