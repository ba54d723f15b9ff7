"""Events from sentences: each dated clause of a body sentence becomes an event."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from timeline.domain import Event, Mention, PublicationDate, Segment, Sentence
from timeline.events.clauses import split_clauses

DATABLE_TYPES = frozenset({"DATE", "TIME"})
_BOUNDARY_BEFORE = re.compile(r"\b(?:since|until|till|before|after|by)\s+(?:the\s+)?$", re.IGNORECASE)


def event_key(document_sha256: str, start: int, end: int) -> str:
    """A stable event id: the same document span always gives the same key."""
    return hashlib.sha256(f"{document_sha256}:{start}:{end}".encode()).hexdigest()[:16]


def extract_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    segments: Sequence[Segment],
    published: PublicationDate | None,
) -> list[Event]:
    """One event per dated clause of every body sentence, dated by its governing mention."""
    body = [segment for segment in segments if segment.kind == "body"]
    events: list[Event] = []
    for sentence in sentences:
        if not any(part.start <= sentence.start and sentence.end <= part.end for part in body):
            continue
        for clause in split_clauses(text, sentence.start, sentence.end):
            date = primary_date(text, clause.start, clause.end, mentions)
            if date is None:
                continue
            events.append(_event(text, clause.start, clause.end, date))
    return events


def primary_date(text: str, start: int, end: int, mentions: Sequence[Mention]) -> Mention | None:
    """The first anchored calendar mention of the span that is not a boundary ("since …")."""
    for mention in mentions:
        if mention.start < start or mention.end > end or mention.type not in DATABLE_TYPES:
            continue
        if not mention.anchored or _BOUNDARY_BEFORE.search(text, max(start, mention.start - 20), mention.start):
            continue
        return mention
    return None


def _event(text: str, start: int, end: int, date: Mention) -> Event:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Event(
        start=start,
        end=end,
        text=text[start:end],
        date=date,
        date_basis="stated",
        value=date.value,
        earliest=date.earliest,
        latest=date.latest,
        granularity=date.granularity,
        mod=date.mod,
    )
