"""SQLAlchemy ORM models of the Core tables in `timeline.store.tables` (the schema is documented in docs/schema.md)."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from timeline.store import tables
from timeline.store.tables import NAMING_CONVENTION

__all__ = ["NAMING_CONVENTION", "Base", "Document", "EventRow", "MentionRow", "SegmentRow"]


class Base(DeclarativeBase):
    """Declarative base over the Core tables of `timeline.store.tables` (their metadata carries the naming convention)."""

    metadata = tables.metadata


class Document(Base):
    """An article as ingested: its exact text and where it came from."""

    __table__ = tables.documents

    segments: Mapped[list[SegmentRow]] = relationship(back_populates="document", cascade="all, delete-orphan")
    mentions: Mapped[list[MentionRow]] = relationship(back_populates="document", cascade="all, delete-orphan")
    events: Mapped[list[EventRow]] = relationship(back_populates="document", cascade="all, delete-orphan")


class SegmentRow(Base):
    """A stretch of a document with its kind (body, title, boilerplate, teaser, caption)."""

    __table__ = tables.segments

    document: Mapped[Document] = relationship(back_populates="segments")


class MentionRow(Base):
    """A temporal expression (TIMEX3) found in a document, resolved against its publication date."""

    __table__ = tables.mentions

    document: Mapped[Document] = relationship(back_populates="mentions")


class EventRow(Base):
    """A dated statement: the sentence, its primary date and how the date was chosen."""

    __table__ = tables.events

    document: Mapped[Document] = relationship(back_populates="events")
