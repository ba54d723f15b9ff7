"""A front-matter block opening a Markdown or text file: `---`, `key: value` lines, `---`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FENCE = "---"
MAX_BLOCK_LINES = 60
KNOWN_KEYS = ("published", "date", "title", "source", "url")
_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class FrontMatter:
    """The fields of a front-matter block, with the line number of each, and the text after it."""

    fields: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""


def split_front_matter(text: str) -> FrontMatter:
    """Read a leading `---` block of `key: value` lines (a YAML subset); the rest is the document."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return FrontMatter(body=text)
    for closing in range(1, min(len(lines), MAX_BLOCK_LINES + 1)):
        if lines[closing].strip() in (FENCE, "..."):
            break
    else:
        return FrontMatter(body=text)
    fields: dict[str, str] = {}
    numbers: dict[str, int] = {}
    for number, line in enumerate(lines[1:closing], start=2):
        match = _LINE.match(line)
        if match is None:
            continue
        key, value = match.group(1).lower(), _unquote(match.group(2))
        if value:
            fields[key] = value
            numbers[key] = number
    body = "\n".join(lines[closing + 1 :]).lstrip("\n")
    return FrontMatter(fields, numbers, body)


def _unquote(value: str) -> str:
    value = re.sub(r"\s+#.*$", "", value) if not value.startswith(("'", '"')) else value
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
