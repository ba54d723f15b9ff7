"""Topic words and overlap measures."""

from __future__ import annotations

from timeline.text.topic import containment, shingles, topic_words


def test_topic_words_drop_function_words_and_stem() -> None:
    assert topic_words("The Kremlin has recruited students, officials said.") == ["kremli", "recrui", "studen", "offici"]


def test_shingles_and_containment() -> None:
    first = shingles(["a", "b", "c"])
    assert first == {("a", "b"), ("b", "c")}
    assert containment(first, {("a", "b")}) == 1.0
    assert containment(set(), first) == 0.0
