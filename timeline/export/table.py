"""A plain-text chronology for terminals: date label, wrapped text, sources; written as the entries come."""

from __future__ import annotations

import itertools
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import TextIO

from timeline.domain import ChronologyEntry

LABEL_WIDTH = 28
"""The widest date column; longer labels are cut with an ellipsis."""
LABEL_SAMPLE = 200
"""The date column is as wide as the longest label among this many first entries (at most LABEL_WIDTH)."""
EMPTY = "No events match."


def render_table(entries: Sequence[ChronologyEntry], width: int | None = None) -> str:
    """The chronology as aligned rows: the date at its precision, the wording wrapped, then `— sources`."""
    if not entries:
        return EMPTY
    return "\n".join(table_lines(entries, width))


def write_table(entries: Iterable[ChronologyEntry], out: TextIO, width: int | None = None) -> int:
    """Write the table line by line as the entries come; the entry count."""
    count = 0
    iterator = iter(entries)
    first = list(itertools.islice(iterator, LABEL_SAMPLE))
    if not first:
        out.write(EMPTY + "\n")
        return 0
    label_width = min(LABEL_WIDTH, max(len(entry.label) for entry in first))
    width = width or terminal_width()
    for entry in itertools.chain(first, iterator):
        out.write("\n".join(entry_lines(entry, label_width, width)) + "\n")
        count += 1
    return count


def table_lines(entries: Sequence[ChronologyEntry], width: int | None = None) -> list[str]:
    """Every line of the table."""
    label_width = min(LABEL_WIDTH, max(len(entry.label) for entry in entries))
    width = width or terminal_width()
    return [line for entry in entries for line in entry_lines(entry, label_width, width)]


def entry_lines(entry: ChronologyEntry, label_width: int, width: int) -> list[str]:
    """One entry's lines: its label, then its wording, figures and sources wrapped beside it, `width` columns in all."""
    text_width = max(30, width - label_width - 3)
    label = entry.label if len(entry.label) <= label_width else entry.label[: label_width - 1] + "…"
    wrapped = _wrap(entry.text, text_width)
    if entry.figures:
        wrapped.extend(_wrap("figures: " + "; ".join(entry.figures), text_width))
    cited = "; ".join(entry.sources)
    count = f" ({entry.source_count} sources)" if entry.source_count > 1 else ""
    wrapped.extend(_wrap(f"— {cited}{count}", text_width))
    pad = " " * label_width
    return [f"{label:<{label_width}}   {wrapped[0]}", *(f"{pad}   {line}" for line in wrapped[1:])]


def _wrap(text: str, width: int) -> list[str]:
    """`textwrap.wrap`, skipped for the usual short single line (it costs more than the rest of a row)."""
    if len(text) <= width and "\n" not in text and "\t" not in text:
        return [text.strip()]
    return textwrap.wrap(text, width) or [""]


def terminal_width() -> int:
    """The terminal's width in columns (120 when it is not a terminal)."""
    return shutil.get_terminal_size((120, 24)).columns
