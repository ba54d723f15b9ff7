"""The order of publication-date inference: dateline, near-duplicate, lower bound, unknown."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from timeline.domain import Extraction, PublicationDate


@dataclass(frozen=True)
class Reference:
    """A stored (or same-batch) document whose publication date is known: its body text and date."""

    name: str
    body: str
    published: PublicationDate


@dataclass(frozen=True)
class Inference:
    """An inferred publication date with its basis, and whether mentions may be resolved against it."""

    date: PublicationDate | None
    basis: str
    evidence: str
    resolves: bool = True


UNKNOWN = Inference(None, "unknown", "no dateline, near-duplicate or explicit date in the body", resolves=False)


def body_text(extraction: Extraction) -> str:
    """The text of a document's body segments, one paragraph per line."""
    text = extraction.document.text
    return "\n".join(text[part.start : part.end] for part in extraction.segments if part.kind == "body")


def infer_publication(extraction: Extraction, references: Iterable[Reference] = ()) -> Inference:
    """Infer the publication date of a document tagged without one, in the order of DESIGN.md."""
    from timeline.dating.bound import lower_bound
    from timeline.dating.dateline import dateline_date
    from timeline.dating.duplicates import duplicate_date

    for step in (
        lambda: dateline_date(extraction),
        lambda: duplicate_date(body_text(extraction), references),
        lambda: lower_bound(extraction),
    ):
        inference = step()
        if inference is not None:
            return inference
    return UNKNOWN
