"""The facts read off the rules' patterns are kept on disk, and a kept file that does not fit is read anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal.pattern_facts import cache_directory, pattern_facts
from timeline.temporal.prefilter import KEY_LENGTH

PATTERNS = [r"(?:last|next)\s+week", r"[0-9]+\s+days?", r"(?:the\s+)?"]


def test_kept_facts_are_the_facts_read_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second reading comes from the file and says what the first said."""
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path))
    first = pattern_facts(PATTERNS, KEY_LENGTH, "test")
    assert (tmp_path / "pattern-facts-test.json").exists()
    assert first == pattern_facts(PATTERNS, KEY_LENGTH, "test")
    assert first[r"(?:the\s+)?"].matches_empty and not first[r"[0-9]+\s+days?"].matches_empty
    assert {"0 day", "0 days"} == set(first[r"[0-9]+\s+days?"].prefixes)


def test_a_damaged_or_stale_file_is_read_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that is not JSON, or holds other patterns' facts, is replaced."""
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path))
    (tmp_path / "pattern-facts-test.json").write_text("{not json", encoding="utf-8")
    facts = pattern_facts(PATTERNS, KEY_LENGTH, "test")
    assert facts == pattern_facts(PATTERNS[:2], KEY_LENGTH) | {PATTERNS[2]: facts[PATTERNS[2]]}
    assert set(pattern_facts(PATTERNS[:1], KEY_LENGTH, "test")) == {PATTERNS[0]}


def test_keeping_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TIMELINE_CACHE=off keeps nothing; an unwritable directory is no error."""
    monkeypatch.setenv("TIMELINE_CACHE", "off")
    assert cache_directory() is None
    assert pattern_facts(PATTERNS, KEY_LENGTH, "test")
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_CACHE", str(blocked / "below"))
    assert pattern_facts(PATTERNS, KEY_LENGTH, "test")
