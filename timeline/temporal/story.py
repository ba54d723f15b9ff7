"""The story a text tells: the dates it has told so far, and which of them is its present."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from timeline.domain import Mention, PublicationDate
from timeline.temporal.match import Candidate
from timeline.temporal.rules import vocabulary

Told = tuple[date, date, str]
"""A told date: its first day, the day after its last, its granularity."""

NARRATIVE_GRANULARITIES = frozenset({"day", "time", "week", "weekend", "month", "season", "quarter", "half", "year", "decade"})


class Story:
    """The dates a text has told so far: its present (the latest date it goes on from), and the latest of each granularity."""

    def __init__(self) -> None:
        self.latest: Told | None = None
        self.main: Told | None = None
        """Narrative: the present of the story's main line, which asides within a paragraph do not move."""
        self.paragraph_end: int | None = None
        """Narrative: where the paragraph of the latest told date ends."""
        self.by_granularity: dict[str, Told] = {}
        self.stretch_start: date | None = None
        """Narrative: where a range told last begins; year-less dates inside it belong to it, anaphors follow its end."""
        self.history_end: int | None = None
        """News: where the latest explicit date (or a bare one continuing it) ends, for the background it opens."""
        self.report_quarter: Told | None = None
        """News: the first recent calendar quarter told, the period a results report compares ("a year ago") with."""

    def add(self, earliest: date, latest: date, granularity: str, is_latest: bool = True, is_main: bool = True) -> None:
        """Remember a resolved date: as the present unless `is_latest` is false, and of the main line unless `is_main` is."""
        told = (earliest, latest, granularity)
        if is_latest:
            self.latest = told
            if is_main:
                self.main = told
        self.by_granularity[granularity] = told
        if granularity == "time":  # a time of day also tells the day
            self.by_granularity["day"] = told

    def enter(self, text: str, start: int) -> None:
        """Narrative: at a new paragraph, the story goes on from its main line, leaving the last one's asides."""
        if self.paragraph_end is not None and start > self.paragraph_end:
            self.latest = self.main
            self.stretch_start = None
        end = text.find("\n", start)
        self.paragraph_end = end if end >= 0 else len(text)

    def anchor_for(self, params: dict, narrative: bool) -> Told | None:
        """The story date a rule resolves against, or None for the DCT."""
        wanted = params.get("anaphoric_granularity")
        if wanted == "quarter" and not narrative and self.report_quarter is not None:
            return self.report_quarter
        if wanted is not None:
            return self.by_granularity.get(wanted) or (self.latest if narrative or params.get("anaphoric") else None)
        if params.get("never_story"):
            return None
        if narrative or params.get("anaphoric"):
            return self.latest
        return None


def tell(
    story: Story,
    text: str,
    candidate: Candidate,
    mention: Mention,
    previous: Mention | None,
    anchor: str,
    continued: bool,
    dct: PublicationDate | None,
) -> None:
    """Add a resolved date to the story, the date later anaphors and year-less dates are read against."""
    if mention.type not in ("DATE", "TIME") or mention.earliest is None or mention.latest is None:
        return
    if mention.granularity not in NARRATIVE_GRANULARITIES:
        return
    # a history's story goes on from its own dates, not from "yesterday" or "last year" (they still tell a day)
    from_present = mention.anchor == "dct" or (mention.anchor == "mention" and story.latest is None)
    move = "main" if anchor == "news" or from_present else moves_present(text, candidate, mention, story)
    is_present = anchor == "news" or (not from_present and move != "none")
    stretch = None
    if anchor == "narrative" and previous is not None and previous.earliest is not None and story.latest:
        joined = vocabulary("range_joiner", r"\s*{}\s*").fullmatch(text, previous.end, mention.start)
        if previous.earliest < mention.earliest and joined:
            stretch = previous.earliest  # "(23 August 1942 - 2 February 1943)": "On 23 August" is in that stretch
    story.add(mention.earliest, mention.latest, mention.granularity or "day", is_present, move == "main")
    if is_present or anchor == "news":
        story.stretch_start = stretch
    explicit = mention.anchor == "none" and times_its_sentence(text, candidate.start)
    story.history_end = candidate.end if continued or explicit else None
    if anchor == "news" and reported_quarter(candidate, mention, dct):
        story.report_quarter = story.report_quarter or story.latest


def moves_present(text: str, candidate: Candidate, mention: Mention, story: Story) -> str:
    """How a date a history tells moves its present: `main` (the story goes on from it), `aside` (only for the
    rest of its paragraph) or `none`.

    A look back ("the previous year", "two days earlier"), the backstory of a clause in the pluperfect ("forces
    that had invaded Burma in late 1943"), a plan ("a campaign planned for 1976") and a year that only completes
    the present ("On December 7 (December 8 in Asia), 1941") move nothing; a year-less date told before the
    present ("On April 6 ...") and the end of a stretch ("the battle lasted until May 2023. In June ...") are asides.
    """
    present = story.latest
    if present is None or mention.earliest is None or mention.latest is None:
        return "main"
    if mention.anchor == "mention" and mention.latest <= present[0]:
        # "the previous year" only looks back; "On April 6" tells an earlier part of the story, for its paragraph
        return "none" if candidate.rule.resolver in _COUNTED else "aside"
    explicit = mention.anchor == "none" and mention.mod is None
    if explicit and mention.earliest <= present[0] and present[1] <= mention.latest and _coarser(mention, present):
        return "none"
    clause = _clause_around(text, candidate.start, candidate.end)
    before = text[max(0, candidate.start - 60) : candidate.start]
    by_then = vocabulary("reference_point", r"\b{}\s+(?:the\s+\w+\s+of\s+)?$").search(before, max(0, len(before) - 30))
    if vocabulary("backstory_cue", r"\b{}\b").search(clause) and not by_then:
        return "none"
    if vocabulary("endpoint_cue", r"\b{}\b[^,.;:()]*$").search(before):
        return "aside"  # before the tense: "until" reads as a deadline
    return "none" if candidate.tense() == "future" else "main"


_COUNTED = frozenset({"relative", "offset", "deictic"})
"""Resolvers of dates counted from the story ("the previous year", "two days earlier"), not named by the text."""


def _coarser(mention: Mention, present: Told) -> bool:
    """A told date longer than the present (a year around a day of it)."""
    assert mention.earliest is not None and mention.latest is not None
    return (mention.latest - mention.earliest) > (present[1] - present[0])


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause a mention stands in: from the last comma, semicolon or sentence end before it to the next one after."""
    left = max(text.rfind(mark, max(0, start - 150), start) for mark in (",", ";", ". ", "\n", "(", ":"))
    right_marks = [position for position in (text.find(mark, end, end + 150) for mark in (",", ";", ". ", "\n", ")")) if position >= 0]
    right = min(right_marks) if right_marks else min(len(text), end + 150)
    return text[left + 1 if left >= 0 else max(0, start - 150) : right]


def times_its_sentence(text: str, start: int) -> bool:
    """An explicit date after a preposition times its sentence ("In February 2022, ..."), one without names a
    thing ("the Dec. 21, 1988, bombing")."""
    return vocabulary("timing_preposition", r"\b{}\s+$").search(text, max(0, start - 12), start) is not None


def reported_quarter(candidate: Candidate, mention: Mention, dct: PublicationDate | None) -> bool:
    """A calendar quarter a results report may be about: begun by the DCT and ended less than a year before it.

    A fiscal quarter ("the fiscal first quarter") is not a calendar one, and "the third quarter of 1984" is background.
    """
    if dct is None or mention.granularity != "quarter" or mention.earliest is None or mention.latest is None:
        return False
    if "fiscal" in candidate.text.lower() or mention.anchor == "mention":  # an anaphor only repeats the story
        return False
    first, last = dct_days(dct)
    return mention.earliest <= last and mention.latest > first - timedelta(days=365)


@lru_cache(maxsize=256)
def dct_days(dct: PublicationDate) -> tuple[date, date]:
    """The first and the last day a DCT may be."""
    try:
        return dct.earliest(), dct.latest() - timedelta(days=1)
    except (ValueError, OverflowError):  # the last day of year 9999
        return dct.earliest(), date.max
