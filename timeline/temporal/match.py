"""Find temporal expressions: one compiled master pattern over all rules, recording what the text says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from timeline.temporal.prefilter import KEY_LENGTH, prefixes, trigger_regex
from timeline.temporal.rules import Rule, RuleSet, load_language, normalize

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
    source: str
    before: str = ""

    def tense(self) -> str:
        """`past`, `future` or `none`, from the nearest tense cue in the sentence around the candidate."""
        return tense_around(self.source, self.start, self.end)


TRIGGER_LENGTH = 6
"""Characters of those the trigger scan looks at (a shorter scan pattern compiles faster; the keys then choose)."""


class Hit(NamedTuple):
    """Where a rule matched: the rule's index and span, and the premodifier before it, if any."""

    rule: int
    start: int
    end: int
    pre_start: int | None = None
    pre: str | None = None
    match: re.Match[str] | None = None
    """The rule's own match (the fast scan keeps it; the master pattern's groups are not the rule's)."""


class Matcher:
    """All rules of a rule set, tried in priority order where a fast trigger scan says one may start."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self._regexes = [rule.regex for rule in rules.rules]
        premod = rules.premodifier.regex if rules.premodifier else "(?!)"
        self._premod = re.compile(rf"(?:{premod})[\s\-]*", re.IGNORECASE)
        self._rule_prefixes = [self._prefixes(rule.regex.pattern) for rule in rules.rules]
        self._premod_prefixes = self._prefixes(premod) if rules.premodifier else set()
        starts = set().union(*self._rule_prefixes) | self._premod_prefixes
        self.trigger = trigger_regex({start[:TRIGGER_LENGTH] for start in starts})
        self._by_key: dict[str, tuple[int, ...]] = {}
        self._premod_by_key: dict[str, bool] = {}
        self._plans: dict[str, tuple[bool, tuple[int, ...]]] = {}
        self._by_prefix: dict[str, set[int]] = {}
        for index, starts in enumerate(self._rule_prefixes):
            for prefix in starts:
                self._by_prefix.setdefault(prefix, set()).add(index)
        self._master: re.Pattern[str] | None = None
        self._groups = [
            [(group, group.split("__")[0], None if fragment is None else rules.fragments[fragment].values)
             for group, fragment in rule.groups.items()]
            for rule in rules.rules
        ]
        """Per rule: each group, the frame key it fills and the meanings of its fragment's surface forms."""

    def _prefixes(self, pattern: str) -> set[str] | frozenset[str]:
        """The prefixes a pattern's matches start with (read when the rules were loaded, or now)."""
        known = self.rules.facts.get(pattern)
        return known.prefixes if known is not None else prefixes(pattern, KEY_LENGTH)

    @property
    def master(self) -> re.Pattern[str]:
        """One pattern over all rules in priority order (compiled on first use; the reference for the fast path)."""
        if self._master is None:
            branches = []
            for index, rule in enumerate(self.rules.rules):
                plain = re.sub(r"\(\?P<[a-z_0-9]+>", "(?:", rule.regex.pattern)
                branches.append(f"(?P<r{index}>{plain})")
            premod = self.rules.premodifier.regex if self.rules.premodifier else "(?!)"
            self._master = re.compile(
                rf"(?<![\w.\-])(?:(?P<pre>{premod})[\s\-]*)?(?:{'|'.join(branches)})", re.IGNORECASE
            )
        return self._master

    def _candidates(self, key: str) -> tuple[int, ...]:
        """The rules that may start with `key`, in priority order (cached)."""
        chosen = self._by_key.get(key)
        if chosen is None:
            found: set[int] = set()
            for length in range(1, len(key) + 1):
                found |= self._by_prefix.get(key[:length], set())
            chosen = tuple(sorted(found))
            self._by_key[key] = chosen
        return chosen

    def _may_be_premodifier(self, key: str) -> bool:
        """True when a premodifier may start with `key` (cached)."""
        known = self._premod_by_key.get(key)
        if known is None:
            known = any(key[:length] in self._premod_prefixes for length in range(1, len(key) + 1))
            self._premod_by_key[key] = known
        return known

    def _rule_at(self, text: str, position: int, key: str) -> Hit | None:
        regexes = self._regexes
        chosen = self._by_key.get(key)
        for index in chosen if chosen is not None else self._candidates(key):
            match = regexes[index].match(text, position)
            if match is not None:
                return Hit(index, position, match.end(), match=match)
        return None

    def _plan(self, key: str) -> tuple[bool, tuple[int, ...]]:
        """Whether a premodifier may start with `key`, and the rules that may (cached)."""
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = (self._may_be_premodifier(key), self._candidates(key))
        return plan

    def hits(self, text: str) -> Iterator[Hit]:
        """Rule matches left to right, non-overlapping: a premodified reading first, as the master pattern would."""
        lowered = text.lower()
        if self.trigger is None or len(lowered) != len(text):
            yield from self.master_hits(text)
            return
        position = 0
        normalized = normalize_for_keys(lowered)
        plans, regexes = self._plans, self._regexes
        for trigger in self.trigger.finditer(lowered):
            start = trigger.start()
            if start < position:
                continue
            key = normalized[start : start + KEY_LENGTH]
            if "00" in key or "  " in key:
                key = _key(normalized, start)
            plan = plans.get(key) or self._plan(key)
            premodified, chosen = plan
            hit = None
            if premodified:
                pre = self._premod.match(text, start)
                if pre is not None:
                    inner = self._rule_at(text, pre.end(), _key(normalized, pre.end()))
                    if inner is not None:
                        text_pre = text[start : pre.end()].rstrip(" \t\n-")
                        hit = inner._replace(pre_start=start, pre=text_pre)
            if hit is None:
                for index in chosen:
                    match = regexes[index].match(text, start)
                    if match is not None:
                        hit = Hit(index, start, match.end(), match=match)
                        break
            if hit is not None:
                position = hit.end
                yield hit

    def master_hits(self, text: str) -> Iterator[Hit]:
        """The same hits from the single master pattern (slower; the reference for the fast path)."""
        for match in self.master.finditer(text):
            name = match.lastgroup
            if name is None or not name.startswith("r"):
                continue
            start, end = match.span(name)
            pre = match.group("pre")
            yield Hit(int(name[1:]), start, end, match.start("pre") if pre else None, pre)

    def find(self, text: str) -> list[Candidate]:
        """Every candidate in the text, left to right, non-overlapping."""
        found = []
        for hit in self.hits(text):
            rule = self.rules.rules[hit.rule]
            start, end = hit.start, hit.end
            inner = hit.match
            if inner is None:
                inner = rule.regex.match(text, start)
                if inner is None or inner.end() != end:  # the master backtracked to a shorter reading
                    inner = rule.regex.fullmatch(text, start, end)
                if inner is None:
                    continue
            frame = dict(rule.params)
            for group, key, values in self._groups[hit.rule]:
                surface = inner.group(group)
                if surface is None:
                    continue
                frame[key] = normalize(surface) if values is None else lookup(values, surface)
            mod = self.rules.premodifier.values.get(normalize(hit.pre)) if hit.pre and self.rules.premodifier else None
            mention_start = hit.pre_start if hit.pre_start is not None else start
            if isinstance(mod, str) and mod.startswith("~"):  # the word gives the mod but stays outside the extent
                mod, mention_start = mod[1:], start
            ends = _range_ends(inner) if rule.params.get("split") else None
            if ends is not None:
                # a range written as one phrase ("2022-2023", "12-13 July"): two mentions, the first end
                # taking from the second what it does not say
                second = {key[:-1]: value for key, value in frame.items() if key.endswith("2")}
                first = {key: value for key, value in frame.items() if not key.endswith("2")}
                # each end keeps its own mod: "the late 19th and early 20th centuries"
                second = {**{k: v for k, v in first.items() if k not in ("first", "second", "mod")}, **second}
                for key, value in second.items():
                    if key != "mod":
                        first.setdefault(key, value)
                _complete_short_year(first, second)
                (first_start, first_end), (second_start, second_end) = ends
                found.append(self._candidate(text, rule, first, min(mention_start, first_start), first_end, mod))
                found.append(self._candidate(text, rule, second, second_start, second_end, None))
                continue
            found.append(self._candidate(text, rule, frame, mention_start, end, mod))
        return found

    @staticmethod
    def _candidate(text: str, rule: Rule, frame: dict[str, Any], start: int, end: int, mod: Any) -> Candidate:
        return Candidate(
            start=start,
            end=end,
            text=text[start:end],
            rule=rule,
            frame=frame,
            premod=mod or None,
            source=text,
            before=text[max(0, start - 40) : start],
        )


_RUNS = re.compile(r"0{2,}| {2,}")
_KEY_TABLE = {code: "0" for code in range(ord("0"), ord("9") + 1)} | {
    code: " " for code in range(0x3001) if re.match(r"\s", chr(code))
}


def _complete_short_year(first: dict[str, Any], second: dict[str, Any]) -> None:
    """The second end of "1777-84" writes two digits: its century is the first end's (1784), rolling over at 00."""
    start, short = str(first.get("year", "")), str(second.get("year", ""))
    if len(start) == 4 and start.isdigit() and len(short) == 2 and short.isdigit():
        year = int(start[:2] + short)
        second["year"] = str(year + 100 if year < int(start) else year)


def _range_ends(match: re.Match[str]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of the groups `first` and `second` (or `first__2`, ... in another branch) of a range rule."""
    groups = match.groupdict()
    for name, value in groups.items():
        if value is not None and name.split("__")[0] == "first":
            partner = "second" + name[len("first") :]
            if groups.get(partner) is not None:
                return match.span(name), match.span(partner)
    return None


def _key(normalized: str, position: int) -> str:
    """The first characters at a position of the normalized text, runs of digits one 0 and of whitespace one space."""
    key = normalized[position : position + KEY_LENGTH]
    if "00" not in key and "  " not in key:
        return key
    width = 4 * KEY_LENGTH
    while True:
        window = normalized[position : position + width]
        key = _RUNS.sub(_first_of_run, window)
        if len(key) >= KEY_LENGTH or position + width >= len(normalized):
            return key[:KEY_LENGTH]
        width *= 4


def _first_of_run(run: re.Match[str]) -> str:
    return run.group()[0]


def normalize_for_keys(lowered: str) -> str:
    """Lower-cased text with every digit written 0 and every whitespace character a space (same length)."""
    return lowered.translate(_KEY_TABLE)


def lookup(values: dict[str, Any], surface: str) -> Any:
    """The meaning of a surface form; a compound of numbers ("twenty five") is their sum."""
    key = normalize(surface)
    if key in values:
        return values[key]
    words = key.split()
    if len(words) > 1 and all(isinstance(values.get(word), int) for word in words):
        return sum(values[word] for word in words)
    return surface


class Cues(NamedTuple):
    """The tense cues of a language, compiled from its vocabulary fragments."""

    tense: re.Pattern[str]
    reporting: re.Pattern[str]
    left: re.Pattern[str]


def cues(language: str = "en") -> Cues:
    """The compiled tense cues of a language (see `_cues`)."""
    return _cues(language)


@lru_cache(maxsize=4)
def _cues(language: str) -> Cues:
    """Tense cues from the vocabulary (`future_cue`, `scheduled_verb`, `past_cue`, `reporting_verb`, ...).

    A capitalised word ending in -ed ("United") is a name, not a verb, and neither is one after a determiner
    ("on a still unspecified date"): that is an adjective. A plan in the pluperfect ("had been scheduled to expire
    Friday") was overtaken: it looks back. "by" after a verb is a deadline unless its clause is told in the past.
    A verb of schedule in the present at most three words before the
    mention looks ahead ("Students return Monday", "appears in court on Tuesday").
    """
    fragments = load_language(language).fragments
    future, past = fragments["future_cue"].regex, fragments["past_cue"].regex
    determiner = r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bstill\s)"
    ed_verb = rf"{determiner}(?<!\bbe\s)(?-i:[a-z]{{3,}}ed)"  # a passive takes its tense from its auxiliary
    finite = r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bmust\s)(?<!\bbe\s)"
    irregular = rf"{determiner}{finite}(?-i:{fragments['irregular_past'].regex})"
    tense = re.compile(rf"\b(?:(?P<future>{future})|(?P<past>{past}|{ed_verb}|{irregular}))\b", re.IGNORECASE)
    reporting = re.compile(rf"\b(?:{fragments['reporting_verb'].regex})\b", re.IGNORECASE)
    deadline = rf"(?<=[a-z,]\s)(?<!not\s)(?<!up\s)\b(?:{fragments['deadline_word'].regex})"
    # an infinitive or a negated verb is not a schedule ("had been scheduled to expire Friday", "did not return
    # Monday"), a word after a determiner is a noun ("at the close of business Thursday"), a capitalised one a name
    # ("a shooting in Old West End Saturday"), and a participle
    # between verb and date is another verb's ("begin as previously planned Saturday")
    not_finite = r"(?<!\bto\s)(?<!\bnot\s)(?<!n\x27t\s)(?<!n’t\s)(?<!\bdid\s)(?<!\bnever\s)"
    not_noun = r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bthis\s)"
    between = r"(?:\s+(?![\w\x27’-]*ed\b)[\w\x27’-]+){0,3}?"
    scheduled = rf"(?<![\w\x27’]){not_finite}{not_noun}(?-i:{fragments['scheduled_verb'].regex})\b{between}"
    by = r"(?<=[a-z,]\s)\bby"
    left = re.compile(
        rf"(?:(?P<future>(?:{deadline}|\b(?:{fragments['deadline_phrase'].regex})|{scheduled})\s+(?:on\s+|at\s+)?)"
        rf"|(?P<by>{by}\s+)|(?P<past>\b{fragments['report_before'].regex}))$",
        re.IGNORECASE,
    )
    return Cues(tense, reporting, left)


def tense_around(text: str, start: int, end: int) -> str:
    """The tense of a span's sentence: `past`, `future`, or `none`.

    Words right before the span decide first (`until Tuesday`, `said Friday`); then the nearest
    cue before it in its sentence, else the first after it; a reporting verb after the span
    (`..., Castro said`) only when no other cue is found.
    """
    return _tense_between(text[max(0, start - 150) : start], text[end : end + 100])


@lru_cache(maxsize=1024)
def _tense_between(before: str, after: str) -> str:
    """The tense read from the text right before and right after a span (remembered: repeated phrases share it)."""
    cut = None
    for cut in _SENTENCE_END.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end() :]
    found = cues()
    left = found.left.search(before)
    if left is not None and left.lastgroup != "by":
        return left.lastgroup or "past"
    if left is not None:  # "must leave by Friday" looks ahead; "were withdrawn by Friday" is told in the past
        last = None
        for last in found.tense.finditer(before):
            pass
        if last is None or last.lastgroup != "past":
            return "future"
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    best: tuple[int, str] | None = None
    for cue in found.tense.finditer(before):
        best = (len(before) - cue.end(), cue.lastgroup or "past")
    for cue in found.reporting.finditer(before):
        if best is None or len(before) - cue.end() < best[0]:
            best = (len(before) - cue.end(), "past")
    for cue in found.tense.finditer(after):  # the verb usually comes first: a cue after the span only when none before
        if best is None:
            best = (cue.start(), cue.lastgroup or "past")
        break
    if best is None and found.reporting.search(after):
        return "past"
    return best[1] if best is not None else "none"



def matcher_for(language: str = "en", mode: str = "news") -> Matcher:
    """The compiled matcher of a language's bundled rules for an anchor mode (built once per process)."""
    return _matcher(language, mode)


@lru_cache(maxsize=8)
def _matcher(language: str, mode: str) -> Matcher:
    return Matcher(load_language(language).for_mode(mode))
