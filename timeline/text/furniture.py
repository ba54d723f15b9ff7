"""Page-furniture phrase lists (data/furniture.toml, extensible by the user) and their matching."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

EXTRA_RULES_VARIABLE = "TIMELINE_FURNITURE"
TAIL_CHARACTERS = 300
"""A pattern that ends a paragraph (`…$`) is searched in its last this many characters only."""
FURNITURE_KINDS = ("boilerplate", "caption")


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex matching any of the phrases, longest first; one that never matches when there are none."""
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True)) or r"(?!)"


@dataclass(frozen=True)
class FurnitureRules:
    """Phrases and patterns of one kind of furniture (boilerplate or caption)."""

    kind: str
    equals: tuple[str, ...]
    starts: tuple[str, ...]
    contains: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]

    @cached_property
    def _starts(self) -> re.Pattern[str]:
        """One of `starts` opening the text, as a whole word (or phrase), the longest first."""
        return re.compile(r"(?:" + _alternation(self.starts) + r")(?![^\W_])")

    @cached_property
    def _contains(self) -> re.Pattern[str]:
        """One of `contains` anywhere in the text."""
        return re.compile(_alternation(self.contains))

    def reason(self, paragraph: str, short_words: int) -> str | None:
        """Why `paragraph` is furniture of this kind, or None when it is not."""
        lowered = paragraph.strip().lower()
        if lowered in self.equals or lowered.rstrip(" .:…>»|*") in self.equals:
            return f"{self.kind} phrase {lowered!r}"
        if len(lowered.split()) <= short_words:
            found = self._starts.match(lowered) or self._contains.search(lowered)
            if found:
                return f"{self.kind} phrase {found.group()!r}"
        stripped = paragraph.strip()
        tail = stripped[-TAIL_CHARACTERS:]
        for pattern in self.patterns:
            if pattern.search(tail if pattern.pattern.endswith("$") else stripped):
                return f"{self.kind} pattern {pattern.pattern[:40]!r}"
        return None


@dataclass(frozen=True)
class InlineRule:
    """Furniture inside a paragraph ("© 2016 KHOU", "Updated: Apr 12, 2016 - 9:35 AM"): a pattern and its examples."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    examples: tuple[tuple[str, str], ...] = ()
    requires: tuple[str, ...] = ()
    """Words one of which (lower case) the paragraph must hold for the pattern to be tried: a cheap first look."""


@dataclass(frozen=True)
class InlineFurniture:
    """A stretch of a paragraph that is furniture, by offsets into the paragraph."""

    start: int
    end: int
    kind: str
    reason: str


@dataclass(frozen=True)
class Furniture:
    """All furniture rules with their examples."""

    short_words: int
    kinds: tuple[FurnitureRules, ...]
    examples: tuple[tuple[str, str], ...]
    box_headings: tuple[str, ...] = ()
    box_words: int = 60
    inline: tuple[InlineRule, ...] = ()
    dateline: re.Pattern[str] | None = None
    dateline_examples: tuple[tuple[str, str], ...] = ()

    def dateline_at(self, paragraph: str) -> int:
        """The length of the dateline opening `paragraph` ("WASHINGTON (AP) — "), 0 when it opens with none."""
        if self.dateline is None:
            return 0
        match = self.dateline.match(paragraph)
        return match.end() if match else 0

    def inline_spans(self, paragraph: str) -> list[InlineFurniture]:
        """The stretches of `paragraph` that are furniture by an inline rule, in order and not overlapping."""
        found: list[InlineFurniture] = []
        lowered = paragraph.lower()
        for rule in self.inline:
            if rule.requires and not any(word in lowered for word in rule.requires):
                continue
            for match in rule.pattern.finditer(paragraph):
                if match.end() > match.start():
                    found.append(InlineFurniture(match.start(), match.end(), rule.kind, f"{rule.kind}: {rule.name}"))
        found.sort(key=lambda span: (span.start, -span.end))
        kept: list[InlineFurniture] = []
        for span in found:
            if not kept or span.start >= kept[-1].end:
                kept.append(span)
        return kept

    def opens_box(self, paragraph: str) -> bool:
        """True when the paragraph is a heading whose next short paragraph belongs to the same box."""
        lowered = paragraph.strip().lower()
        return len(lowered.split()) <= 6 and any(lowered.startswith(heading) for heading in self.box_headings)

    def classify(self, paragraph: str) -> tuple[str, str] | None:
        """(kind, reason) when the paragraph is furniture, else None."""
        for rules in self.kinds:
            reason = rules.reason(paragraph, self.short_words)
            if reason is not None:
                return rules.kind, reason
        return None


def _read(text: str, source: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: not valid TOML: {error}") from None


@lru_cache(maxsize=4)
def load_furniture(extra: str | None = None) -> Furniture:
    """The bundled rules plus those of the file `extra` (default: $TIMELINE_FURNITURE)."""
    bundled = resources.files("timeline.text").joinpath("data/furniture.toml").read_text(encoding="utf-8")
    documents = [_read(bundled, "furniture.toml")]
    extra = extra if extra is not None else os.environ.get(EXTRA_RULES_VARIABLE)
    if extra:
        documents.append(_read(Path(extra).read_text(encoding="utf-8"), extra))
    kinds = []
    for kind in FURNITURE_KINDS:
        equals: list[str] = []
        starts: list[str] = []
        contains: list[str] = []
        patterns: list[re.Pattern[str]] = []
        for document in documents:
            section = document.get(kind, {})
            equals += [phrase.lower() for phrase in section.get("equals", [])]
            starts += [phrase.lower() for phrase in section.get("starts", [])]
            contains += [phrase.lower() for phrase in section.get("contains", [])]
            patterns += [re.compile(pattern) for pattern in section.get("patterns", [])]
        kinds.append(FurnitureRules(kind, tuple(equals), tuple(starts), tuple(contains), tuple(patterns)))
    examples = tuple((example["text"], example["kind"]) for document in documents for example in document.get("examples", []))
    headings = tuple(heading.lower() for document in documents for heading in document.get("box_headings", []))
    inline = tuple(_inline_rule(rule, source) for document, source in zip(documents, ("furniture.toml", extra)) for rule in document.get("inline", []))
    dateline = documents[0].get("dateline", {})
    return Furniture(
        int(documents[0].get("short_words", 60)),
        tuple(kinds),
        examples,
        headings,
        int(documents[0].get("box_words", 60)),
        inline,
        re.compile(dateline["pattern"]) if "pattern" in dateline else None,
        tuple((example["text"], example["dateline"]) for example in dateline.get("examples", [])),
    )


_INLINE_KEYS = frozenset({"name", "kind", "pattern", "examples", "requires"})


def _inline_rule(rule: dict, source: str | None) -> InlineRule:
    """One [[inline]] table, checked: known keys, a known kind, a pattern that cannot match the empty string."""
    name = str(rule.get("name", "?"))
    unknown = set(rule) - _INLINE_KEYS
    if unknown:
        raise ValueError(f"{source}: inline rule {name!r} has unknown keys {sorted(unknown)}")
    if rule.get("kind") not in FURNITURE_KINDS:
        raise ValueError(f"{source}: inline rule {name!r} has kind {rule.get('kind')!r}, not one of {FURNITURE_KINDS}")
    try:
        pattern = re.compile(rule["pattern"])
    except (KeyError, re.error) as error:
        raise ValueError(f"{source}: inline rule {name!r} has no valid pattern: {error}") from None
    if pattern.fullmatch(""):
        raise ValueError(f"{source}: inline rule {name!r} can match the empty string")
    examples = tuple((example["text"], example["furniture"]) for example in rule.get("examples", []))
    requires = tuple(word.lower() for word in rule.get("requires", []))
    for text, furniture in examples:
        if furniture and requires and not any(word in text.lower() for word in requires):
            raise ValueError(f"{source}: inline rule {name!r}: example {text!r} holds none of the words it requires")
    return InlineRule(name, rule["kind"], pattern, examples, requires)
