"""Roles of the actors of an event: agent, affected, source or mentioned."""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.domain import ActorMention
from timeline.events.gazetteer import ActorMatch
from timeline.events.phrase_trie import trie_pattern
from timeline.events.vocabulary import load

ROLES = ("agent", "affected", "source", "mentioned")
_AGENT_KINDS = frozenset({"country", "organisation", "person"})


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("roles")
    before = re.compile(_trie(data["affected_before"]) + r"\s+(?:the\s+)?$", re.IGNORECASE)
    after = re.compile(r"^(?:['’]s)?(?:\s+[\w-]+){0,2}?\s+" + _trie(data["affected_after"]) + r"\b", re.IGNORECASE)
    return before, after


def _trie(phrases: list[str]) -> str:
    """The phrases as one trie-shaped group (see phrase_trie), longest first."""
    return "(?:" + trie_pattern((phrase, "") for phrase in phrases).pattern + ")"


@lru_cache(maxsize=1)
def _agent_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load("roles")
    verb = re.compile(r"^(?:\s+(?:also|already|so far|now|reportedly|increasingly))?\s+" + _trie(data["agent_verbs"]) + r"\b", re.IGNORECASE)
    object_before = re.compile(r"(?<![\w])" + _trie(data["not_agent_before"]) + r"\s+(?:the\s+|its\s+|a\s+)?$", re.IGNORECASE)
    return verb, object_before


def _agent(text: str, start: int, end: int, candidates: list[ActorMatch]) -> ActorMatch | None:
    """The actor that acts: one followed by a verb and not governed by a preposition, else the first not so governed."""
    verb, object_before = _agent_cues()
    possessive = [match for match in candidates if text[match.end:match.end + 2] in ("'s", "’s")]
    free = [match for match in candidates if match in possessive or not object_before.search(text[max(start, match.start - 12):match.start])]
    for match in free:
        if verb.match(text, match.end, end):
            return match
    return possessive[0] if possessive else (free[0] if free else None)


def assign_roles(text: str, start: int, end: int, actors: list[ActorMatch], source_span: tuple[int, int] | None) -> tuple[ActorMention, ...]:
    """The actors of text[start:end] with their roles, one entry per actor and role (first mention kept)."""
    before, after = _cues()
    found: list[ActorMention] = []
    seen: set[tuple[str, str]] = set()
    roles: dict[int, str] = {}
    inside = [match for match in actors if start <= match.start and match.end <= end]
    for index, match in enumerate(inside):
        if source_span and source_span[0] <= match.start and match.end <= source_span[1] and match.actor.kind != "place":
            roles[index] = "source"
        elif match.actor.role:
            roles[index] = match.actor.role
        elif match.actor.kind == "group":
            roles[index] = "affected"
        elif before.search(text[max(start, match.start - 30):match.start]) or after.match(text[match.end:min(end, match.end + 40)]):
            roles[index] = "affected"
    candidates = [m for i, m in enumerate(inside) if i not in roles and m.actor.kind in _AGENT_KINDS and m.form != "demonym"]
    agent = _agent(text, start, end, candidates)
    for index, match in enumerate(inside):
        role = roles.get(index) or ("agent" if match is agent else "mentioned")
        if (match.actor.key, role) in seen:
            continue
        seen.add((match.actor.key, role))
        found.append(
            ActorMention(
                key=match.actor.key,
                name=match.actor.name,
                kind=match.actor.kind,
                role=role,
                start=match.start,
                end=match.end,
                text=match.text,
                country=match.actor.country,
            )
        )
    return tuple(found)
