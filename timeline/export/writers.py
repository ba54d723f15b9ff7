"""Every export format by name: one function writing entries (and the eras) to a text stream."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from timeline.domain import ChronologyEntry
from timeline.query.periods import Period

FORMATS = ("csv", "ics", "json", "timelinejs", "html")


def write_export(
    output_format: str, entries: Sequence[ChronologyEntry], out: TextIO, periods: Sequence[Period] = (), title: str = "Chronology"
) -> None:
    """Write `entries` in `output_format` (one of FORMATS) to `out`."""
    writer = _writer(output_format)
    writer(entries, out, periods, title)


def _writer(output_format: str) -> Callable[[Sequence[ChronologyEntry], TextIO, Sequence[Period], str], None]:
    if output_format == "csv":
        from timeline.export.tabular import write_csv

        return lambda entries, out, _periods, _title: write_csv(entries, out)
    if output_format == "json":
        from timeline.export.tabular import write_json

        return lambda entries, out, _periods, _title: write_json(entries, out)
    if output_format == "ics":
        from timeline.export.ics import write_ics

        return lambda entries, out, _periods, _title: write_ics(entries, out)
    if output_format == "timelinejs":
        from timeline.export.timelinejs import write_timelinejs

        return lambda entries, out, periods, _title: write_timelinejs(entries, out, periods)
    if output_format == "html":
        from timeline.export.html import write_html

        return lambda entries, out, periods, title: write_html(entries, out, periods, title)
    raise ValueError(f"unknown export format {output_format!r}; use one of {', '.join(FORMATS)}")
