"""Choosing the date that governs an event among the temporal mentions of its clause."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline.domain import Mention, PublicationDate, Span
from timeline.events.vocabulary import alternation, load
from timeline.temporal.values import parse_value

DATABLE_TYPES = frozenset({"DATE", "TIME"})
RANGE_GRANULARITY = "range"
CONTINUED_RULE = "previous_sentence"
"""Prefix of `date_rule` for an undated sentence dated by the time the previous sentence opened with."""


@dataclass(frozen=True)
class EventDate:
    """An event's date: the governing mention (None when only the publication date dates it) and its fields."""

    mention: Mention | None
    basis: str
    value: str
    earliest: date | None
    latest: date | None
    granularity: str | None
    mod: str | None = None


@dataclass(frozen=True)
class _Rules:
    boundary: re.Pattern[str]
    near_boundary: re.Pattern[str]
    report_before: re.Pattern[str]
    report_after: re.Pattern[str]
    side_clause: re.Pattern[str]
    clock_only: re.Pattern[str]
    shell: re.Pattern[str]
    shell_words: int
    range_gap: re.Pattern[str]
    opener: re.Pattern[str]
    near_publication: re.Pattern[str]
    noun_before: re.Pattern[str]
    noun_after: re.Pattern[str]
    phrase_opener: re.Pattern[str]
    frame_breakers: re.Pattern[str]
    frame_reach: int
    frame_lead: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The compiled date-choice rules of data/dating.toml."""
    data = load("dating")
    nouns = alternation(data["event_nouns"])
    speech = alternation(data["report_verbs"])
    gap = alternation(data["near_boundary_gap_words"])
    return _Rules(
        boundary=re.compile(r"(?<![\w-])(?:" + alternation(data["boundary_words"]) + r")\b[^,;.—–]{0,70}$", re.IGNORECASE),
        near_boundary=re.compile(
            r"(?<![\w-])(?:" + alternation(data["near_boundary_words"]) + r")\s+(?:(?:" + gap + r")\s+)*$", re.IGNORECASE
        ),
        report_before=re.compile(r"(?<![\w-])(?:" + speech + r")\b" + data["report_gap"] + r"\s*,?\s+(?:on\s+)?$"),
        report_after=re.compile(r"\s+(?:" + speech + r")\b"),
        side_clause=re.compile(
            r",\s*(?:" + alternation(data["side_clause_openers"]) + r")\b[^,;()]*(?:,|$)|\([^()]*\)|\s[—–]\s[^—–]*\s[—–]\s"
        ),
        clock_only=re.compile(data["clock_only"]),
        shell=re.compile(r"^[^,;]{0,100}?(?<![\w-])(?:" + alternation(data["shell_verbs"]) + r")\b" + data["report_gap"] + r"\s*(?:on)?\s*[:,.]?$"),
        shell_words=int(data["shell_words"]),
        range_gap=re.compile(r"^\s*(?:" + alternation(data["range_joiners"]) + r")\s*$", re.IGNORECASE),
        opener=re.compile(r"(?<![\w])(?:" + alternation(data["range_openers"]) + r")\s+$", re.IGNORECASE),
        near_publication=re.compile(r"^(?:" + alternation(data["near_publication"]) + r")$", re.IGNORECASE),
        noun_before=re.compile(r"(?<![\w])(?:" + nouns + r")\b(?:\s+[\w'’-]+){0,3}?\s+(?:in|of|on|during)\s+(?:the\s+)?$", re.IGNORECASE),
        noun_after=re.compile(r"^(?:['’]s)?\s+(?:" + nouns + r")\b", re.IGNORECASE),
        phrase_opener=re.compile(r"(?:(?<![\w])(?:" + alternation([w for w in data["phrase_openers"] if w.isalpha()]) + r")\s+|,\s*)", re.IGNORECASE),
        frame_breakers=re.compile(r"(?<![\w])(?:" + alternation(data["frame"]["breakers"]) + r")(?![\w])", re.IGNORECASE),
        frame_reach=int(data["frame"]["reach"]),
        frame_lead=re.compile(
            r"(?:.*,)?\s*(?:(?:" + alternation(data["frame"]["prepositions"]) + r")\s+)?$", re.IGNORECASE | re.DOTALL
        ),
    )


def datable(mention: Mention) -> bool:
    """A DATE or TIME that names calendar time, or a day, month or season whose year alone is unknown.

    Values keep what the text says when the year is unknown: "7 Feb" in an undated article is XXXX-02-07.
    """
    if mention.type not in DATABLE_TYPES:
        return False
    value = parse_value(mention.value)
    return mention.anchored or (value is not None and value.only_year_unknown)


def calendar_mentions(text: str, start: int, end: int, mentions: Sequence[Mention]) -> list[Mention]:
    """Datable mentions of text[start:end] (see `datable`), with "from X to Y" joined into one range (outermost kept)."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and datable(m)]
    joined: list[Mention] = []
    index = 0
    while index < len(inside):
        mention = inside[index]
        following = inside[index + 1] if index + 1 < len(inside) else None
        if following is not None and rules().range_gap.match(text[mention.end:following.start]) and mention.latest and following.earliest and mention.earliest and following.latest and mention.earliest < following.latest:
            joined.append(_range(text, start, mention, following))
            index += 2
            continue
        joined.append(mention)
        index += 1
    return _outermost(joined)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions not inside a larger one, in their order: one pass over them sorted by (start, -end)."""
    ordered = sorted(range(len(mentions)), key=lambda index: (mentions[index].start, -mentions[index].end))
    inner: set[int] = set()
    furthest = -1
    group_furthest = -1
    previous: tuple[int, int] | None = None
    for index in ordered:
        span = (mentions[index].start, mentions[index].end)
        if span != previous:
            furthest, group_furthest, previous = group_furthest, max(group_furthest, span[1]), span
        if furthest >= span[1]:
            inner.add(index)
    return [mention for index, mention in enumerate(mentions) if index not in inner]


def _range(text: str, start: int, first: Mention, last: Mention) -> Mention:
    opener = rules().opener.search(text, max(start, first.start - 12), first.start)
    begin = opener.start() if opener else first.start
    return Mention(
        start=begin,
        end=last.end,
        text=text[begin:last.end],
        type="DATE",
        value=f"{first.value}/{last.value}",
        mod=None,
        earliest=first.earliest,
        latest=last.latest,
        granularity=RANGE_GRANULARITY,
        anchor=first.anchor,
        rule=f"range({first.rule},{last.rule})",
    )


def is_boundary(text: str, start: int, mention: Mention, others: Sequence[Mention] | Ends) -> bool:
    """True when the mention bounds a stretch of time ("since the start of … in February 2022") rather than dating."""
    window_start = max(start, mention.start - 80)
    if isinstance(others, Ends) and mention.start < mention.end:
        closest = others.last_at_most(mention.start)
        if closest is not None and closest >= window_start:
            window_start = closest
    else:
        for other in others.mentions if isinstance(others, Ends) else others:
            if window_start <= other.end <= mention.start and other is not mention:
                window_start = other.end
    if rules().boundary.search(text, window_start, mention.start) is not None:
        return True
    return rules().near_boundary.search(text, window_start, mention.start) is not None and not on_named_day(mention)


def on_named_day(mention: Mention) -> bool:
    """A time of day on a calendar day ("6 p.m. Friday"): a near boundary before it still leaves it on that day."""
    return mention.type == "TIME" and re.match(r"\d{4}-\d{2}-\d{2}T", mention.value) is not None


def is_report_date(text: str, start: int, mention: Mention) -> bool:
    """True for the date of a saying ("police said Tuesday", "told reporters on Monday", "police on Monday said")."""
    if rules().report_before.search(text, max(start, mention.start - 60), mention.start) is not None:
        return True
    return rules().report_after.match(text, mention.end) is not None


def is_report_shell(text: str, start: int, end: int, mention: Mention) -> bool:
    """A sentence that only says who said something when: "Police said on Saturday", "A ministry statement on April 1 said"."""
    rest = " ".join((text[start : mention.start] + " " + text[mention.end : end]).split())
    return len(rest.split()) <= rules().shell_words and rules().shell.match(rest) is not None


def is_question(text: str, start: int, end: int) -> bool:
    """A sentence ending in a question mark ("What do we know so far?"): it asks, it reports no event."""
    return text[start:end].rstrip(" \"'”’»)]").endswith("?")


def side_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] in a side clause: ", who … ,", "(…)", "— … —"."""
    return [match.span() for match in rules().side_clause.finditer(text, start, end)]


def states_no_day(mention: Mention) -> bool:
    """A bare clock time that got the publication day by default ("at about 1 p.m." before any day is named)."""
    return mention.type == "TIME" and mention.anchor == "dct" and rules().clock_only.fullmatch(mention.text.strip()) is not None


class Ends:
    """The mentions of a clause with their ends sorted, for `is_boundary` to find the closest one by binary search."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = mentions
        self.ends = sorted(mention.end for mention in mentions)

    def last_at_most(self, position: int) -> int | None:
        """The largest end at or before `position`, None when every mention ends after it."""
        count = bisect_right(self.ends, position)
        return self.ends[count - 1] if count else None


def event_noun_phrase(text: str, start: int, mention: Mention) -> tuple[int, int] | None:
    """The span of the event a date is attached to ("his September 2022 mobilization order"), else None."""
    window = text[max(start, mention.start - 80):mention.start]
    before = rules().noun_before.search(window)
    after = rules().noun_after.match(text, mention.end)
    if before is None and after is None:
        return None
    noun_start = mention.start - len(window) + before.start() if before else mention.start
    phrase_start = max(start, noun_start - 60)
    for opener in rules().phrase_opener.finditer(text, phrase_start, noun_start):
        phrase_start = opener.end()
    phrase_end = after.end() if after else mention.end
    return phrase_start, phrase_end


def near_publication(mention: Mention) -> bool:
    """True for vague references to the time of writing ("in recent weeks", "recently")."""
    return mention.type == "DATE" and not mention.anchored and rules().near_publication.match(mention.text.strip()) is not None


def stated(mention: Mention) -> EventDate:
    """The date a mention states."""
    return EventDate(mention, "stated", mention.value, mention.earliest, mention.latest, mention.granularity, mention.mod)


def approximately_published(mention: Mention, published: PublicationDate) -> EventDate:
    """A vague "recently" dated to the month (or year) of publication, as APPROX."""
    month = PublicationDate(published.year, published.month)
    return EventDate(mention, "stated", month.iso(), month.earliest(), month.latest(), month.precision, "APPROX")


def reported(published: PublicationDate | None) -> EventDate:
    """The publication date standing in for a statement with no date of its own."""
    if published is None:
        return EventDate(None, "reported", "XXXX-XX-XX", None, None, None)
    return EventDate(None, "reported", published.iso(), published.earliest(), published.latest(), published.precision)


def fronted_date(text: str, sentence: Span, mentions: Sequence[Mention]) -> Mention | None:
    """The date a sentence opens with, as a fronted adverbial ("In November, …", "This summer, …"), else None."""
    dates = calendar_mentions(text, sentence.start, sentence.end, mentions)
    ends = Ends(dates)
    for mention in dates:
        if mention.start - sentence.start > rules().frame_reach:
            break
        if not rules().frame_lead.match(text, sentence.start, mention.start):
            continue
        if re.match(r"\s*,", text[mention.end:mention.end + 3]) and not is_boundary(text, sentence.start, mention, ends):
            return mention
    return None


def continues_frame(text: str, start: int, end: int, mentions: Sequence[Mention]) -> bool:
    """True when an undated sentence carries on the previous one's time: it has no temporal words that move away from it."""
    if any(start <= mention.start and mention.end <= end and mention.type in DATABLE_TYPES for mention in mentions):
        return False
    return rules().frame_breakers.search(text, start, end) is None
