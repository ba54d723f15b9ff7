"""What a researcher's SQL statement is before any database sees it: one statement, reading or writing, by its first word."""

from __future__ import annotations

import re

READING_KEYWORDS = frozenset({"select", "with", "values", "explain", "table", "pragma", "show"})
"""Statements that may read: the database's own read-only guards decide the rest."""
WRITING_KEYWORDS = frozenset({
    "insert", "update", "delete", "replace", "upsert", "merge", "create", "drop", "alter", "truncate", "rename", "attach",
    "detach", "vacuum", "reindex", "analyze", "analyse", "begin", "start", "commit", "end", "rollback", "abort", "savepoint",
    "release", "grant", "revoke", "copy", "call", "do", "set", "reset", "lock", "listen", "notify", "unlisten", "cluster",
    "comment", "discard", "load", "checkpoint", "refresh", "security", "import", "prepare", "execute", "deallocate",
    "declare", "fetch", "move", "close", "reassign", "prepare", "checkpoint",
})
"""First words of statements that change a database or a session (SQL, SQLite and PostgreSQL)."""
_LEADING_COMMENTS = re.compile(r"^\s*(?:(?:--[^\n]*(?:\n|$)|/\*.*?\*/)\s*)*", re.DOTALL)


class ReadOnlyError(PermissionError):
    """A statement that would change the database (or run more than one statement): refused, nothing changed."""


class QueryError(ValueError):
    """A statement the database could not run (a syntax error, an unknown table, a missing parameter…)."""


class QueryTimeout(QueryError):
    """A statement stopped after its time limit."""


class QueryCancelled(QueryError):
    """A statement stopped by the user (Ctrl-C)."""


def statement_body(statement: str) -> str:
    """The statement without trailing `;`, or ReadOnlyError when it holds more than one statement."""
    body = statement.strip().rstrip(";").strip()
    if _has_semicolon_outside_quotes(body):
        raise ReadOnlyError("refused: run one statement at a time (found `;` between statements); nothing was changed")
    return body


def first_keyword(body: str) -> str:
    """The statement's first word in lower case, after any leading comments ('' for an empty statement)."""
    head = _LEADING_COMMENTS.sub("", body).lstrip()
    match = re.match(r"[A-Za-z_]+", head)
    return match.group(0).lower() if match else head[:1]


def refusal(body: str) -> ReadOnlyError:
    """The refusal of a statement that would write, naming it."""
    head = _LEADING_COMMENTS.sub("", body).lstrip()
    shown = " ".join(head.split()[:2]).upper() or "an empty statement"
    return ReadOnlyError(
        f"refused: `timeline sql` is read-only and {shown} is not a query; only SELECT, WITH, VALUES, EXPLAIN "
        "and reading PRAGMAs run. Nothing was changed."
    )


def not_a_statement(body: str) -> QueryError:
    """The syntax error of a statement whose first word begins no SQL statement."""
    word = first_keyword(body) or body[:1]
    return QueryError(f'syntax error at or near "{word}": no SQL statement begins with it (did you mean SELECT?)')


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
