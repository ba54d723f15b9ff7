"""JSON Lines: one article per line, `text` plus optional `published`, `url`, `title`, `source`."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from timeline.domain import PublicationDate, SourceDocument

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
OPTIONAL_FIELDS = ("published", "url", "title", "source")


@dataclass(frozen=True)
class JsonLine:
    """One line read: its number and a document, or the reason it was refused."""

    line: int
    document: SourceDocument | None = None
    error: str | None = None


def read_json_lines(data: bytes, name: str | None, max_bytes: int) -> Iterator[JsonLine]:
    """Yield one document per non-blank line of `data`; a bad line is reported with its number."""
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield JsonLine(number, error=f"line is {len(raw) / 1_048_576:.1f} MB, above the {max_bytes / 1_048_576:.1f} MB limit (raise it with --max-size)")
            continue
        try:
            yield JsonLine(number, document=_document(raw, name, number))
        except ValueError as error:
            yield JsonLine(number, error=str(error))


def _document(raw: bytes, name: str | None, number: int) -> SourceDocument:
    try:
        record = json.loads(raw.decode("utf-8-sig") if number == 1 else raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8: {error}") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no 'text' (a non-empty string)")
    fields = {}
    for key in OPTIONAL_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{key}' must be a string, found {type(value).__name__}")
        fields[key] = value.strip() if isinstance(value, str) and value.strip() else None
    published = None
    if fields["published"]:
        try:
            published = PublicationDate.parse(fields["published"][:10])
        except ValueError as error:
            raise ValueError(f"published {error}") from None
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return SourceDocument(
        text=text,
        path=f"{name}:{number}" if name else None,
        published=published,
        published_basis="given" if published else "unknown",
        published_evidence=f"JSON Lines line {number}, field 'published'" if published else None,
        source=fields["source"],
        url=fields["url"],
        title=fields["title"],
        encoding="utf-8",
        media_type="application/x-ndjson",
    )
