"""Which stored events a regrouping must look at, found in SQL: those that could merge with another, and those not settled alone.

`timeline.events.cluster` lets two events share a cluster only when they come from different
documents, have the same date basis and nested dated intervals, and share a figure or a category
and an actor. An event with no such partner in its year is a cluster of its own, and it changes
no other event's cluster (it is never the most similar candidate of anyone), so the grouping of
the rest is the same without it. Regrouping these candidates, and the events not yet stored alone
in their own cluster, therefore gives every cluster of the year, while the database, not Python,
reads the events that stay alone.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, and_, or_, select, union

from timeline.store.tables import claims, clusters, event_actors, events


def mergeable_events(connection: Connection, scope: ColumnElement[bool]) -> set[int]:
    """The events in `scope` with a possible partner: another document's event of the same basis, nested dates, and a shared
    figure (same low, high and rate) or the same category and a shared actor (a superset of those that can merge)."""
    dated = (events.c.earliest.is_not(None), events.c.latest.is_not(None))
    topics = (
        select(events.c.id, events.c.document_id, events.c.date_basis, events.c.earliest, events.c.latest, events.c.category,
               event_actors.c.actor_id)
        .join(event_actors, event_actors.c.event_id == events.c.id)
        .where(scope, *dated, events.c.category.is_not(None), event_actors.c.role != "source")
        .cte("topics")
    )
    figures = (
        select(events.c.id, events.c.document_id, events.c.date_basis, events.c.earliest, events.c.latest, claims.c.low,
               claims.c.high, claims.c.rate)
        .join(claims, claims.c.event_id == events.c.id)
        .where(scope, *dated)
        .cte("figures")
    )
    one, other = topics.alias("one"), topics.alias("other")
    same_topic = and_(one.c.category == other.c.category, one.c.actor_id == other.c.actor_id, _partners(one, other))
    first, second = figures.alias("first"), figures.alias("second")
    same_figure = and_(
        first.c.low.is_not_distinct_from(second.c.low),
        first.c.high.is_not_distinct_from(second.c.high),
        first.c.rate.is_not_distinct_from(second.c.rate),
        _partners(first, second),
    )
    query = union(
        select(one.c.id).select_from(one.join(other, same_topic)),
        select(first.c.id).select_from(first.join(second, same_figure)),
    )
    return set(connection.execute(query).scalars())


def _partners(one, other) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    """Events of two documents, of one date basis, one interval inside the other."""
    return and_(
        one.c.date_basis == other.c.date_basis,
        one.c.document_id != other.c.document_id,
        or_(
            and_(one.c.earliest >= other.c.earliest, one.c.latest <= other.c.latest),
            and_(other.c.earliest >= one.c.earliest, other.c.latest <= one.c.latest),
        ),
    )


def unsettled_events(connection: Connection, scope: ColumnElement[bool]) -> set[int]:
    """The events in `scope` not stored alone in their own cluster: none yet, a shared one, or a row founded by another event."""
    query = (
        select(events.c.id)
        .select_from(events.outerjoin(clusters, clusters.c.id == events.c.cluster_id))
        .where(scope, or_(clusters.c.id.is_(None), clusters.c.anchor_key != events.c.key, clusters.c.event_count != 1))
    )
    return set(connection.execute(query).scalars())
