"""What a chronology statement is made of, named without a SQL library: its conditions in order and the values they bind.

The SQLAlchemy Core statements (`timeline/query/chronology.py`) and the standard library's SQLite read path
(`timeline/query/sqlite_reader.py`) both build from these names, so they cannot disagree on which conditions a
filter sets, in which order, or with which values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from timeline.query.chronology_filter import ChronologyFilter
from timeline.query.search_terms import fts5_query, like_pattern


@dataclass(frozen=True)
class ClusterShape:
    """What a cluster statement is built from, its values aside: statements of one shape are the same text.

    `classes` holds, for each class of clusters read apart (date basis and granularity), whether it has a
    granularity; `text` is how the wording is searched (`search_kind`), None without `--grep`.
    """

    classes: tuple[bool, ...] | None
    start: bool
    end: bool
    within: bool
    include_reported: bool
    category: bool
    limit: bool
    actor: bool = False
    source: bool = False
    text: str | None = None
    year_unknown: bool = False

    @property
    def bounded(self) -> bool:
        """Whether each class starts at the range's start less its longest span (an overlap with a lower end)."""
        return self.start and not self.within


@dataclass(frozen=True)
class EventShape:
    """What an event statement (a database without clusters) is built from; `actor` is `actors` or `text` (how it is matched)."""

    include_reported: bool
    start: bool
    end: bool
    within: bool
    category: bool
    limit: bool
    actor: str | None = None
    source: bool = False
    text: str | None = None
    year_unknown: bool = False


SpanClass = tuple[str, str, int]
"""A class of clusters: date basis, granularity ('' for none) and its longest span in days."""


def cluster_shape(query_filter: ChronologyFilter, classes: list[SpanClass] | None, text_kind: str | None) -> ClusterShape:
    """The shape of the cluster statement for a filter, its span classes and how its words are searched."""
    return ClusterShape(
        classes=tuple(bool(granularity) for _basis, granularity, _longest in classes) if classes else None,
        start=query_filter.start is not None,
        end=query_filter.end is not None,
        within=query_filter.within,
        include_reported=query_filter.include_reported,
        category=bool(query_filter.category),
        limit=bool(query_filter.limit),
        actor=bool(query_filter.actor),
        source=bool(query_filter.source),
        text=text_kind if query_filter.text else None,
        year_unknown=query_filter.year_unknown,
    )


def event_shape(query_filter: ChronologyFilter, has_actor_table: bool, text_kind: str | None) -> EventShape:
    """The shape of the event statement for a filter, whether the database links events to actors, how words are searched."""
    return EventShape(
        include_reported=query_filter.include_reported,
        start=query_filter.start is not None,
        end=query_filter.end is not None,
        within=query_filter.within,
        category=bool(query_filter.category),
        limit=bool(query_filter.limit),
        actor=("actors" if has_actor_table else "text") if query_filter.actor else None,
        source=bool(query_filter.source),
        text=text_kind if query_filter.text else None,
        year_unknown=query_filter.year_unknown,
    )


def _range_conditions(shape: ClusterShape | EventShape) -> list[str]:
    names = []
    if not shape.include_reported:
        names.append("stated")
    if shape.start:
        names.append("start_within" if shape.within else "start_overlap")
    if shape.end:
        names.append("end_within" if shape.within else "end_overlap")
    if shape.category:
        names.append("category")
    return names


def cluster_conditions(shape: ClusterShape) -> tuple[str, ...]:
    """The names of the conditions every class of a cluster statement shares, in the order they are written."""
    names = ["year_unknown" if shape.year_unknown else "dated"]
    if shape.actor:
        names.append("actor")
    if shape.source:
        names.append("source")
    if shape.text:
        names.append(f"text_{shape.text}")
    return (*names, *_range_conditions(shape))


def class_conditions(granular: bool, bounded: bool) -> tuple[str, ...]:
    """The names of the conditions that pick one class of clusters (and its lower bound), in order."""
    return ("class_basis", "class_granularity" if granular else "class_no_granularity", *(("class_start",) if bounded else ()))


def event_conditions(shape: EventShape) -> tuple[str, ...]:
    """The names of the conditions of an event statement, in the order they are written."""
    names = ["year_unknown" if shape.year_unknown else "dated", *_range_conditions(shape)]
    if shape.actor:
        names.append(f"actor_{shape.actor}")
    if shape.source:
        names.append("source")
    if shape.text:
        names.append(f"text_{shape.text}")
    return tuple(names)


def class_parameter(name: str, number: int | str) -> str:
    """The name a class condition's value is bound as in the class numbered `number` (`class_start` -> `class_start_2`).

    Given the text `{number}`, the name is a template the SQLite reader fills in per class.
    """
    return f"{name}_{number}"


def statement_values(query_filter: ChronologyFilter, classes: list[SpanClass] | None = None) -> dict[str, object]:
    """Every value a chronology statement for the filter binds, by parameter name (dates as dates)."""
    values: dict[str, object] = {}
    if query_filter.start is not None:
        values["range_start"] = query_filter.start
    if query_filter.end is not None:
        values["range_end"] = query_filter.end
    if query_filter.category:
        values["category"] = query_filter.category.strip().lower()
    if query_filter.limit:
        values["row_limit"] = query_filter.limit
    if query_filter.actor:
        values["actor_pattern"] = like_pattern(query_filter.actor.strip())
        values["actor_text_pattern"] = like_pattern(query_filter.actor)
    if query_filter.source:
        values["source_pattern"] = like_pattern(query_filter.source.strip())
    if query_filter.text:
        values["text_query"] = fts5_query(query_filter.text)
        values["text_words"] = query_filter.text
        values["text_pattern"] = like_pattern(query_filter.text)
    bounded = query_filter.start is not None and not query_filter.within
    for number, (basis, granularity, longest) in enumerate(classes or ()):
        values[class_parameter("class_basis", number)] = basis
        if granularity:
            values[class_parameter("class_granularity", number)] = granularity
        if bounded:
            values[class_parameter("class_start", number)] = query_filter.start - timedelta(days=longest)  # type: ignore[operator]
    return values
