"""Counted words in English: "1 source", "2 sources", "1 entry", "3 entries"."""

from __future__ import annotations

IRREGULAR = {"entry": "entries", "century": "centuries", "country": "countries", "this": "these"}


def plural(count: int, word: str) -> str:
    """The word in the number `count` calls for.

    >>> plural(1, "source"), plural(2, "source"), plural(0, "entry"), plural(1, "entry")
    ('source', 'sources', 'entries', 'entry')
    """
    if count == 1:
        return word
    return IRREGULAR.get(word, word + "s")


def counted(count: int, word: str) -> str:
    """`1 source`, `2 sources`, `5,746 entries`.

    >>> counted(1, "source"), counted(5746, "entry")
    ('1 source', '5,746 entries')
    """
    return f"{count:,} {plural(count, word)}"
