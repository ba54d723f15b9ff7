"""A date the text gives for itself: a "Published …" line or a dateline ("KYIV, June 10, 2024 —")."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources

from timeline.dating.bound import explicit_date, lower_bound
from timeline.dating.infer import Inference
from timeline.domain import Extraction, Mention, PublicationDate
from timeline.temporal.values import parse_value

# How far from the start or the end of the text a "Published …" line may stand.
EDGE_LINES = 12
# A date line is short: "Published: 10 June 2024, 09:15 BST" — not a sentence that opens with "Published in 2019, …".
DATE_LINE_WORDS = 12


@lru_cache(maxsize=1)
def published_markers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words introducing a date line (`data/published_markers.txt`): (published ones, updated ones)."""
    text = resources.files("timeline.dating").joinpath("data/published_markers.txt").read_text(encoding="utf-8")
    markers = [line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    updated = tuple(marker for marker in markers if "updat" in marker or "modif" in marker)
    return tuple(marker for marker in markers if marker not in updated), updated


def dateline_date(extraction: Extraction) -> Inference | None:
    """The date of a "Published …" line near either end of the text, else of a dateline opening the body."""
    text = extraction.document.text
    published, updated = published_markers()
    for markers in (published, updated):
        for start, end in _edge_lines(text):
            line = text[start:end].strip().lower()
            if len(line.split()) > DATE_LINE_WORDS or not any(re.match(rf"{re.escape(marker)}\b", line) for marker in markers):
                continue
            found = _first_date(extraction.mentions, start, end)
            if found is not None:
                date, mention = found
                return Inference(date, "dateline", f"date line {text[start:end].strip()!r}")
    return _opening_dateline(extraction)


def _opening_dateline(extraction: Extraction) -> Inference | None:
    """The date of the dateline opening the article ("KYIV, June 10, 2024 (Reuters) — ").

    A dateline without a year ("KATHMANDU, Jan 10 (Reuters) -") dates the article when the
    body bounds its year: the first such day on or after the latest date the body states.
    """
    text = extraction.document.text
    dateline = next((part for part in extraction.segments if part.kind == "dateline"), None)
    if dateline is None:
        return None
    words = text[dateline.start : dateline.end].strip()
    for mention in extraction.mentions:
        if not dateline.start <= mention.start < dateline.end:
            continue
        date = explicit_date(mention)
        if date is not None and date.precision == "day":
            return Inference(date, "dateline", f"dateline {words!r}")
        value = parse_value(mention.value)
        if value is not None and value.only_year_unknown and value.granularity == "day":
            return _after_bound(extraction, int(value.month or 0), int(value.day or 0), words)
    return None


def _after_bound(extraction: Extraction, month: int, day: int, words: str) -> Inference | None:
    """The first `month`-`day` on or after the latest date the body states; None when the body states none."""
    bound = lower_bound(extraction)
    if bound is None or bound.date is None:
        return None
    after = bound.date.earliest()
    for year in range(after.year, after.year + 5):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= after:
            return Inference(PublicationDate.from_date(candidate), "dateline", f"dateline {words!r} without a year, {bound.evidence}")
    return None


def _edge_lines(text: str) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    cursor = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((cursor, cursor + len(line)))
        cursor += len(line) + 1
    if len(lines) <= 2 * EDGE_LINES:
        return lines
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:]


def _first_date(mentions: tuple[Mention, ...], start: int, end: int) -> tuple[PublicationDate, Mention] | None:
    for mention in mentions:
        if start <= mention.start < end:
            date = explicit_date(mention)
            if date is not None:
                return date, mention
    return None
