"""A date the text gives for itself: a "Published …" line or a dateline ("KYIV, June 10, 2024 —")."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from timeline.dating.bound import explicit_date
from timeline.dating.infer import Inference
from timeline.domain import Extraction, Mention, PublicationDate

# How far from the start or the end of the text a "Published …" line may stand.
EDGE_LINES = 12
# A date line is short: "Published: 10 June 2024, 09:15 BST" — not a sentence that opens with "Published in 2019, …".
DATE_LINE_WORDS = 12
_DATELINE_PLACE = re.compile(r"^[A-Z][\w.'’ -]{0,40}(?:,\s*[A-Z][\w.'’ -]{0,30})?,?\s*$")
_DATELINE_AFTER = re.compile(r"^[\s,]*(?:\([^)]{1,40}\))?\s*[—–:|-]")


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
            found = _first_date(_line_mentions(text, start, end), start, end)
            if found is not None:
                date, mention = found
                return Inference(date, "dateline", f"date line {text[start:end].strip()!r}")
    return _opening_dateline(extraction)


def _opening_dateline(extraction: Extraction) -> Inference | None:
    text = extraction.document.text
    body = [part for part in extraction.segments if part.kind == "body"]
    if not body:
        return None
    first = body[0]
    for mention in extraction.mentions:
        if not first.start <= mention.start < first.start + 60:
            continue
        date = explicit_date(mention)
        if date is None or date.precision != "day":
            continue
        place = text[first.start : mention.start]
        if (not place.strip() or _DATELINE_PLACE.match(place)) and _DATELINE_AFTER.match(text[mention.end : mention.end + 50]):
            return Inference(date, "dateline", f"dateline {text[first.start : mention.end].strip()!r}")
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


def _line_mentions(text: str, start: int, end: int) -> tuple[Mention, ...]:
    """The temporal expressions of one line, found on their own (a date line is page furniture, left out of the tagged text)."""
    from timeline.temporal import tag

    return tuple(replace(mention, start=mention.start + start, end=mention.end + start) for mention in tag(text[start:end], None))


def _first_date(mentions: tuple[Mention, ...], start: int, end: int) -> tuple[PublicationDate, Mention] | None:
    for mention in mentions:
        if start <= mention.start < end:
            date = explicit_date(mention)
            if date is not None:
                return date, mention
    return None
