"""Read-only SQL for researchers: one query at a time on a database opened so that nothing can change it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from timeline.store.database import create_database_engine, database_url, sqlite_path

READING_KEYWORDS = ("select", "with", "values", "explain", "table", "pragma", "show")
READ_PRAGMAS = frozenset({
    "collation_list", "database_list", "function_list", "pragma_list", "compile_options", "user_version",
    "schema_version", "page_count", "page_size", "encoding", "freelist_count", "table_list",
})
"""PRAGMAs that only read when given no value."""
TABLE_PRAGMAS = frozenset({"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list"})
"""PRAGMAs whose argument names a table or index to describe."""
_LEADING_COMMENTS = re.compile(r"^\s*(?:(?:--[^\n]*\n|/\*.*?\*/)\s*)*", re.DOTALL)
_SQLITE_CODES = {"SELECT": 21, "READ": 20, "FUNCTION": 31, "RECURSIVE": 33, "PRAGMA": 19}


class ReadOnlyError(PermissionError):
    """A statement that would change the database (or run more than one statement): refused, nothing changed."""


class QueryError(ValueError):
    """A statement the database could not run (a syntax error, an unknown table…)."""


@dataclass(frozen=True)
class QueryResult:
    """The columns and rows a query returned."""

    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def check_read_only(statement: str) -> str:
    """The statement without a trailing `;`, or ReadOnlyError when it is not one reading statement."""
    body = _without_trailing_semicolons(statement)
    if _has_semicolon_outside_quotes(body):
        raise ReadOnlyError("refused: run one statement at a time (found `;` between statements); nothing was changed")
    head = _LEADING_COMMENTS.sub("", body).lstrip()
    keyword = head.split(None, 1)[0].lower() if head else ""
    if keyword not in READING_KEYWORDS:
        shown = " ".join(head.split()[:2]).upper() or "an empty statement"
        raise ReadOnlyError(
            f"refused: `timeline sql` is read-only and {shown} is not a query; only SELECT, WITH, VALUES, EXPLAIN "
            "and reading PRAGMAs run. Nothing was changed."
        )
    return body


def run_sql(db: str, statement: str, parameters: dict[str, Any] | None = None) -> QueryResult:
    """Run one reading statement on the database `db` opened read-only (SQLite `mode=ro` + `query_only` and an
    authorizer that allows only reads; a READ ONLY transaction on PostgreSQL)."""
    body = check_read_only(statement)
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise QueryError(f"no database at {path}: build it with `timeline ingest PATH` or `timeline show`")
    engine = create_database_engine(db, read_only=True)
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.connection.driver_connection.set_authorizer(_sqlite_authorizer)  # type: ignore[union-attr]
            elif connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            try:
                result = connection.execute(text(body), parameters or {})
                columns = tuple(result.keys()) if result.returns_rows else ()
                rows = [tuple(row) for row in result] if result.returns_rows else []
            except Exception as error:  # noqa: BLE001 - turned into a clear message below
                raise _explained(error) from None
            finally:
                connection.rollback()
                if connection.dialect.name == "sqlite":
                    connection.connection.driver_connection.set_authorizer(None)  # type: ignore[union-attr]
            return QueryResult(columns, rows)
    finally:
        engine.dispose()


def _sqlite_authorizer(action: int, first: str | None, _second: str | None, _database: str | None, _trigger: str | None) -> int:
    """Allow reading (SELECT, reading tables, functions, reading PRAGMAs); deny every other action."""
    import sqlite3

    if action in (_SQLITE_CODES["SELECT"], _SQLITE_CODES["READ"], _SQLITE_CODES["FUNCTION"], _SQLITE_CODES["RECURSIVE"]):
        return sqlite3.SQLITE_OK
    if action == _SQLITE_CODES["PRAGMA"]:
        name = (first or "").lower()
        if name in TABLE_PRAGMAS or (name in READ_PRAGMAS and _second is None):
            return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _explained(error: Exception) -> Exception:
    message = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    lowered = message.lower()
    if any(sign in lowered for sign in ("readonly", "read-only", "read only", "not authorized", "query_only")):
        return ReadOnlyError(f"refused: `timeline sql` is read-only ({message}); nothing was changed")
    return QueryError(message)


def _without_trailing_semicolons(statement: str) -> str:
    return statement.strip().rstrip(";").strip()


def _has_semicolon_outside_quotes(body: str) -> bool:
    quote: str | None = None
    index = 0
    while index < len(body):
        char = body[index]
        if quote:
            if char == quote:
                quote = None
        elif char in ("'", '"', "`"):
            quote = char
        elif body.startswith("--", index):
            newline = body.find("\n", index)
            index = len(body) if newline < 0 else newline
        elif body.startswith("/*", index):
            close = body.find("*/", index + 2)
            index = len(body) if close < 0 else close + 1
        elif char == ";":
            return True
        index += 1
    return False
