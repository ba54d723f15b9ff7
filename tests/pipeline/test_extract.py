"""Extraction of one document, with phrases anchored to named eras resolved through the periods."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from timeline.domain import PublicationDate, SourceDocument
from timeline.pipeline.extract import extract
from timeline.query.periods import read_periods_file
from timeline.store.database import create_database_engine
from timeline.store.models import MentionRow

from tests.conftest import SEEDS

TEXT = "These practices have been ongoing since the early stages of the war, officials said.\n"


def test_era_phrase_becomes_a_mention_only_with_periods() -> None:
    document = SourceDocument(TEXT, published=PublicationDate(2024, 6, 10), published_basis="given")
    assert not [m for m in extract(document).mentions if m.anchor.startswith("period:")]
    periods = read_periods_file(SEEDS / "periods.toml")
    [mention] = [m for m in extract(document, periods).mentions if m.anchor.startswith("period:")]
    assert mention.text == "since the early stages of the war"
    assert mention.earliest == date(2022, 2, 24)
    assert mention.latest == date(2024, 6, 11)


def test_ingest_resolves_era_phrases_through_the_periods_table(seeded_db: str) -> None:
    engine = create_database_engine(seeded_db, read_only=True)
    with engine.connect() as connection:
        rows = connection.execute(select(MentionRow.text, MentionRow.anchor).where(MentionRow.anchor.like("period:%"))).all()
    engine.dispose()
    assert ("since the early stages of\xa0the war", "period:Full-scale invasion") in rows  # seed 001 has a no-break space
