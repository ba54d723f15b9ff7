"""Expressions anchored to named periods ("since the start of the full-scale invasion") resolved as mentions.

The phrases are data (data/period_phrases.toml); the periods come from the `periods` table (or
seeds/periods.toml), so articles and `timeline show --era` read eras through the same table.
A pipeline adds them to the tagger's mentions with `add_period_mentions(text, mentions, periods, dct)`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from timeline.domain import Mention, PublicationDate
from timeline.query.periods import Period, find_period

PHRASES_FILE = Path(__file__).resolve().parent / "data" / "period_phrases.toml"
PARTS = ("start", "since_start", "early", "during", "after")


@dataclass(frozen=True)
class PeriodPhrase:
    """One rule: a pattern around `{period}`, the part of the period it means, its mod and examples."""

    name: str
    pattern: str
    part: str
    mod: str | None = None
    examples: tuple[dict, ...] = ()


@dataclass(frozen=True)
class PhraseRules:
    """Every period phrase rule, the negatives and the length of "the early stages"."""

    phrases: tuple[PeriodPhrase, ...]
    negatives: tuple[str, ...]
    early_months: int


@lru_cache(maxsize=4)
def load_phrase_rules(path: Path = PHRASES_FILE) -> PhraseRules:
    """The period phrase rules of a TOML file; a bad rule is an error naming it."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    phrases = []
    for entry in data.get("phrase", []):
        if entry.get("part") not in PARTS:
            raise ValueError(f"{path}: phrase {entry.get('name')!r} has part {entry.get('part')!r}, not one of {PARTS}")
        if "{period}" not in entry.get("pattern", ""):
            raise ValueError(f"{path}: phrase {entry.get('name')!r} has no {{period}} in its pattern")
        phrases.append(PeriodPhrase(entry["name"], entry["pattern"], entry["part"], entry.get("mod"), tuple(entry.get("examples", []))))
    return PhraseRules(tuple(phrases), tuple(data.get("negatives", [])), int(data.get("early_months", 6)))


def period_mentions(
    text: str, periods: Sequence[Period], dct: PublicationDate | None, rules: PhraseRules | None = None
) -> list[Mention]:
    """Every period-anchored expression of `text`, resolved against the periods and the publication date."""
    rules = rules or load_phrase_rules()
    if not periods:
        return []
    names = _names_pattern(periods)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for phrase in rules.phrases:
        regex = re.compile(phrase.pattern.replace("{period}", names), re.IGNORECASE)
        for match in regex.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            period = find_period(match.group("period"), periods)
            mention = _resolve(phrase, period, dct, rules.early_months, match) if period else None
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda mention: mention.start)


def add_period_mentions(
    text: str, mentions: Sequence[Mention], periods: Sequence[Period], dct: PublicationDate | None
) -> list[Mention]:
    """The tagger's mentions plus the period-anchored ones that overlap none of them, sorted by start."""
    extra = [
        mention for mention in period_mentions(text, periods, dct)
        if not any(other.start < mention.end and mention.start < other.end for other in mentions)
    ]
    return sorted([*mentions, *extra], key=lambda mention: (mention.start, mention.end))


def _names_pattern(periods: Sequence[Period]) -> str:
    names = {re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE) for period in periods for name in period.names}
    escaped = sorted((_name_regex(name) for name in names if name), key=len, reverse=True)
    return r"(?:the\s+|russia['’]s\s+)?(?P<period>" + "|".join(escaped) + r")\b"


def _name_regex(name: str) -> str:
    parts = [re.escape(word).replace("'", "['’]").replace("’", "['’]") for word in name.split()]
    return r"\s+".join(parts)


def _resolve(
    phrase: PeriodPhrase, period: Period, dct: PublicationDate | None, early_months: int, match: re.Match[str]
) -> Mention | None:
    first = PublicationDate.parse(period.start)
    mod = phrase.mod
    if phrase.part == "start":
        value, earliest, latest, granularity = first.iso(), first.earliest(), first.latest(), first.precision
    elif phrase.part == "early":
        last_day = _add_months(period.earliest, early_months) - timedelta(days=1)
        if period.latest is not None and period.latest - timedelta(days=1) < last_day:
            last_day = period.latest - timedelta(days=1)
        last = PublicationDate(last_day.year, last_day.month)
        value, earliest, latest, granularity = f"{first.iso()}/{last.iso()}", period.earliest, last.latest(), "range"
    elif phrase.part == "since_start":
        value, earliest, latest, granularity = _until_dct(first.iso(), period.earliest, dct)
    elif phrase.part == "during":
        if period.end is None:
            return None
        value = period.start if period.start == period.end else f"{period.start}/{period.end}"
        earliest, latest, granularity = period.earliest, period.latest, "range"
    else:
        if period.latest is None:
            return None
        value, earliest, latest, granularity = _until_dct(period.latest.isoformat(), period.latest, dct)
    if latest is not None and earliest is not None and latest <= earliest:
        return None
    return Mention(
        start=match.start(),
        end=match.end(),
        text=match.group(0),
        type="DATE",
        value=value,
        mod=mod,
        earliest=earliest,
        latest=latest,
        granularity=granularity,
        anchor=f"period:{period.name}",
        rule=f"period_{phrase.name}",
    )


def _until_dct(start_value: str, earliest: date, dct: PublicationDate | None) -> tuple[str, date, date | None, str]:
    if dct is None:
        return f"{start_value}/PRESENT_REF", earliest, None, "range"
    return f"{start_value}/{dct.iso()}", earliest, dct.latest(), "range"


def _add_months(day: date, months: int) -> date:
    from timeline.domain import shift_months

    return shift_months(day, months)
