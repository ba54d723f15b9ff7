"""Events from body sentences: each clause with its governing date, actors, figures, attribution and category.

A pure function of one document (it runs in worker processes). Only body segments yield events.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from timeline.domain import ActorMention, Event, Mention, PublicationDate, Segment, Sentence
from timeline.events.attribution import Attribution, find_attribution
from timeline.events.categories import STATEMENT, categorise
from timeline.events.clauses import split_clauses
from timeline.events.dating import (
    CONTINUED_RULE,
    Ends,
    EventDate,
    approximately_published,
    calendar_mentions,
    continues_frame,
    event_noun_phrase,
    fronted_date,
    is_boundary,
    is_question,
    is_report_date,
    is_report_shell,
    near_publication,
    side_clauses,
    states_no_day,
    reported,
    stated,
)
from timeline.events.figures import find_claims
from timeline.events.entities import DocumentActors, find_actors
from timeline.events.gazetteer import ActorMatch, Gazetteer, default_gazetteer
from timeline.events.roles import assign_roles
from timeline.events.vocabulary import load

SPAN_KINDS = ("sentence", "report", "clause", "phrase")


def event_key(document_sha256: str, start: int, end: int) -> str:
    """A stable event id: the same document span always gives the same key."""
    return hashlib.sha256(f"{document_sha256}:{start}:{end}".encode()).hexdigest()[:16]


def extract_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    segments: Sequence[Segment],
    published: PublicationDate | None,
    gazetteer: Gazetteer | None = None,
) -> list[Event]:
    """The events of every body sentence: dated clauses, dated event phrases, and undated statements (as reported)."""
    body = sorted((segment for segment in segments if segment.kind == "body"), key=lambda segment: segment.start)
    body_starts = [segment.start for segment in body]
    document_actors = find_actors(text, gazetteer or default_gazetteer(), [(segment.start, segment.end) for segment in body])

    def in_body(span: Sentence) -> bool:
        index = bisect_right(body_starts, span.start) - 1
        return index >= 0 and body[index].start <= span.start and span.end <= body[index].end

    events: list[Event] = []
    ordered = sorted(mentions, key=lambda mention: (mention.start, mention.end))
    starts = [mention.start for mention in ordered]

    def within(span: Sentence) -> list[Mention]:
        return ordered[bisect_left(starts, span.start) : bisect_left(starts, span.end)]

    previous: Sentence | None = None
    for sentence in sentences:
        if not in_body(sentence):
            previous = None
            continue
        frame = fronted_date(text, previous, within(previous)) if previous is not None and "\n" not in text[previous.end:sentence.start] else None
        events.extend(sentence_events(text, sentence, within(sentence), published, document_actors, frame))
        previous = sentence
    return _distinct(events)


def _distinct(events: list[Event]) -> list[Event]:
    """The events without repeats: one per span, and one per wording and date (a page that repeats a paragraph tells it once)."""
    spans: set[tuple[int, int]] = set()
    tellings: set[tuple[str, str, str]] = set()
    distinct: list[Event] = []
    for event in events:
        telling = (" ".join(event.text.split()), event.value, event.date_basis)
        if (event.start, event.end) in spans or telling in tellings:
            continue
        spans.add((event.start, event.end))
        tellings.add(telling)
        distinct.append(event)
    return distinct


def capped(words: str) -> str:
    """An event's text as stored: at most `max_event_chars` characters (data/limits.toml), cut with an ellipsis."""
    limit = int(load("limits")["max_event_chars"])
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def sentence_events(
    text: str,
    sentence: Sentence,
    mentions: Sequence[Mention],
    published: PublicationDate | None,
    document_actors: DocumentActors,
    frame: Mention | None = None,
) -> list[Event]:
    """The events of one sentence; `frame` is the date the previous sentence opened with, which an undated sentence continues."""
    start, end = _trim(text, sentence.start, sentence.end)
    if start >= end or is_question(text, start, end):
        return []
    actors = document_actors.within(start, end)
    dates = calendar_mentions(text, start, end, mentions)
    builder = _Builder(text, start, end, mentions, actors)
    events: list[Event] = []
    governing: list[Mention] = []
    parts = split_clauses(text, start, end)
    if len(parts) == 2:
        report_date = governing_date(text, parts[0].start, parts[0].end, dates)
        content_date = governing_date(text, parts[1].start, parts[1].end, dates)
        if report_date is not None and content_date is not None:
            attribution = find_attribution(text, parts[0].start, parts[0].end, actors)
            if not is_report_date(text, parts[0].start, report_date):
                report_end = parts[0].start + len(re.sub(r"\s*\bthat\s*$", "", text[parts[0].start:parts[0].end]))
                events.append(builder.event(start, report_end, stated(report_date), "report", attribution, with_claims=False, category=STATEMENT))
            events.append(builder.event(parts[1].start, end, stated(content_date), "clause", attribution))
            governing += [report_date, content_date]
    if not events:
        date = governing_date(text, start, end, dates)
        if date is not None and is_report_shell(text, start, end, date):
            return []
        if date is not None:
            event_date = stated(date)
            governing.append(date)
        else:
            vague = next((m for m in mentions if start <= m.start and m.end <= end and near_publication(m)), None)
            if vague is not None and published is not None:
                event_date = approximately_published(vague, published)
            elif frame is not None and continues_frame(text, start, end, mentions):
                event_date = stated(replace(frame, rule=f"{CONTINUED_RULE}:{frame.rule}"))
            else:
                event_date = reported(published)
        event = builder.event(start, end, event_date, "sentence", find_attribution(text, start, end, actors))
        if event.date_basis == "stated" or event.claims or any(match.listed for match in actors):
            events.append(event)
    for mention in dates:
        if any(mention is chosen for chosen in governing):
            continue
        phrase = event_noun_phrase(text, start, mention)
        if phrase is not None:
            events.append(builder.event(phrase[0], phrase[1], stated(mention), "phrase", None, with_claims=False))
    return events


def governing_date(text: str, start: int, end: int, dates: Sequence[Mention]) -> Mention | None:
    """The mention that dates the clause text[start:end]: the first that states a day and does not bound a stretch of time.

    Some dates govern only when nothing better does, in this order: a date attached to an
    event noun ("the shooting on Aug. 5", "his September 2022 mobilization order") dates that
    noun's own event; a report date ("police said Tuesday") is when it was said; a date inside
    a side clause (", who took office in March,") dates that clause; a clock time with no day
    in the text ("at about 1 p.m.") has the publication day only by the news convention.
    """
    inside = [mention for mention in dates if start <= mention.start and mention.end <= end]
    ends = Ends(inside)
    candidates = [mention for mention in inside if not is_boundary(text, start, mention, ends)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    sides = side_clauses(text, start, end)

    def rank(mention: Mention) -> tuple[bool, bool, bool, bool, bool]:
        side = any(first <= mention.start and mention.end <= last for first, last in sides)
        noun = event_noun_phrase(text, start, mention) is not None
        return (not mention.anchored, states_no_day(mention), side, is_report_date(text, start, mention), noun)

    return min(candidates, key=rank)


class _Builder:
    """Builds the events of one sentence, sharing its actor matches."""

    def __init__(self, text: str, start: int, end: int, mentions: Sequence[Mention], actors: list[ActorMatch]) -> None:
        self.text, self.start, self.end, self.mentions, self.actors = text, start, end, mentions, actors

    def event(
        self,
        start: int,
        end: int,
        date: EventDate,
        span_kind: str,
        attribution: Attribution | None,
        *,
        with_claims: bool = True,
        category: str | None = None,
    ) -> Event:
        start, end = _trim(self.text, start, end)
        words = self.text[start:end]
        source_span = (attribution.start, attribution.end) if attribution and self.start <= attribution.start and attribution.end <= self.end else None
        if source_span and not (start <= source_span[0] and source_span[1] <= end):
            source_span = None
        source = (attribution.source, attribution.actor.actor.key if attribution.actor else None) if attribution else (None, None)
        claims = tuple(find_claims(self.text, start, end, self.mentions, source)) if with_claims else ()
        if source_span:
            claims = tuple(claim for claim in claims if not (source_span[0] <= claim.start < source_span[1]))
        actors = assign_roles(self.text, start, end, self.actors, source_span)
        if attribution and attribution.actor and source_span is None:
            actors = (*actors, _source_of(attribution.actor))
        return Event(
            start=start,
            end=end,
            text=capped(words),
            date=date.mention,
            date_basis=date.basis,
            value=date.value,
            earliest=date.earliest,
            latest=date.latest,
            granularity=date.granularity,
            mod=date.mod,
            span_kind=span_kind,
            sentence_start=self.start,
            sentence_end=self.end,
            category=category or categorise(_without(words, start, source_span)),
            attribution=attribution.text if attribution else None,
            actors=actors,
            claims=claims,
        )


def _source_of(match: ActorMatch) -> ActorMention:
    actor = match.actor
    return ActorMention(actor.key, actor.name, actor.kind, "source", match.start, match.end, match.text, actor.country)


def _without(words: str, offset: int, span: tuple[int, int] | None) -> str:
    """The words with the attribution cut out, so that "said" does not decide the category."""
    if span is None:
        return words
    return words[: span[0] - offset] + " " + words[span[1] - offset :]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
