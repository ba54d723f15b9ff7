"""Query results (columns and rows) as an aligned table, CSV or JSON."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from timeline.export.csv_cells import write_csv_rows

CELL_WIDTH = 60


def render_result_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], cell_width: int = CELL_WIDTH) -> str:
    """Rows under their column names, each cell on one line and cut to `cell_width` characters."""
    if not columns:
        return "(no result rows)"
    cells = [[_cell(value, cell_width) for value in row] for row in rows]
    widths = [max([len(name), *(len(row[index]) for row in cells)]) for index, name in enumerate(columns)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * width for width in widths))
    lines.extend("  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip() for row in cells)
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def write_result_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO) -> int:
    """RFC 4180 CSV with a header, row by row; text cells a spreadsheet would run as a formula are neutralised."""
    return write_csv_rows(out, columns, ([_plain(value) for value in row] for row in rows))


def write_result_json(columns: Sequence[str], rows: Iterable[Sequence[Any]], out: TextIO) -> int:
    """A JSON array of objects keyed by column name, written row by row."""
    from timeline.export.tabular import write_json_array

    return write_json_array(({name: _plain(value) for name, value in zip(columns, row)} for row in rows), out)


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return value


def _cell(value: Any, width: int) -> str:
    text = "NULL" if value is None else " ".join(str(_plain(value)).split())
    return text if len(text) <= width else text[: width - 1] + "…"
