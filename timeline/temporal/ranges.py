"""Ranges: two mentions joined by "to", "until", "through" or a dash become one interval as well as two ends."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date

from timeline.domain import Mention
from timeline.temporal.rules import vocabulary
from timeline.temporal.values import interval_of

_BARE_YEAR = re.compile(r"^(?:XXXX|\d{4})(-\d{2}(?:-\d{2})?)$")


@dataclass(frozen=True)
class TimeRange:
    """A stretch of time written as two ends: `from April 2023 to May 2024`."""

    start: int
    end: int
    text: str
    first: Mention
    last: Mention
    earliest: date | None
    latest: date | None


def find_ranges(text: str, mentions: list[Mention]) -> list[TimeRange]:
    """The ranges among a text's mentions (consecutive DATE/TIME mentions joined by a range word)."""
    ranges = []
    for first, last in itertools.pairwise(mentions):
        if not _joined(text, first, last):
            continue
        start = first.start
        opener = _opener().search(text, max(0, start - 12), start)
        if opener:
            start = opener.start()
        earliest = first.earliest
        latest = last.latest
        if earliest is None or latest is None or earliest >= latest:
            earliest = latest = None
        ranges.append(TimeRange(start, last.end, text[start : last.end], first, last, earliest, latest))
    return ranges


def _joined(text: str, first: Mention, last: Mention) -> bool:
    if first.type not in ("DATE", "TIME") or last.type not in ("DATE", "TIME"):
        return False
    between = text[first.end : last.start]
    if vocabulary("range_joiner", r"\s*{}\s*").fullmatch(between):
        return True
    if between.strip().lower() == "and":  # "and" joins a range only after "between"
        return bool(_opener().search(text, max(0, first.start - 12), first.start)) and "between" in text[
            max(0, first.start - 12) : first.start
        ].lower()
    return False


def _opener() -> re.Pattern[str]:
    """The word before a range's first end that belongs to its extent ("from", "between")."""
    return vocabulary("range_opener", r"\b{}\s*$")


def _coordinated(text: str, first: Mention, last: Mention) -> bool:
    """Two dates of one granularity joined by "and", "or" or a comma: "in April and June 1955", "on 3 and 5 May"."""
    if first.granularity != last.granularity or first.type != "DATE" or last.type != "DATE":
        return False
    return vocabulary("coordinator", r"\s*{}\s*").fullmatch(text, first.end, last.start) is not None


def complete_first_ends(text: str, mentions: list[Mention]) -> list[Mention]:
    """`from May to June 2023`, `in April and June 1955`: the first date takes its year from the second when it wrote none."""
    out = list(mentions)
    for index, (first, last) in enumerate(itertools.pairwise(mentions)):
        if not (_joined(text, first, last) or _coordinated(text, first, last)):
            continue
        if first.anchor not in ("dct", "unanchored", "mention") or last.anchor != "none":
            continue
        match = _BARE_YEAR.match(first.value)
        if not match or not last.value[:4].isdigit() or re.search(r"\d{4}", first.text):
            continue
        year = int(last.value[:4])
        for candidate_year in (year, year - 1):
            value = f"{candidate_year:04d}{match[1]}"
            earliest, latest, granularity = interval_of(value)
            if earliest is not None and last.latest is not None and earliest < last.latest:
                out[index] = replace(first, value=value, earliest=earliest, latest=latest, granularity=granularity, anchor="mention")
                break
    return out
