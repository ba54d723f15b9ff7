"""Runs of capitalised words ("Harris County Sheriff's Office", "Joe Silva"), split where a name cannot go on.

One compiled regex finds the runs of a whole text; each is cut at words that are never part of a
name (weekdays, pronouns, sentence openers: "On Monday Ann Lee" -> "Ann Lee") and after a full
stop that ends a sentence rather than an abbreviation ("in Ohio. The" -> "Ohio").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from timeline.events.phrase_trie import trie_pattern
from timeline.events.vocabulary import load

CONNECTORS = frozenset({"of", "for", "de", "del", "la", "du", "van", "von", "der", "da", "dos", "the", "&"})
_UPPER = "A-ZÀ-ÖØ-Þ"
_CAPITALISED = rf"(?:[{_UPPER}]\.(?:[{_UPPER}]\.)+|(?:Mc|Mac|O['’]|D['’])?[{_UPPER}][\w'’-]*\.?)"
_GAP = r"[ \t\u00a0]"
_SEPARATOR = rf"(?:{_GAP}+(?:(?:of|for|de|del|la|du|van|von|der|da|dos|the){_GAP}+)*|{_GAP}*&{_GAP}*)"
_RUN_START = rf"(?<![\w'’-])(?<![{_UPPER}]\.)(?=[{_UPPER}])"
_RUN_REST = rf"{_CAPITALISED}(?:{_SEPARATOR}{_CAPITALISED})*"
_TOKEN = re.compile(rf"{_CAPITALISED}|&|[a-z]+")
_INITIALS = re.compile(rf"(?:[{_UPPER}]\.)+")
_SENTENCE_END = frozenset(".!?\n:;\"“”")


class Token(NamedTuple):
    """One word of a run, as written (a sentence's final full stop left out), with its offsets.

    `bare` is the word without a possessive ending ("County's" -> "County", "Davis’" -> "Davis");
    `lower` and `bare_lower` are the word and the bare word in lower case, with one apostrophe.
    """

    text: str
    start: int
    end: int
    bare: str
    lower: str
    bare_lower: str

    @property
    def connector(self) -> bool:
        """A lower-case word or ampersand inside a name ("of", "de", "&")."""
        return self.text in CONNECTORS


def token(text: str, start: int, end: int) -> Token:
    """A token with its bare and lower-case forms."""
    bare = text
    if len(text) > 3 and text[-1] in "'’s":
        for ending in ("'s", "’s", "'", "’"):
            if text.endswith(ending):
                bare = text[: -len(ending)]
                break
    lower = text.lower().replace("’", "'")
    return Token(text, start, end, bare, lower, lower if bare is text else bare.lower().replace("’", "'"))


class NameRun:
    """Capitalised words that may form one name, with whether the run opens a sentence.

    `start` and `end` are the offsets of its first and last word (a possessive ending included),
    `words` the words with single spaces, the last one without its possessive ending.
    """

    __slots__ = ("tokens", "opens_sentence", "start", "end", "words")

    def __init__(self, tokens: tuple[Token, ...], opens_sentence: bool) -> None:
        self.tokens = tokens
        self.opens_sentence = opens_sentence
        self.start = tokens[0].start
        self.end = tokens[-1].end
        self.words = tokens[0].bare if len(tokens) == 1 else " ".join([token.text for token in tokens[:-1]] + [tokens[-1].bare])

    def __repr__(self) -> str:
        return f"NameRun({self.words!r}, {self.start}, {self.end})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NameRun) and (self.tokens, self.opens_sentence) == (other.tokens, other.opens_sentence)

    def __hash__(self) -> int:
        return hash((self.tokens, self.opens_sentence))

    def part(self, first: int, last: int) -> NameRun:
        """Tokens first..last-1 as a run of their own."""
        return NameRun(self.tokens[first:last], self.opens_sentence and first == 0)


@dataclass(frozen=True)
class _Vocabulary:
    not_names: frozenset[str]
    abbreviations: frozenset[str]
    run: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    people = load("people")
    places = load("places")
    abbreviations = {title for title in people["titles"] if title.endswith(".")}
    abbreviations |= {word.rsplit(" ", 1)[-1] for word in people["titles"] if word.endswith(".")}
    abbreviations |= {suffix for suffix in people["words"]["suffixes"] if suffix.endswith(".")}
    abbreviations |= {name for name in places["state_abbreviations"] if " " not in name}
    abbreviations |= {"St.", "Mt.", "Ft.", "Co.", "Inc.", "Corp.", "Ltd.", "Dept.", "Bros.", "No."}
    not_names = frozenset(people["words"]["not_names"])
    # A run never starts with a word that is never part of a name ("The", "He"): the regex skips them itself.
    skipped = trie_pattern((word, r"(?![\w'’-])") for word in not_names).pattern.removeprefix(r"(?<![\w/])")
    run = re.compile(rf"{_RUN_START}(?!(?i:{skipped})){_RUN_REST}")
    return _Vocabulary(not_names, frozenset(abbreviations), run)


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[NameRun]:
    """The runs of capitalised words in text[start:end], each cut where a name cannot go on."""
    vocabulary = _vocabulary()
    end = len(text) if end is None else end
    runs: list[NameRun] = []
    for match in vocabulary.run.finditer(text, start, end):
        opens = _opens_sentence(text, match.start())
        written = match.group()
        if " " not in written and "&" not in written and written[-1] != "." and "\t" not in written and "\u00a0" not in written:
            single = token(written, match.start(), match.end())
            if single.bare not in vocabulary.not_names and not (written.isupper() and written.title() in vocabulary.not_names):
                runs.append(NameRun((single,), opens))
            continue
        current: list[Token] = []
        for word in _TOKEN.finditer(text, match.start(), match.end()):
            written = word.group()
            stops = False
            if written[-1] == "." and written not in vocabulary.abbreviations and not _INITIALS.fullmatch(written):
                written = written[:-1]
                stops = True
            current_token = token(written, word.start(), word.start() + len(written))
            if current_token.bare in vocabulary.not_names or (current_token.text.isupper() and current_token.text.title() in vocabulary.not_names):
                _close(runs, current, opens)
                current, opens = [], False
            else:
                current.append(current_token)
            if stops:
                _close(runs, current, opens)
                current, opens = [], True
        _close(runs, current, opens)
    return runs


def _close(runs: list[NameRun], tokens: list[Token], opens: bool) -> None:
    while tokens and tokens[-1].connector:
        tokens.pop()
    first = 0
    while first < len(tokens) and tokens[first].connector:
        first += 1
    if first < len(tokens):
        runs.append(NameRun(tuple(tokens[first:]), opens and first == 0))


def _opens_sentence(text: str, position: int) -> bool:
    """True when only spaces, quotes or brackets stand between `position` and a sentence end (or the text's start)."""
    index = position - 1
    while index >= 0 and text[index] in " \t\u00a0\"“‘'(":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END
