"""A headless Chromium for the tests that open exported pages: Debian's `chromium` driven by Playwright.

`.ci/run` installs the browser when it is missing; where none can be installed, the tests that need one are
skipped, saying why. Screenshots are never written.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGUMENTS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
)
"""As root and without a network: no sandbox, and none of the browser's own connections."""

OVERFLOW_CHECK = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > width + 1) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  for (const element of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden" || ["SCRIPT", "STYLE", "OPTION", "DATALIST"].includes(element.tagName)) continue;
    const box = element.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    const name = element.tagName.toLowerCase() + (element.className ? "." + String(element.className).split(" ").join(".") : "");
    if (box.right > width + 1 || box.left < -1) problems.push(`${name} ("${element.textContent.slice(0, 40)}") lies outside the page`);
    if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0 && style.overflowX !== "visible"
        && !["INPUT", "SELECT", "TEXTAREA", "BUTTON"].includes(element.tagName)) {
      problems.push(`${name} ("${element.textContent.slice(0, 40)}") cuts its content: ${element.scrollWidth} > ${element.clientWidth}`);
    }
    const parent = element.parentElement;
    if (parent && parent !== document.body && style.position !== "absolute" && getComputedStyle(parent).display !== "contents") {
      const outer = parent.getBoundingClientRect();
      if (box.right > outer.right + 1 && outer.width > 0) problems.push(`${name} ("${element.textContent.slice(0, 40)}") spills out of its box`);
    }
  }
  return problems;
}"""
"""Everything wrong with the layout at the page's width: a sideways scroll, a box outside the page, cut or spilling text."""


def chromium_path() -> str | None:
    """The Chromium executable, or None."""
    given = os.environ.get("TIMELINE_TEST_CHROMIUM")
    if given:
        return given
    return next((found for found in map(shutil.which, CHROMIUM_NAMES) if found), None)


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser (a Playwright Browser); the test is skipped, saying why, when there is none."""
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium to drive: install Debian's `chromium` (`.ci/run` does) or set TIMELINE_TEST_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (it is in the dev dependency group: `uv sync`)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGUMENTS))
        try:
            yield browser
        finally:
            browser.close()


class PageProblems:
    """What went wrong while a page was open: console errors, uncaught exceptions, dialogs (alert, confirm)."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

        def dismiss(dialog) -> None:  # type: ignore[no-untyped-def]
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
