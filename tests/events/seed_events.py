"""Helpers: the events of one seed, extracted in this process from its text and manifest date."""

from __future__ import annotations

from functools import lru_cache

from timeline.domain import Event, Extraction, PublicationDate, SourceDocument
from timeline.pipeline.extract import extract

from tests.conftest import SEEDS

PUBLISHED = {"000": "2024-06", "001": "2024-06-10", "002": "2024-06-10", "003": "2024-12", "004": "2025-04-27"}


@lru_cache(maxsize=None)
def extraction_of(seed: str) -> Extraction:
    """The extraction of seed `000`…`004` with its publication date."""
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    document = SourceDocument(text=path.read_text(encoding="utf-8"), path=str(path), published=PublicationDate.parse(PUBLISHED[seed]))
    return extract(document)


def events_with(seed: str, words: str) -> list[Event]:
    """The events of a seed whose text (spaces normalised) contains `words`."""
    return [event for event in extraction_of(seed).events if words in " ".join(event.text.split())]
