"""The words the merge compares: a sentence's content words, and a document's context (its names and title words)."""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.vocabulary import load

CONTEXT_SIZE = 64
"""At most this many context words are kept for a document (the first ones, in text order)."""

_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W_])?|\d[\d,]*(?:\.\d+)?")
_SENTENCE_BREAK = re.compile(r"[.!?:;\"“”()\[\]\n|–—]")


@lru_cache(maxsize=1)
def _ignored() -> tuple[frozenset[str], frozenset[str]]:
    words = load("merge")["words"]
    return frozenset(words["stopwords"].split()), frozenset(words["calendar"].split())


def _normal(word: str) -> str:
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def content_words(text: str) -> list[str]:
    """The words of a text that can tell one event from another: lower case, no stopwords, no calendar words."""
    return list(_content_words(text))


@lru_cache(maxsize=8192)
def _content_words(text: str) -> tuple[str, ...]:
    """`content_words`, kept for the sentences met again (a stored report is compared in many batches)."""
    stopwords, calendar = _ignored()
    words = (_normal(word) for word in _WORD.findall(text))
    return tuple(word for word in words if len(word) > 1 and word not in stopwords and word not in calendar)


def distinct_words(text: str) -> set[str]:
    """The distinct content words of a text (what the archive's word counts count)."""
    stopwords, calendar = _ignored()
    words = {_normal(word) for word in set(_WORD.findall(text.lower()))}
    return {word for word in words if len(word) > 1 and word not in stopwords and word not in calendar}


def names(text: str) -> list[str]:
    """The capitalised words inside sentences (a sentence's first word is capitalised anyway), lower case, in text order."""
    stopwords, calendar = _ignored()
    found = []
    for sentence in _SENTENCE_BREAK.split(text):
        words = _WORD.findall(sentence)
        for word in words[1:]:
            if word[0].isupper():
                word = _normal(word)
                if len(word) > 1 and word not in stopwords and word not in calendar:
                    found.append(word)
    return found


def document_context(title: str | None, text: str) -> tuple[str, ...]:
    """A document's context: its title's content words, then the names in its text, each once, at most CONTEXT_SIZE."""
    seen: dict[str, None] = {}
    for word in [*content_words(title or ""), *names(text)]:
        seen.setdefault(word, None)
        if len(seen) >= CONTEXT_SIZE:
            break
    return tuple(seen)
