"""Which stored events a regrouping must look at: those that could merge with another, and those without a cluster.

`timeline.events.cluster` lets two events share a cluster only when they come from different
documents, have the same date basis and nested dated intervals, and share a figure or a category
and an actor. An event with no such partner in its year is a cluster of its own, and it changes
no other event's cluster (its similarity to every other is 0, so it never joins nor is joined),
so the grouping of the rest is the same without it. Every event of a merged cluster has such a
partner, and the writer stores every event in a cluster of its own, so regrouping the candidates
and the events without a cluster gives every cluster of the year.

The database reads each event's topics (category and actor) and figures once; the partners are
then found group by group (same topic or figure, same basis) in two sweeps over the group's
intervals sorted by their starts, in O(n log n) where pairing every row with every other of its
group grew with the square of the group (thousands of events share "recruitment, Russia" in a
year).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import date
from functools import lru_cache

from sqlalchemy import ColumnElement, Connection, Select, bindparam, func, select

from timeline.store.tables import claims, event_actors, events

Interval = tuple[int, int, int, int]
"""(earliest, latest, document id, event id) of one dated event in a group, the dates as ordinals."""


def mergeable_events(connection: Connection, first: date, last: date) -> set[int]:
    """The events starting in [first, last) with a possible partner: another document's event of the same basis, nested
    dates, and a shared figure (same low, high and rate) or the same category and a shared actor (a superset of those that
    can merge)."""
    bounds = {"first": first, "last": last}
    groups: dict[Hashable, list[Interval]] = defaultdict(list)
    for event_id, document_id, basis, earliest, latest, category, actor_id in connection.execute(_topics_query(), bounds):
        groups[("topic", basis, category, actor_id)].append((earliest.toordinal(), latest.toordinal(), document_id, event_id))
    for event_id, document_id, basis, earliest, latest, low, high, rate in connection.execute(_figures_query(), bounds):
        groups[("figure", basis, low, high, rate)].append((earliest.toordinal(), latest.toordinal(), document_id, event_id))
    found: set[int] = set()
    for rows in groups.values():
        if len(rows) > 1:
            found |= nested_with_another_document(rows)
    return found


def nested_with_another_document(rows: Iterable[Interval]) -> set[int]:
    """The event ids whose interval holds, or lies inside, the interval of a row from another document.

    One sweep in order of earliest start (the longest first among equal starts) finds the rows
    lying inside an earlier one: a row lies inside another document's row when the furthest end
    seen so far among the other documents reaches its own. A sweep the other way finds the rows
    holding a later one. A row meets its equals (same interval) only after them, so rows with
    equal intervals are matched with each other apart.
    """
    ordered = sorted(rows, key=lambda row: (row[0], -row[1]))
    found: set[int] = set()
    for same in _equal_runs(ordered):
        if len({row[2] for row in same}) > 1:
            found.update(row[3] for row in same)
    found |= _reached(ordered, sign=1)
    found |= _reached(ordered[::-1], sign=-1)
    return found


def _reached(ordered: list[Interval], sign: int) -> set[int]:
    """The rows whose end an earlier row of another document reaches (ends compared as `sign * end`, the further the larger)."""
    found: set[int] = set()
    best_end, best_document = None, None  # the furthest end so far, and its document
    second = None  # the furthest end so far among the documents other than best's
    for _start, end, document, event_id in ordered:
        end *= sign
        reached = second if document == best_document else best_end
        if reached is not None and reached >= end:
            found.add(event_id)
        if best_end is None or document == best_document:
            best_end, best_document = end if best_end is None else max(best_end, end), document
        elif end > best_end:
            second, best_end, best_document = best_end, end, document
        elif second is None or end > second:
            second = end
    return found


def _equal_runs(ordered: list[Interval]) -> Iterable[list[Interval]]:
    """The runs of rows with the same interval, of two rows or more."""
    start = 0
    for index in range(1, len(ordered) + 1):
        if index == len(ordered) or ordered[index][:2] != ordered[start][:2]:
            if index - start > 1:
                yield ordered[start:index]
            start = index


def _scope() -> tuple[ColumnElement[bool], ...]:
    return (events.c.earliest >= bindparam("first"), events.c.earliest < bindparam("last"), events.c.latest.is_not(None))


@lru_cache(maxsize=1)
def _topics_query() -> Select:
    """Each dated event's category and actors (not its sources) in the scope."""
    return (
        select(events.c.id, events.c.document_id, events.c.date_basis, events.c.earliest, events.c.latest, events.c.category,
               event_actors.c.actor_id)
        .join(event_actors, event_actors.c.event_id == events.c.id)
        .where(*_scope(), events.c.category.is_not(None), event_actors.c.role != "source")
    )


@lru_cache(maxsize=1)
def _figures_query() -> Select:
    """Each dated event's figures in the scope (a missing part as a value of its own: that only adds candidates)."""
    return (
        select(events.c.id, events.c.document_id, events.c.date_basis, events.c.earliest, events.c.latest,
               func.coalesce(claims.c.low, -1.0), func.coalesce(claims.c.high, -1.0), func.coalesce(claims.c.rate, ""))
        .join(claims, claims.c.event_id == events.c.id)
        .where(*_scope())
    )


def unclustered_events(connection: Connection, scope: ColumnElement[bool]) -> set[int]:
    """The events in `scope` stored without a cluster (by a writer that left clustering to this pass)."""
    return set(connection.execute(select(events.c.id).where(scope, events.c.cluster_id.is_(None))).scalars())
