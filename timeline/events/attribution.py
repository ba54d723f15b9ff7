"""Attribution: who says so — "the British Ministry of Defence said", "according to European officials"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.events.gazetteer import ActorMatch
from timeline.events.vocabulary import alternation, load


@dataclass(frozen=True)
class Attribution:
    """The words saying who says so, their span, and the actor named in them (if any)."""

    start: int
    end: int
    text: str
    source: str
    actor: ActorMatch | None = None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    data = load("attribution")
    after = re.compile(r"(?<![\w])(?:" + alternation(data["source_after"]) + r")\s+", re.IGNORECASE)
    verbs = re.compile(r"(?<![\w])(?:" + alternation(data["verbs"]) + r")(?![\w])")
    return after, verbs, tuple(data["subject_stops"])


@lru_cache(maxsize=1)
def _inverted_verbs() -> frozenset[str]:
    return frozenset(load("attribution")["inverted_verbs"])


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(load("attribution")["function_words"])


def find_attribution(text: str, start: int, end: int, actors: list[ActorMatch]) -> Attribution | None:
    """The attribution of text[start:end]: a phrase naming its source, with the source actor when the gazetteer knows it."""
    after, verbs, stops = _patterns()
    match = after.search(text, start, end)
    if match is not None:
        phrase_end = _phrase_end(text, match.end(), end, stops)
        actor = _first_actor(actors, match.end(), phrase_end)
        if actor is not None and (actor.start - match.end() > 30 or actor.form == "demonym"):
            actor = None
        general = match.group().lower().startswith("according")
        source = actor.actor.name if actor else (_clean(text[match.end():phrase_end]) if general else "")
        if actor is not None:
            phrase_end = actor.end
        if source:
            return Attribution(match.start(), phrase_end, text[match.start():phrase_end].strip(), source, actor)
    for verb in verbs.finditer(text, start, end):
        if _passive(text, start, verb.start()):
            continue
        attribution = _subject_of(text, start, end, verb, actors, stops)
        if attribution is not None:
            return attribution
    return None


@lru_cache(maxsize=1)
def _passive_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + alternation(load("attribution")["passive_before"]) + r")\s+$", re.IGNORECASE)


def _passive(text: str, start: int, position: int) -> bool:
    """True when the verb at `position` is passive ("was reported"): it says nothing of who reports."""
    return bool(_passive_pattern().search(text, max(start, position - 12), position))


def _subject_of(text: str, start: int, end: int, verb: re.Match[str], actors: list[ActorMatch], stops: tuple[str, ...]) -> Attribution | None:
    subject_start = _subject_start(text, start, verb.start(), stops)
    actor = _last_actor(actors, subject_start, verb.start())
    if actor is not None:
        return Attribution(subject_start, verb.end(), text[subject_start:verb.end()].strip(), actor.actor.name, actor)
    before = text[max(start, verb.start() - 2):verb.start()]
    if ("," in before or verb.start() - start < 2) and verb.group() in _inverted_verbs():
        phrase_end = _phrase_end(text, verb.end(), end, stops)
        actor = _first_actor(actors, verb.end(), phrase_end)
        if actor is not None:
            return Attribution(verb.start(), phrase_end, text[verb.start():phrase_end].strip(), actor.actor.name, actor)
        words = _clean(text[verb.end():phrase_end])
        if words and len(words.split()) <= 5:
            return Attribution(verb.start(), phrase_end, text[verb.start():phrase_end].strip(), words, None)
    words = _clean(text[subject_start:verb.start()])
    if words and len(words.split()) <= 5 and not re.fullmatch(r"(?i)(?:it|he|she|they|we|i|you|this|that|which|who)", words):
        return Attribution(subject_start, verb.end(), text[subject_start:verb.end()].strip(), words, None)
    return None


def _subject_start(text: str, start: int, position: int, stops: tuple[str, ...]) -> int:
    window_start = max(start, position - 80)
    window = text[window_start:position]
    cut = max((window.rfind(stop) + len(stop) for stop in stops if stop in window), default=0)
    return window_start + cut


def _phrase_end(text: str, position: int, end: int, stops: tuple[str, ...]) -> int:
    window = text[position:min(end, position + 80)]
    cut = min((window.find(stop) for stop in stops if stop in window), default=len(window))
    return position + cut


_NEVER_SOURCES = frozenset({"region", "place"})


def _first_actor(actors: list[ActorMatch], start: int, end: int) -> ActorMatch | None:
    inside = [actor for actor in actors if start <= actor.start and actor.end <= end and actor.actor.kind not in _NEVER_SOURCES]
    return inside[0] if inside else None


def _last_actor(actors: list[ActorMatch], start: int, end: int) -> ActorMatch | None:
    inside = [actor for actor in actors if start <= actor.start and actor.end <= end and actor.actor.kind not in _NEVER_SOURCES]
    return inside[-1] if inside else None


def _clean(words: str) -> str:
    tokens = re.sub(r"\s+", " ", words).strip(" ,;:.\"“”'’").split(" ")
    while tokens and tokens[0].lower() in _function_words():
        tokens.pop(0)
    return " ".join(tokens)
