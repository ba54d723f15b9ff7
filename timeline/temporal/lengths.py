"""Lengths that are not times: ages ("babies aged 9 months") and amounts of recorded material ("40 hours of footage")."""

from __future__ import annotations

from timeline.temporal.match import Candidate
from timeline.temporal.rules import vocabulary


def is_not_a_time(text: str, candidate: Candidate) -> bool:
    """Whether a duration measures an age or an amount of material rather than a stretch of time."""
    if candidate.rule.type != "DURATION":
        return False
    if vocabulary("age_word", r"\b{}\s+$").search(text, max(0, candidate.start - 12), candidate.start):
        return True
    if candidate.frame.get("unit") not in ("hour", "minute", "second"):
        return False
    return vocabulary("material_noun", r"\s+of\s+(?:(?:the|new|raw|unseen|archival|recorded|live)\s+)?{}\b").match(
        text, candidate.end
    ) is not None
