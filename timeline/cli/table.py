"""A plain-text table for terminals: date label, wrapped text, source."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

from timeline.domain import ChronologyEntry


def render_table(entries: Sequence[ChronologyEntry], width: int | None = None) -> str:
    """The chronology as aligned rows: label, text wrapped to the terminal, sources."""
    if not entries:
        return "No events match."
    width = width or shutil.get_terminal_size((120, 24)).columns
    label_width = max(len(entry.label) for entry in entries)
    text_width = max(30, width - label_width - 3)
    lines: list[str] = []
    for entry in entries:
        wrapped = textwrap.wrap(entry.text, text_width) or [""]
        wrapped.append(f"— {'; '.join(entry.sources)}")
        lines.append(f"{entry.label:<{label_width}}   {wrapped[0]}")
        lines.extend(f"{'':<{label_width}}   {line}" for line in wrapped[1:])
    return "\n".join(lines)
