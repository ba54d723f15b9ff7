"""The one way timeline writes CSV: RFC 4180 rows whose text cells a spreadsheet would run as a formula are neutralised."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|")
"""What a spreadsheet may read as the start of a formula or a command (OWASP's list, plus the line breaks and DDE's pipe)."""


def neutralise_formula(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote (OWASP's advice).

    >>> neutralise_formula('=HYPERLINK("http://x", "click")')
    '\\'=HYPERLINK("http://x", "click")'
    >>> neutralise_formula("Reuters"), neutralise_formula(-3)
    ('Reuters', -3)
    """
    if isinstance(value, str) and value[:1] in _FIRST_CHARACTERS:
        return "'" + value
    return value


_FIRST_CHARACTERS = frozenset(FORMULA_STARTS)


def write_csv_rows(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a header and the rows as RFC 4180 CSV (CRLF line ends), every cell through `neutralise_formula`; the row count."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise_formula(name) for name in header])
    count = 0
    first = _FIRST_CHARACTERS
    for row in rows:
        # neutralise_formula, written out: it runs for every cell of every row
        writer.writerow([("'" + value) if isinstance(value, str) and value[:1] in first else value for value in row])
        count += 1
    return count
