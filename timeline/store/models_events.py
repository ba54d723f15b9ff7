"""Models of what events say: actors, their roles in events, figures as claims, and clusters across sources."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from timeline.store.models import Base
from timeline.store.types import IsoDate


class ActorRow(Base):
    """A country, organisation, group or person named in events, as listed in the gazetteers."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    country: Mapped[str | None] = mapped_column(String(8))


class EventActorRow(Base):
    """An actor's part in an event: agent, affected, source or mentioned, with the words that named it."""

    __tablename__ = "event_actors"
    __table_args__ = (UniqueConstraint("event_id", "actor_id", "role", name="uq_event_actors_event_actor_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ClaimRow(Base):
    """A figure an event reports: value or range, qualifier, unit, rate, and who claims it."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    bound: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str | None] = mapped_column(String(32))
    unit: Mapped[str | None] = mapped_column(String(32), index=True)
    measure: Mapped[str | None] = mapped_column(String(32), index=True)
    rate: Mapped[str | None] = mapped_column(String(16))
    rate_text: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    source_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"), index=True)


class ClusterRow(Base):
    """One real-world event however many articles report it; its id is derived from content."""

    __tablename__ = "clusters"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    anchor_key: Mapped[str] = mapped_column(String(16))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    value: Mapped[str] = mapped_column(String(64))
    mod: Mapped[str | None] = mapped_column(String(16))
    earliest: Mapped[date | None] = mapped_column(IsoDate, index=True)
    latest: Mapped[date | None] = mapped_column(IsoDate)
    granularity: Mapped[str | None] = mapped_column(String(16))
    date_basis: Mapped[str] = mapped_column(String(16), index=True)
    category: Mapped[str | None] = mapped_column(String(32), index=True)
    text: Mapped[str] = mapped_column(Text)
    actors: Mapped[str | None] = mapped_column(Text)
    figures: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[str | None] = mapped_column(Text)
    event_count: Mapped[int] = mapped_column(Integer)
    source_count: Mapped[int] = mapped_column(Integer)
    first_reported: Mapped[str | None] = mapped_column(String(10))
    last_reported: Mapped[str | None] = mapped_column(String(10))
