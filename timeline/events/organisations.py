"""Organisations by their shapes: heads such as "Police Department", "Sheriff's Office" or "High School", and their keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.events.names import NameRun
from timeline.events.phrase_trie import WORD_END, normalise, trie_pattern
from timeline.events.places import slug
from timeline.events.vocabulary import load


@dataclass(frozen=True)
class OrganisationType:
    """A kind of organisation: police, sheriff, court, … ("organisation" for any other)."""

    name: str
    display: str
    jurisdiction: bool
    key_from_head: bool
    standalone: bool = False


@dataclass(frozen=True)
class Head:
    """The words that end (or open) an organisation's name, with the type they make."""

    words: str
    type: OrganisationType
    length: int


@dataclass(frozen=True)
class OrganisationVocabulary:
    """data/organisation_shapes.toml, compiled."""

    heads: dict[tuple[str, ...], Head]
    longest_head: int
    front: dict[tuple[str, ...], Head]
    place_front: frozenset[tuple[str, ...]]
    after_place: re.Pattern[str]
    after_place_types: dict[str, OrganisationType]
    bare: re.Pattern[str]
    bare_types: dict[str, OrganisationType]
    call_sign: re.Pattern[str]
    types: dict[str, OrganisationType]
    head_ends: frozenset[str]
    joining: frozenset[str]
    needs_place: frozenset[str]


@lru_cache(maxsize=1)
def organisation_vocabulary() -> OrganisationVocabulary:
    """The compiled shapes, once per process."""
    data = load("organisation_shapes")
    heads: dict[tuple[str, ...], Head] = {}
    front: dict[tuple[str, ...], Head] = {}
    after: dict[str, OrganisationType] = {}
    bare: dict[str, OrganisationType] = {}
    types: dict[str, OrganisationType] = {}
    for entry in data["type"]:
        kind = OrganisationType(
            entry["name"], entry["display"], bool(entry["jurisdiction"]), bool(entry.get("key_from_head")), bool(entry.get("standalone"))
        )
        types[kind.name] = kind
        for head in entry["heads"]:
            words = tuple(normalise(head).split())
            heads.setdefault(words, Head(head, kind, len(words)))
        for head in entry.get("front", []):
            words = tuple(normalise(head).split())
            front.setdefault(words, Head(head, kind, len(words)))
        for phrase in entry.get("after_place", []):
            after.setdefault(normalise(phrase), kind)
        for phrase in entry.get("bare", []):
            bare.setdefault(normalise(phrase), kind)
    settings = data["settings"]
    return OrganisationVocabulary(
        heads=heads,
        longest_head=max(len(words) for words in heads),
        front=front,
        place_front=frozenset(tuple(normalise(phrase).split()) for phrase in settings["place_front"]),
        after_place=trie_pattern((phrase, WORD_END) for phrase in after),
        after_place_types=after,
        bare=trie_pattern((phrase, WORD_END) for phrase in bare),
        bare_types=bare,
        call_sign=re.compile(settings["call_sign"]),
        types=types,
        head_ends=frozenset(words[-1] for words in heads),
        needs_place=frozenset(settings["needs_place"]),
        joining=frozenset(words[0] for words in (*front, *(tuple(normalise(phrase).split()) for phrase in settings["place_front"]))),
    )


def _lowered(run: NameRun) -> list[str]:
    return [token.lower for token in run.tokens[:-1]] + [run.tokens[-1].bare_lower]


def head_at_end(run: NameRun) -> Head | None:
    """The longest head that ends the run ("Police Department" in "Stockton Police Department")."""
    vocabulary = organisation_vocabulary()
    if run.tokens[-1].bare_lower not in vocabulary.head_ends:
        return None
    words = _lowered(run)
    for length in range(min(vocabulary.longest_head, len(words)), 0, -1):
        head = vocabulary.heads.get(tuple(words[-length:]))
        if head is not None:
            return head
    return None


def head_in_front(run: NameRun) -> tuple[Head | None, bool]:
    """A head that opens the run ("University of" in "University of Houston"), and whether it only frames a place ("City of")."""
    vocabulary = organisation_vocabulary()
    if len(run.tokens) < 3 or run.tokens[1].lower not in ("of", "on"):
        return None, False
    words = _lowered(run)
    for length in (3, 2):
        opening = tuple(words[:length])
        if len(words) > length and opening in vocabulary.place_front:
            return None, True
        if len(words) > length and opening in vocabulary.front:
            return vocabulary.front[opening], False
    return None, False


def joins_name(run: NameRun, position: int) -> bool:
    """True when the connector at `position` belongs to a name: "of" after "Department", "University" or "City"."""
    return position > 0 and run.tokens[position].text == "of" and run.tokens[position - 1].lower in organisation_vocabulary().joining


def front_inside(run: NameRun) -> int | None:
    """Where a head with "of" starts inside a run after other words ("Iowa Department of Criminal Investigation" -> 1)."""
    vocabulary = organisation_vocabulary()
    for position in range(1, len(run.tokens) - 2):
        if run.tokens[position + 1].text == "of" and (run.tokens[position].lower, "of") in vocabulary.front:
            return position
    return None


def is_call_sign(word: str) -> bool:
    """True for a broadcaster's call sign such as "KHOU"."""
    return bool(organisation_vocabulary().call_sign.match(word))


def organisation_key(kind: OrganisationType, head: Head | None, modifier_key: str | None, words: str) -> str:
    """The key of an organisation: its jurisdiction's key and its type, or its own name."""
    if kind.jurisdiction and modifier_key:
        suffix = slug(head.words) if (kind.key_from_head and head is not None) else kind.name
        return f"{modifier_key}-{suffix}"[:64]
    return slug(words)[:64]


def organisation_name(kind: OrganisationType, place_name: str | None, words: str) -> str:
    """The display name: the place and the type's name for an organisation of a jurisdiction, else the words."""
    if kind.jurisdiction and place_name and kind.display and not kind.key_from_head:
        return f"{place_name} {kind.display}"
    return words
