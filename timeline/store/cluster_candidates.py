"""Which stored events a regrouping must look at, found in SQL: those that could merge with another, and those without a cluster.

`timeline.events.cluster` lets two events share a cluster only when they come from different
documents, have the same date basis and nested dated intervals, and share a figure or a category
and an actor. An event with no such partner in its year is a cluster of its own, and it changes
no other event's cluster (its similarity to every other is 0, so it never joins nor is joined),
so the grouping of the rest is the same without it. Every event of a merged cluster has such a
partner, and the writer stores every event in a cluster of its own, so regrouping the candidates
and the events without a cluster gives every cluster of the year, while the database, not Python,
reads the events that stay alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import CTE, ColumnElement, CompoundSelect, Connection, Select, and_, bindparam, func, select, union

from timeline.store.tables import claims, event_actors, events


def mergeable_events(connection: Connection, first: date, last: date) -> set[int]:
    """The events starting in [first, last) with a possible partner: another document's event of the same basis, nested
    dates, and a shared figure (same low, high and rate) or the same category and a shared actor (a superset of those that
    can merge)."""
    return set(connection.execute(_mergeable_query(), {"first": first, "last": last}).scalars())


@lru_cache(maxsize=1)
def _mergeable_query() -> CompoundSelect:
    """The statement of `mergeable_events`, built once (its bounds are parameters)."""
    scope = (events.c.earliest >= bindparam("first"), events.c.earliest < bindparam("last"), events.c.latest.is_not(None))
    topics = (
        select(events.c.id, events.c.document_id, events.c.date_basis, events.c.earliest, events.c.latest, events.c.category,
               event_actors.c.actor_id)
        .join(event_actors, event_actors.c.event_id == events.c.id)
        .where(*scope, events.c.category.is_not(None), event_actors.c.role != "source")
        .cte("topics")
    )
    # Plain equality on the figures (a missing part as a value of its own: that only adds candidates) lets both
    # backends look partners up by an index or a hash.
    figures = (
        select(events.c.id, events.c.document_id, events.c.date_basis, events.c.earliest, events.c.latest,
               func.coalesce(claims.c.low, -1.0).label("low"), func.coalesce(claims.c.high, -1.0).label("high"),
               func.coalesce(claims.c.rate, "").label("rate"))
        .join(claims, claims.c.event_id == events.c.id)
        .where(*scope)
        .cte("figures")
    )
    return union(
        *_with_partner(topics, lambda one, other: and_(one.c.category == other.c.category, one.c.actor_id == other.c.actor_id)),
        *_with_partner(
            figures,
            lambda one, other: and_(one.c.low == other.c.low, one.c.high == other.c.high, one.c.rate == other.c.rate),
        ),
    )


def _with_partner(rows: CTE, alike: Callable[[Any, Any], ColumnElement[bool]]) -> tuple[Select, Select]:
    """The ids of `rows` with an `alike` row of another document and the same date basis whose interval holds theirs, and
    those whose interval holds such a row's (two semi-joins, which both backends run from an index or a hash of `alike`)."""
    one, other = rows.alias(f"{rows.name}_one"), rows.alias(f"{rows.name}_other")
    partner = and_(alike(one, other), one.c.date_basis == other.c.date_basis, one.c.document_id != other.c.document_id)
    held = select(other.c.id).where(partner, other.c.earliest <= one.c.earliest, other.c.latest >= one.c.latest).exists()
    holding = select(other.c.id).where(partner, other.c.earliest >= one.c.earliest, other.c.latest <= one.c.latest).exists()
    return select(one.c.id).where(held), select(one.c.id).where(holding)


def unclustered_events(connection: Connection, scope: ColumnElement[bool]) -> set[int]:
    """The events in `scope` stored without a cluster (by a writer that left clustering to this pass)."""
    return set(connection.execute(select(events.c.id).where(scope, events.c.cluster_id.is_(None))).scalars())
