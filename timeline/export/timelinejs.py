"""TimelineJS JSON: dates carrying only the parts they know, `unique_id` = cluster id, `group` = category, eras."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import TextIO

from timeline.domain import ChronologyEntry, Report, web_link
from timeline.query.records import entry_reports
from timeline.export.words import plural
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


HEADLINE_LENGTH = 80
"""A slide's headline is at most this many characters of the event's actors and wording."""


def slide_of(entry: ChronologyEntry) -> dict[str, object] | None:
    """One TimelineJS slide: a short headline from the event, the date at its precision, the text with every report."""
    if entry.earliest is None or entry.latest is None:
        return None
    start, end = date_parts(entry)
    slide: dict[str, object] = {
        "unique_id": entry.event_id,
        "start_date": {**start, "display_date": entry.label},
        "display_date": entry.label,
        "text": {"headline": html.escape(headline(entry)), "text": _slide_html(entry)},
        "group": entry.category or "uncategorised",
    }
    if end is not None:
        slide["end_date"] = end
    return slide


def headline(entry: ChronologyEntry, length: int = HEADLINE_LENGTH) -> str:
    """What happened, in a few words: the wording cut at a word boundary, led by its actors when it does not name them.

    >>> from datetime import date
    >>> entry = ChronologyEntry("x", "2024-05", None, date(2024, 5, 1), date(2024, 6, 1), "month", "May 2024",
    ...     "In May, losses reached 38,940, the highest monthly figure so far, officials said.", ("S",), (), "stated", 1, 0, 9,
    ...     actors=("Ukraine", "Russia"))
    >>> headline(entry)
    'Ukraine, Russia: In May, losses reached 38,940, the highest monthly figure so far,…'
    """
    text = " ".join(entry.text.split())
    named = [actor for actor in entry.actors[:2] if actor.lower() not in text[:length].lower()]
    lead = f"{', '.join(named)}: " if named and len(named) == len(entry.actors[:2]) else ""
    room = max(20, length - len(lead))
    if len(text) > room:
        text = text[:room].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return lead + text


def timelinejs_document(entries: Iterable[ChronologyEntry], periods: Sequence[Period] = (), title: str = "Chronology") -> dict:
    """The TimelineJS document: a title slide, one slide per entry, the eras overlapping the entries (all in memory)."""
    import io

    out = io.StringIO()
    write_timelinejs(entries, out, periods, title)
    return json.loads(out.getvalue())


def write_timelinejs(entries: Iterable[ChronologyEntry], out: TextIO, periods: Sequence[Period] = (), title: str = "Chronology") -> int:
    """Write the TimelineJS JSON document one slide at a time (the eras and the title slide after them); the slide count."""
    from timeline.export.tabular import write_json_array

    first: date | None = None
    last: date | None = None

    def slides() -> Iterator[dict[str, object]]:
        nonlocal first, last
        for entry in entries:
            slide = slide_of(entry)
            if slide is None:
                continue
            first = entry.earliest if first is None else min(first, entry.earliest)  # type: ignore[type-var]
            last = entry.latest if last is None else max(last, entry.latest)  # type: ignore[type-var]
            yield slide

    out.write('{\n"events": ')
    count = write_json_array(slides(), out, end="")
    eras = _eras(first, last, periods)
    if eras:
        out.write(',\n"eras": ')
        out.write(json.dumps(eras, ensure_ascii=False, indent=2))
    subtitle = f"{count} {plural(count, 'event')}, each date at its true precision."
    title_slide = {"text": {"headline": html.escape(title), "text": html.escape(subtitle)}}
    out.write(',\n"title": ' + json.dumps(title_slide, ensure_ascii=False, indent=2) + "\n}\n")
    return count


def _eras(first: date | None, last: date | None, periods: Sequence[Period]) -> list[dict]:
    if first is None or last is None:
        return []
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
    if entry.actors:
        parts.append("<p><b>Actors:</b> " + html.escape("; ".join(entry.actors)) + "</p>")
    if entry.figures:
        parts.append("<p><b>Figures:</b> " + html.escape("; ".join(entry.figures)) + "</p>")
    reports = entry_reports(entry)
    items = "".join(f"<li>{_report_html(report)}</li>" for report in reports)
    parts.append(f"<p><b>Reported by {len(reports)} {plural(len(reports), 'article')}:</b></p><ul>{items}</ul>")
    return "".join(parts)


def _report_html(report: Report) -> str:
    """A report as HTML: its source (a link only for an http or https url), title and date, the url as text otherwise."""
    link = web_link(report.url)
    name = html.escape(report.source)
    cited = f'<a href="{html.escape(link, quote=True)}">{name}</a>' if link else name
    if report.title and report.title != report.source:
        cited += f", <i>{html.escape(report.title)}</i>"
    if report.published:
        cited += f", {html.escape(report.published)}"
    if report.url and not link:
        cited += f" ({html.escape(report.url)})"
    return cited


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
