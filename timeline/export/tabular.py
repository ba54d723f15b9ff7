"""CSV and JSON writers for chronology entries, writing each entry as it comes."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from timeline.domain import ChronologyEntry
from timeline.export.csv_cells import neutralise_formula, write_csv_rows
from timeline.query.records import CSV_COLUMNS, SOURCE_CSV_COLUMNS, entry_json, entry_records, source_rows

__all__ = ["neutralise_formula", "write_csv", "write_source_csv", "write_json", "write_json_array"]


def write_csv(entries: Iterable[ChronologyEntry], out: TextIO) -> int:
    """Write entries as RFC 4180 CSV (CRLF line ends, a header row), formula-like cells neutralised; the entry count."""
    rows = (tuple(record.values()) for record in entry_records(entries))
    return write_csv_rows(out, CSV_COLUMNS, rows)


def write_source_csv(entries: Iterable[ChronologyEntry], out: TextIO) -> int:
    """Write one CSV row per report of each entry (source, url, title, published, document id, offsets); the row count."""
    return write_csv_rows(out, SOURCE_CSV_COLUMNS, source_rows(entries))


def write_json(entries: Iterable[ChronologyEntry], out: TextIO) -> int:
    """Write entries as a JSON array of records with ISO dates, one record at a time; the entry count."""
    return write_json_array((entry_json(entry) for entry in entries), out)


def write_json_array(records: Iterable[object], out: TextIO, end: str = "\n") -> int:
    """Write a JSON array laid out as `json.dump(…, indent=2)` would, without holding the array, then `end`; the item count."""
    count = 0
    for record in records:
        out.write("[\n  " if count == 0 else ",\n  ")
        out.write(json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        count += 1
    out.write(("\n]" if count else "[]") + end)
    return count
