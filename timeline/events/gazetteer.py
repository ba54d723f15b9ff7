"""Actors from gazetteers: countries, organisations, groups, people and regions kept as TOML data files.

The bundled files live in `timeline/events/data/actors/`; users add their own `.toml` files (same
format) in directories listed in the environment variable TIMELINE_GAZETTEERS (separated by the
platform's path separator). A user entry with the key of a bundled one replaces it.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from timeline.events.phrase_trie import WORD_END, normalise, trie_pattern

GAZETTEER_ENV = "TIMELINE_GAZETTEERS"
ACTOR_KINDS = ("country", "organisation", "group", "person", "region", "place")
_NAME_FORMS = {"aliases": "name", "demonyms": "demonym", "metonyms": "metonym"}


@dataclass(frozen=True)
class Actor:
    """An entry of a gazetteer."""

    key: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class ActorMatch:
    """An actor named in a text: which actor, where, and the words used.

    `listed` is true for an entry of the gazetteers' data files, false for a person, place or
    organisation found by its shape.
    """

    actor: Actor
    start: int
    end: int
    text: str
    form: str
    listed: bool = True


class GazetteerError(ValueError):
    """A gazetteer file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class _Name:
    """One way of naming an actor: its words as written, and whether its capitals must match."""

    words: str
    key: str
    form: str
    any_case: bool


@dataclass(frozen=True)
class Gazetteer:
    """Every actor, with all their names compiled into one trie-shaped regex."""

    actors: dict[str, Actor]
    names: dict[str, tuple[_Name, ...]]
    pattern: re.Pattern[str]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[ActorMatch]:
        """Actors named in text[start:end], left to right, the longest name winning where names overlap."""
        end = len(text) if end is None else end
        matches = []
        for match in self.pattern.finditer(text, start, end):
            words = match.group()
            for name in self.names.get(normalise(words), ()):
                if name.any_case or _same_capitals(words, name.words):
                    matches.append(ActorMatch(self.actors[name.key], match.start(), match.end(), words, name.form))
                    break
        return matches


def _same_capitals(text: str, name: str) -> bool:
    """The text has the name's own capitals (its first letter may be in either case)."""
    written = " ".join(text.replace("’", "'").split())
    return written[1:] == name[1:]


def gazetteer_files() -> list[tuple[str, str]]:
    """(name, TOML text) of the bundled gazetteers, then those in TIMELINE_GAZETTEERS directories."""
    bundled = resources.files("timeline.events").joinpath("data/actors")
    files = [(entry.name, entry.read_text(encoding="utf-8")) for entry in sorted(bundled.iterdir(), key=lambda e: e.name) if entry.name.endswith(".toml")]
    for directory in filter(None, os.environ.get(GAZETTEER_ENV, "").split(os.pathsep)):
        for path in sorted(Path(directory).glob("*.toml")):
            files.append((str(path), path.read_text(encoding="utf-8")))
    return files


@lru_cache(maxsize=4)
def load_gazetteer(extra: str = "") -> Gazetteer:
    """The gazetteer of the bundled files plus the user's (cached; `extra` is the TIMELINE_GAZETTEERS value)."""
    return build_gazetteer(gazetteer_files())


def default_gazetteer() -> Gazetteer:
    """The gazetteer for this process's TIMELINE_GAZETTEERS setting."""
    return load_gazetteer(os.environ.get(GAZETTEER_ENV, ""))


def build_gazetteer(files: list[tuple[str, str]]) -> Gazetteer:
    """Compile actors from (name, TOML text) pairs; later entries replace earlier ones with the same key."""
    actors: dict[str, Actor] = {}
    names: dict[str, tuple[str, str]] = {}
    for file_name, text in files:
        try:
            entries = tomllib.loads(text).get("actor", [])
        except tomllib.TOMLDecodeError as error:
            raise GazetteerError(f"{file_name}: {error}") from None
        for entry in entries:
            actor = _actor(file_name, entry)
            actors[actor.key] = actor
            for form in _NAME_FORMS:
                for name in entry.get(form, []):
                    names[name] = (actor.key, _NAME_FORMS[form])
    index: dict[str, list[_Name]] = {}
    for name, (key, form) in names.items():
        if _WORD_START.match(name) is None:
            raise GazetteerError(f"name {name!r} does not start with a word")
        words = " ".join(name.replace("’", "'").split())
        index.setdefault(normalise(name), []).append(_Name(words, key, form, name == name.lower()))
    pattern = trie_pattern((name, "" if " " in name and len(name) >= 12 else WORD_END) for name in names)
    return Gazetteer(actors, {name: tuple(entries) for name, entries in index.items()}, pattern)


_WORD_START = re.compile(r"\w")


def _actor(file_name: str, entry: dict) -> Actor:
    missing = [field for field in ("key", "name", "kind") if not entry.get(field)]
    if missing:
        raise GazetteerError(f"{file_name}: an actor lacks {', '.join(missing)}: {entry}")
    if entry["kind"] not in ACTOR_KINDS:
        raise GazetteerError(f"{file_name}: actor {entry['key']!r} has kind {entry['kind']!r}, not one of {', '.join(ACTOR_KINDS)}")
    return Actor(entry["key"], entry["name"], entry["kind"], entry.get("country"), entry.get("role"))
