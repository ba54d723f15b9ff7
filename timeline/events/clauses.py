"""Split a sentence into the clauses that each carry an event of their own."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from timeline.domain import Span


@lru_cache(maxsize=1)
def _report_then_content() -> re.Pattern[str]:
    text = resources.files("timeline.events").joinpath("data/reporting_verbs.txt").read_text(encoding="utf-8")
    verbs = sorted({line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")})
    return re.compile(r"\b(?:" + "|".join(map(re.escape, verbs)) + r")\b[^.;:]{0,80}?\bthat\s+", re.IGNORECASE)


def split_clauses(text: str, start: int, end: int) -> list[Span]:
    """The report clause and the reported clause of "X said on DATE that Y …", else the whole span."""
    match = _report_then_content().search(text, start, end)
    if match is None or match.end() >= end:
        return [Span(start, end)]
    return [Span(start, match.end()), Span(match.end(), end)]
