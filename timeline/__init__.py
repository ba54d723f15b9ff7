"""timeline: an event-timeline and temporal database for news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.query.frame import Chronology

__version__ = "0.1.0"
__all__ = ["chronology", "__version__"]


def chronology(db: str, start: Any = None, end: Any = None, actor: str | None = None, text: str | None = None,
               category: str | None = None, era: str | None = None, include_reported: bool = False,
               **options: Any) -> Chronology:
    """The chronology of a database, one entry per event, ordered by date: see timeline.query.chronology.chronology.

    >>> import timeline
    >>> entries = timeline.chronology("timeline.db", start="2022", era="Wagner era")  # doctest: +SKIP
    >>> entries.to_frame()  # doctest: +SKIP
    """
    from timeline.query.chronology import chronology as _chronology

    return _chronology(db, start, end, actor, text, category, era, include_reported, **options)
