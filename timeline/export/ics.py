"""iCalendar export: each entry an all-day event over its whole interval, UID = the stable cluster id."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from timeline.domain import ChronologyEntry

PRODUCT_ID = "-//timeline//chronology//EN"
SUMMARY_LENGTH = 120


def calendar_of(entries: Iterable[ChronologyEntry], stamp: datetime | None = None):  # type: ignore[no-untyped-def]
    """An icalendar Calendar: all-day VEVENTs (DTSTART;VALUE=DATE, exclusive DTEND); `stamp` is the DTSTAMP."""
    from icalendar import Calendar, Event

    stamp = stamp or datetime.now(timezone.utc).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "timeline chronology")
    for entry in entries:
        if entry.earliest is None or entry.latest is None:
            continue
        event = Event()
        event.add("uid", entry.event_id)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.earliest)
        event.add("dtend", entry.latest)
        event.add("summary", summary(entry))
        event.add("description", description(entry))
        if entry.urls:
            event.add("url", entry.urls[0])
        event.add("categories", [entry.category or "uncategorised"])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar


def write_ics(entries: Iterable[ChronologyEntry], out, stamp: datetime | None = None) -> None:  # type: ignore[no-untyped-def]
    """Write the entries as an iCalendar file (text with CRLF line ends, as RFC 5545 requires)."""
    out.write(calendar_of(entries, stamp).to_ical().decode("utf-8"))


def summary(entry: ChronologyEntry) -> str:
    """`[May 2024] The wording…`, cut at a word boundary."""
    text = " ".join(entry.text.split())
    if len(text) > SUMMARY_LENGTH:
        text = text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"
    return f"[{entry.label}] {text}"


def description(entry: ChronologyEntry) -> str:
    """The wording, the date at its precision, the figures, the actors and every source with its URL."""
    lines = [" ".join(entry.text.split()), ""]
    basis = "stated in the text" if entry.date_basis == "stated" else "the date the article was published"
    lines.append(f"Date: {entry.label} ({entry.granularity or 'unknown precision'}; {basis})")
    if entry.figures:
        lines.append("Figures: " + "; ".join(entry.figures))
    if entry.actors:
        lines.append("Actors: " + "; ".join(entry.actors))
    lines.append(f"Sources ({entry.source_count}): " + "; ".join(entry.sources))
    lines.extend(entry.urls)
    return "\n".join(lines)
