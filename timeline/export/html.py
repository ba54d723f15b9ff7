"""A self-contained HTML page of the chronology: filters, a timeline that aggregates by month or year when it grows,
and a paged list whose anchors survive a reload; written as the entries come, so its size, not memory, grows with them.

The page is a Jinja2 template (autoescaped) around the entries as compact JSON; beyond `COMPRESS_ABOVE` bytes the
JSON is gzip-compressed and base64-encoded, and the page decompresses it with the browser's DecompressionStream.
Only http and https urls become links.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TextIO

from timeline.domain import ChronologyEntry, web_link
from timeline.query.periods import Period
from timeline.query.records import entry_reports

ASSETS = Path(__file__).resolve().parent / "assets"
COMPRESS_ABOVE = 256 * 1024
"""Entry data larger than this many bytes of JSON is written compressed."""
EPOCH = date(1970, 1, 1).toordinal()
"""Days are written as days since 1 January 1970."""
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_html(
    entries: Iterable[ChronologyEntry], out: TextIO, periods: Sequence[Period] = (), title: str = "Chronology", subtitle: str = "",
) -> int:
    """Write the page (inline CSS and JS, no network), one entry at a time; the number of entries on it."""
    data = PageData(periods, entries)
    for chunk in _template().generate(title=title, subtitle=subtitle, data=data, css=_asset("page.css"), js=_asset("page.js")):
        out.write(chunk)
    return data.count


def html_page(entries: Iterable[ChronologyEntry], periods: Sequence[Period] = (), title: str = "Chronology", subtitle: str = "") -> str:
    """The page as text (in memory: for small chronologies and tests)."""
    import io

    out = io.StringIO()
    data = PageData(periods, entries)
    for chunk in _template().generate(title=title, subtitle=subtitle, data=data, css=_asset("page.css"), js=_asset("page.js")):
        out.write(chunk)
    return out.getvalue()


class PageData:
    """The entries as the page's JSON, written piece by piece: strings that repeat (labels, categories, actors, sources,
    titles, links) are written once in tables after the entries, which name them by number."""

    def __init__(self, periods: Sequence[Period] = (), entries: Iterable[ChronologyEntry] = ()) -> None:
        self.periods = periods
        self.entries: Iterable[ChronologyEntry] = entries
        self.count = 0
        self.encoding = "json"
        self._tables: dict[str, dict[str, int]] = {name: {} for name in ("labels", "categories", "actors", "sources", "titles", "links", "texts")}

    def chunks(self) -> Iterator[str]:
        """The data as it goes in the page's script element: JSON made safe for a script, or gzip in base64."""
        pending: list[str] = []
        size = 0
        pieces = self._json_pieces()
        for piece in pieces:
            pending.append(piece)
            size += len(piece)
            if size > COMPRESS_ABOVE:
                self.encoding = "gzip-base64"
                yield from _gzip_base64([*pending, *pieces])
                return
        yield "".join(pending).translate(_SCRIPT_SAFE)

    def _json_pieces(self) -> Iterator[str]:
        yield '{"entries":['
        for entry in self.entries:
            if entry.earliest is None or entry.latest is None:
                continue
            yield ("," if self.count else "") + json.dumps(self._row(entry), ensure_ascii=False, separators=(",", ":"))
            self.count += 1
        tables = {name: list(table) for name, table in self._tables.items()}
        eras = [[period.name, _day(period.earliest), _day(period.latest) if period.latest else None, period.dates_label(),
                 period.description] for period in self.periods]
        yield "],\"tables\":" + json.dumps(tables, ensure_ascii=False, separators=(",", ":"))
        yield ",\"eras\":" + json.dumps(eras, ensure_ascii=False, separators=(",", ":")) + "}"

    def _row(self, entry: ChronologyEntry) -> list[object]:
        """[id, label, first day, day after the last, category, text, actors, figures, reports, date basis, reports merged]"""
        reports = []
        for report in entry_reports(entry):
            link = web_link(report.url)
            reports.append([
                self._number("sources", report.source), self._number("links", link), self._number("titles", report.title),
                report.published, report.document_id, report.start, report.end,
                self._number("texts", report.url if report.url and not link else None),
            ])
        return [
            entry.event_id, self._number("labels", entry.label), _day(entry.earliest), _day(entry.latest),  # type: ignore[arg-type]
            self._number("categories", entry.category or "uncategorised"), " ".join(entry.text.split()),
            [self._number("actors", actor) for actor in entry.actors], list(entry.figures), reports,
            1 if entry.date_basis == "stated" else 0, entry.event_count,
        ]

    def _number(self, table: str, value: str | None) -> int:
        if value is None:
            return -1
        numbers = self._tables[table]
        number = numbers.get(value)
        if number is None:
            number = numbers[value] = len(numbers)
        return number


def _gzip_base64(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces' UTF-8 bytes gzip-compressed (no timestamp: the same page gives the same bytes) in base64, as they come."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    held = b""
    for piece in pieces:
        held += compressor.compress(piece.encode("utf-8"))
        if len(held) >= 3 * 16384:
            cut = len(held) - len(held) % 3
            yield base64.b64encode(held[:cut]).decode("ascii")
            held = held[cut:]
    held += compressor.flush()
    yield base64.b64encode(held).decode("ascii")


def _day(day: date) -> int:
    return day.toordinal() - EPOCH


@cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


@cache
def _template():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    environment = Environment(
        loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, keep_trailing_newline=True,
    )
    return environment.get_template("page.html.j2")
