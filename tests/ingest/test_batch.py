"""A mixed batch: legacy encodings are read, binary, empty and oversized files refused, the rest unaffected."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from timeline.pipeline.ingest import ingest
from timeline.store.database import create_database_engine
from timeline.store.models import Document

CP1252_TEXT = "Müller’s café in Zürich raised prices to €5 on 3 March 2024 – “a record”, the owner said.\n"
UTF16_TEXT = "Kyiv’s metro reopened on 12 April 2024 after repairs — officials said.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(256)


def stored_texts(db: str) -> dict[str, str]:
    engine = create_database_engine(db)
    with engine.connect() as connection:
        rows = connection.execute(select(Document.path, Document.text, Document.encoding)).all()
    engine.dispose()
    return {Path(path).name: (text, encoding) for path, text, encoding in rows}


def test_mixed_batch(tmp_path: Path, db_path: str) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "windows.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "latin1.txt").write_bytes("Señor Gómez paid 5 francs in Genève.\n".encode("latin-1"))
    (folder / "utf16.txt").write_bytes(UTF16_TEXT.encode("utf-16"))
    (folder / "picture.txt").write_bytes(PNG)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_bytes(b"Grain prices rose again. " * (6 * 1024 * 1024 // 25 + 1))
    (folder / "good.txt").write_text("Ferries resumed on 2 May 2024.\n", encoding="utf-8")
    report = ingest([str(folder)], db_path)
    reasons = {Path(result.name).name: result.reason for result in report.failures}
    assert set(reasons) == {"picture.txt", "empty.txt", "huge.txt"}
    assert "PNG" in reasons["picture.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "6.0 MB" in reasons["huge.txt"] and "5.0 MB limit" in reasons["huge.txt"]
    stored = stored_texts(db_path)
    assert stored["windows.txt"][0] == CP1252_TEXT
    assert stored["utf16.txt"] == (UTF16_TEXT, "utf-16")
    assert stored["latin1.txt"][0] == "Señor Gómez paid 5 francs in Genève.\n"
    assert "good.txt" in stored and report.counts["added"] == 4


def test_max_size_is_configurable(tmp_path: Path, db_path: str) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Ferries resumed on 2 May 2024. " * 100, encoding="utf-8")
    report = ingest([str(article)], db_path, max_bytes=1000)
    assert report.failures and "limit" in report.failures[0].reason


def test_utf16_without_byte_order_mark(tmp_path: Path, db_path: str) -> None:
    (tmp_path / "le.txt").write_bytes(UTF16_TEXT.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(UTF16_TEXT.encode("utf-16-be"))
    report = ingest([str(tmp_path)], db_path)
    assert report.counts["added"] == 1 and report.counts["unchanged"] == 1, report.results
    assert {text for text, _ in stored_texts(db_path).values()} == {UTF16_TEXT}
