"""Extraction: a pure function from one document to its segments, mentions and events."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from timeline.dating import Reference, infer_publication
from timeline.dating.infer import body_text
from timeline.domain import Extraction, Segment, SourceDocument
from timeline.events.extract import extract_events
from timeline.query.eras import add_period_mentions
from timeline.query.periods import Period
from timeline.temporal import tag
from timeline.text.segment import segment_text
from timeline.text.sentences import segment_sentences
from timeline.store.writer import DocumentRows, document_rows


def segment_document(document: SourceDocument) -> tuple[Segment, ...]:
    """The document's segments: title, body, boilerplate, caption and teaser paragraphs."""
    return segment_text(document.text, document.title)


_NOT_A_LINE_BREAK = re.compile(r"[^\n]")
_DIGIT = re.compile(r"\d")
TAGGED_KINDS = frozenset({"title", "body"})
"""The segments tagged together, each expression anchoring the next: page furniture, captions and teasers
are tagged apart, so that they date nothing and anchor nothing of the article."""


def _without_digits(text: str, segments: Sequence[Segment]) -> frozenset[str]:
    """The kinds of segments none of which holds a digit: furniture without a number holds no date worth keeping."""
    kinds = {segment.kind for segment in segments if segment.kind not in TAGGED_KINDS}
    return frozenset(kind for kind in kinds if not any(
        _DIGIT.search(text, segment.start, segment.end) for segment in segments if segment.kind == kind
    ))


def readable_text(text: str, segments: Sequence[Segment], hidden: frozenset[str] | None = None) -> str:
    """The text with the segments of the `hidden` kinds (default: all but title and body) blanked out.

    The result has the same length (offsets hold) and keeps line breaks; it is `text` itself when nothing is hidden.
    """
    blank = [segment for segment in segments if (segment.kind in hidden if hidden is not None else segment.kind not in TAGGED_KINDS)]
    if not blank:
        return text
    pieces: list[str] = []
    cursor = 0
    for segment in sorted(blank, key=lambda segment: segment.start):
        pieces.append(text[cursor : segment.start])
        pieces.append(_NOT_A_LINE_BREAK.sub(" ", text[segment.start : segment.end]))
        cursor = segment.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def extract(document: SourceDocument, periods: Sequence[Period] = ()) -> Extraction:
    """Segments, sentences, temporal mentions and events of one document.

    `periods` are the named eras whose phrases ("since the start of the full-scale
    invasion") resolve to dates through the same table as `timeline show --era`.
    """
    text = document.text
    segments = segment_document(document)
    readable = readable_text(text, segments)
    mentions = add_period_mentions(readable, tag(readable, document.published), periods, document.published)
    aside = readable_text(text, segments, TAGGED_KINDS | _without_digits(text, segments))
    if aside is not text and not aside.isspace():
        mentions = sorted([*mentions, *tag(aside, document.published)], key=lambda mention: (mention.start, mention.end))
    mentions = tuple(mentions)
    sentences = tuple(sentence for segment in segments for sentence in segment_sentences(text, segment, mentions))
    events = tuple(extract_events(text, sentences, mentions, segments, document.published))
    return Extraction(document=document, segments=segments, sentences=sentences, mentions=mentions, events=events)


def extract_rows(document: SourceDocument, periods: Sequence[Period] = ()) -> Extraction | DocumentRows:
    """Extract a dated document straight into the rows the writer stores (plain tuples, cheap to send between processes).

    An undated document stays an Extraction: its date is inferred after tagging (`date_undated`).
    """
    extraction = extract(document, periods)
    return extraction if document.published is None else document_rows(extraction)


def date_undated(extraction: Extraction, references: list[Reference], periods: Sequence[Period] = ()) -> Extraction:
    """Infer a missing publication date after tagging, then resolve the text again against it.

    A date inferred from a dateline or a near-duplicate becomes the DCT; a lower
    bound is recorded as the document's date but mentions stay unanchored.
    A newly dated document joins `references`, so later ones in the batch can inherit from it.
    """
    if extraction.document.published is not None:
        return extraction
    inference = infer_publication(extraction, references)
    if inference.date is None:
        return replace(extraction, document=replace(extraction.document, published_evidence=inference.evidence))
    document = replace(
        extraction.document, published=inference.date, published_basis=inference.basis, published_evidence=inference.evidence
    )
    if not inference.resolves:
        return replace(extraction, document=document)
    dated = extract(document, periods)
    references.append(Reference(document.path or document.url or "stdin", body_text(dated), inference.date))
    return dated
