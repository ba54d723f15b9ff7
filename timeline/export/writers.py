"""Every export format by name: one function writing entries (and the eras) to a text stream as the entries come."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TextIO

from timeline.domain import ChronologyEntry
from timeline.query.periods import Period

FORMATS = ("csv", "csv-sources", "ics", "json", "timelinejs", "html")
NEEDS_PERIODS = ("timelinejs", "html")
"""Formats that draw the eras."""


@dataclass(frozen=True)
class ExportOptions:
    """What an export may be told besides its entries: the eras, a title, and for ICS the longest span kept."""

    periods: Sequence[Period] = ()
    title: str = "Chronology"
    max_span: int | None = None
    subtitle: str = ""


def write_export(output_format: str, entries: Iterable[ChronologyEntry], out: TextIO, options: ExportOptions = ExportOptions()) -> int:
    """Write `entries` in `output_format` (one of FORMATS) to `out`, one entry at a time; the number written."""
    return _writer(output_format)(entries, out, options)


def _writer(output_format: str) -> Callable[[Iterable[ChronologyEntry], TextIO, ExportOptions], int]:
    if output_format == "csv":
        from timeline.export.tabular import write_csv

        return lambda entries, out, _options: write_csv(entries, out)
    if output_format == "csv-sources":
        from timeline.export.tabular import write_source_csv

        return lambda entries, out, _options: write_source_csv(entries, out)
    if output_format == "json":
        from timeline.export.tabular import write_json

        return lambda entries, out, _options: write_json(entries, out)
    if output_format == "ics":
        from timeline.export.ics import write_ics

        return lambda entries, out, options: write_ics(entries, out, max_span=options.max_span)
    if output_format == "timelinejs":
        from timeline.export.timelinejs import write_timelinejs

        return lambda entries, out, options: write_timelinejs(entries, out, options.periods, options.title)
    if output_format == "html":
        from timeline.export.html import write_html

        return lambda entries, out, options: write_html(entries, out, options.periods, options.title, options.subtitle)
    raise ValueError(f"unknown export format {output_format!r}; use one of {', '.join(FORMATS)}")
