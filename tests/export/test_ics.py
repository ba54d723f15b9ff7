"""ICS export: all-day events over the whole interval, stable UIDs, parsed back with icalendar."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

from icalendar import Calendar

from timeline.domain import ChronologyEntry
from timeline.export.ics import write_ics


def entry(**changes: object) -> ChronologyEntry:
    values: dict[str, object] = dict(
        event_id="c0ffee00c0ffee00", value="2024-SU", mod=None, earliest=date(2024, 6, 1), latest=date(2024, 9, 1),
        granularity="season", label="Summer 2024", text="Russia gathered more than 30,000 migrants.",
        sources=("lollypopad.online", "Kyiv Post"), urls=("https://example.org/a",), date_basis="stated",
        document_id=1, start=0, end=10, figures=("more than 30,000 migrants",), category="coercion",
    )
    values.update(changes)
    return ChronologyEntry(**values)  # type: ignore[arg-type]


def exported(*entries: ChronologyEntry) -> str:
    out = io.StringIO()
    write_ics(list(entries), out, stamp=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    return out.getvalue()


def test_parses_back_as_all_day_events_with_exclusive_end() -> None:
    text = exported(entry(), entry(event_id="d00d", value="2024-06-01", earliest=date(2024, 6, 1), latest=date(2024, 6, 2), granularity="day", label="1 Jun 2024"))
    assert "DTSTART;VALUE=DATE:20240601" in text and "DTEND;VALUE=DATE:20240901" in text
    assert "DTEND;VALUE=DATE:20240602" in text
    events = Calendar.from_ical(text).walk("VEVENT")
    assert [str(event["UID"]) for event in events] == ["c0ffee00c0ffee00", "d00d"]
    season = events[0]
    assert season.decoded("DTSTART") == date(2024, 6, 1) and season.decoded("DTEND") == date(2024, 9, 1)
    assert "Summer 2024" in str(season["SUMMARY"])
    description = str(season["DESCRIPTION"])
    assert "more than 30,000 migrants" in description and "lollypopad.online; Kyiv Post" in description
    assert str(season["URL"]) == "https://example.org/a"
    assert season["CATEGORIES"].cats == ["coercion"]


def test_no_wall_clock_date_but_dtstamp() -> None:
    import re

    text = exported(entry())
    stamps = re.findall(r"^(DT[A-Z]+)[;:]", text, flags=re.MULTILINE)
    assert sorted(stamps) == ["DTEND", "DTSTAMP", "DTSTART"]
    assert "T" not in re.search(r"DTSTART;VALUE=DATE:(\S+)", text).group(1)  # type: ignore[union-attr]
    assert "CREATED" not in text and "LAST-MODIFIED" not in text


def test_lines_end_with_crlf() -> None:
    assert exported(entry()).count("\r\n") == exported(entry()).count("\n")
