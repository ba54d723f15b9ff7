"""`tag()`: find the temporal expressions of a text and resolve them against the DCT or the narrative."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta

from timeline.domain import Mention, PublicationDate
from timeline.temporal.match import Candidate, matcher_for
from timeline.temporal.lengths import is_not_a_time
from timeline.temporal.names import is_name
from timeline.temporal.ranges import complete_first_ends
from timeline.temporal.resolve import RESOLVERS, Reference, Resolved
from timeline.temporal.rules import vocabulary
from timeline.temporal.settings import Settings, default_settings
from timeline.temporal.story import Story, dct_days, tell
from timeline.temporal.values import granularity_of_shape, interval_of

ANCHORS = ("news", "narrative")
_PROBES = (date(1911, 3, 8), date(1957, 9, 22), date(1983, 12, 27))
"""Stand-in reference days for an unknown DCT: fields that differ between their answers become X."""


def tag(
    text: str,
    dct: PublicationDate | None,
    anchor: str = "news",
    language: str = "en",
    settings: Settings | None = None,
) -> list[Mention]:
    """Every temporal expression in `text`, sorted by start, resolved against `dct` (news) or the story (narrative)."""
    if anchor not in ANCHORS:
        raise ValueError(f"anchor {anchor!r} is not one of {', '.join(ANCHORS)}")
    settings = settings or default_settings()
    mentions: list[Mention] = []
    story = Story()
    before_last = None  # the story's present before the last mention was told
    for candidate in matcher_for(language, anchor).find(text):
        if is_name(text, candidate) or is_not_a_time(text, candidate):
            continue
        if anchor == "narrative":
            story.enter(text, candidate.start)
        second_end = anchor == "narrative" and bool(mentions) and _ends_story_range(text, mentions[-1], candidate)
        present = story.latest
        if second_end:  # "from October to March": both ends are read from where the story stood before the range
            story.latest = before_last
        mention = _continue_history(text, candidate, dct, story, settings) if anchor == "news" else None
        continued = mention is not None
        mention = mention or resolve_candidate(candidate, dct, story, anchor, settings)
        story.latest = present
        if mention is None:
            continue
        if candidate.rule.params.get("appositive") and mentions:
            mention = _restated(text, mentions[-1], mention)
        if second_end and mentions[-1].earliest is not None and mention.earliest is not None:
            if mentions[-1].earliest >= mention.earliest:  # the first end is the last one before the second
                mentions[-1] = _a_year_earlier(mentions[-1], settings)
        mentions.append(mention)
        if _tells_story(candidate.rule.params.get("story", True), anchor):
            previous = mentions[-2] if len(mentions) > 1 else None
            before_last = story.latest
            tell(story, text, candidate, mention, previous, anchor, continued, dct)
    return complete_first_ends(text, mentions)


def _restated(text: str, previous: Mention, mention: Mention) -> Mention:
    """A phrase right after a date and a comma restates it: "On 27 June 1950, two days after the invasion, ..."."""
    if previous.type != "DATE" or previous.earliest is None:
        return mention
    if not vocabulary("coordinator", r"\s*{}\s*").fullmatch(text, previous.end, mention.start):
        return mention
    return replace(
        mention, value=previous.value, earliest=previous.earliest, latest=previous.latest,
        granularity=previous.granularity, anchor="mention",
    )


def _ends_story_range(text: str, first: Mention, candidate: Candidate) -> bool:
    """A year-less date that ends a range whose first end the story placed ("from October to March")."""
    if first.anchor != "mention" or first.granularity not in ("month", "day", "season") or not first.value[:4].isdigit():
        return False
    if candidate.rule.resolver != "calendar" or candidate.frame.get("year") is not None:
        return False
    return vocabulary("range_joiner", r"\s*{}\s*").fullmatch(text, first.end, candidate.start) is not None


def _a_year_earlier(mention: Mention, settings: Settings) -> Mention:
    """The same month, day or season a year before."""
    year = int(mention.value[:4]) - 1
    value = f"{year:04d}{mention.value[4:]}"
    earliest, latest, _granularity = interval_of(value, settings.hemisphere)
    return replace(mention, value=value, earliest=earliest, latest=latest)


_HISTORY_GRANULARITIES = {"day", "time", "month", "season", "week", "weekend"}


def _continue_history(
    text: str, candidate: Candidate, dct: PublicationDate | None, story: Story, settings: Settings
) -> Mention | None:
    """News: a bare month or day right after an explicit past date of a finer grain continues that background.

    "The invasion began in February 2022. In March, its troops reached Kyiv": March 2022, not the DCT's last March.
    Only forward from that date within its year and not after the DCT, in the same paragraph, and not in
    future-tense text.
    """
    if not candidate.rule.params.get("continues_story") or story.history_end is None or story.latest is None:
        return None
    if dct is None or story.latest[2] not in _HISTORY_GRANULARITIES:
        return None
    gap = text[story.history_end : candidate.start]
    if len(gap) > settings.story_reach or "\n" in gap or candidate.tense() == "future":
        return None
    mention = resolve_candidate(candidate, dct, story, "narrative", settings)
    if mention is None or mention.earliest is None or mention.earliest < story.latest[0]:
        return None
    if mention.earliest.year != story.latest[0].year:  # "passed in November 2022. In May, ...": news means a recent May
        return None
    if mention.earliest > dct_days(dct)[1]:
        return None
    return mention


def _tells_story(story: bool | str, anchor: str) -> bool:
    """Whether a rule's mentions become the story's latest date: `story = "narrative"` only in a history."""
    return story is True or story == anchor


def resolve_candidate(
    candidate: Candidate,
    dct: PublicationDate | None,
    story: Story | None = None,
    anchor: str = "news",
    settings: Settings | None = None,
) -> Mention | None:
    """Resolve one candidate against the DCT or the latest date of the story; None when the rule rejects it."""
    settings = settings or default_settings()
    rule = candidate.rule
    function = RESOLVERS[rule.resolver]
    frame = dict(candidate.frame)
    frame.setdefault("type", rule.type)
    frame["_text"] = candidate.text
    frame["_before"] = candidate.before
    frame["_mode"] = anchor
    if candidate.premod and "mod" not in frame:
        frame["mod"] = candidate.premod
    if rule.params.get("needs_story_day") and (story is None or "day" not in story.by_granularity):
        return None  # "in the morning" is the morning of a day the text has told, else habitual or vague
    if rule.params.get("needs_story") and (story is None or story.latest is None):
        return None  # "on the 18th" is a day of the month the text has told, else nothing
    told = story.anchor_for(rule.params, anchor == "narrative") if story is not None else None
    if rule.params.get("deictic") and dct is not None:
        told = None  # "last year", "two weeks ago" speak from the DCT, in a history too when it has one
    until: date | None = None
    if told is not None:
        frame["_story_granularity"] = told[2]
        probes, kind, direction = [told[0]], "mention", "story" if anchor == "narrative" else "past"
        until = told[1]
        if until - told[0] > timedelta(days=1):
            # a story date of a month or a year: "that day" against "1987" is 1987-XX-XX, not 1987-01-01,
            # and "on Monday" after "in the autumn of 1941" is 1941-XX-XX. Probed a quarter and three quarters
            # in, as a reader places an event of that stretch: "three days later" after "in 1941" is still
            # 1941-XX-XX, "two days earlier" after "in late June" still June.
            span = until - timedelta(days=1) - told[0]
            probes = [told[0] + span / 4, told[0] + span * 3 / 4]
    elif dct is not None:
        first, last = dct_days(dct)
        probes = [first] if first == last else [first, last, first + (last - first) / 2]
        kind, direction = "dct", "past"
        frame["_on_dct"] = True
    else:
        if anchor == "narrative" and rule.params.get("never_story") and not frame.get("offset"):
            frame["value"] = "PRESENT_REF"  # "today" in a history without a date of its own
            function = RESOLVERS["fixed"]
        probes, kind, direction = list(_PROBES), "unanchored", "past"
        frame["_on_dct"] = True
    answers: list[Resolved] = []
    tense = Tense(candidate)
    since = told[0] if told is not None else None
    if told is not None and story is not None and told is story.latest and story.stretch_start is not None:
        since = min(since, story.stretch_start)  # type: ignore[type-var]
    for probe in probes:
        reference = Reference(
            probe, direction, tense, until if told is not None else None, since, settings,
            dct.year if dct is not None else None,
        )
        try:
            answer = function(frame, reference)
        except (ValueError, OverflowError):  # calendar arithmetic beyond year 1 or 9999
            return None
        if answer is None:
            return None
        answers.append(answer)
        if not reference.used:
            kind = "none"
            break
    value = merge_values([answer.value for answer in answers], digits=kind == "mention")
    if kind == "unanchored" and len({answer.value for answer in answers}) == 1:
        kind = "none"  # every stand-in reference gave the same answer: it did not need one
    hemisphere = settings.hemisphere
    earliest, latest, granularity = interval_of(value, hemisphere)
    if earliest is None and kind == "mention" and "X" in value:
        # "three days later" after "in April 1940" is 1940-04-XX: some day of April, the interval the value speaks of
        earliest, latest, _ = interval_of(known_prefix(value), hemisphere)
        granularity = interval_of(answers[0].value, hemisphere)[2]
    if earliest is None and kind not in ("unanchored", "none") and "X" in value:
        spans = [interval_of(answer.value, hemisphere) for answer in answers]
        if all(span[0] is not None for span in spans):
            earliest = min(span[0] for span in spans)  # type: ignore[type-var]
            latest = max(span[1] for span in spans)  # type: ignore[type-var]
            granularity = spans[0][2]
    if granularity is None:
        granularity = interval_of(answers[0].value, hemisphere)[2] if kind != "unanchored" else granularity_of_shape(value)
    first = answers[0]
    return Mention(
        start=candidate.start,
        end=candidate.end,
        text=candidate.text,
        type=first.type,
        value=value,
        mod=first.mod,
        earliest=earliest,
        latest=latest,
        granularity=granularity,
        anchor=kind,
        rule=rule.name,
    )


class Tense:
    """The tense around a candidate, read from its sentence once and only when a resolver asks."""

    def __init__(self, candidate: Candidate) -> None:
        self.candidate = candidate
        self.value: str | None = None

    def __call__(self) -> str:
        if self.value is None:
            self.value = self.candidate.tense()
        return self.value


def merge_values(values: list[str], digits: bool = False) -> str:
    """One value for several readings: fields on which they all agree are kept, the others become X.

    With `digits`, years keep the digits they share ("in March" after "the 1990s" is 199X-03); a story
    stretch allows that, stand-in references for a missing DCT do not.
    """
    head = values[0]
    if all(value == head for value in values):
        return head
    if len({_shape(value) for value in values}) != 1:
        return _x_out(head)
    split = [value.split("-") for value in values]
    merged = []
    for index, fields in enumerate(zip(*split)):
        if len(set(fields)) == 1:
            merged.append(fields[0])
        elif digits and index == 0 and all(field.isdigit() and len(field) == 4 for field in fields):
            merged.append(_common_digits(fields))  # "in March" after "the 1990s": 199X-03
        else:
            merged.append(_x_out(fields[0]))
    return "-".join(merged)


def known_prefix(value: str) -> str:
    """The part of a date value before its first unknown field: `1940-04-XX` -> `1940-04`, `1941-XX-XX` -> `1941`."""
    return "-".join(itertools.takewhile(lambda field: "X" not in field, value.split("-")))


def _common_digits(years: tuple[str, ...]) -> str:
    """The digits several years share from the left, the rest X: 1992 and 1997 give 199X."""
    same = 0
    while same < 4 and len({year[same] for year in years}) == 1:
        same += 1
    return years[0][:same] + "X" * (4 - same)


def _shape(value: str) -> str:
    return "".join("9" if char.isdigit() else char for char in value)


def _x_out(text: str) -> str:
    return "".join("X" if char.isdigit() else char for char in text)
