"""A lower bound: a text is written after the latest explicit calendar date it states in its body."""

from __future__ import annotations

import re

from timeline.dating.infer import Inference
from timeline.domain import Extraction, Mention, PublicationDate
from timeline.temporal.values import parse_value

# Dates the text looks ahead to are no evidence of when it was written:
# "by March 2026", "until the end of 2025", "the vote will be held on 5 May 2026".
_AHEAD = re.compile(
    r"(?:\b(?:by|until|till|before)\s+(?:the\s+)?(?:(?:start|end|middle)\s+of\s+)?"
    r"|\b(?:will|shall|scheduled|due|expected|planned|plans?\s+to|set\s+to)\b[^.?!;]{0,30})$",
    re.IGNORECASE,
)


def lower_bound(extraction: Extraction) -> Inference | None:
    """The latest explicit absolute date of the body as a bound; mentions stay unanchored against it."""
    text = extraction.document.text
    body = [part for part in extraction.segments if part.kind == "body"]
    dates = []
    for mention in extraction.mentions:
        if not any(part.start <= mention.start < part.end for part in body):
            continue
        date = explicit_date(mention)
        if date is None or _AHEAD.search(text, max(0, mention.start - 60), mention.start):
            continue
        dates.append((date.earliest(), date, mention))
    if not dates:
        return None
    _, date, mention = max(dates, key=lambda item: (item[0], item[1].precision == "day"))
    return Inference(date, "bound", f"written after {mention.text!r} ({date})", resolves=False)


def explicit_date(mention: Mention) -> PublicationDate | None:
    """A mention's value as a calendar date when the text names it absolutely (year, month or day)."""
    if mention.type != "DATE" or not mention.anchored:
        return None
    if not re.search(r"\b\d{4}\b", mention.text):
        return None
    value = parse_value(mention.value)
    if value is None or not value.known or value.era or value.granularity not in ("year", "month", "day"):
        return None
    month, day = (int(part) if part else None for part in (value.month, value.day))
    try:
        return PublicationDate(int(value.year), month, day)
    except ValueError:
        return None
