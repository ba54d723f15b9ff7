"""People from titles and capitalised names: which runs of words name a person, and the person's stable key."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from timeline.events.names import NameRun, Token
from timeline.events.phrase_trie import trie_pattern
from timeline.events.places import slug
from timeline.events.vocabulary import alternation, load

MAX_NAME_WORDS = 4


@dataclass(frozen=True)
class PeopleVocabulary:
    """The words of data/people.toml and data/given_names.txt, compiled."""

    titles: dict[tuple[str, ...], str]
    title_starts: frozenset[str]
    longest_title: int
    title_organisations: dict[str, str]
    roles: frozenset[str]
    role_before: re.Pattern[str]
    verb_after: re.Pattern[str]
    verb_before: re.Pattern[str]
    suffixes: frozenset[str]
    given_names: frozenset[str]
    not_person: frozenset[str]
    place_noun_after: re.Pattern[str]


_AGE_AFTER = re.compile(r"(?:,\s*\(?\d{1,3}\)?\s*[,.;]|\s+\(\d{1,3}\))")
_AGE_BEFORE = re.compile(r"\d{1,3}-year-old\s+$")


@lru_cache(maxsize=1)
def people_vocabulary() -> PeopleVocabulary:
    """The compiled vocabulary, once per process."""
    data = load("people")
    words = data["words"]
    titles = {tuple(title.split()): title for title in data["titles"]}
    given = resources.files("timeline.events").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    names = frozenset(word for line in given.splitlines() if not line.startswith("#") for word in line.split())
    return PeopleVocabulary(
        titles=titles,
        title_starts=frozenset(words[0] for words in titles),
        longest_title=max(len(title) for title in titles),
        title_organisations=dict(data["title_organisations"]),
        roles=frozenset(role for role in words["roles"] if " " not in role),
        role_before=re.compile(r"(?<![\w-])(?:" + trie_pattern((role, "") for role in words["roles"]).pattern + r")\s+$", re.IGNORECASE),
        verb_after=re.compile(r"\s+(?:" + alternation(words["verbs"]) + r")\b"),
        verb_before=re.compile(r"(?:" + alternation(words["verbs"]) + r")\s+$"),
        suffixes=frozenset(words["suffixes"]),
        given_names=names,
        not_person=frozenset(words["not_person"]),
        place_noun_after=re.compile(r"\s+(?:" + alternation(words["place_nouns"]) + r")\b"),
    )


def title_at(run: NameRun, index: int) -> str | None:
    """The longest title that starts at token `index` of the run."""
    vocabulary = people_vocabulary()
    if run.tokens[index].text not in vocabulary.title_starts:
        return None
    texts = [token.text for token in run.tokens]
    for length in range(min(vocabulary.longest_title, len(texts) - index), 0, -1):
        title = vocabulary.titles.get(tuple(texts[index:index + length]))
        if title is not None:
            return title
    return None


def name_tokens(tokens: tuple[Token, ...]) -> tuple[Token, ...] | None:
    """The tokens as a person's name (a suffix such as "Jr." included), or None when they cannot be one."""
    vocabulary = people_vocabulary()
    words = [token for token in tokens if token.text not in vocabulary.suffixes]
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    for token in tokens:
        if token.connector or token.bare in vocabulary.not_person or (len(token.text) > 1 and token.text.isupper() and "." not in token.text):
            return None
    if tokens[-1].text not in vocabulary.suffixes and tokens[-1].text.endswith("."):
        return None
    return tokens


def looks_like_person(text: str, run: NameRun) -> bool:
    """True when the words around a run say it names a person: a role noun or age before, an age or a reporting verb after."""
    vocabulary = people_vocabulary()
    before = text[max(0, run.start - 40):run.start]
    after_end = run.end
    if vocabulary.place_noun_after.match(text, after_end):
        return False
    return bool(
        vocabulary.role_before.search(before)
        or _AGE_BEFORE.search(before)
        or _AGE_AFTER.match(text, after_end)
        or vocabulary.verb_after.match(text, after_end)
        or vocabulary.verb_before.search(before)
        or run.tokens[-1].text in vocabulary.suffixes
    )


def starts_with_given_name(tokens: tuple[Token, ...]) -> bool:
    """True when the first word is a given name."""
    return tokens[0].text in people_vocabulary().given_names


def is_role(token: Token) -> bool:
    """True when a capitalised word is a role noun ("Neighbor" opening a sentence)."""
    return token.text.lower() in people_vocabulary().roles


def person_name(tokens: tuple[Token, ...]) -> str:
    """The display name: the words as written, without a possessive ending."""
    return " ".join([token.text for token in tokens[:-1]] + [tokens[-1].bare])


def person_key(tokens: tuple[Token, ...]) -> str:
    """The key of a person: the full name without initials ("John F. Smith Jr." -> "john-smith-jr")."""
    kept = [token.bare if index == len(tokens) - 1 else token.text for index, token in enumerate(tokens)]
    words = [word for word in kept if not re.fullmatch(r"[A-Z]\.?", word)]
    return slug(" ".join(words))[:64]
