"""The SQLite read path's statements are the Core statements compiled for SQLite, for every shape a filter can take."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from timeline.query.chronology import build_cluster_statement, build_event_statement, reports_statement
from timeline.query.chronology_filter import ChronologyFilter
from timeline.query.sqlite_reader import Parameter, cluster_statement, event_statement
from timeline.query.sqlite_reader import reports_statement as sqlite_reports_statement
from timeline.query.sqlite_statements_build import TARGET, render
from timeline.query.statement_shape import ClusterShape, EventShape, statement_values

DIALECT = sqlite.dialect()
EVERY_VALUE = ChronologyFilter(
    start=date(2022, 3, 1), end=date(2022, 7, 1), actor=" Wagner ", text="mobilization order", category=" Casualties",
    source="Bloomberg", include_reported=True, limit=100,
)
CLASS_LISTS = (None, (True,), (False,), (True, False, True))
TEXT_KINDS = (None, "fts", "like")


def core_text(statement, values: dict[str, object]) -> tuple[str, list[object]]:  # type: ignore[no-untyped-def]
    """The Core statement compiled for SQLite, and its parameters' values in order."""
    compiled = statement.compile(dialect=DIALECT)
    given = compiled.construct_params(values)
    return str(compiled), [given[name] for name in compiled.positiontup]


def parameter_values(parameters: tuple[Parameter, ...], values: dict[str, object]) -> list[object]:
    """The values of a stored statement's parameters in order, as given (constants in place of their tuples)."""
    return [parameter[0] if isinstance(parameter, tuple) else values[parameter] for parameter in parameters]


def class_values(granular_flags: tuple[bool, ...] | None, within: bool) -> dict[str, object]:
    classes = [("stated", "day", 1) if granular else ("reported", "", 40) for granular in granular_flags or ()]
    return statement_values(ChronologyFilter(**{**vars(EVERY_VALUE), "within": within}), classes)


def test_the_stored_statements_are_what_the_core_statements_compile_to() -> None:
    assert Path(TARGET).read_text(encoding="utf-8") == render(), (
        "the chronology's Core statements changed: run `uv run python -m timeline.query.sqlite_statements_build`"
    )


def cluster_shapes(classes: tuple[bool, ...] | None, report_conditions) -> list[ClusterShape]:  # type: ignore[no-untyped-def]
    """Every shape of a cluster statement over these classes: each range flag, with each given (actor, source, text)."""
    return [
        ClusterShape(classes, start, end, within, reported, category, limit, actor, source, text)
        for (start, end, within, reported, category, limit), (actor, source, text)
        in itertools.product(itertools.product((False, True), repeat=6), report_conditions)
    ]


EVERY_REPORT_CONDITION = tuple(itertools.product((False, True), (False, True), TEXT_KINDS))
SOME_REPORT_CONDITIONS = ((False, False, None), (True, True, "fts"), (False, True, "like"))


@pytest.mark.parametrize(
    "shapes",
    [
        cluster_shapes(CLASS_LISTS[0], EVERY_REPORT_CONDITION),
        # the conditions a class adds, and the union of classes, come on top of the shared ones checked above
        *(cluster_shapes(classes, SOME_REPORT_CONDITIONS) for classes in CLASS_LISTS[1:]),
    ],
    ids=[f"classes={classes}" for classes in CLASS_LISTS],
)
def test_every_cluster_shape_is_the_core_statement(shapes: list[ClusterShape]) -> None:
    for shape in shapes:
        values = class_values(shape.classes, shape.within)
        sql, parameters = cluster_statement(shape)
        assert (sql, parameter_values(parameters, values)) == core_text(build_cluster_statement(shape), values), shape


def test_every_event_shape_is_the_core_statement() -> None:
    flags = itertools.product((False, True), repeat=7)
    values = statement_values(EVERY_VALUE)
    for (start, end, within, reported, category, limit, source), actor, text in itertools.product(flags, (None, "actors", "text"), TEXT_KINDS):
        shape = EventShape(reported, start, end, within, category, limit, actor, source, text)
        sql, parameters = event_statement(shape)
        assert (sql, parameter_values(parameters, values)) == core_text(build_event_statement(shape), values), shape


@pytest.mark.parametrize("count", [1, 3])
def test_the_reports_statement_is_the_core_statement(count: int) -> None:
    cluster_ids = [f"{number:016x}" for number in range(count)]
    compiled = reports_statement().params(cluster_ids=cluster_ids).compile(dialect=DIALECT, compile_kwargs={"render_postcompile": True})
    sql, parameters = sqlite_reports_statement(count)
    assert sql == str(compiled)
    assert parameters == ("cluster_ids",)


def test_every_year_unknown_shape_is_the_core_statement() -> None:
    values = class_values(None, False)
    for (reported, category, limit), (actor, source, text) in itertools.product(itertools.product((False, True), repeat=3), EVERY_REPORT_CONDITION):
        shape = ClusterShape(None, False, False, False, reported, category, limit, actor, source, text, year_unknown=True)
        sql, parameters = cluster_statement(shape)
        assert (sql, parameter_values(parameters, values)) == core_text(build_cluster_statement(shape), values), shape
    for reported, actor, text in itertools.product((False, True), (None, "actors", "text"), TEXT_KINDS):
        event = EventShape(reported, False, False, False, False, False, actor, False, text, year_unknown=True)
        sql, parameters = event_statement(event)
        assert (sql, parameter_values(parameters, values)) == core_text(build_event_statement(event), values), event
