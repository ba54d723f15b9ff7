"""Near-duplicates: a rewrite inherits the month, a copy the day, another story nothing."""

from __future__ import annotations

from timeline.dating import Reference
from timeline.dating.duplicates import duplicate_date, similarity
from timeline.domain import PublicationDate

from tests.conftest import SEEDS


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def references() -> list[Reference]:
    given = {"001": PublicationDate(2024, 6, 10), "002": PublicationDate(2024, 6, 10), "003": PublicationDate(2024, 12), "004": PublicationDate(2025, 4, 27)}
    return [Reference(prefix, seed(prefix), date) for prefix, date in given.items()]


def test_rewrite_of_002_inherits_june_2024_at_month_precision() -> None:
    inference = duplicate_date(seed("000"), references())
    assert inference is not None
    assert (inference.date, inference.basis) == (PublicationDate(2024, 6), "duplicate")
    assert "002" in inference.evidence and "rewrite" in inference.evidence


def test_copy_inherits_the_day() -> None:
    copy = seed("002").replace("Kremlin", "Russian government")
    inference = duplicate_date(copy, references())
    assert inference is not None and inference.date == PublicationDate(2024, 6, 10)


def test_articles_on_the_same_topic_are_not_duplicates() -> None:
    assert similarity(seed("003"), seed("004")) < 0.25
    others = [reference for reference in references() if reference.name in ("003", "004")]
    assert duplicate_date(seed("000"), others) is None


def test_short_texts_are_never_matched() -> None:
    assert duplicate_date("Russia recruits students.", references()) is None
