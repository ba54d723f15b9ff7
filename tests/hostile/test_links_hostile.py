"""Hostile urls (`javascript:`, `data:`, `file:`) never become links: a warning at ingest, text in every export,
and no link in the exported page that a browser can click."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.browser import PageProblems, chromium
from timeline.cli.main import app

HOSTILE_URLS = ("javascript:alert(document.domain)", " JaVaScRiPt:alert(2)", "data:text/html,<script>alert(3)</script>")
runner = CliRunner()


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "story.md").write_text(
        f"---\npublished: 2023-03-05\nsource: <img src=x onerror=alert(4)>\nurl: {HOSTILE_URLS[0]}\n---\n"
        "On 3 March 2023, officials in Geneva said that 40 volunteers had arrived in Kursk.\n",
        encoding="utf-8",
    )
    lines = [
        {"text": "On 9 April 2023, the Kremlin said that 300 recruits had arrived in Moscow.", "published": "2023-04-11",
         "url": HOSTILE_URLS[1], "source": "Second Wire"},
        {"text": "On 2 May 2023, NATO officials said that 1,200 troops had reached Kharkiv.", "published": "2023-05-04",
         "url": HOSTILE_URLS[2], "source": "Third Wire"},
        {"text": "On 6 June 2023, Ukraine's General Staff said that 500 soldiers had reached Donetsk.", "published": "2023-06-08",
         "url": "https://safe.example/story", "source": "Safe Wire"},
    ]
    (folder / "more.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = str(folder / "hostile.db")
    result = runner.invoke(app, ["--db", db, "ingest", str(folder), "--jobs", "0"])
    assert result.exit_code == 0, result.output
    return db, result.stderr


def exported(db: str, output_format: str) -> str:
    result = runner.invoke(app, ["--db", db, "export", "--format", output_format, "--reported"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ingest_warns_of_each_url_that_is_no_web_link(hostile_db: tuple[str, str]) -> None:
    _db, messages = hostile_db
    warnings = [line for line in messages.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 3 and all("not an http or https address" in line for line in warnings)
    assert "safe.example" not in messages


def test_no_export_makes_a_link_of_it(hostile_db: tuple[str, str]) -> None:
    db, _messages = hostile_db
    slides = " ".join(slide["text"]["text"] for slide in json.loads(exported(db, "timelinejs"))["events"])
    assert 'href="https://safe.example/story"' in slides and slides.count("href=") == 1
    assert "javascript:alert(document.domain)" in slides  # as text
    ics = exported(db, "ics").replace("\r\n ", "")
    link_lines = [line for line in ics.splitlines() if line.startswith(("URL", "ATTACH"))]
    assert link_lines and all(line.endswith("https://safe.example/story") for line in link_lines)
    assert "not a web link: javascript:alert(document.domain)" in ics
    page = exported(db, "html")
    assert "javascript:" not in page.lower().split('id="timeline-data"')[0]
    data = json.loads(page.split('id="timeline-data">', 1)[1].split("</script>", 1)[0])
    assert data["tables"]["links"] == ["https://safe.example/story"]
    assert {url.strip() for url in data["tables"]["texts"]} == {url.strip() for url in HOSTILE_URLS}


def test_a_browser_finds_no_such_link_and_no_script_runs(hostile_db: tuple[str, str], tmp_path: Path) -> None:
    db, _messages = hostile_db
    path = tmp_path / "page.html"
    assert runner.invoke(app, ["--db", db, "export", "--format", "html", "--reported", "-o", str(path)]).exit_code == 0
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems = PageProblems(page)
        page.goto(path.as_uri())
        page.wait_for_selector("#entries > li")
        hrefs = page.eval_on_selector_all("a", "links => links.map(link => link.getAttribute('href'))")
        assert hrefs and all(href.startswith(("#", "https://", "http://")) for href in hrefs), hrefs
        assert "https://safe.example/story" in hrefs
        for link in page.locator("a[href^='#']").all():
            link.click()
        for text in ("<img src=x onerror=alert(4)>", "Second Wire", "Third Wire"):
            page.get_by_text(text, exact=True).first.click()
        assert "not a web link): javascript:alert(document.domain)" in page.locator("#entries").inner_text()
        assert problems.dialogs == [] and problems.errors == []
        assert page.url.startswith(path.as_uri())
