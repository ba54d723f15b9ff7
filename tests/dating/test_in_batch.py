"""Inference inside ingest: same-batch and stored duplicates, bounds, and given dates that always win."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from timeline.domain import PublicationDate
from timeline.ingest.sources import Metadata
from timeline.pipeline.ingest import ingest
from timeline.store.database import create_database_engine
from timeline.store.models import Document, EventRow, MentionRow

from tests.conftest import SEEDS


def dates(db: str) -> dict[str, tuple[str | None, str | None, str]]:
    engine = create_database_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(select(Document.path, Document.published, Document.published_precision, Document.published_basis)).all()
    engine.dispose()
    return {Path(path).name[:3]: (published, precision, basis) for path, published, precision, basis in rows}


def copy_seeds(folder: Path, *prefixes: str, manifest: str = "") -> None:
    folder.mkdir()
    for prefix in prefixes:
        source = next(SEEDS.glob(f"{prefix}_*.txt"))
        shutil.copy(source, folder / source.name)
    if manifest:
        (folder / "manifest.csv").write_text("file,published,source,url,title,notes\n" + manifest, encoding="utf-8")


def test_undated_document_read_first_waits_for_the_dated_ones(tmp_path: Path, db_path: str) -> None:
    copy_seeds(tmp_path / "batch", "000", "002", manifest="002_e697d7c091812725.txt,2024-06-10,,,,\n")
    ingest([str(tmp_path / "batch")], db_path)
    assert dates(db_path)["000"] == ("2024-06", "month", "duplicate")


def test_duplicate_stored_by_an_earlier_batch(tmp_path: Path, db_path: str) -> None:
    copy_seeds(tmp_path / "first", "002", manifest="002_e697d7c091812725.txt,2024-06-10,,,,\n")
    copy_seeds(tmp_path / "second", "000")
    ingest([str(tmp_path / "first")], db_path)
    ingest([str(tmp_path / "second")], db_path)
    assert dates(db_path)["000"] == ("2024-06", "month", "duplicate")


def test_command_line_date_wins_over_inference(tmp_path: Path, db_path: str) -> None:
    copy_seeds(tmp_path / "batch", "000")
    ingest([str(tmp_path / "batch")], db_path, Metadata(published=PublicationDate(2024, 7, 2)))
    assert dates(db_path)["000"] == ("2024-07-02", "day", "given")


def test_bound_keeps_relative_mentions_unanchored(tmp_path: Path, db_path: str) -> None:
    article = tmp_path / "note.txt"
    article.write_text("The council approved the plan on 4 March 2024. Work began last week.\n", encoding="utf-8")
    ingest([str(article)], db_path)
    assert dates(db_path)["not"] == ("2024-03-04", "day", "bound")
    assert evidence(db_path) == "written after '4 March 2024' (2024-03-04)"
    engine = create_database_engine(db_path)
    with engine.connect() as connection:
        values = {text: value for text, value in connection.execute(select(MentionRow.text, MentionRow.value))}
    engine.dispose()
    assert values["4 March 2024"] == "2024-03-04"
    assert "X" in values["last week"]
    engine = create_database_engine(db_path)
    with engine.connect() as connection:
        reported = set(connection.execute(select(EventRow.reported)).scalars())
    engine.dispose()
    assert reported == {None}


def test_undated_without_evidence_stays_unknown(tmp_path: Path, db_path: str) -> None:
    article = tmp_path / "note.txt"
    article.write_text("The council approved the plan last week.\n", encoding="utf-8")
    ingest([str(article)], db_path)
    assert dates(db_path)["not"] == (None, None, "unknown")
    assert "no dateline" in evidence(db_path)


def test_command_line_date_is_recorded_as_such(tmp_path: Path, db_path: str) -> None:
    article = tmp_path / "note.txt"
    article.write_text("The council approved the plan last week.\n", encoding="utf-8")
    ingest([str(article)], db_path, Metadata(published=PublicationDate(2024, 7, 2)))
    assert evidence(db_path) == "--published on the command line"


def evidence(db: str) -> str | None:
    engine = create_database_engine(db)
    with engine.connect() as connection:
        found = connection.execute(select(Document.published_evidence)).scalar_one()
    engine.dispose()
    return found
