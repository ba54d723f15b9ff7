"""The chronology read from a local SQLite file with the standard library's `sqlite3`: no SQLAlchemy to import.

It runs the Core statements' own SQLite text (`timeline/query/sqlite_statements.py`, generated from
`timeline/query/chronology.py`), put together by the names of `timeline/query/statement_shape.py`; what it is
asked and what its rows become is `timeline/query/chronology_entries.py`, as for every other database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from timeline.query import sqlite_statements as compiled
from timeline.query.chronology_entries import cluster_schema_of
from timeline.query.search_terms import search_kind
from timeline.query.statement_shape import (
    ClusterShape, EventShape, SpanClass, class_conditions, cluster_conditions, cluster_shape, event_conditions, event_shape,
    statement_values,
)
from timeline.store.sqlite_file import SQLITE_HAS_TABLE, connect_read_only

if TYPE_CHECKING:
    from timeline.query.chronology_filter import ChronologyFilter
    from timeline.query.periods import Period

Parameter = str | tuple[object]
Statement = tuple[str, tuple[Parameter, ...]]


@contextmanager
def sqlite_reader(path: Path) -> Iterator[SqliteReader]:
    """A reader of the SQLite file `path`, opened read-only (a statement that writes is refused) and closed after."""
    with closing(connect_read_only(path)) as connection:
        yield SqliteReader(connection)


class SqliteReader:
    """The chronology's statements, compiled for SQLite, run through a `sqlite3` connection."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def cluster_schema(self) -> tuple[bool, bool | None]:
        """Whether there is a `clusters` table, and whether its span triggers are in place."""
        found = self.connection.execute(compiled.STATEMENTS["cluster_schema"][0]).fetchall()
        return cluster_schema_of(found, compiled.SPAN_TRIGGER_COUNT)

    def span_classes(self, include_reported: bool, spans_kept: bool | None) -> list[SpanClass] | None:
        """Each (date basis, granularity, longest span in days) of the clusters read, or None when no bound is kept.

        `spans_kept` comes from `cluster_schema`, which on SQLite always knows whether the span triggers are in place.
        """
        if not spans_kept:
            return None
        rows = self._run(compiled.STATEMENTS["spans" if include_reported else "stated_spans"])
        return [(basis, granularity, max(int(longest), 0)) for basis, granularity, longest in rows]

    def cluster_rows(self, query_filter: ChronologyFilter, classes: list[SpanClass] | None) -> Iterator[tuple]:  # type: ignore[type-arg]
        """The cluster rows matching the filter, in order, read as they are needed."""
        statement = cluster_statement(cluster_shape(query_filter, classes, self._text_kind(query_filter)))
        return self._cursor(statement, statement_values(query_filter, classes))

    def has_cluster_rows(self) -> bool:
        """True when the `clusters` table holds a row."""
        return bool(self._run(compiled.STATEMENTS["any_cluster"]))

    def report_rows(self, cluster_ids: Sequence[str]) -> list[tuple]:  # type: ignore[type-arg]
        """(cluster id, source, title, path, url, published, document id, start, end) of every report of the clusters,
        earliest publication first."""
        return self._run(reports_statement(len(cluster_ids)), {"cluster_ids": list(cluster_ids)})

    def event_rows(self, query_filter: ChronologyFilter) -> Iterator[tuple]:  # type: ignore[type-arg]
        """The event rows matching the filter, in order, read as they are needed."""
        shape = event_shape(query_filter, self._has_table("event_actors"), self._text_kind(query_filter))
        return self._cursor(event_statement(shape), statement_values(query_filter))

    def undated_count(self, clustered: bool, include_reported: bool) -> int:
        """How many clusters (or events) have no calendar interval."""
        name = f"undated_{'' if include_reported else 'stated_'}{'clusters' if clustered else 'events'}"
        return int(self._scalar(compiled.STATEMENTS[name]))  # type: ignore[arg-type]

    def periods(self) -> list[Period]:
        """The named periods stored in the database, by start date ([] before the periods migration)."""
        from timeline.query.periods import period_from_row

        if not self._has_table("periods"):
            return []
        columns = compiled.PERIOD_COLUMNS
        return [period_from_row(SimpleNamespace(**dict(zip(columns, row)))) for row in self._run(compiled.STATEMENTS["periods"])]

    def _text_kind(self, query_filter: ChronologyFilter) -> str | None:
        return search_kind("sqlite", self._has_table("events_fts"), query_filter.text) if query_filter.text else None

    def _has_table(self, name: str) -> bool:
        return self.connection.execute(SQLITE_HAS_TABLE, (name,)).fetchone() is not None

    def _run(self, statement: Statement, values: dict[str, object] | None = None) -> list[tuple]:  # type: ignore[type-arg]
        sql, parameters = statement
        return self.connection.execute(sql, bound_values(parameters, values or {})).fetchall()

    def _cursor(self, statement: Statement, values: dict[str, object]) -> Iterator[tuple]:  # type: ignore[type-arg]
        """The statement's rows from an open cursor: SQLite steps through them as they are taken."""
        sql, parameters = statement
        cursor = self.connection.execute(sql, bound_values(parameters, values))
        try:
            yield from cursor
        finally:
            with suppress(sqlite3.ProgrammingError):  # the connection closed first: so is the cursor
                cursor.close()

    def _scalar(self, statement: Statement) -> object:
        return self._run(statement)[0][0]


def bound_values(parameters: Sequence[Parameter], values: dict[str, object]) -> list[object]:
    """The values of a statement's parameters in order, as SQLite stores them (dates as ISO text, a list spread out)."""
    bound: list[object] = []
    for parameter in parameters:
        value = parameter[0] if isinstance(parameter, tuple) else values[parameter]
        if isinstance(value, list):
            bound.extend(value)
        else:
            bound.append(value.isoformat() if isinstance(value, date) else value)
    return bound


def _joined(head: str, conditions: list[Statement]) -> Statement:
    """`head WHERE c1 AND c2 …`, its parameters in order."""
    where = compiled.PIECES["and"].join(sql for sql, _parameters in conditions)
    return head + compiled.PIECES["where"] + where, tuple(parameter for _sql, parameters in conditions for parameter in parameters)


def _numbered(statement: Statement, number: int) -> Statement:
    """A class condition with its parameters named for the class numbered `number`."""
    sql, parameters = statement
    return sql, tuple(parameter if isinstance(parameter, tuple) else parameter.format(number=number) for parameter in parameters)


def _limited(statement: Statement, limit: bool) -> Statement:
    if not limit:
        return statement
    return statement[0] + compiled.LIMIT[0], statement[1] + compiled.LIMIT[1]


@lru_cache(maxsize=256)
def cluster_statement(shape: ClusterShape) -> Statement:
    """The SQLite text of the Core cluster statement of this shape (`build_cluster_statement`), and its parameters."""
    shared = [compiled.CLUSTER_CONDITIONS[name] for name in cluster_conditions(shape)]
    head = compiled.PIECES["cluster_head"]
    if shape.classes:
        arms = [
            _joined(head, [*shared, *(_numbered(compiled.CLASS_CONDITIONS[name], number) for name in class_conditions(granular, shape.bounded))])
            for number, granular in enumerate(shape.classes)
        ]
        if len(arms) > 1:
            merged = compiled.PIECES["union"].join(sql for sql, _parameters in arms) + compiled.PIECES["cluster_union_order"]
            return _limited((merged, tuple(parameter for _sql, parameters in arms for parameter in parameters)), shape.limit)
        sql, parameters = arms[0]
    else:
        sql, parameters = _joined(head, shared)
    order = compiled.PIECES["cluster_value_order" if shape.year_unknown else "cluster_order"]
    return _limited((sql + order, parameters), shape.limit)


@lru_cache(maxsize=256)
def event_statement(shape: EventShape) -> Statement:
    """The SQLite text of the Core event statement of this shape (`build_event_statement`), and its parameters."""
    sql, parameters = _joined(compiled.PIECES["event_head"], [compiled.EVENT_CONDITIONS[name] for name in event_conditions(shape)])
    order = compiled.PIECES["event_value_order" if shape.year_unknown else "event_order"]
    return _limited((sql + order, parameters), shape.limit)


def reports_statement(count: int) -> Statement:
    """The SQLite text of the reports statement for `count` clusters (its expanding list written out)."""
    sql, parameters = compiled.STATEMENTS["reports"]
    return sql.replace("(__[POSTCOMPILE_cluster_ids])", "(" + ", ".join("?" * count) + ")"), parameters
