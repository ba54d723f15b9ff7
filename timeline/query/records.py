"""Chronology entries as flat records: the columns shared by CSV, JSON, the Python API's DataFrame and the `chronology` view."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from timeline.domain import ChronologyEntry, Report

CSV_COLUMNS = (
    "cluster_id",
    "value",
    "mod",
    "earliest",
    "latest",
    "granularity",
    "label",
    "date_basis",
    "category",
    "text",
    "actors",
    "figures",
    "sources",
    "source_count",
    "urls",
    "event_count",
    "first_reported",
    "last_reported",
)
"""The CSV header: the `chronology` view's columns, named and ordered as there (docs/schema.md)."""

LIST_COLUMNS = ("actors", "figures", "sources", "urls")
"""Columns holding a list: `; `-joined in CSV (as in the view), arrays in JSON."""
REPORT_COLUMNS = ("source", "url", "title", "published", "document_id", "start", "end")
"""Each report of an entry: the article's source, url, title and publication date, and where in it the entry is told."""
SOURCE_CSV_COLUMNS = ("cluster_id", "label", *REPORT_COLUMNS)
"""The header of `--format csv-sources`: one row per report of each entry."""


def entry_record(entry: ChronologyEntry) -> dict[str, object]:
    """One entry as a flat record with ISO dates and `; `-joined lists."""
    return {
        "cluster_id": entry.event_id,
        "value": entry.value,
        "mod": entry.mod,
        "earliest": entry.earliest.isoformat() if entry.earliest else None,
        "latest": entry.latest.isoformat() if entry.latest else None,
        "granularity": entry.granularity,
        "label": entry.label,
        "date_basis": entry.date_basis,
        "category": entry.category,
        "text": entry.text,
        "actors": "; ".join(entry.actors),
        "figures": "; ".join(entry.figures),
        "sources": "; ".join(entry.sources),
        "source_count": entry.source_count,
        "urls": "; ".join(entry.urls),
        "event_count": entry.event_count,
        "first_reported": entry.reported,
        "last_reported": entry.last_reported,
    }


def entry_records(entries: Iterable[ChronologyEntry]) -> Iterator[dict[str, object]]:
    """Every entry as a flat record, as the entries come."""
    return (entry_record(entry) for entry in entries)


def report_record(report: Report) -> dict[str, object]:
    """One report as a record: source, url, title, published, document_id, start, end."""
    return {name: getattr(report, name) for name in REPORT_COLUMNS}


def entry_reports(entry: ChronologyEntry) -> tuple[Report, ...]:
    """The entry's reports; an entry made without them cites its sources by name (and its first url)."""
    if entry.reports:
        return entry.reports
    urls = list(entry.urls)
    return tuple(Report(name, urls[index] if index < len(urls) else None) for index, name in enumerate(entry.sources))


def entry_json(entry: ChronologyEntry) -> dict[str, object]:
    """One entry as a JSON record: the CSV columns with lists kept as lists, and `reports`, one object per report."""
    record = entry_record(entry)
    record.update({column: list(getattr(entry, column)) for column in LIST_COLUMNS})
    record["reports"] = [report_record(report) for report in entry_reports(entry)]
    return record


def source_rows(entries: Iterable[ChronologyEntry]) -> Iterator[tuple[object, ...]]:
    """One row per report of each entry, in SOURCE_CSV_COLUMNS order."""
    for entry in entries:
        for report in entry_reports(entry):
            yield (entry.event_id, entry.label, *(getattr(report, name) for name in REPORT_COLUMNS))
