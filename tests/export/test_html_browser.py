"""The exported page in a real browser (headless Chromium): no console errors, filters work, nothing overflows at
1280 and 390 pixels, anchors survive a reload, and the chart aggregates a large chronology."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.browser import OVERFLOW_CHECK, PageProblems, chromium
from tests.export.test_html import many
from timeline.cli.main import app
from timeline.export.html import html_page

WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with chromium() as opened:
        yield opened


@pytest.fixture(scope="module")
def seeds_page(seeded_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("page") / "seeds.html"
    result = CliRunner().invoke(app, ["--db", seeded_db, "export", "--format", "html", "--reported", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path.as_uri()


@pytest.fixture(scope="module")
def large_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("page") / "large.html"
    path.write_text(html_page(many(1_000), [], "Large"), encoding="utf-8")
    return path.as_uri()


def opened(browser, url: str, width: int = 1280):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = PageProblems(page)
    page.goto(url)
    page.wait_for_selector("#entries > li")
    return page, problems


def listed(page) -> int:  # type: ignore[no-untyped-def]
    return page.locator("#entries > li[id]").count()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_console_error_and_nothing_overflows(browser, seeds_page: str, large_page: str, width: int) -> None:  # type: ignore[no-untyped-def]
    for url in (seeds_page, large_page):
        page, problems = opened(browser, url, width)
        assert page.evaluate(OVERFLOW_CHECK) == [], (url, width)
        assert problems.errors == [] and problems.dialogs == []
        page.close()


def test_filters_change_what_is_shown(browser, seeds_page: str) -> None:  # type: ignore[no-untyped-def]
    page, problems = opened(browser, seeds_page)
    everything = listed(page)
    assert everything > 10 and page.locator(".row").count() == everything
    page.select_option("#filter-category", "recruitment")
    recruitment = listed(page)
    assert 0 < recruitment < everything
    assert set(page.locator("#entries > li .category").all_text_contents()) == {"recruitment"}
    page.click("#filter-reset")
    page.wait_for_function(f"document.querySelectorAll('#entries > li[id]').length === {everything}")
    page.fill("#filter-actor", "North Korea")
    assert 0 < listed(page) < everything and all("North Korea" in text for text in page.locator("#entries > li .actors").all_text_contents())
    page.click("#filter-reset")
    page.fill("#filter-from", "2024-05-01")
    page.fill("#filter-to", "2024-05-31")
    assert 0 < listed(page) < everything and "May 2024" in page.locator("#entries").inner_text()
    page.click("#filter-reset")
    page.fill("#filter-source", "taipei")
    assert 0 < listed(page) < everything
    page.fill("#filter-text", "no such words anywhere")
    assert listed(page) == 0 and "No events match" in page.locator("#entries").inner_text()
    assert "Showing 0 entries of" in page.locator("#shown").inner_text()
    assert problems.errors == []


def test_counts_read_in_good_english(browser, seeds_page: str) -> None:  # type: ignore[no-untyped-def]
    page, _problems = opened(browser, seeds_page)
    text = page.locator("body").inner_text()
    assert "1 sources" not in text and "1 entries" not in text and "1 articles" not in text
    assert "Reported by 1 article:" in text


def test_an_anchor_on_a_later_page_survives_a_reload(browser, large_page: str) -> None:  # type: ignore[no-untyped-def]
    target = f"{654:016x}"
    page, problems = opened(browser, f"{large_page}#e-{target}")
    for _ in range(2):
        item = page.locator(f"#e-{target}")
        item.wait_for()
        assert "targeted" in (item.get_attribute("class") or "") and item.is_visible()
        assert "Page 7 of 10" in page.locator("#pager-top").inner_text()
        page.reload()
        page.wait_for_selector("#entries > li")
    assert problems.errors == []


def test_a_large_chronology_is_counted_by_month_or_year_and_paged(browser, large_page: str) -> None:  # type: ignore[no-untyped-def]
    page, _problems = opened(browser, large_page)
    assert page.locator(".row").count() == 0 and page.locator(".bucket").count() >= 3
    assert listed(page) == 100 and "Page 1 of 10" in page.locator("#pager-top").inner_text()
    page.click("#pager-top button:has-text('Next')")
    assert "Page 2 of 10" in page.locator("#pager-top").inner_text() and listed(page) == 100
    page.locator(".bucket").first.click()
    assert 0 < listed(page) <= 100 and page.locator(".row").count() == listed(page)
