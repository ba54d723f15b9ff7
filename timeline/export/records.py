"""Chronology entries as flat records: the columns shared by CSV, JSON and the table."""

from __future__ import annotations

from collections.abc import Iterable

from timeline.domain import ChronologyEntry

CSV_COLUMNS = (
    "event_id",
    "value",
    "earliest",
    "latest",
    "granularity",
    "label",
    "text",
    "sources",
    "source_count",
    "date_basis",
    "actors",
    "figures",
    "category",
    "urls",
)
"""The CSV header: the foundation's ten columns first and unrenamed, then the event details."""

LIST_COLUMNS = ("sources", "actors", "figures", "urls")
JSON_EXTRA_COLUMNS = ("mod", "reported", "event_count")


def entry_record(entry: ChronologyEntry) -> dict[str, object]:
    """One entry as a flat record with ISO dates and `; `-joined lists (sources, actors, figures, urls)."""
    return {
        "event_id": entry.event_id,
        "value": entry.value,
        "earliest": entry.earliest.isoformat() if entry.earliest else None,
        "latest": entry.latest.isoformat() if entry.latest else None,
        "granularity": entry.granularity,
        "label": entry.label,
        "text": entry.text,
        "sources": "; ".join(entry.sources),
        "source_count": entry.source_count,
        "date_basis": entry.date_basis,
        "actors": "; ".join(entry.actors),
        "figures": "; ".join(entry.figures),
        "category": entry.category,
        "urls": " ".join(entry.urls),
    }


def entry_records(entries: Iterable[ChronologyEntry]) -> list[dict[str, object]]:
    """Every entry as a flat record."""
    return [entry_record(entry) for entry in entries]


def entry_json(entry: ChronologyEntry) -> dict[str, object]:
    """One entry as a JSON record: the CSV columns with lists kept as lists, plus mod, reported and event_count."""
    record = entry_record(entry)
    record.update({column: list(getattr(entry, column)) for column in LIST_COLUMNS})
    record.update({"mod": entry.mod, "reported": entry.reported, "event_count": entry.event_count})
    return record
