"""The seeds as they really arrived: teasers, page furniture and an undated rewrite."""

from __future__ import annotations

from sqlalchemy import select
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.store.database import create_database_engine
from timeline.store.models import Document, EventRow, MentionRow, SegmentRow


def seed_rows(db: str, prefix: str):  # type: ignore[no-untyped-def]
    engine = create_database_engine(db)
    with engine.connect() as connection:
        document = connection.execute(select(Document.__table__).where(Document.path.like(f"%{prefix}\\_%", escape="\\"))).one()
        segments = connection.execute(
            select(SegmentRow.kind, SegmentRow.start, SegmentRow.end).where(SegmentRow.document_id == document.id).order_by(SegmentRow.start)
        ).all()
        mentions = connection.execute(
            select(MentionRow.text, MentionRow.value, MentionRow.segment_kind, MentionRow.start).where(MentionRow.document_id == document.id)
        ).all()
        events = connection.execute(select(EventRow.start, EventRow.end, EventRow.text).where(EventRow.document_id == document.id)).all()
    engine.dispose()
    return document, segments, mentions, events


def test_002_teasers_stay_out_of_the_chronology(seeded_db: str) -> None:
    document, segments, mentions, events = seed_rows(seeded_db, "002")
    teasers = [(start, end) for kind, start, end in segments if kind == "teaser"]
    assert len(teasers) == 4 and teasers == [(start, end) for _, start, end in segments[-4:]]
    teaser_text = [document.text[start:end] for start, end in teasers]
    assert not any(start <= event.start < end for event in events for start, end in teasers)
    flagged = [mention for mention in mentions if any(start <= mention.start < end for start, end in teasers)]
    assert flagged and {mention.segment_kind for mention in flagged} == {"teaser"}
    shown = CliRunner().invoke(app, ["--db", seeded_db, "show", "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    for paragraph in teaser_text:
        assert paragraph[:40] not in shown.stdout


def test_003_furniture_is_not_body(seeded_db: str) -> None:
    document, segments, _, _ = seed_rows(seeded_db, "003")
    kind_at = {document.text[start:end][:20]: kind for kind, start, end in segments}
    for opening in ("304 North Cardinal S", "Dorchester Center, M", "Stay updated", "As the world watches",
                    "Image: Russian Presi", "Leave a Reply", "Your email address w"):
        assert kind_at[opening] != "body", opening
    assert kind_at["Image: Russian Presi"] == "caption"


def test_000_inherits_june_2024_from_its_duplicate(seeded_db: str) -> None:
    document, _, mentions, events = seed_rows(seeded_db, "000")
    assert (document.published, document.published_precision, document.published_basis) == ("2024-06", "month", "duplicate")
    may = [mention for mention in mentions if mention.text == "May"]
    assert may and may[0].value == "2024-05"
    assert any(event.start <= may[0].start < event.end for event in events)


def test_given_dates_are_kept(seeded_db: str) -> None:
    for prefix, published in (("001", "2024-06-10"), ("002", "2024-06-10"), ("003", "2024-12"), ("004", "2025-04-27")):
        document = seed_rows(seeded_db, prefix)[0]
        assert (document.published, document.published_basis) == (published, "given")
