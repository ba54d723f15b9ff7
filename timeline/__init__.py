"""timeline: an event-timeline and temporal database for news articles.

The Python API speaks the command line's words: `chronology(db, from_="2022", to="2024-06", grep="recruit",
reported=True)` is `timeline show --from 2022 --to 2024-06 --grep recruit --reported`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas

    from timeline.query.frame import Chronology

__version__ = "0.1.0"
__all__ = ["chronology", "documents", "mentions", "claims", "__version__"]


def chronology(
    db: str, from_: Any = None, to: Any = None, *, era: str | None = None, actor: str | None = None, category: str | None = None,
    source: str | None = None, grep: str | None = None, reported: bool = False, within: bool = False, limit: int | None = None,
    today: Any = None,
) -> Chronology:
    """The chronology of a database, one entry per event, ordered by date, filtered as `timeline show` filters.

    `from_` and `to` take dates or what a person types ("2022", "June 2022", "summer 2024", an era name);
    `grep` searches the wording, `reported` keeps entries dated only by their article's publication date.
    `.to_frame()` gives the entries as a DataFrame with the `chronology` view's columns and their `reports`.

    >>> import timeline
    >>> entries = timeline.chronology("timeline.db", from_="2022", era="Wagner era")  # doctest: +SKIP
    >>> entries.to_frame()  # doctest: +SKIP
    """
    from timeline.query.chronology import chronology as _chronology

    return _chronology(db, from_, to, actor, grep, category, era, reported, source=source, limit=limit, within=within, today=today)


def documents(db: str, text: bool = False) -> pandas.DataFrame:
    """The stored documents as a DataFrame (docs/schema.md, `documents`), with their text when `text` is True."""
    from timeline.query.frames import documents_frame

    return documents_frame(db, text)


def mentions(db: str) -> pandas.DataFrame:
    """Every temporal expression as a DataFrame, with its document's source, url and publication date."""
    from timeline.query.frames import mentions_frame

    return mentions_frame(db)


def claims(db: str) -> pandas.DataFrame:
    """Every figure reported as a DataFrame: value or range, unit, rate, who claims it, for which period, where reported."""
    from timeline.query.frames import claims_frame

    return claims_frame(db)
