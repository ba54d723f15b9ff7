"""The chronology read through any reader of the store: which statements run in which order, and their rows as entries.

A reader (`ChronologyReader`) runs the statements: SQLAlchemy Core for every database
(`timeline/query/chronology.py`), or the standard library's `sqlite3` for a local SQLite file
(`timeline/query/sqlite_reader.py`). What is asked of it, and what its rows become, is decided here once.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from timeline.domain import ChronologyEntry, Report
from timeline.query.labels import date_label

if TYPE_CHECKING:
    from timeline.query.chronology_filter import ChronologyFilter
    from timeline.query.periods import Period
    from timeline.query.statement_shape import SpanClass

REPORTS_CHUNK = 500
"""At most this many clusters' reports are asked for at once; entries are made this many rows at a time."""
MOD_ORDER = {"START": 0, "EARLY": 0, "ON_OR_AFTER": 0, "END": 2, "LATE": 2, "ON_OR_BEFORE": 2}
"""On the same interval, "early 2024" comes before "2024", which comes before "late 2024"."""
CLUSTER_COLUMNS = (
    "id", "value", "mod", "earliest", "latest", "granularity", "date_basis", "category", "text", "actors", "figures",
    "first_reported", "event_count", "last_reported",
)
"""The clusters' columns a cluster row starts with; `earliest` and `latest` are read as ISO text."""
REPORT_COLUMNS = ("document_id", "start", "end", "report_cluster", "report_document", "source", "title", "path", "url", "published")
"""The columns of its representative report (event and document) that end a cluster row."""
EVENT_COLUMNS = ("key", "value", "mod", "earliest", "latest", "granularity", "text", "date_basis", "category", "document_id", "start", "end")
"""The events' columns an event row starts with (then the document's source, title, path, url and publication date)."""


class ChronologyReader(Protocol):
    """What the chronology asks of a database: each method runs one statement (or two) and returns plain rows."""

    def cluster_schema(self) -> tuple[bool, bool | None]:
        """Whether there is a `clusters` table, and whether its span triggers are in place (None: not known yet)."""

    def span_classes(self, include_reported: bool, spans_kept: bool | None) -> list[SpanClass] | None:
        """Each (date basis, granularity, longest span in days) of the clusters read, or None when no bound is kept."""

    def cluster_rows(self, query_filter: ChronologyFilter, classes: list[SpanClass] | None) -> Iterable[Sequence]:  # type: ignore[type-arg]
        """The cluster rows matching the filter, in order, as they are read: CLUSTER_COLUMNS then REPORT_COLUMNS."""

    def has_cluster_rows(self) -> bool:
        """True when the `clusters` table holds a row."""

    def report_rows(self, cluster_ids: Sequence[str]) -> Iterable[Sequence]:  # type: ignore[type-arg]
        """(cluster id, source, title, path, url, published, document id, start, end) of every report of the clusters,
        earliest publication first."""

    def event_rows(self, query_filter: ChronologyFilter) -> Iterable[Sequence]:  # type: ignore[type-arg]
        """The event rows matching the filter, in order, as they are read: EVENT_COLUMNS then source, title, path, url, published."""

    def undated_count(self, clustered: bool, include_reported: bool) -> int:
        """How many clusters (or events) have no calendar interval."""

    def periods(self) -> list[Period]:
        """The named periods stored in the database, by start date."""


def read_entries(reader: ChronologyReader, query_filter: ChronologyFilter) -> list[ChronologyEntry]:
    """The entries matching the filter: from clusters when the database has them, else from events."""
    return list(iter_entries(reader, query_filter)[0])


def read_chronology(reader: ChronologyReader, query_filter: ChronologyFilter) -> tuple[list[ChronologyEntry], int]:
    """The entries matching the filter, and how many entries have no calendar interval (an unknown publication date)."""
    entries, clustered = iter_entries(reader, query_filter)
    listed = list(entries)
    return listed, reader.undated_count(clustered, query_filter.include_reported)


def iter_entries(reader: ChronologyReader, query_filter: ChronologyFilter) -> tuple[Generator[ChronologyEntry, None, None], bool]:
    """The entries matching the filter as they are read (memory does not grow with their number), and whether they
    come from clusters (the database has some) or from events."""
    has_clusters_table, spans_kept = reader.cluster_schema()
    clustered = has_clusters_table and reader.has_cluster_rows()
    if clustered:
        classes = None if query_filter.year_unknown else reader.span_classes(query_filter.include_reported, spans_kept)
        rows = reader.cluster_rows(query_filter, classes)
        entries = _chunked_cluster_entries(rows, lambda cluster_ids: reports_of(reader, cluster_ids))
    else:
        entries = event_entries(reader.event_rows(query_filter))
    return in_mod_order(entries), clustered


def in_mod_order(entries: Iterable[ChronologyEntry]) -> Generator[ChronologyEntry, None, None]:
    """The entries, already ordered by (earliest, latest), with each run of equal intervals ordered by mod:
    "early 2024" before "2024" before "late 2024"."""
    run: list[ChronologyEntry] = []
    for entry in entries:
        if run and (entry.earliest, entry.latest) != (run[0].earliest, run[0].latest):
            yield from _by_mod(run)
            run = []
        run.append(entry)
    yield from _by_mod(run)


def _by_mod(run: list[ChronologyEntry]) -> list[ChronologyEntry]:
    if len(run) > 1 and any(entry.mod in MOD_ORDER for entry in run):
        run.sort(key=lambda entry: MOD_ORDER.get(entry.mod or "", 1))
    return run


def _chunked_cluster_entries(rows: Iterable[Sequence], reports_of_clusters) -> Iterator[ChronologyEntry]:  # type: ignore[no-untyped-def,type-arg]
    """The entries of cluster rows read REPORTS_CHUNK rows at a time, each chunk's reports asked for at once."""
    chunk: list[Sequence] = []  # type: ignore[type-arg]
    for row in rows:
        chunk.append(row)
        if len(chunk) == REPORTS_CHUNK:
            yield from cluster_entries(chunk, reports_of_clusters)
            chunk = []
    if chunk:
        yield from cluster_entries(chunk, reports_of_clusters)


def source_name(source: str | None, title: str | None, path: str | None) -> str:
    """How a document is cited: its source, else its title, else its file name."""
    return source or title or (Path(path).name if path else "unknown source")


def split_list(text: str | None) -> tuple[str, ...]:
    """A `; `-joined list column as a tuple."""
    if not text:
        return ()
    return tuple(part.strip() for part in text.split(";") if part.strip())


def reports_of(reader: ChronologyReader, cluster_ids: Sequence[str]) -> dict[str, list[Report]]:
    """Each cluster's reports, earliest publication first."""
    reports: dict[str, list[Report]] = {}
    for offset in range(0, len(cluster_ids), REPORTS_CHUNK):
        for cluster_id, source, title, path, url, published, document_id, start, end in reader.report_rows(
            list(cluster_ids[offset : offset + REPORTS_CHUNK])
        ):
            reports.setdefault(cluster_id, []).append(
                _report(source_name(source, title, path), url, title, published, document_id, start, end)
            )
    return reports


def cluster_entries(rows: Sequence[Sequence], reports_of_clusters) -> list[ChronologyEntry]:  # type: ignore[no-untyped-def,type-arg]
    """The entries of cluster rows; `reports_of_clusters(ids)` gives the reports of the clusters not cited by their own row.

    A cluster of one report whose report (event and document) is joined to its row needs no second query for its citation.
    """
    alone = [_cites_its_own_row(row) for row in rows]
    shared = [row[0] for row, one in zip(rows, alone) if not one]
    reports_by_cluster = reports_of_clusters(shared) if shared else {}
    entries = []
    for one, (cluster_id, value, mod, earliest, latest, granularity, date_basis, category, wording, actor_list, figure_list,
              first_reported, event_count, last_reported, document_id, start, end, _cluster, _document, source, title, path,
              url, published) in zip(alone, rows):
        if one:
            name = source_name(source, title, path)
            reports: tuple[Report, ...] = (_report(name, url, title, published, document_id, start, end),)
            sources: tuple[str, ...] = (name,)
            urls: tuple[str, ...] = (url,) if url else ()
        else:
            reports = tuple(reports_by_cluster.get(cluster_id, ()))
            sources = _unique(report.source for report in reports)
            urls = _unique(report.url for report in reports if report.url)
        entries.append(
            _entry(
                cluster_id, value, mod, _day(earliest), _day(latest), granularity, _label(value, mod), wording, sources, urls,
                date_basis, document_id or 0, start or 0, end or 0, split_list(actor_list) if actor_list else (),
                split_list(figure_list) if figure_list else (), category, first_reported, event_count, reports, last_reported,
            )
        )
    return entries


_CLUSTER_ROW = {name: index for index, name in enumerate((*CLUSTER_COLUMNS, *REPORT_COLUMNS))}
_ID, _EVENT_COUNT = _CLUSTER_ROW["id"], _CLUSTER_ROW["event_count"]
_REPORT_CLUSTER, _REPORT_DOCUMENT = _CLUSTER_ROW["report_cluster"], _CLUSTER_ROW["report_document"]


def _cites_its_own_row(row: Sequence) -> bool:  # type: ignore[type-arg]
    """True for a cluster of one report whose report (event and document) is joined to its row: no query for its citation."""
    return row[_EVENT_COUNT] == 1 and row[_REPORT_CLUSTER] == row[_ID] and row[_REPORT_DOCUMENT] is not None


def event_entries(rows: Iterable[Sequence]) -> Iterator[ChronologyEntry]:  # type: ignore[type-arg]
    """The entries of event rows (a database without clusters), as they are read: each event cites its own document."""
    for (key, value, mod, earliest, latest, granularity, wording, date_basis, category, document_id, start, end,
         source, title, path, url, published) in rows:
        name = source_name(source, title, path)
        yield ChronologyEntry(
            key, value, mod, _day(earliest), _day(latest), granularity, _label(value, mod), wording, (name,),
            (url,) if url else (), date_basis, document_id, start, end, category=category, reported=published,
            reports=(_report(name, url, title, published, document_id, start, end),), last_reported=published,
        )


def _report(source: str, url: str | None, title: str | None, published: str | None, document_id: int | None,
            start: int | None, end: int | None) -> Report:
    """A Report made without its generated `__init__` (see `_entry`)."""
    report = _new_object(Report)
    report.__dict__.update(source=source, url=url, title=title, published=published, document_id=document_id, start=start, end=end)
    return report


def _day(text: str | None) -> date | None:
    """A date read from its ISO text (the statements read `earliest` and `latest` as text: fewer conversions)."""
    return None if text is None else _from_iso(text)


_from_iso = date.fromisoformat


_ENTRY_FIELDS = tuple(field.name for field in fields(ChronologyEntry))


def _entry(*values: object) -> ChronologyEntry:
    """The entry `ChronologyEntry(*values)` (every field's value, in order), made without its generated `__init__`.

    A frozen dataclass's `__init__` sets its twenty fields one `object.__setattr__` at a time, a third of the
    time a chronology query takes in Python; ChronologyEntry checks nothing on creation, so its fields are set at
    once (tests/query/test_chronology_entries.py holds the two ways equal).
    """
    entry = _new_object(ChronologyEntry)
    entry.__dict__.update(zip(_ENTRY_FIELDS, values))
    return entry


_new_object = object.__new__


_label = lru_cache(maxsize=4096)(date_label)
"""Labels repeat across entries (every '1 Jun 2024'): each is worked out once."""


def _unique(items) -> tuple:  # type: ignore[no-untyped-def]
    return tuple(dict.fromkeys(items))


def cluster_schema_of(found: Iterable[tuple[str, str, str]], triggers: int) -> tuple[bool, bool]:
    """From SQLite's catalogue rows (type, name, table) of `clusters` and its span triggers: whether the table is there,
    and whether all `triggers` span triggers are."""
    rows = list(found)
    kept = sum(1 for kind, _name, table in rows if kind == "trigger" and table == "clusters")
    return ("table", "clusters", "clusters") in rows, kept == triggers
