"""CSV and JSON writers for chronology entries."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from timeline.domain import ChronologyEntry
from timeline.export.records import CSV_COLUMNS, entry_json, entry_records

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(entries: Iterable[ChronologyEntry], out: TextIO) -> None:
    """Write entries as RFC 4180 CSV (CRLF line ends, a header row), formula-like cells neutralised."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for record in entry_records(entries):
        writer.writerow({key: neutralise_formula(value) for key, value in record.items()})


def write_json(entries: Iterable[ChronologyEntry], out: TextIO) -> None:
    """Write entries as a JSON array of records with ISO dates."""
    json.dump([entry_json(entry) for entry in entries], out, ensure_ascii=False, indent=2)
    out.write("\n")
