"""The TIMEX JSONL document schema (`id`, `dct`, `text`, `timexes`): read, write, tag."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from timeline.domain import Mention, PublicationDate
from timeline.temporal.values import parse_value



class DocumentError(ValueError):
    """A JSONL line that is not a usable document; the message names the file and line."""


def read_documents(handle: TextIO, name: str = "<stdin>") -> Iterator[dict[str, Any]]:
    """The documents of a JSONL stream, checked for `id` and `text`; the first bad line raises DocumentError."""
    for item in iter_documents(handle, name):
        if isinstance(item, DocumentError):
            raise item
        yield item


def iter_documents(handle: TextIO, name: str = "<stdin>") -> Iterator[dict[str, Any] | DocumentError]:
    """Each line's document, or the DocumentError naming the line, so that a batch can go on past bad lines."""
    for number, line in enumerate(handle, 1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
        except json.JSONDecodeError as error:
            yield DocumentError(f"{name}:{number}: invalid JSON ({error})")
            continue
        if not isinstance(document, dict) or "id" not in document or not isinstance(document.get("text"), str):
            yield DocumentError(f"{name}:{number}: a document needs `id` and `text`")
            continue
        if document.get("dct") is not None:
            try:
                PublicationDate.parse(str(document["dct"]))
            except ValueError as error:
                yield DocumentError(f"{name}:{number}: bad dct: {error}")
                continue
        yield document


def load_documents(path: str | Path) -> list[dict[str, Any]]:
    """All documents of a JSONL file."""
    with open(path, encoding="utf-8") as handle:
        return list(read_documents(handle, str(path)))


def needs_anchor(mention: Mention) -> bool:
    """The schema's `anchor` flag: the value fixes a calendar year that the expression does not write."""
    value = parse_value(mention.value)
    year = value.year if value is not None and value.kind == "calendar" else ""
    return len(year) == 4 and year.isdigit() and year not in mention.text


def to_timex(mention: Mention) -> dict[str, Any]:
    """A mention in the JSONL timex schema."""
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "type": mention.type,
        "value": mention.value,
        "mod": mention.mod,
        "anchor": needs_anchor(mention),
    }


def tag_document(document: dict[str, Any], anchor: str = "news") -> dict[str, Any]:
    """The document with `timexes` replaced by the tagger's."""
    from timeline.temporal.tagger import tag

    dct = PublicationDate.parse(str(document["dct"])) if document.get("dct") else None
    tagged = dict(document)
    tagged["timexes"] = [to_timex(mention) for mention in tag(document["text"], dct, anchor)]
    return tagged


def dumps(document: dict[str, Any]) -> str:
    """One JSONL line."""
    return json.dumps(document, ensure_ascii=False)
