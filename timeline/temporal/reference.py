"""What resolvers share: the reference day, their answer, the registry and readers of matched groups."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from typing import Any

from timeline.temporal.calendar import pick_year
from timeline.temporal.settings import Settings, default_settings


class Reference:
    """The day a mention is resolved against; remembers whether the resolver needed it."""

    def __init__(
        self,
        day: date,
        direction: str = "past",
        tense: Callable[[], str] | str = "none",
        until: date | None = None,
        since: date | None = None,
        settings: Settings | None = None,
        pivot_year: int | None = None,
    ) -> None:
        self.settings = settings or default_settings()
        """The conventions of reading (slack days, months ahead, ...)."""
        self.pivot_year = pivot_year
        """The DCT's year, around which a two-digit year is read; None without a DCT."""
        self.until = until
        """Day after the last day of the reference when it is a stretch (a story date of a month or a year)."""
        self.since = since
        """First day of that stretch (`day` may be any day of it: a probe)."""
        self._day = day
        self._direction = direction
        self._tense = tense
        self.used = False

    @property
    def tense(self) -> str:
        """`past`, `future` or `none`: the tense around the mention (read from the text only when asked)."""
        if callable(self._tense):
            self._tense = self._tense()
        return self._tense

    @property
    def day(self) -> date:
        """The reference day (reading it marks the mention as anchored)."""
        self.used = True
        return self._day

    def pick_year(self, options: dict[int, date | None], direction: str, ends: dict[int, date]) -> int | None:
        """The year whose occurrence fits this reference best (`calendar.pick_year` with its stretch and settings)."""
        return pick_year(options, self.day, direction, ends, self.until, self.since, self.settings.story_ahead_days)

    def direction(self, preferred: str = "past") -> str:
        """Which occurrence a bare weekday or month means: `past`, `future`, `nearest` or `story` (narrative)."""
        if self._direction == "story":
            return "story"
        return "future" if self.tense == "future" else preferred


@dataclass(frozen=True)
class Resolved:
    """A resolver's answer: TIMEX3 type, value and mod."""

    type: str
    value: str
    mod: str | None = None


Frame = dict[str, Any]
Resolver = Callable[[Frame, Reference], Resolved | None]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a resolver under the name rule files use."""

    def register(function: Resolver) -> Resolver:
        RESOLVERS[name] = function
        return function

    return register


def as_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value).replace(",", "").strip()
    return int(text) if text.isdigit() else None


def as_year(value: Any, ref: Reference | None = None) -> int | None:
    """A year from `1998`, `'98` or `98`; two digits are read around the DCT's year (see `two_digit_year`)."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip().lstrip("'’")
    if not text.isdigit():
        return spelled_year(text)
    number = int(text)
    if len(text) == 2:
        if ref is None:
            return two_digit_year(number, None, 0)
        return two_digit_year(number, ref.pivot_year, ref.settings.two_digit_year_ahead)
    return number


def two_digit_year(number: int, pivot: int | None, ahead: int) -> int:
    """The year a two-digit year means: the one in the hundred years ending `ahead` years after the pivot
    (the DCT's year): `16` in 2016 is 2016, `85` in 2016 is 1985; without a pivot, 00-29 are 2000-2029."""
    if pivot is None:
        return 2000 + number if number < 30 else 1900 + number
    last = pivot + ahead
    year = last - (last - number) % 100
    while year < 1:  # the calendar's first and last centuries
        year += 100
    while year > 9999:
        year -= 100
    return year


def spelled_year(text: str) -> int | None:
    """`nineteen ninety-six` -> 1996, `two thousand and one` -> 2001."""
    numbers = _number_words()
    words = [word for word in re.split(r"[\s\-]+", text.lower()) if word and word not in ("the", "year", "and")]
    if len(words) >= 2 and words[0] == "two" and words[1] == "thousand":
        return 2000 + sum(numbers.get(word, 0) for word in words[2:])
    if not words or words[0] not in numbers:
        return None
    century = numbers[words[0]]
    rest = words[1:]
    if rest == ["hundred"]:
        return century * 100
    if not rest or any(word not in numbers for word in rest):
        return None
    return century * 100 + sum(numbers[word] for word in rest)


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    """One to ninety written out, from the vocabulary's `number_word` fragment."""
    from timeline.temporal.rules import load_language

    values = load_language().fragments["number_word"].values
    return {
        word: value
        for word, value in values.items()
        if isinstance(value, int) and 1 <= value < 100 and word.isalpha() and word not in ("a", "an", "dozen", "couple")
    }


def kind_of(frame: Frame, default: str) -> str:
    return str(frame.get("type", default))


def part_of_day_suffix(frame: Frame) -> str:
    part = frame.get("partday")
    return f"T{part}" if part else ""
