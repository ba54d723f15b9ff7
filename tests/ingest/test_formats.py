"""JSON Lines, front matter, a manifest named directly, and stdin."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from timeline.domain import PublicationDate
from timeline.ingest.frontmatter import split_front_matter
from timeline.ingest.sources import Metadata, read_inputs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_json_lines_report_bad_lines_by_number() -> None:
    items = list(read_inputs([str(FIXTURES / "articles.jsonl")]))
    assert [item.name.rsplit(" ", 1)[-1] for item in items] == ["1", "2", "3", "4", "5", "6"]
    errors = {item.name.rsplit(" ", 1)[-1]: item.error for item in items if item.error}
    assert set(errors) == {"3", "4", "5"}
    assert "published" in errors["3"] and "JSON" in errors["4"] and "text" in errors["5"]
    first, second, last = (item.document for item in items if item.document)
    assert (first.published, first.published_basis, first.source, first.title) == (
        PublicationDate(2024, 1, 18), "given", "Corridor Weekly", "Rail freight up a fifth")
    assert first.url == "https://corridor.example/rail-2023"
    assert (second.published, second.published_basis) == (None, "unknown")
    assert last.published == PublicationDate(2024, 5, 2)


def test_json_lines_take_command_line_metadata() -> None:
    items = list(read_inputs([str(FIXTURES / "articles.jsonl")], Metadata(source="Archive")))
    assert {item.document.source for item in items if item.document} == {"Archive"}


def test_front_matter_gives_metadata_and_is_not_stored() -> None:
    (item,) = read_inputs([str(FIXTURES / "front_matter.md")])
    document = item.document
    assert (document.published, document.published_basis) == (PublicationDate(2024, 4, 22), "given")
    assert document.title == "Ferry timetable changes for the summer"
    assert (document.source, document.url) == ("Harbour Ledger", "https://harbour-ledger.example/news/2024/04/ferry-timetable")
    assert document.text.startswith("# Ferry timetable") and "---" not in document.text
    assert document.media_type == "text/markdown"


def test_front_matter_with_a_bad_date_names_the_line(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: T\npublished: 2024-13-01\n---\nText of the article.\n", encoding="utf-8")
    (item,) = read_inputs([str(article)])
    assert item.document is None and "front matter line 3" in item.error


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("---\ntitle: 'Quoted: yes'\ndate: 2024-06\n---\nBody\n", {"title": "Quoted: yes", "date": "2024-06"}),
        ("No block\n---\n", {}),
        ("---\nnever closed\n", {}),
    ],
)
def test_split_front_matter(text: str, fields: dict[str, str]) -> None:
    assert split_front_matter(text).fields == fields


def test_manifest_named_directly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ferries resumed in May.\n", encoding="utf-8")
    (tmp_path / "list.csv").write_text("file,published,source,url,title,notes\na.txt,2024-06-10,Wire,,,\nmissing.txt,,,,,\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "list.csv")]))
    assert items[0].document.published == PublicationDate(2024, 6, 10) and items[0].document.source == "Wire"
    assert items[1].document is None and "no such file" in items[1].error


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (b"Ferries resumed in May.\n", "text/plain"),
        (b'{"text": "Ferries resumed in May.", "published": "2024-06"}\n', "application/x-ndjson"),
        ((FIXTURES / "article.html").read_bytes(), "text/html"),
    ],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, media_type: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (item,) = read_inputs(["-"])
    assert item.document is not None and item.document.media_type == media_type
    assert item.document.path is None


def test_json_lines_size_limit_is_per_line(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    long_text = "Ferries resumed in May. " * 100
    batch.write_text('{"text": "%s"}\n{"text": "Ferries resumed in May."}\n' % long_text, encoding="utf-8")
    first, second = read_inputs([str(batch)], max_bytes=1000)
    assert first.document is None and "limit" in first.error
    assert second.document is not None
