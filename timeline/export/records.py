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
)


def entry_record(entry: ChronologyEntry) -> dict[str, object]:
    """One entry as a flat record with ISO dates and `; `-joined sources."""
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
    }


def entry_records(entries: Iterable[ChronologyEntry]) -> list[dict[str, object]]:
    """Every entry as a flat record."""
    return [entry_record(entry) for entry in entries]
