"""SQLAlchemy ORM models of the Core tables in `timeline.store.tables` (the schema is documented in docs/schema.md)."""

from __future__ import annotations

from datetime import date

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

    id: Mapped[int]
    sha256: Mapped[str]
    path: Mapped[str | None]
    url: Mapped[str | None]
    source: Mapped[str | None]
    title: Mapped[str | None]
    published: Mapped[str | None]
    published_precision: Mapped[str | None]
    published_basis: Mapped[str]
    published_evidence: Mapped[str | None]
    encoding: Mapped[str | None]
    media_type: Mapped[str]
    char_count: Mapped[int]
    ingested_at: Mapped[str]
    text: Mapped[str]

    segments: Mapped[list[SegmentRow]] = relationship(back_populates="document", cascade="all, delete-orphan")
    mentions: Mapped[list[MentionRow]] = relationship(back_populates="document", cascade="all, delete-orphan")
    events: Mapped[list[EventRow]] = relationship(back_populates="document", cascade="all, delete-orphan")


class SegmentRow(Base):
    """A stretch of a document with its kind (body, title, boilerplate, teaser, caption)."""

    __table__ = tables.segments

    id: Mapped[int]
    document_id: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    kind: Mapped[str]
    reason: Mapped[str | None]

    document: Mapped[Document] = relationship(back_populates="segments")


class MentionRow(Base):
    """A temporal expression (TIMEX3) found in a document, resolved against its publication date."""

    __table__ = tables.mentions

    id: Mapped[int]
    document_id: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    type: Mapped[str]
    value: Mapped[str]
    mod: Mapped[str | None]
    earliest: Mapped[date | None]
    latest: Mapped[date | None]
    granularity: Mapped[str | None]
    anchor: Mapped[str]
    rule: Mapped[str]
    segment_kind: Mapped[str]

    document: Mapped[Document] = relationship(back_populates="mentions")


class EventRow(Base):
    """A dated statement: the sentence, its primary date and how the date was chosen."""

    __table__ = tables.events

    id: Mapped[int]
    key: Mapped[str]
    document_id: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    value: Mapped[str]
    mod: Mapped[str | None]
    earliest: Mapped[date | None]
    latest: Mapped[date | None]
    granularity: Mapped[str | None]
    date_basis: Mapped[str]
    date_start: Mapped[int | None]
    date_end: Mapped[int | None]
    date_text: Mapped[str | None]
    date_rule: Mapped[str | None]
    reported: Mapped[str | None]
    span_kind: Mapped[str]
    sentence_start: Mapped[int | None]
    sentence_end: Mapped[int | None]
    category: Mapped[str | None]
    attribution: Mapped[str | None]
    cluster_id: Mapped[str | None]

    document: Mapped[Document] = relationship(back_populates="events")
