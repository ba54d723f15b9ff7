"""SQLAlchemy models: the schema researchers query (documented in docs/schema.md)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from timeline.store.types import IsoDate

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base carrying the naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    """An article as ingested: its exact text and where it came from."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    published_precision: Mapped[str | None] = mapped_column(String(8))
    published_basis: Mapped[str] = mapped_column(String(16), default="unknown")
    published_evidence: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(String(32))
    media_type: Mapped[str] = mapped_column(String(64), default="text/plain")
    char_count: Mapped[int] = mapped_column(Integer)
    ingested_at: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)

    segments: Mapped[list[SegmentRow]] = relationship(back_populates="document", cascade="all, delete-orphan")
    mentions: Mapped[list[MentionRow]] = relationship(back_populates="document", cascade="all, delete-orphan")
    events: Mapped[list[EventRow]] = relationship(back_populates="document", cascade="all, delete-orphan")


class SegmentRow(Base):
    """A stretch of a document with its kind (body, title, boilerplate, teaser, caption)."""

    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="segments")


class MentionRow(Base):
    """A temporal expression (TIMEX3) found in a document, resolved against its publication date."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(String(64))
    mod: Mapped[str | None] = mapped_column(String(16))
    earliest: Mapped[date | None] = mapped_column(IsoDate)
    latest: Mapped[date | None] = mapped_column(IsoDate)
    granularity: Mapped[str | None] = mapped_column(String(16))
    anchor: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(64))
    segment_kind: Mapped[str] = mapped_column(String(16), default="body")

    document: Mapped[Document] = relationship(back_populates="mentions")


class EventRow(Base):
    """A dated statement: the sentence, its primary date and how the date was chosen."""

    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("document_id", "start", "end", name="uq_events_document_span"),
        Index("ix_events_earliest_latest", "earliest", "latest"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(16), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(String(64))
    mod: Mapped[str | None] = mapped_column(String(16))
    earliest: Mapped[date | None] = mapped_column(IsoDate)
    latest: Mapped[date | None] = mapped_column(IsoDate)
    granularity: Mapped[str | None] = mapped_column(String(16))
    date_basis: Mapped[str] = mapped_column(String(16))
    date_start: Mapped[int | None] = mapped_column(Integer)
    date_end: Mapped[int | None] = mapped_column(Integer)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_rule: Mapped[str | None] = mapped_column(String(64))
    reported: Mapped[str | None] = mapped_column(String(10))
    span_kind: Mapped[str] = mapped_column(String(16), default="sentence", server_default="sentence")
    sentence_start: Mapped[int | None] = mapped_column(Integer)
    sentence_end: Mapped[int | None] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(32), index=True)
    attribution: Mapped[str | None] = mapped_column(Text)
    cluster_id: Mapped[str | None] = mapped_column(String(16), index=True)

    document: Mapped[Document] = relationship(back_populates="events")
