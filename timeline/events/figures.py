"""Figures as claims: "more than 1,200 soldiers a day" -> lower bound 1200, unit soldiers, rate P1D."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.domain import Claim, Mention
from timeline.events.phrase_trie import WORD_END, trie_pattern
from timeline.events.vocabulary import alternation, load

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class _Vocabulary:
    pattern: re.Pattern[str]
    qualifiers: dict[str, str]
    magnitudes: dict[str, tuple[float, float]]
    number_words: dict[str, int]
    multipliers: dict[str, int]
    units: dict[str, str]
    unit_classes: dict[str, str]
    unit_pattern: re.Pattern[str]
    context_units: re.Pattern[str]
    context_unit_of: dict[str, str]
    rates: dict[str, str]
    rate_pattern: re.Pattern[str]
    measures: tuple[tuple[str, tuple[str, ...]], ...]
    filler_words: int
    not_figures: tuple[NotFigure, ...]


@dataclass(frozen=True)
class NotFigure:
    """A class of numbers that are not figures (times of day, ages, addresses, identifiers…), by the words around them."""

    name: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    without_unit: bool
    max_value: float | None
    digits_at_least: int | None
    shape: re.Pattern[str] | None

    def holds(self, text: str, start: int, end: int, number: str, value: float | None, has_unit: bool) -> bool:
        """True when the number text[start:end] belongs to this class."""
        if self.without_unit and has_unit:
            return False
        if self.max_value is not None and (value is None or value > self.max_value):
            return False
        if self.digits_at_least is not None and not (number.isdigit() and len(number) >= self.digits_at_least):
            return False
        if self.shape is not None and not self.shape.fullmatch(number):
            return False
        if self.before is not None and not self.before.search(text, max(0, start - 60), start):
            return False
        return self.after is None or bool(self.after.match(text, end, min(len(text), end + 80)))


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    """The compiled figures vocabulary of data/figures.toml."""
    data = load("figures")
    qualifiers = {key.lower(): value for key, value in data["qualifiers"].items()}
    magnitudes = {key.lower(): (float(low), float(high)) for key, (low, high) in data["magnitudes"].items()}
    words = {key.lower(): int(value) for key, value in data["number_words"].items()}
    multipliers = {key.lower(): int(value) for key, value in data["multipliers"].items()}
    units = {word.lower(): unit for unit, spec in data["units"].items() for word in spec["words"]}
    classes = {unit: spec["class"] for unit, spec in data["units"].items()}
    word_numbers = "|".join(sorted((word for word in words if word != "a"), key=len, reverse=True))
    scale = "|".join(sorted(multipliers, key=len, reverse=True))
    number = (
        rf"(?:{_DIGITS})(?:\s*(?:{scale})\b)?"
        rf"|(?:(?:{word_numbers}|a)\s+)?(?:{scale})\b(?:\s+(?:and\s+)?(?:{word_numbers}))?"
        rf"|(?:{word_numbers})\b"
    )
    qualifier = alternation(list(qualifiers))
    magnitude = alternation(list(magnitudes))
    first_words = {phrase.split()[0] for phrase in (*qualifiers, *magnitudes)} | set(words) | set(multipliers) | {"from", "between"}
    opening = trie_pattern((word, WORD_END) for word in first_words).pattern.removeprefix(r"(?<![\w/])")
    pattern = re.compile(
        rf"(?<![\w$.,-])(?=\d|{opening})(?:(?P<qualifier>{qualifier})\s+)?"
        rf"(?:(?:from|between)\s+)?"
        rf"(?:(?P<magnitude>{magnitude})(?:\s+of)?(?:\s*(?:to|-|–)\s*(?P<upto>{number}))?"
        rf"|(?P<low>{number})(?:\s*(?:to|-|–|and)\s*(?P<high>{number}))?)"
        rf"(?![\w%])",
        re.IGNORECASE,
    )
    unit_pattern = re.compile(r"(?:" + alternation(list(units)) + r")(?![\w])", re.IGNORECASE)
    context = data["context_units"]
    rates = {key.lower(): value for key, value in data["rates"].items()}
    return _Vocabulary(
        pattern=pattern,
        qualifiers=qualifiers,
        magnitudes=magnitudes,
        number_words=words,
        multipliers=multipliers,
        units=units,
        unit_classes=classes,
        unit_pattern=unit_pattern,
        context_units=re.compile(r"\b(?:" + alternation(list(context)) + r")\b", re.IGNORECASE),
        context_unit_of={key.lower(): value for key, value in context.items()},
        rates=rates,
        rate_pattern=re.compile(r"\s*(?:" + alternation(list(rates)) + r")\b", re.IGNORECASE),
        measures=tuple((entry["name"], tuple(entry["cues"])) for entry in data["measures"]),
        filler_words=int(data["filler"]["max_words"]),
        not_figures=tuple(_not_figure(entry) for entry in data["not_figure"]),
    )


def _not_figure(entry: dict) -> NotFigure:
    flags = 0 if entry.get("case") else re.IGNORECASE
    return NotFigure(
        name=entry["name"],
        before=re.compile(entry["before"], flags) if entry.get("before") else None,
        after=re.compile(entry["after"], flags) if entry.get("after") else None,
        without_unit=bool(entry.get("without_unit")),
        max_value=float(entry["max_value"]) if "max_value" in entry else None,
        digits_at_least=int(entry["digits_at_least"]) if "digits_at_least" in entry else None,
        shape=re.compile(entry["shape"]) if entry.get("shape") else None,
    )


def not_a_figure(text: str, start: int, end: int, value: float | None = None, has_unit: bool = False) -> str | None:
    """The name of the class of non-figures that the number text[start:end] belongs to, None when it may be a figure."""
    number = text[start:end]
    for rule in vocabulary().not_figures:
        if rule.holds(text, start, end, number, value, has_unit):
            return rule.name
    return None


def unit_class(unit: str | None) -> str | None:
    """The class of a unit (people, countries, money, percent), None when unknown."""
    return vocabulary().unit_classes.get(unit) if unit else None


def parse_number(text: str) -> float | None:
    """A number from digits or words: "1,200" -> 1200, "ten thousand" -> 10000, "1.5 million" -> 1500000."""
    words = vocabulary().number_words
    multipliers = vocabulary().multipliers
    total = 0.0
    current: float | None = None
    for token in re.findall(r"[\d,.]+|[a-z]+", text.lower()):
        if token[0].isdigit():
            current = float(token.replace(",", ""))
        elif token in multipliers:
            total += (current if current is not None else 1.0) * multipliers[token]
            current = None
        elif token in words:
            current = (current or 0.0) + words[token]
        elif token == "and":
            continue
        else:
            return None
    if current is not None:
        total += current
    return total if total or current == 0 else None


def find_claims(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Mention] = (),
    source: tuple[str | None, str | None] = (None, None),
) -> list[Claim]:
    """Every figure in text[start:end] that is not part of a date, as a claim with its unit and rate."""
    vocab = vocabulary()
    claims: list[Claim] = []
    dated = _Intervals(sorted((mention.start, mention.end) for mention in mentions if mention.type in ("DATE", "TIME", "DURATION")))
    clause = _Clause(text, start, end, mentions)
    for match in vocab.pattern.finditer(text, start, end):
        if dated.overlaps(match.start(), match.end()):
            continue
        claim = _claim(text, match, clause, source)
        if claim is not None:
            claims.append(claim)
    return claims


class _Intervals:
    """Sorted [start, end) intervals that answer "does any overlap this one?" by binary search."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        self.starts = [first for first, _ in intervals]
        self.furthest: list[int] = []
        for _, last in intervals:
            self.furthest.append(max(last, self.furthest[-1]) if self.furthest else last)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some interval begins before `end` and ends after `start`."""
        count = bisect_left(self.starts, end)
        return count > 0 and self.furthest[count - 1] > start


class _Clause:
    """What every figure of one clause looks up, worked out once: context units, SET mentions, the measure."""

    def __init__(self, text: str, start: int, end: int, mentions: Sequence[Mention]) -> None:
        self.text, self.start, self.end = text, start, end
        self._units: tuple[list[int], list[str]] | None = None
        self._measure: tuple[str | None] | None = None
        sets = [(index, mention) for index, mention in enumerate(mentions) if mention.type == "SET" and mention.start >= start and mention.end <= end]
        self.sets_by_start = sorted(sets, key=lambda item: (item[1].start, item[0]))
        self.set_starts = [mention.start for _, mention in self.sets_by_start]
        self.sets_by_end = sorted(sets, key=lambda item: (item[1].end, item[0]))
        self.set_ends = [mention.end for _, mention in self.sets_by_end]

    def unit_before(self, position: int) -> str | None:
        """The unit of the last context word ("losses", "death toll") of the clause ending before `position`.

        A figure never follows a word character and every context unit ends in one, so the matches of
        the whole clause that end by `position` are those a scan stopping at `position` finds.
        """
        if self._units is None:
            vocab = vocabulary()
            found = list(vocab.context_units.finditer(self.text, self.start, self.end))
            self._units = ([match.end() for match in found], [vocab.context_unit_of[_norm(match.group())] for match in found])
        ends, units = self._units
        count = bisect_right(ends, position)
        return units[count - 1] if count else None

    def measure(self) -> str | None:
        """The measure the clause's cue words name."""
        if self._measure is None:
            self._measure = (_measure(self.text[self.start:self.end].lower()),)
        return self._measure[0]


def _claim(text: str, match: re.Match[str], clause: _Clause, source: tuple[str | None, str | None]) -> Claim | None:
    vocab = vocabulary()
    end = clause.end
    qualifier = match.group("qualifier")
    bound = vocab.qualifiers[_norm(qualifier)] if qualifier else "exact"
    if match.group("magnitude"):
        low, high = vocab.magnitudes[_norm(match.group("magnitude"))]
        value, bound = None, "magnitude"
        if match.group("upto"):
            high = parse_number(match.group("upto"))
            if high is None or high <= low:
                return None
            bound = "range"
    else:
        value = parse_number(match.group("low"))
        if value is None:
            return None
        low = high = value
        if match.group("high"):
            high = parse_number(match.group("high"))
            if high is None or high <= value:
                return None
            value, bound = None, "range"
        elif bound == "lower":
            high = None
        elif bound == "upper":
            low = None
    figure_end = match.end()
    unit, unit_end = _unit_after(text, figure_end, end)
    if not_a_figure(text, match.start(), figure_end, value if value is not None else high, unit is not None) is not None:
        return None
    is_word_number = not re.search(r"\d", match.group(0)) and not match.group("magnitude")
    if unit is None and (is_word_number or _is_not_a_count(text, match.end(), end)):
        return None
    if unit is None:
        unit = clause.unit_before(match.start())
    claim_end = unit_end if unit_end is not None else figure_end
    rate, rate_text, claim_end = _rate(text, match.start(), claim_end, clause)
    return Claim(
        start=match.start(),
        end=claim_end,
        text=text[match.start():claim_end],
        value=value,
        low=low,
        high=high,
        bound=bound,
        qualifier=_norm(qualifier) if qualifier else (_norm(match.group("magnitude")) if match.group("magnitude") else None),
        unit=unit,
        measure=clause.measure(),
        rate=rate,
        rate_text=rate_text,
        source=source[0],
        source_key=source[1],
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip()


def _is_not_a_count(text: str, position: int, end: int) -> bool:
    """Numbers followed by "times", "%"-like words, ordinals or hyphenated adjectives are not counts."""
    following = text[position:min(end, position + 12)].lower()
    return bool(re.match(r"\s*(?:times|-|th\b|st\b|nd\b|rd\b|years? old|year-old)", following))


_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\s+(?:of\s+)?[A-Za-z][\w'’-]*")


def _unit_after(text: str, position: int, end: int) -> tuple[str | None, int | None]:
    vocab = vocabulary()
    cursor = position
    for _ in range(vocab.filler_words + 1):
        gap = _SPACES.match(text, cursor, end)
        at = gap.end() if gap else cursor
        unit = vocab.unit_pattern.match(text, at, end)
        if unit and (gap or at == position):
            return vocab.units[_norm(unit.group())], unit.end()
        word = _WORD.match(text, cursor, end)
        if word is None or re.match(r"\s+(?:a|per|each|every|in|on|at|to|from|for|since|by|and|or|the|who|that|which)\b", word.group(0), re.IGNORECASE):
            return None, None
        cursor = word.end()
    return None, None


def _rate(text: str, figure_start: int, claim_end: int, clause: _Clause) -> tuple[str | None, str | None, int]:
    vocab = vocabulary()
    direct = vocab.rate_pattern.match(text, claim_end, clause.end)
    if direct:
        phrase = _norm(direct.group())
        return vocab.rates[phrase], text[direct.start():direct.end()].strip(), direct.end()
    near = clause.sets_by_start[bisect_left(clause.set_starts, claim_end):bisect_right(clause.set_starts, claim_end + 45)]
    near += clause.sets_by_end[bisect_left(clause.set_ends, figure_start - 30):bisect_right(clause.set_ends, figure_start)]
    for _, mention in sorted(near, key=lambda item: item[0]):
        after = claim_end <= mention.start and mention.start - claim_end <= 45 and not re.search(r"[,;:—–()]|\d", text[claim_end:mention.start])
        before = mention.end <= figure_start and figure_start - mention.end <= 30 and not re.search(r"[,;:—–()]|\d", text[mention.end:figure_start])
        if after or before:
            return mention.value, mention.text, claim_end
    return None, None, claim_end


def _measure(clause: str) -> str | None:
    for name, cues in vocabulary().measures:
        if any(cue in clause for cue in cues):
            return name
    return None
