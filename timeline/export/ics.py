"""iCalendar export: each entry an all-day event over its whole interval, UID = the stable cluster id, written as it comes.

Every entry with a calendar interval becomes one all-day event from its first possible day to the day after its last,
so "May 2024" fills the month. An entry that spans weeks or years fills a calendar with long bars: `max_span` (the
command's `--max-span DAYS`) keeps only entries no longer than that, e.g. 1 for the events dated to the day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import TextIO

from timeline.domain import ChronologyEntry, web_link
from timeline.query.records import entry_reports

PRODUCT_ID = "-//timeline//chronology//EN"
SUMMARY_LENGTH = 120
_END = "END:VCALENDAR\r\n"


def calendar_head() -> str:
    """The calendar's opening lines (up to its first event)."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "timeline chronology")
    text = calendar.to_ical().decode("utf-8")
    return text[: text.rindex(_END)]


def event_of(entry: ChronologyEntry, stamp: datetime):  # type: ignore[no-untyped-def]
    """The entry as an all-day VEVENT (DTSTART;VALUE=DATE, exclusive DTEND), or None when it has no calendar interval."""
    from icalendar import Event, vUri

    if entry.earliest is None or entry.latest is None:
        return None
    event = Event()
    event.add("uid", entry.event_id)
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.earliest)
    event.add("dtend", entry.latest)
    event.add("summary", summary(entry))
    event.add("description", description(entry))
    links = list(dict.fromkeys(link for link in (web_link(report.url) for report in entry_reports(entry)) if link))
    if links:
        event.add("url", vUri(links[0]))
    for link in links:
        event.add("attach", vUri(link), parameters={"FMTTYPE": "text/html"})
    event.add("categories", [entry.category or "uncategorised"])
    event.add("transp", "TRANSPARENT")
    return event


def write_ics(entries: Iterable[ChronologyEntry], out: TextIO, stamp: datetime | None = None, max_span: int | None = None) -> int:
    """Write the entries as an iCalendar file (CRLF line ends, as RFC 5545 requires), one event at a time; the event count.

    `max_span` leaves out entries longer than that many days; `stamp` is every event's DTSTAMP (default: now).
    """
    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    out.write(calendar_head())
    count = 0
    for entry in entries:
        if max_span is not None and entry.earliest is not None and entry.latest is not None:
            if (entry.latest - entry.earliest).days > max_span:
                continue
        event = event_of(entry, stamp)
        if event is not None:
            out.write(event.to_ical().decode("utf-8"))
            count += 1
    out.write(_END)
    return count


def calendar_of(entries: Iterable[ChronologyEntry], stamp: datetime | None = None, max_span: int | None = None):  # type: ignore[no-untyped-def]
    """An icalendar Calendar of the entries (the whole calendar in memory: for small ones and tests)."""
    import io

    from icalendar import Calendar

    out = io.StringIO()
    write_ics(entries, out, stamp, max_span)
    return Calendar.from_ical(out.getvalue())


def summary(entry: ChronologyEntry) -> str:
    """`[May 2024] The wording…`, cut at a word boundary."""
    text = " ".join(entry.text.split())
    if len(text) > SUMMARY_LENGTH:
        text = text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"
    return f"[{entry.label}] {text}"


def description(entry: ChronologyEntry) -> str:
    """The wording, the date at its precision, the figures, the actors, then one line per report with its url."""
    lines = [" ".join(entry.text.split()), ""]
    basis = "stated in the text" if entry.date_basis == "stated" else "the date the article was published"
    lines.append(f"Date: {entry.label} ({entry.granularity or 'unknown precision'}; {basis})")
    if entry.figures:
        lines.append("Figures: " + "; ".join(entry.figures))
    if entry.actors:
        lines.append("Actors: " + "; ".join(entry.actors))
    reports = entry_reports(entry)
    lines.append(f"Sources ({entry.source_count}): " + "; ".join(entry.sources))
    for report in reports:
        lines.append("- " + report_line(report))
    return "\n".join(lines)


def report_line(report) -> str:  # type: ignore[no-untyped-def]
    """`Reuters, "Title", published 2024-06-10 (document 3, characters 120-188): https://…` (a url that is no web link as text)."""
    parts = [report.source]
    if report.title and report.title != report.source:
        parts.append(f'"{report.title}"')
    if report.published:
        parts.append(f"published {report.published}")
    line = ", ".join(parts)
    if report.document_id is not None:
        line += f" (document {report.document_id}, characters {report.start}-{report.end})"
    if report.url:
        line += f": {report.url}" if web_link(report.url) else f" (url, not a web link: {report.url})"
    return line
