"""What the rules' patterns are read into (their prefixes, whether they can match nothing), kept on disk between runs.

Reading 130 patterns into those facts takes a tenth of a second, a large share of a short `timeline tag`; the facts
depend only on the patterns' text and on the code that reads them, so they are computed once and kept in a JSON
file per rule set, with a hash of both that must agree. The directory is `$TIMELINE_CACHE`, else `$XDG_CACHE_HOME/timeline`, else
`~/.cache/timeline`; `TIMELINE_CACHE=off` keeps nothing. A file that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from timeline.temporal import prefilter

_READER = Path(prefilter.__file__)


class PatternFacts(NamedTuple):
    """A pattern's prefixes (canonical, at most `length` characters) and whether it can match the empty string."""

    prefixes: frozenset[str]
    matches_empty: bool


def pattern_facts(patterns: Iterable[str], length: int, keep_as: str | None = None) -> dict[str, PatternFacts]:
    """The facts of every pattern; with `keep_as` (a rule set's name), from the file kept under that name when it
    holds these patterns' facts, else read now and kept there."""
    wanted = sorted(set(patterns))
    directory = cache_directory() if keep_as else None
    path = directory / f"pattern-facts-{keep_as}.json" if directory is not None else None
    key = _key(wanted, length) if path is not None else None
    facts = _read(path, key) if path is not None and key is not None else None
    if facts is None or set(facts) != set(wanted):
        facts = {pattern: _read_pattern(pattern, length) for pattern in wanted}
        if path is not None and key is not None:
            _write(path, key, facts)
    return facts


def _read_pattern(pattern: str, length: int) -> PatternFacts:
    return PatternFacts(frozenset(prefilter.prefixes(pattern, length)), prefilter.can_match_empty(pattern))


def cache_directory() -> Path | None:
    """Where the facts are kept, or None when keeping them is switched off."""
    configured = os.environ.get("TIMELINE_CACHE")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline"


def _key(patterns: list[str], length: int) -> str | None:
    """A hash of the patterns and of the code that reads them."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]}|{length}|".encode())
    try:
        digest.update(_READER.read_bytes())  # the code that reads patterns: a change makes a new file
    except OSError:
        return None
    for pattern in patterns:
        digest.update(pattern.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _read(path: Path, key: str) -> dict[str, PatternFacts] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return {pattern: PatternFacts(frozenset(prefixes), bool(empty)) for pattern, (prefixes, empty) in data["facts"].items()}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def _write(path: Path, key: str, facts: dict[str, PatternFacts]) -> None:
    data = {"key": key, "facts": {pattern: [sorted(fact.prefixes), fact.matches_empty] for pattern, fact in facts.items()}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
            json.dump(data, out)
        os.replace(out.name, path)  # whole or not at all, whoever else writes the same file
    except OSError:
        try:
            os.unlink(out.name)
        except (OSError, UnboundLocalError):
            pass
