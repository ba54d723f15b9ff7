"""What a search binds: a LIKE pattern for a substring, an FTS5 query for words (plain text, no SQL library)."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def like_pattern(value: str) -> str:
    """A case-insensitive LIKE pattern matching `value` anywhere, with `%`, `_` and `\\` escaped."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts5_query(words: str) -> str | None:
    """An FTS5 query in which every word of `words` must appear (each quoted, so no operator is run)."""
    tokens = _WORD.findall(words)
    return " ".join(f'"{token}"' for token in tokens) if tokens else None


def search_kind(dialect: str, has_fts5: bool, words: str) -> str:
    """How a database searches `words`: `fts` (SQLite FTS5), `postgresql` (its full-text search) or `like` (a substring)."""
    if dialect == "sqlite" and has_fts5 and fts5_query(words) is not None:
        return "fts"
    if dialect == "postgresql":
        return "postgresql"
    return "like"
