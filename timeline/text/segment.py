"""Split a document into segments: title, body, boilerplate, caption and appended teasers."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from timeline.domain import Segment
from timeline.text.furniture import load_furniture
from timeline.text.topic import topic_words

HEADLINE_WORDS = 30
HEADING_WORDS = 10
TITLE_SIMILARITY = 85
# Teasers: paragraphs after the article whose words seldom recur in the rest of the page.
TEASER_MIN_PARAGRAPHS = 4
TEASER_MAX_SHARE = 0.4
OFF_TOPIC = 0.08
OFF_TOPIC_WHEN_CUT = 0.15
TEASER_MIN_WORDS = 15
# Hard-wrapped text (e-mail, Markdown, plain-text archives): lines between these widths.
WRAP_MIN = 40
WRAP_MAX = 100
_LIST_OR_HEADING = re.compile(r"^\s*(?:[-*+>#•|]|\d+[.)]\s)")
_SENTENCE_END = re.compile(r"[.!?…\"'”’»)\]*:;]\s*$")


@dataclass
class _Paragraph:
    start: int
    end: int
    text: str
    kind: str = "body"
    reason: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))


def segment_text(text: str, title: str | None = None) -> tuple[Segment, ...]:
    """Segments of `text`, one per paragraph (non-empty line) or part of one, each with its kind and the reason for it.

    Furniture inside a paragraph ("… kills himself © 2017 Example Media Group.") is a segment of
    its own, and the words around it stay a paragraph of their own.
    """
    paragraphs = _split_inline_furniture(_paragraphs(text))
    _mark_furniture(paragraphs)
    paragraphs = _split_dateline(paragraphs)
    _mark_titles(paragraphs, title)
    _mark_headings(paragraphs)
    _mark_teasers(paragraphs)
    return tuple(Segment(part.start, part.end, part.kind, part.reason) for part in paragraphs)


def _paragraphs(text: str) -> list[_Paragraph]:
    """Each line is a paragraph, except in blocks of hard-wrapped prose, which are one paragraph each."""
    paragraphs = []
    for block in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        lines = [line for line in re.finditer(r"[^\n]+", block.group()) if line.group().strip()]
        if _is_wrapped([line.group().strip() for line in lines]):
            _append_paragraph(paragraphs, text, block.start(), block.end())
            continue
        for line in lines:
            _append_paragraph(paragraphs, text, block.start() + line.start(), block.start() + line.end())
    return paragraphs


def _append_paragraph(paragraphs: list[_Paragraph], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        paragraphs.append(_Paragraph(start, end, text[start:end]))


def _split_inline_furniture(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    furniture = load_furniture()
    if not furniture.inline:
        return paragraphs
    pieces: list[_Paragraph] = []
    for part in paragraphs:
        spans = furniture.inline_spans(part.text)
        if not spans:
            pieces.append(part)
            continue
        cursor = 0
        for span in spans:
            _append_piece(pieces, part, cursor, span.start)
            pieces.append(_Paragraph(part.start + span.start, part.start + span.end, part.text[span.start : span.end], span.kind, span.reason))
            cursor = span.end
        _append_piece(pieces, part, cursor, len(part.text))
    return pieces


def _split_dateline(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """The dateline opening the article's first paragraphs ("WASHINGTON (AP) — "), as a segment of its own."""
    furniture = load_furniture()
    for index, part in enumerate(paragraphs):
        if part.kind != "body":
            continue
        length = furniture.dateline_at(part.text)
        if length:
            dateline = _Paragraph(part.start, part.start + length, part.text[:length].rstrip(), "dateline", "dateline opening the article")
            dateline.end = dateline.start + len(dateline.text)
            rest: list[_Paragraph] = []
            _append_piece(rest, part, length, len(part.text))
            return [*paragraphs[:index], dateline, *rest, *paragraphs[index + 1 :]]
        if _is_prose(part):
            break
    return paragraphs


def _append_piece(pieces: list[_Paragraph], part: _Paragraph, start: int, end: int) -> None:
    """The stretch part.text[start:end] as a paragraph of its own, trimmed; nothing when it is blank or bare punctuation."""
    text = part.text
    while start < end and (text[start].isspace() or text[start] in "-–—|•:;,"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(character.isalnum() for character in text[start:end]):
        pieces.append(_Paragraph(part.start + start, part.start + end, text[start:end]))


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: several lines of similar width, all but the last long, none a list item or heading."""
    if len(lines) < 2 or any(_LIST_OR_HEADING.match(line) for line in lines):
        return False
    widths = [len(line) for line in lines[:-1]]
    if min(widths) < WRAP_MIN or max(len(line) for line in lines) > WRAP_MAX:
        return False
    return any(not _SENTENCE_END.search(line) for line in lines[:-1])


def _mark_furniture(paragraphs: list[_Paragraph]) -> None:
    furniture = load_furniture()
    for part in paragraphs:
        found = furniture.classify(part.text)
        if found is not None:
            part.kind, part.reason = found
    for part, following in zip(paragraphs, paragraphs[1:]):
        if part.kind == "boilerplate" and following.kind == "body" and furniture.opens_box(part.text):
            if following.words <= furniture.box_words:
                following.kind, following.reason = "boilerplate", f"under the heading {part.text.strip()!r}"
    for part, following in zip(paragraphs, paragraphs[1:]):
        if part.kind == "body" and following.kind == "caption" and not part.ends_sentence:
            if following.text.lower().startswith(part.text.lower()[:40]):
                part.kind, part.reason = "caption", "image text repeated by the caption that follows"


def _is_prose(part: _Paragraph) -> bool:
    return (part.ends_sentence and part.words >= 6) or part.words > HEADLINE_WORDS


def _mark_titles(paragraphs: list[_Paragraph], title: str | None) -> None:
    from rapidfuzz import fuzz

    leading = any(part.kind == "body" and _is_prose(part) for part in paragraphs)
    for part in paragraphs:
        if part.kind != "body":
            continue
        if title and _matches_title(part, title, fuzz):
            part.kind, part.reason = "title", "matches the document's title"
        elif leading and not _is_prose(part):
            part.kind, part.reason = "title", "headline before the article text"
        elif _is_prose(part):
            leading = False


def _matches_title(part: _Paragraph, title: str, fuzz) -> bool:  # type: ignore[no-untyped-def]
    """The page's headline, perhaps with the site name added; not a sentence that repeats its words."""
    if part.words > min(HEADLINE_WORDS, 2 * len(title.split()) + 4):
        return False
    text, title = part.text.lower(), title.lower()
    if fuzz.ratio(text, title) >= TITLE_SIMILARITY:
        return True
    return not part.ends_sentence and fuzz.token_set_ratio(text, title) >= TITLE_SIMILARITY


def _mark_headings(paragraphs: list[_Paragraph]) -> None:
    if not any(part.kind == "body" and part.ends_sentence for part in paragraphs):
        return
    for part in paragraphs:
        if part.kind == "body" and part.words <= HEADING_WORDS and not part.ends_sentence:
            part.kind, part.reason = "boilerplate", "short line without a sentence (heading or page furniture)"


def _mark_teasers(paragraphs: list[_Paragraph]) -> None:
    body = [part for part in paragraphs if part.kind == "body"]
    if len(body) < TEASER_MIN_PARAGRAPHS:
        return
    words = [topic_words(part.text) for part in body]
    spread = Counter(word for paragraph in words for word in set(paragraph))
    totals = Counter(word for paragraph in words for word in paragraph)
    total_square = sum(count * count for count in totals.values())
    limit = int(len(body) * TEASER_MAX_SHARE)
    for index in range(len(body) - 1, len(body) - 1 - limit, -1):
        part, own = body[index], words[index]
        if not own:
            break
        score = topic_score(own, spread, totals, total_square)
        cut = not part.ends_sentence
        if not ((cut and score < OFF_TOPIC_WHEN_CUT) or (len(set(own)) >= TEASER_MIN_WORDS and score < OFF_TOPIC)):
            break
        details = [f"off-topic: topic score {score:.2f} against the page", "after the article"]
        if cut:
            details.append("cut off mid-sentence")
        part.kind, part.reason = "teaser", ", ".join(details)


def topic_score(own: list[str], spread: Counter[str], totals: Counter[str], total_square: int | None = None) -> float:
    """How much a paragraph shares the page's topic (0 to 1), measured against the rest of the page.

    The larger of two measures: the share of its distinct words found in at least two
    other paragraphs, and the cosine between its word counts and those of the rest.
    `totals` counts the words of the whole page, this paragraph included.
    """
    counts = Counter(own)
    recurring = sum(1 for word in counts if spread[word] - 1 >= 2) / len(counts)
    if total_square is None:
        total_square = sum(count * count for count in totals.values())
    dot = sum(count * (totals[word] - count) for word, count in counts.items())
    rest_square = total_square - sum(totals[word] ** 2 - (totals[word] - count) ** 2 for word, count in counts.items())
    norm = math.sqrt(sum(count * count for count in counts.values()) * rest_square)
    return max(recurring, dot / norm if norm else 0.0)
