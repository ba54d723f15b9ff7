"""Read-only SQL for researchers: one statement at a time, on a database opened so that nothing can change it, within a
time limit, stoppable with Ctrl-C, its rows read as they are taken.

SQLite runs through the standard library on a connection opened read-only (`mode=ro`, `query_only`, an authorizer that
allows only reading); a progress handler stops a statement past its time limit. PostgreSQL runs in a READ ONLY
transaction with `statement_timeout`, as a role that can neither read the server's files nor end other sessions
(`timeline/query/sql_postgresql.py`).
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from typing import Any

from timeline.query.sql_statements import (
    READING_KEYWORDS, WRITING_KEYWORDS, QueryCancelled, QueryError, QueryTimeout, ReadOnlyError, first_keyword, not_a_statement,
    refusal, statement_body,
)
from timeline.store.database import database_url, sqlite_path

__all__ = [
    "DEFAULT_TIMEOUT_S", "QueryCancelled", "QueryError", "QueryResult", "QueryRows", "QueryTimeout", "ReadOnlyError",
    "check_read_only", "open_query", "run_sql",
]

DEFAULT_TIMEOUT_S = 60.0
"""A statement runs at most this long unless told otherwise (0 or None: no limit)."""
READ_PRAGMAS = frozenset({
    "collation_list", "database_list", "function_list", "pragma_list", "module_list", "compile_options", "user_version",
    "application_id", "schema_version", "data_version", "page_count", "page_size", "encoding", "freelist_count",
    "table_list", "foreign_keys", "journal_mode", "auto_vacuum", "max_page_count",
})
"""PRAGMAs that only read when given no value (with one, most of them write)."""
DESCRIBING_PRAGMAS = frozenset({
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "foreign_key_check", "integrity_check", "quick_check",
})
"""PRAGMAs that read whatever their argument (a table, an index, a number of errors to list)."""
PROGRESS_STEPS = 20_000
"""SQLite's virtual machine steps between two looks at the clock."""
_CODES = {"PRAGMA": 19, "READ": 20, "SELECT": 21, "UPDATE": 23, "FUNCTION": 31, "RECURSIVE": 33}
_SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_schema", "sqlite_temp_master"})


@dataclass(frozen=True)
class QueryResult:
    """The columns and rows a query returned (at most the rows asked for), and whether more were left unread."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    more: bool = False

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(frozen=True)
class QueryRows:
    """An open query: its columns, and its rows read as they are taken."""

    columns: tuple[str, ...]
    rows: Iterator[tuple[Any, ...]]


def check_read_only(statement: str) -> str:
    """The statement without a trailing `;`; ReadOnlyError for more than one statement or a statement that writes."""
    body = statement_body(statement)
    keyword = first_keyword(body)
    if keyword in WRITING_KEYWORDS or not keyword:
        raise refusal(body)
    return body


def run_sql(db: str, statement: str, parameters: dict[str, Any] | None = None, *, timeout: float | None = DEFAULT_TIMEOUT_S,
            max_rows: int | None = None) -> QueryResult:
    """Run one reading statement on the database `db` opened read-only; its rows (at most `max_rows`), within `timeout` seconds."""
    with open_query(db, statement, parameters, timeout=timeout) as query:
        rows = list(itertools.islice(query.rows, max_rows)) if max_rows else list(query.rows)
        more = bool(max_rows) and next(query.rows, None) is not None
        return QueryResult(query.columns, rows, more)


@contextmanager
def open_query(db: str, statement: str, parameters: dict[str, Any] | None = None, *,
               timeout: float | None = DEFAULT_TIMEOUT_S) -> Iterator[QueryRows]:
    """An open reading query on `db`, its rows read while the block runs (the time limit counts until it ends).

    Raises ReadOnlyError for a statement that would write, QueryError when the database cannot run it (QueryTimeout past
    `timeout` seconds, QueryCancelled on Ctrl-C).
    """
    body = check_read_only(statement)
    url = database_url(db)
    if url.get_backend_name() == "sqlite":
        with _sqlite_query(db, body, parameters or {}, timeout) as query:
            yield query
        return
    if body and first_keyword(body) not in READING_KEYWORDS:
        raise not_a_statement(body)
    if url.get_backend_name() == "postgresql":
        from timeline.query.sql_postgresql import postgresql_query

        with postgresql_query(db, body, parameters or {}, timeout) as query:
            yield query
        return
    raise QueryError(f"`timeline sql` reads SQLite and PostgreSQL databases, not {url.get_backend_name()}")


@contextmanager
def _sqlite_query(db: str, body: str, parameters: dict[str, Any], timeout: float | None) -> Iterator[QueryRows]:
    path = sqlite_path(database_url(db))
    if path is not None and not path.exists():
        raise QueryError(f"no database at {path}: build it with `timeline ingest PATH` or `timeline show`")
    with closing(_sqlite_connection(db)) as connection:
        clock = _Clock(timeout)
        connection.set_authorizer(_sqlite_authorizer)
        connection.set_progress_handler(clock.expired, PROGRESS_STEPS)
        with _interrupt_on_ctrl_c(connection, clock), _cleared(connection):
            if first_keyword(body) not in READING_KEYWORDS:
                raise _classified(connection, body)
            try:
                cursor = connection.execute(body, parameters)
            except (sqlite3.Error, ValueError) as error:
                raise _explained(error, clock) from None
            columns = tuple(column[0] for column in cursor.description or ())
            yield QueryRows(columns, _sqlite_rows(cursor, clock))


@contextmanager
def _cleared(connection: sqlite3.Connection) -> Iterator[None]:
    try:
        yield
    finally:
        connection.set_progress_handler(None, 0)
        connection.set_authorizer(None)


@contextmanager
def _interrupt_on_ctrl_c(connection: sqlite3.Connection, clock: _Clock) -> Iterator[None]:
    """While the block runs, Ctrl-C (SIGINT) stops the running statement (in the main thread; elsewhere nothing changes)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signal: int, _frame: object) -> None:
        clock.cancelled = True
        connection.interrupt()

    previous = signal.signal(signal.SIGINT, stop)
    try:
        yield
        if clock.cancelled:  # pressed while rows were being written: stop there
            raise QueryCancelled("cancelled (Ctrl-C): the statement was stopped; nothing was changed")
    finally:
        signal.signal(signal.SIGINT, previous)


def _sqlite_connection(db: str) -> sqlite3.Connection:
    from timeline.store.sqlite_file import connect_read_only, local_sqlite_path

    path = local_sqlite_path(db)
    if path is not None:
        return connect_read_only(path)
    from timeline.store.database import create_database_engine

    engine = create_database_engine(db, read_only=True)
    return engine.raw_connection().driver_connection  # type: ignore[return-value]


def _sqlite_rows(cursor: sqlite3.Cursor, clock: _Clock) -> Iterator[tuple[Any, ...]]:
    try:
        while True:
            rows = cursor.fetchmany(500)
            if not rows:
                return
            yield from rows
    except sqlite3.Error as error:
        raise _explained(error, clock) from None


class _Clock:
    """Tells SQLite's progress handler to stop a statement past its deadline, or when Ctrl-C was pressed."""

    def __init__(self, timeout: float | None) -> None:
        self.timeout = timeout
        self.deadline = time.monotonic() + timeout if timeout else None
        self.cancelled = False
        self.timed_out = False

    def expired(self) -> int:
        """1 (stop) past the deadline or after Ctrl-C, else 0."""
        if self.cancelled:
            return 1
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.timed_out = True
            return 1
        return 0


def _classified(connection: sqlite3.Connection, body: str) -> Exception:
    """Why a statement that starts with no reading word does not run: a syntax error, or a refusal to write."""
    try:
        connection.execute("EXPLAIN " + body)
    except sqlite3.Error as error:
        message = str(error)
        if "syntax error" in message or "incomplete input" in message or "unrecognized token" in message:
            return QueryError(f"syntax error: {message}")
    return refusal(body)


def _sqlite_authorizer(action: int, first: str | None, second: str | None, _database: str | None, _trigger: str | None) -> int:
    """Allow reading (SELECT, reading tables, functions, reading PRAGMAs, a virtual table's look at the schema); deny the rest."""
    if action in (_CODES["SELECT"], _CODES["READ"], _CODES["FUNCTION"], _CODES["RECURSIVE"]):
        return sqlite3.SQLITE_OK
    if action == _CODES["UPDATE"] and (first or "").lower() in _SCHEMA_TABLES:
        return sqlite3.SQLITE_OK  # a virtual table (events_fts, pragma_table_info) connecting; the file is read-only anyway
    if action == _CODES["PRAGMA"]:
        name = (first or "").lower()
        if name in DESCRIBING_PRAGMAS or (name in READ_PRAGMAS and second is None):
            return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _explained(error: BaseException, clock: _Clock | None = None) -> Exception:
    """The error a user sees: a timeout, a cancellation, a refusal to write, a syntax error, or the database's own words."""
    message = (str(getattr(error, "orig", None) or error).strip().splitlines() or [type(error).__name__])[0]
    lowered = message.lower()
    if clock is not None and "interrupted" in lowered:
        if clock.timed_out:
            return QueryTimeout(f"stopped after the time limit of {clock.timeout:g} s (--timeout; 0 for none)")
        return QueryCancelled("cancelled (Ctrl-C): the statement was stopped; nothing was changed")
    if any(sign in lowered for sign in ("readonly", "read-only", "read only", "not authorized", "query_only")):
        return ReadOnlyError(f"refused: `timeline sql` is read-only ({message}); nothing was changed")
    if "syntax error" in lowered or "incomplete input" in lowered or "unrecognized token" in lowered:
        return QueryError(message if lowered.startswith("syntax error") else f"syntax error: {message}")
    if "incorrect number of bindings" in lowered or "you did not supply a value for binding" in lowered:
        return QueryError(f"{message} (give each :name with -p NAME VALUE)")
    return QueryError(message)


def explained(error: BaseException, parameters: Sequence[str] = ()) -> Exception:
    """The error a user sees for a database error raised outside SQLite's own path (PostgreSQL)."""
    return _explained(error)
