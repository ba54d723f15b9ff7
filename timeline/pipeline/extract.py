"""Extraction: a pure function from one document to its segments, mentions and events."""

from __future__ import annotations

from timeline.domain import Extraction, Segment, SourceDocument
from timeline.events.extract import extract_events
from timeline.temporal import tag
from timeline.text.sentences import split_sentences


def segment_document(document: SourceDocument) -> tuple[Segment, ...]:
    """The document's segments; the whole text is body until finer segmentation applies."""
    return (Segment(0, len(document.text), "body"),)


def extract(document: SourceDocument) -> Extraction:
    """Segments, sentences, temporal mentions and events of one document."""
    text = document.text
    segments = segment_document(document)
    sentences = tuple(sentence for segment in segments for sentence in split_sentences(text, segment.start, segment.end))
    mentions = tuple(tag(text, document.published))
    events = tuple(extract_events(text, sentences, mentions, segments, document.published))
    return Extraction(document=document, segments=segments, sentences=sentences, mentions=mentions, events=events)
