"""Near-duplicates: a rewrite of a dated article inherits its date at the precision the overlap supports."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from timeline.dating.infer import Inference, Reference
from timeline.domain import PublicationDate
from timeline.text.topic import containment, shingles, topic_words

# Share of the shorter text's content-word bigrams found in the other text.
# Rewrites of one story share about a third of them; articles on the same topic
# but a different story share under a sixth (measured on the seeds).
REWRITE_THRESHOLD = 0.25
# Above this the documents are copies of one another and the day itself is inherited.
COPY_THRESHOLD = 0.8
MIN_SHINGLES = 20


@lru_cache(maxsize=4096)
def phrasing(text: str) -> frozenset[tuple[str, ...]]:
    """The content-word bigrams of a text (cached: references are compared with every undated document)."""
    return frozenset(shingles(topic_words(text)))


def similarity(first: str, second: str) -> float:
    """How much two texts share, as the overlap of their content-word bigrams (0 to 1)."""
    return containment(set(phrasing(first)), set(phrasing(second)))


def duplicate_date(body: str, references: Iterable[Reference]) -> Inference | None:
    """The date inherited from the most similar dated reference, if one is a rewrite or a copy."""
    own = phrasing(body)
    if len(own) < MIN_SHINGLES:
        return None
    best: tuple[float, Reference] | None = None
    for reference in references:
        score = containment(own, phrasing(reference.body))
        if score >= REWRITE_THRESHOLD and (best is None or score > best[0]):
            best = (score, reference)
    if best is None:
        return None
    score, reference = best
    date = inherited(reference.published, copy=score >= COPY_THRESHOLD)
    kind = "copy" if score >= COPY_THRESHOLD else "rewrite"
    return Inference(date, "duplicate", f"{kind} of {reference.name} ({score:.0%} shared phrasing), dated {reference.published}")


def inherited(published: PublicationDate, *, copy: bool) -> PublicationDate:
    """A copy keeps the reference's day; a rewrite may appear days later, so it keeps only the month."""
    if copy or published.month is None:
        return published
    return PublicationDate(published.year, published.month)
