"""ORM models of what events say: actors, their roles in events, figures as claims, and clusters across sources."""

from __future__ import annotations

from timeline.store import tables
from timeline.store.models import Base


class ActorRow(Base):
    """A country, organisation, group or person named in events, as listed in the gazetteers."""

    __table__ = tables.actors


class EventActorRow(Base):
    """An actor's part in an event: agent, affected, source or mentioned, with the words that named it."""

    __table__ = tables.event_actors


class ClaimRow(Base):
    """A figure an event reports: value or range, qualifier, unit, rate, and who claims it."""

    __table__ = tables.claims


class ClusterRow(Base):
    """One real-world event however many articles report it; its id is derived from content."""

    __table__ = tables.clusters
