"""Plain data passed between the stages: frozen dataclasses with no I/O."""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

MENTION_TYPES = ("DATE", "TIME", "DURATION", "SET")
PUBLICATION_BASES = ("given", "html", "dateline", "duplicate", "bound", "unknown")
SEGMENT_KINDS = ("title", "dateline", "body", "boilerplate", "teaser", "caption")
DATE_BASES = ("stated", "reported")

_PUBLICATION_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def month_start(year: int, month: int) -> date:
    """The first day of a month, a month number past 12 or below 1 carried into the year: the one month arithmetic.

    >>> month_start(2024, 13), month_start(2024, 0), month_start(2024, 5)
    (datetime.date(2025, 1, 1), datetime.date(2023, 12, 1), datetime.date(2024, 5, 1))
    """
    year += (month - 1) // 12
    return date(year, (month - 1) % 12 + 1, 1)


def shift_months(day: date, months: int) -> date:
    """The same day `months` months away, the last day of the month when it has fewer days (31 Jan + 1 month: 29 Feb).

    >>> shift_months(date(2024, 1, 31), 1), shift_months(date(2024, 3, 15), -14)
    (datetime.date(2024, 2, 29), datetime.date(2023, 1, 15))
    """
    first = month_start(day.year, day.month + months)
    return first.replace(day=min(day.day, calendar.monthrange(first.year, first.month)[1]))


WEB_SCHEMES = ("http", "https")
"""The only URL schemes that become links (in every export) and an ICS URL: others are kept as text."""


def web_link(url: str | None) -> str | None:
    """The URL when it is an http or https address with a host, else None (a `javascript:` or `file:` URL is no link).

    >>> web_link("https://example.org/story"), web_link("javascript:alert(1)"), web_link(" HTTP://x.org ")
    ('https://example.org/story', None, 'HTTP://x.org')
    """
    if not url:
        return None
    text = url.strip()
    scheme, separator, rest = text.partition("://")
    if not separator or scheme.lower() not in WEB_SCHEMES or not rest or rest[0] in "/\\" or any(ord(c) < 33 for c in text):
        return None
    return text


@dataclass(frozen=True, order=True)
class PublicationDate:
    """A document creation time known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not 1-12")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} is not in {self.year}-{self.month:02d}")

    @classmethod
    def parse(cls, text: str) -> PublicationDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError naming the text otherwise."""
        match = _PUBLICATION_DATE.match(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            return cls(year, month, day)
        except ValueError as error:
            raise ValueError(f"{text!r} is not a valid date: {error}") from None

    @classmethod
    def from_date(cls, value: date) -> PublicationDate:
        """Wrap a full calendar date."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """`day`, `month` or `year`."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """The ISO-8601 text at the date's own precision."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> date | None:
        """The calendar date when known to the day, else None."""
        if self.day is None or self.month is None:
            return None
        return date(self.year, self.month, self.day)

    def earliest(self) -> date:
        """First day the date may be."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """Day after the last day the date may be (half-open interval)."""
        if self.day is not None and self.month is not None:
            return date.fromordinal(date(self.year, self.month, self.day).toordinal() + 1)
        if self.month is not None:
            return month_start(self.year, self.month + 1)
        return date(self.year + 1, 1, 1)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class Mention:
    """A temporal expression: what the text says and what it resolves to (TIMEX3)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    earliest: date | None = None
    latest: date | None = None
    granularity: str | None = None
    anchor: str = "dct"
    rule: str = ""

    @property
    def anchored(self) -> bool:
        """True when the value names calendar time (the interval is known)."""
        return self.earliest is not None and self.latest is not None


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text, by character offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Segment(Span):
    """A part of a document with its kind: title, dateline, body, boilerplate, teaser or caption."""

    kind: str = "body"
    reason: str = ""


@dataclass(frozen=True)
class Sentence(Span):
    """One sentence of a document."""

    text: str = ""


@dataclass(frozen=True)
class SourceDocument:
    """A document as read from its file, page or stream, before extraction."""

    text: str
    path: str | None = None
    published: PublicationDate | None = None
    published_basis: str = "unknown"
    published_evidence: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    encoding: str | None = None
    media_type: str = "text/plain"

    @property
    def sha256(self) -> str:
        """Identity of the document: the SHA-256 of its text."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ActorMention:
    """An actor named in an event, as the gazetteer knows it, with its role and the words that named it."""

    key: str
    name: str
    kind: str
    role: str
    start: int
    end: int
    text: str
    country: str | None = None


@dataclass(frozen=True)
class Claim:
    """A figure as a claim: value or range, qualifier, unit, rate (a TIMEX3 SET) and who claims it."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    bound: str
    qualifier: str | None = None
    unit: str | None = None
    measure: str | None = None
    rate: str | None = None
    rate_text: str | None = None
    source: str | None = None
    source_key: str | None = None


@dataclass(frozen=True)
class Event:
    """A dated statement: its sentence, its primary date and how that date was chosen."""

    start: int
    end: int
    text: str
    date: Mention | None
    date_basis: str
    value: str
    earliest: date | None
    latest: date | None
    granularity: str | None
    mod: str | None = None
    span_kind: str = "sentence"
    sentence_start: int | None = None
    sentence_end: int | None = None
    category: str | None = None
    attribution: str | None = None
    actors: tuple[ActorMention, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything one document yields: the pure result of the extraction stages."""

    document: SourceDocument
    segments: tuple[Segment, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Report:
    """One article reporting a chronology entry: who published it, where, when, and where in its text it says so."""

    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    document_id: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ChronologyEntry:
    """One line of a chronology: an event with its date at its true precision and its sources."""

    event_id: str
    value: str
    mod: str | None
    earliest: date | None
    latest: date | None
    granularity: str | None
    label: str
    text: str
    sources: tuple[str, ...]
    urls: tuple[str, ...]
    date_basis: str
    document_id: int
    start: int
    end: int
    actors: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    category: str | None = None
    reported: str | None = None
    event_count: int = 1
    reports: tuple[Report, ...] = ()
    last_reported: str | None = None

    @property
    def source_count(self) -> int:
        """How many sources report the entry."""
        return len(self.sources)

    @property
    def first_reported(self) -> str | None:
        """The earliest publication date among the reports (the same as `reported`)."""
        return self.reported

    @property
    def citations(self) -> tuple[tuple[str, str | None], ...]:
        """Each distinct (source name, url) of the reports, first report first."""
        return tuple(dict.fromkeys((report.source, report.url) for report in self.reports))
