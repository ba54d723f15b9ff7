"""ORM models of what events say: actors, their roles in events, figures as claims, and clusters across sources."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Mapped

from timeline.store import tables
from timeline.store.models import Base


class ActorRow(Base):
    """A country, organisation, group or person named in events, as listed in the gazetteers."""

    __table__ = tables.actors

    id: Mapped[int]
    key: Mapped[str]
    name: Mapped[str]
    kind: Mapped[str]
    country: Mapped[str | None]


class EventActorRow(Base):
    """An actor's part in an event: agent, affected, source or mentioned, with the words that named it."""

    __table__ = tables.event_actors

    id: Mapped[int]
    event_id: Mapped[int]
    actor_id: Mapped[int]
    role: Mapped[str]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]


class ClaimRow(Base):
    """A figure an event reports: value or range, qualifier, unit, rate, and who claims it."""

    __table__ = tables.claims

    id: Mapped[int]
    event_id: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    value: Mapped[float | None]
    low: Mapped[float | None]
    high: Mapped[float | None]
    bound: Mapped[str]
    qualifier: Mapped[str | None]
    unit: Mapped[str | None]
    measure: Mapped[str | None]
    rate: Mapped[str | None]
    rate_text: Mapped[str | None]
    source: Mapped[str | None]
    source_actor_id: Mapped[int | None]


class ClusterRow(Base):
    """One real-world event however many articles report it; its id is derived from content."""

    __table__ = tables.clusters

    id: Mapped[str]
    anchor_key: Mapped[str]
    event_id: Mapped[int | None]
    value: Mapped[str]
    mod: Mapped[str | None]
    earliest: Mapped[date | None]
    latest: Mapped[date | None]
    granularity: Mapped[str | None]
    date_basis: Mapped[str]
    category: Mapped[str | None]
    text: Mapped[str]
    actors: Mapped[str | None]
    figures: Mapped[str | None]
    sources: Mapped[str | None]
    event_count: Mapped[int]
    source_count: Mapped[int]
    first_reported: Mapped[str | None]
    last_reported: Mapped[str | None]
