"""Temporal tagging: find TIMEX3 expressions in text and resolve them against an explicit anchor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.temporal.values import interval_of, is_valid_value

if TYPE_CHECKING:
    from timeline.domain import Mention, PublicationDate
    from timeline.temporal.settings import Settings

__all__ = ["find_ranges", "interval_of", "is_valid_value", "tag"]


def tag(text: str, dct: PublicationDate | None, anchor: str = "news", settings: Settings | None = None) -> list[Mention]:
    """Every temporal expression in `text`, sorted by start, resolved against `dct` (news) or the story (narrative).

    `settings` changes the conventions of reading (`default_settings().replace(past_slack_days=60)`).
    """
    from timeline.temporal.tagger import tag as _tag

    return _tag(text, dct, anchor, settings=settings)


def find_ranges(text: str, mentions: list[Mention]) -> list:
    """The ranges ("from April 2023 to May 2024") among a text's mentions, each with its one interval."""
    from timeline.temporal.ranges import find_ranges as _find_ranges

    return _find_ranges(text, mentions)
