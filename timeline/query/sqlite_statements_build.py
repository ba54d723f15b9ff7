"""Write `timeline/query/sqlite_statements.py`: the chronology's Core statements compiled for SQLite, in pieces.

The SQLite read path (`timeline/query/sqlite_reader.py`) runs this text with the standard library's `sqlite3`,
so `timeline show` on a local file needs no SQLAlchemy. A cluster statement has a shape per filter and one
branch per class of clusters, so the pieces are stored (the columns, each condition, the order, the limit,
the joins between them) and put together by the names of `timeline/query/statement_shape.py`.
tests/query/test_sqlite_statements.py holds the stored text equal to what this writes, and every shape put
together equal to the Core statement compiled whole.

Run after changing a chronology statement: uv run python -m timeline.query.sqlite_statements_build
"""

from __future__ import annotations

import pprint
from pathlib import Path

from sqlalchemy.dialects import sqlite

from timeline.query import chronology
from timeline.query.statement_shape import ClusterShape, EventShape
from timeline.store.tables_periods import PERIOD_ROWS

TARGET = Path(__file__).resolve().parent / "sqlite_statements.py"
NUMBER_SLOT = "{number}"
"""Compiled in place of a class's number: the reader formats each class's parameter names with its own."""
_DIALECT = sqlite.dialect()
_WHERE = " \nWHERE "
_AND = " AND "

Parameter = str | tuple[object]
Piece = tuple[str, tuple[Parameter, ...]]


def compiled(statement) -> Piece:  # type: ignore[no-untyped-def]
    """A statement's SQLite text and its parameters in order: a name for a value given at run time, (value,) for a constant."""
    result = statement.compile(dialect=_DIALECT)
    parameters: list[Parameter] = []
    for name in result.positiontup or ():
        bind = result.binds[name]
        parameters.append(name if bind.value is None and bind.callable is None else (bind.effective_value,))
    return str(result), tuple(parameters)


def _after(whole: Piece, start: Piece) -> Piece:
    """What `whole` adds after `start`, which it must begin with."""
    if not whole[0].startswith(start[0]) or whole[1][: len(start[1])] != start[1]:
        raise ValueError(f"the compiled statement does not extend the piece it was built on:\n{whole[0]}\n--- not after ---\n{start[0]}")
    return whole[0][len(start[0]) :], whole[1][len(start[1]) :]


def _conditions(head, dated, conditions) -> dict[str, Piece]:  # type: ignore[no-untyped-def]
    """Each condition's text as it stands after `dated AND` in a statement's WHERE (an OR in brackets, as there)."""
    first = compiled(head.where(dated))
    pieces = {}
    for name, condition in conditions.items():
        if name == "dated":
            where, parameters = _after(first, compiled(head))
            if not where.startswith(_WHERE):
                raise ValueError(f"unexpected WHERE: {where!r}")
            pieces[name] = (where[len(_WHERE) :], parameters)
        else:
            pieces[name] = _after(compiled(head.where(dated, condition)), (first[0] + _AND, first[1]))
    return pieces


def _made(conditions: dict) -> dict:  # type: ignore[type-arg]
    """The conditions SQLite runs (not PostgreSQL's full-text search), each made."""
    return {name: make() for name, make in conditions.items() if not name.endswith("_postgresql")}


def _cluster_shape(classes: tuple[bool, ...] | None = None, *, limit: bool = False, year_unknown: bool = False) -> ClusterShape:
    return ClusterShape(classes, False, False, False, True, False, limit, year_unknown=year_unknown)


def _event_shape(*, limit: bool = False, year_unknown: bool = False) -> EventShape:
    return EventShape(True, False, False, False, False, limit, year_unknown=year_unknown)


def statements() -> dict[str, object]:
    """Every piece and whole statement of the SQLite read path, by name."""
    cluster_head, event_head = chronology.cluster_head(), chronology.event_head()
    cluster_dated, event_dated = chronology.CLUSTER_CONDITIONS["dated"](), chronology.EVENT_CONDITIONS["dated"]()
    cluster_conditions = _conditions(cluster_head, cluster_dated, _made(chronology.CLUSTER_CONDITIONS))
    class_conditions = _conditions(
        cluster_head, cluster_dated, {name: make(NUMBER_SLOT) for name, make in chronology.CLASS_CONDITIONS.items()}
    )
    event_conditions = _conditions(event_head, event_dated, _made(chronology.EVENT_CONDITIONS))
    build, build_events = chronology.build_cluster_statement, chronology.build_event_statement
    cluster_where = compiled(cluster_head.where(cluster_dated))
    cluster_order = _after(compiled(build(_cluster_shape())), cluster_where)
    limit = _after(compiled(build(_cluster_shape(limit=True))), compiled(build(_cluster_shape())))
    arm = (
        cluster_where[0] + "".join(_AND + class_conditions[name][0] for name in ("class_basis", "class_granularity")),
        cluster_where[1] + class_conditions["class_basis"][1] + class_conditions["class_granularity"][1],
    )
    two, three = compiled(build(_cluster_shape((True, True)))), compiled(build(_cluster_shape((True, True, True))))
    union = three[0][len(arm[0]) : len(three[0]) - len(two[0])]
    union_order = two[0][2 * len(arm[0]) + len(union) :], ()
    event_where = compiled(event_head.where(event_dated))
    event_order = _after(compiled(build_events(_event_shape())), event_where)
    cluster_value_order = _after(
        compiled(build(_cluster_shape(year_unknown=True))), compiled(cluster_head.where(chronology.CLUSTER_CONDITIONS["year_unknown"]()))
    )
    event_value_order = _after(
        compiled(build_events(_event_shape(year_unknown=True))), compiled(event_head.where(chronology.EVENT_CONDITIONS["year_unknown"]()))
    )
    return {
        "PIECES": {
            "cluster_head": compiled(cluster_head)[0],
            "event_head": compiled(event_head)[0],
            "where": _WHERE,
            "and": _AND,
            "union": union,
            "cluster_order": cluster_order[0],
            "cluster_union_order": union_order[0],
            "event_order": event_order[0],
            "cluster_value_order": cluster_value_order[0],
            "event_value_order": event_value_order[0],
        },
        "LIMIT": limit,
        "CLUSTER_CONDITIONS": cluster_conditions,
        "CLASS_CONDITIONS": class_conditions,
        "EVENT_CONDITIONS": event_conditions,
        "STATEMENTS": {
            "any_cluster": compiled(chronology.ANY_CLUSTER),
            "cluster_schema": (chronology.SQLITE_CLUSTER_SCHEMA, ()),
            "spans": compiled(chronology.SPANS[True]),
            "stated_spans": compiled(chronology.SPANS[False]),
            "undated_clusters": compiled(chronology.UNDATED[True, True]),
            "undated_stated_clusters": compiled(chronology.UNDATED[True, False]),
            "undated_events": compiled(chronology.UNDATED[False, True]),
            "undated_stated_events": compiled(chronology.UNDATED[False, False]),
            "reports": compiled(chronology.reports_statement()),
            "periods": compiled(PERIOD_ROWS),
        },
        "PERIOD_COLUMNS": tuple(column.name for column in PERIOD_ROWS.selected_columns),
        "SPAN_TRIGGER_COUNT": len(chronology.SPAN_TRIGGERS),
    }


_HEADER = '''"""The chronology's statements compiled for SQLite, in pieces: written by timeline/query/sqlite_statements_build.py.

Generated from the SQLAlchemy Core statements of timeline/query/chronology.py; regenerate with
`uv run python -m timeline.query.sqlite_statements_build`. A parameter is the name of a value given at run time
(`statement_values`; `{number}` is a class's number) or a one-item tuple holding a constant.
"""

'''


def render() -> str:
    """The source text of `timeline/query/sqlite_statements.py`."""
    parts = [_HEADER]
    for name, value in statements().items():
        parts.append(f"{name} = {pprint.pformat(value, width=120, sort_dicts=False)}\n")
    return "\n".join(parts)


def main() -> None:
    """Write the module, reporting whether it changed."""
    text = render()
    changed = not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text
    TARGET.write_text(text, encoding="utf-8")
    print(f"{'wrote' if changed else 'unchanged'} {TARGET}")


if __name__ == "__main__":
    main()
