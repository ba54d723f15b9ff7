"""TimelineJS JSON: dates carrying only the parts they know, `unique_id` = cluster id, `group` = category, eras."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TextIO

from timeline.domain import ChronologyEntry
from timeline.query.periods import Period
from timeline.temporal.values import parse_value

_MONTH_GRANULARITIES = {"season", "quarter", "half"}
_YEAR_GRANULARITIES = {"decade", "century"}


def date_parts(entry: ChronologyEntry) -> tuple[dict[str, str], dict[str, str] | None]:
    """TimelineJS start and end dates: only the year, month and day the entry's date knows; no end for a single unit."""
    if "/" in entry.value:
        left, right = entry.value.split("/", 1)
        start, end = _value_parts(left), _value_parts(right)
        if start is not None and end is not None:
            return start, end
    single = _value_parts(entry.value)
    if single is not None:
        return single, None
    assert entry.earliest is not None and entry.latest is not None
    last = entry.latest - timedelta(days=1)
    if entry.granularity in _YEAR_GRANULARITIES or entry.granularity == "range":
        return _parts(entry.earliest, "year"), _parts(last, "year")
    if entry.granularity in _MONTH_GRANULARITIES:
        return _parts(entry.earliest, "month"), _parts(last, "month")
    if entry.earliest == last:
        return _parts(entry.earliest, "day"), None
    return _parts(entry.earliest, "day"), _parts(last, "day")


def timelinejs_document(entries: Iterable[ChronologyEntry], periods: Sequence[Period] = (), title: str = "Chronology") -> dict:
    """The TimelineJS document: a title slide, one slide per entry, the eras overlapping the entries."""
    entries = [entry for entry in entries if entry.earliest is not None and entry.latest is not None]
    events = []
    for entry in entries:
        start, end = date_parts(entry)
        slide: dict[str, object] = {
            "unique_id": entry.event_id,
            "start_date": {**start, "display_date": entry.label},
            "display_date": entry.label,
            "text": {"headline": entry.label, "text": _slide_html(entry)},
            "group": entry.category or "uncategorised",
        }
        if end is not None:
            slide["end_date"] = end
        events.append(slide)
    document: dict[str, object] = {
        "title": {"text": {"headline": html.escape(title), "text": f"{len(events)} events, each date at its true precision."}},
        "events": events,
    }
    eras = _eras(entries, periods)
    if eras:
        document["eras"] = eras
    return document


def write_timelinejs(entries: Iterable[ChronologyEntry], out: TextIO, periods: Sequence[Period] = ()) -> None:
    """Write the TimelineJS JSON document."""
    json.dump(timelinejs_document(entries, periods), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _eras(entries: Sequence[ChronologyEntry], periods: Sequence[Period]) -> list[dict]:
    if not entries:
        return []
    first = min(entry.earliest for entry in entries)  # type: ignore[type-var]
    last = max(entry.latest for entry in entries)  # type: ignore[type-var]
    eras = []
    for period in periods:
        end = period.latest or last
        if period.earliest >= last or end <= first:
            continue
        eras.append({
            "start_date": _parts(period.earliest, "day"),
            "end_date": _parts(end - timedelta(days=1), "day"),
            "text": {"headline": html.escape(period.name), "text": html.escape(period.description)},
        })
    return eras


def _slide_html(entry: ChronologyEntry) -> str:
    parts = [f"<p>{html.escape(' '.join(entry.text.split()))}</p>"]
    if entry.figures:
        parts.append("<p><b>Figures:</b> " + html.escape("; ".join(entry.figures)) + "</p>")
    links = [f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>' for url in entry.urls]
    parts.append("<p><b>Sources:</b> " + html.escape("; ".join(entry.sources)) + ("<br>" + "<br>".join(links) if links else "") + "</p>")
    return "".join(parts)


def _value_parts(value: str) -> dict[str, str] | None:
    parsed = parse_value(value)
    if parsed is None or not parsed.known or parsed.era or parsed.granularity not in ("year", "month", "day"):
        return None
    parts = {"year": parsed.year, "month": parsed.month, "day": parsed.day}
    return {name: str(int(part)) for name, part in parts.items() if part}


def _parts(day: date, precision: str) -> dict[str, str]:
    parts = {"year": str(day.year)}
    if precision in ("month", "day"):
        parts["month"] = str(day.month)
    if precision == "day":
        parts["day"] = str(day.day)
    return parts
