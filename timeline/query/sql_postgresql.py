"""`timeline sql` on PostgreSQL: a READ ONLY transaction with a statement time limit, as a role that can neither read the
server's files nor end other sessions.

A role that could (a superuser, or a member of pg_read_server_files, pg_write_server_files, pg_execute_server_program or
pg_signal_backend) is not used: the statement runs as the reader role instead (`timeline db reader-role` makes one,
named by TIMELINE_READER_ROLE, `timeline_reader` by default), connecting as it to the same server and database. When
there is none, the statement is refused with what to do.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from timeline.query.sql_statements import QueryCancelled, QueryError, QueryTimeout, ReadOnlyError, first_keyword

DEFAULT_READER_ROLE = "timeline_reader"
READER_ROLE_VARIABLE = "TIMELINE_READER_ROLE"
DANGEROUS_ROLES = ("pg_read_server_files", "pg_write_server_files", "pg_execute_server_program", "pg_signal_backend")
"""Built-in roles whose members may read or write the server's files, run programs on it, or end other sessions."""
PRIVILEGES = (
    "SELECT r.rolsuper, ARRAY(SELECT d.rolname FROM pg_roles d WHERE d.rolname = ANY(%(dangerous)s)"
    " AND pg_has_role(r.oid, d.oid, 'MEMBER')) FROM pg_roles r WHERE r.rolname = current_user"
)
"""Whether the connected role is a superuser, and which of DANGEROUS_ROLES it belongs to."""
_FETCH = 500
CLIENT_SIDE = frozenset({"show", "explain"})
"""Statements a server-side cursor cannot hold: their few rows are read at once."""


class UnsafeRoleError(PermissionError):
    """Only a role that could read server files or end other sessions is available: `timeline sql` will not use it."""


def reader_role_name() -> str:
    """The reader role `timeline sql` connects as when the URL's role has too many rights."""
    return os.environ.get(READER_ROLE_VARIABLE) or DEFAULT_READER_ROLE


def dangerous_rights(connection) -> list[str]:  # type: ignore[no-untyped-def]
    """What the connection's role could do that `timeline sql` must not: `superuser`, or the built-in roles it belongs to."""
    row = connection.execute(PRIVILEGES, {"dangerous": list(DANGEROUS_ROLES)}).fetchone()
    if row is None:
        return []
    superuser, memberships = row
    return (["superuser"] if superuser else []) + list(memberships or [])


@contextmanager
def postgresql_query(db: str, body: str, parameters: dict[str, Any], timeout: float | None) -> Iterator[Any]:
    """An open reading query: a READ ONLY transaction as a safe role, `statement_timeout` set, rows from a server-side cursor."""
    import psycopg

    from timeline.query.sql import QueryRows

    with _safe_connection(db) as connection:
        try:
            with connection.transaction():
                connection.execute("SET TRANSACTION READ ONLY")
                connection.execute(f"SET LOCAL statement_timeout = {int((timeout or 0) * 1000)}")
                with _executed(connection, _pyformat(body), parameters, first_keyword(body) in CLIENT_SIDE) as cursor:
                    columns = tuple(column.name for column in cursor.description or ())
                    yield QueryRows(columns, _rows(cursor, timeout))
        except psycopg.Error as error:
            raise _explained(error, timeout) from None
        except KeyboardInterrupt:  # psycopg has already asked the server to cancel the statement
            raise QueryCancelled("cancelled (Ctrl-C): the statement was stopped on the server; nothing was changed") from None


@contextmanager
def _executed(connection, statement: str, parameters: dict[str, Any], client_side: bool) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """The statement run on a server-side cursor (rows fetched _FETCH at a time), or on a client-side one for what a cursor
    cannot hold (SHOW, EXPLAIN, a WITH that changes data, which the read-only transaction then refuses)."""
    import psycopg

    if not client_side:
        cursor = connection.cursor(name="timeline_sql")
        cursor.itersize = _FETCH
        try:
            with connection.transaction():
                cursor.execute(statement, parameters)
        except psycopg.errors.SyntaxError:
            cursor.close()
        else:
            with cursor:
                yield cursor
            return
    with connection.cursor() as cursor:
        cursor.execute(statement, parameters)
        yield cursor


def _rows(cursor, timeout: float | None) -> Iterator[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    import psycopg

    try:
        yield from cursor
    except psycopg.Error as error:
        raise _explained(error, timeout) from None


@contextmanager
def _safe_connection(db: str) -> Iterator[Any]:
    """A psycopg connection as a role without dangerous rights: the URL's own, else the reader role; UnsafeRoleError otherwise."""
    import psycopg

    from timeline.store.database import database_url

    url = database_url(db)
    given = _connect(url)
    try:
        rights = dangerous_rights(given)
        given.rollback()
        if not rights:
            yield given
            return
    except BaseException:
        given.close()
        raise
    given.close()
    role = reader_role_name()
    reader_url = url.set(username=role, password=None)
    try:
        reader = _connect(reader_url)
    except psycopg.OperationalError as error:
        raise UnsafeRoleError(_refusal(url.username, rights, role, str(error).strip().splitlines()[0])) from None
    try:
        rights_as_reader = dangerous_rights(reader)
        reader.rollback()
        if rights_as_reader:
            raise UnsafeRoleError(_refusal(url.username, rights, role, f"{role} itself has the rights {', '.join(rights_as_reader)}"))
        yield reader
    finally:
        reader.close()


def _connect(url):  # type: ignore[no-untyped-def]
    import psycopg

    parameters = {"host": url.host, "port": url.port, "user": url.username, "password": url.password, "dbname": url.database}
    parameters.update({key: value for key, value in url.query.items() if isinstance(value, str)})
    return psycopg.connect(**{key: value for key, value in parameters.items() if value is not None}, autocommit=False)


def _refusal(user: str | None, rights: list[str], role: str, why: str) -> str:
    return (
        f"refused: the role {user or '(default)'} is {' and '.join(_described(right) for right in rights)}, so a query could read "
        f"the server's files or end other sessions; and the reader role {role!r} cannot be used ({why}). Create it with "
        f"`timeline --db URL db reader-role` (as this role), or give --db a URL whose role has no such rights. Nothing was run."
    )


def _described(right: str) -> str:
    return "a superuser" if right == "superuser" else f"a member of {right}"


def _pyformat(body: str) -> str:
    """The statement with `:name` parameters as psycopg's `%(name)s` (outside quotes) and every other `%` doubled."""
    out: list[str] = []
    index, quote = 0, None
    while index < len(body):
        char = body[index]
        if quote:
            out.append("%%" if char == "%" else char)
            if char == quote:
                quote = None
        elif char in ("'", '"'):
            quote = char
            out.append(char)
        elif char == "%":
            out.append("%%")
        elif char == ":" and index + 1 < len(body) and (body[index + 1].isalpha() or body[index + 1] == "_") and body[index - 1 : index] != ":":
            end = index + 1
            while end < len(body) and (body[end].isalnum() or body[end] == "_"):
                end += 1
            out.append(f"%({body[index + 1 : end]})s")
            index = end
            continue
        elif body.startswith("--", index):
            newline = body.find("\n", index)
            stop = len(body) if newline < 0 else newline
            out.append(body[index:stop].replace("%", "%%"))
            index = stop
            continue
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _explained(error: BaseException, timeout: float | None) -> Exception:
    import psycopg

    message = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if isinstance(error, psycopg.errors.QueryCanceled):
        if "statement timeout" in message:
            return QueryTimeout(f"stopped after the time limit of {timeout:g} s (--timeout; 0 for none)")
        return QueryCancelled("cancelled: the statement was stopped on the server; nothing was changed")
    if isinstance(error, psycopg.errors.ReadOnlySqlTransaction):
        return ReadOnlyError(f"refused: `timeline sql` is read-only ({message}); nothing was changed")
    if isinstance(error, psycopg.errors.InsufficientPrivilege):
        return ReadOnlyError(f"refused: `timeline sql` runs as a role that may only read the database ({message}); nothing was changed")
    if isinstance(error, psycopg.errors.SyntaxError):
        return QueryError(message if message.startswith("syntax error") else f"syntax error: {message}")
    if isinstance(error, KeyError) or "missing" in message and "parameter" in message:
        return QueryError(f"{message} (give each :name with -p NAME VALUE)")
    return QueryError(message)
