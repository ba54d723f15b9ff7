"""Find temporal expressions: one compiled master pattern over all rules, recording what the text says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline.temporal.rules import Rule, RuleSet, load_language, normalize

_TENSE = re.compile(
    r"\b(?:(?P<future>will|won't|shall|'ll|going\s+to|plans?\s+to|expects?\s+to|expected\s+to|"
    r"scheduled|intends?\s+to|upcoming|to\s+be\s+(?:held|released|announced|completed)|is\s+to|are\s+to|hopes?\s+to)"
    r"|(?P<past>was|were|had|did|said|says|told|announced|reported|ago|\w{3,}ed))\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@dataclass(frozen=True)
class Candidate:
    """An unresolved mention: the span, the rule that matched, its groups' meanings and the tense around it."""

    start: int
    end: int
    text: str
    rule: Rule
    frame: dict[str, Any]
    premod: str | None
    tense: str
    before: str = ""


class Matcher:
    """A master regular expression over every rule of a rule set, in priority order."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        branches = []
        for index, rule in enumerate(rules.rules):
            plain = re.sub(r"\(\?P<[a-z_0-9]+>", "(?:", rule.regex.pattern)
            branches.append(f"(?P<r{index}>{plain})")
        premod = rules.premodifier.regex if rules.premodifier else "(?!)"
        self.master = re.compile(
            rf"(?<![\w.\-])(?:(?P<pre>{premod})[\s\-]*)?(?:{'|'.join(branches)})(?![\w]|-\w)",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[Candidate]:
        """Every candidate in the text, left to right, non-overlapping."""
        found = []
        for match in self.master.finditer(text):
            name = match.lastgroup
            if name is None or not name.startswith("r"):
                continue
            rule = self.rules.rules[int(name[1:])]
            start, end = match.span(name)
            inner = rule.regex.match(text, start)
            if inner is None or inner.end() != end:  # the master backtracked to a shorter reading
                inner = rule.regex.fullmatch(text, start, end)
            if inner is None:
                continue
            frame = dict(rule.params)
            for group, fragment in rule.groups.items():
                surface = inner.group(group)
                if surface is None:
                    continue
                key = group.split("__")[0]
                if fragment is None:
                    frame[key] = normalize(surface)
                    continue
                values = self.rules.fragments[fragment].values
                frame[key] = lookup(values, surface)
            premod = match.group("pre")
            mention_start = match.start("pre") if premod else start
            found.append(
                Candidate(
                    start=mention_start,
                    end=end,
                    text=text[mention_start:end],
                    rule=rule,
                    frame=frame,
                    premod=self.rules.premodifier.values.get(normalize(premod)) if premod and self.rules.premodifier else None,
                    tense=tense_around(text, mention_start, end),
                    before=text[max(0, mention_start - 40) : mention_start],
                )
            )
        return found


def lookup(values: dict[str, Any], surface: str) -> Any:
    """The meaning of a surface form; a compound of numbers ("twenty five") is their sum."""
    key = normalize(surface)
    if key in values:
        return values[key]
    words = key.split()
    if len(words) > 1 and all(isinstance(values.get(word), int) for word in words):
        return sum(values[word] for word in words)
    return surface


def tense_around(text: str, start: int, end: int) -> str:
    """The tense of the nearest cue in the sentence around a span: `past`, `future`, or `none`."""
    before = text[max(0, start - 150) : start]
    cut = None
    for cut in _SENTENCE_END.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end() :]
    after = text[end : end + 100]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    best: tuple[int, str] | None = None
    for cue in _TENSE.finditer(before):
        best = (len(before) - cue.end(), cue.lastgroup or "past")
    for cue in _TENSE.finditer(after):
        if best is None or cue.start() < best[0]:
            best = (cue.start(), cue.lastgroup or "past")
        break
    return best[1] if best is not None else "none"


@lru_cache(maxsize=4)
def matcher_for(language: str = "en") -> Matcher:
    """The compiled matcher of a language's bundled rules (built once per process)."""
    return Matcher(load_language(language))
