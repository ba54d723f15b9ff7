"""A plain-text chronology for terminals: date label, wrapped text, sources."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

from timeline.domain import ChronologyEntry


def render_table(entries: Sequence[ChronologyEntry], width: int | None = None) -> str:
    """The chronology as aligned rows: the date at its precision, the wording wrapped, then `— sources`."""
    if not entries:
        return "No events match."
    width = width or shutil.get_terminal_size((120, 24)).columns
    label_width = min(28, max(len(entry.label) for entry in entries))
    text_width = max(30, width - label_width - 3)
    lines: list[str] = []
    for entry in entries:
        label = entry.label if len(entry.label) <= label_width else entry.label[: label_width - 1] + "…"
        wrapped = textwrap.wrap(entry.text, text_width) or [""]
        if entry.figures:
            wrapped.extend(textwrap.wrap("figures: " + "; ".join(entry.figures), text_width))
        cited = "; ".join(entry.sources)
        count = f" ({entry.source_count} sources)" if entry.source_count > 1 else ""
        wrapped.extend(textwrap.wrap(f"— {cited}{count}", text_width))
        lines.append(f"{label:<{label_width}}   {wrapped[0]}")
        lines.extend(f"{'':<{label_width}}   {line}" for line in wrapped[1:])
    return "\n".join(lines)
