"""A saved web page: article text only, date from the page's metadata, title, url, site name."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from timeline.domain import PublicationDate
from timeline.ingest.html import looks_like_html, read_web_page
from timeline.pipeline.ingest import ingest
from timeline.store.database import create_database_engine
from timeline.store.models import Document, SegmentRow

PAGE = Path(__file__).resolve().parent.parent / "fixtures" / "article.html"
FURNITURE = ("Markets", "Subscribe", "Related stories", "Ferry workers", "ice-breakers", "Gdansk", "All rights reserved", "Quay Street", "Privacy")


def test_page_metadata_and_main_text() -> None:
    page = read_web_page(PAGE.read_text(encoding="utf-8"))
    assert page.published == PublicationDate(2024, 3, 14)
    assert page.title == "Baltic ports report record grain transit"
    assert page.url == "https://harbour-ledger.example/news/2024/03/baltic-grain-transit"
    assert page.site_name == "Harbour Ledger"
    assert "Grain shipments through the ports of Riga" in page.text
    assert not any(word in page.text for word in FURNITURE)


def test_ingested_page_stores_the_article_text_with_html_basis(db_path: str) -> None:
    report = ingest([str(PAGE)], db_path)
    assert report.counts["added"] == 1, report.results
    engine = create_database_engine(db_path)
    with engine.connect() as connection:
        document = connection.execute(select(Document.__table__)).one()
        segments = connection.execute(select(SegmentRow.kind, SegmentRow.start, SegmentRow.end)).all()
    engine.dispose()
    assert (document.published, document.published_precision, document.published_basis) == ("2024-03-14", "day", "html")
    assert (document.source, document.media_type) == ("Harbour Ledger", "text/html")
    assert document.url.endswith("baltic-grain-transit") and document.title.startswith("Baltic ports")
    body = [document.text[start:end] for kind, start, end in segments if kind == "body"]
    assert len(body) == 4 and body[0].startswith("Grain shipments")
    assert not any(word in document.text for word in FURNITURE)


def test_command_line_date_wins_over_the_page(db_path: str) -> None:
    from timeline.ingest.sources import Metadata

    ingest([str(PAGE)], db_path, Metadata(published=PublicationDate(2024, 3, 20)))
    engine = create_database_engine(db_path)
    with engine.connect() as connection:
        row = connection.execute(select(Document.published, Document.published_basis)).one()
    engine.dispose()
    assert tuple(row) == ("2024-03-20", "given")


def test_html_is_recognised_without_a_suffix() -> None:
    assert looks_like_html("<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>")
    assert not looks_like_html("Prices <rose> in May.")


def test_assets_of_a_saved_page_are_not_inputs(tmp_path: Path) -> None:
    from timeline.ingest.sources import read_inputs

    (tmp_path / "story.html").write_bytes(PAGE.read_bytes())
    assets = tmp_path / "story_files"
    assets.mkdir()
    (assets / "style.css").write_text("body { margin: 0 }", encoding="utf-8")
    (assets / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "other.css").write_text("p {}", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert sorted(Path(item.name).name for item in items) == ["other.css", "story.html"]
    assert next(item for item in items if item.name.endswith("other.css")).error.startswith("unsupported file type")
