"""Event extraction on the seeds: key events once, each with its governing date at its true precision."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.domain import Mention, PublicationDate, Segment, Sentence
from timeline.events.extract import extract_events

from tests.events.seed_events import events_with, extraction_of


def only(seed: str, words: str, kind: str | None = None):  # type: ignore[no-untyped-def]
    """The one event of a seed (of a span kind, if given) containing `words` (fails when there are none or several)."""
    found = [event for event in events_with(seed, words) if kind is None or event.span_kind == kind]
    assert len(found) == 1, [event.text for event in found]
    return found[0]


def actor_roles(event) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(actor.key, actor.role) for actor in event.actors}


def test_announcement_and_the_losses_it_announces_are_two_events() -> None:
    losses = only("001", "Russian troop losses in May reached 38,940", "clause")
    announcement = only("001", "announced on June 1", "report")
    assert announcement is not losses
    assert (announcement.value, announcement.granularity, announcement.date_basis) == ("2024-06-01", "day", "stated")
    assert announcement.category == "statement"
    assert ("ukraine-ministry-of-defence", "source") in actor_roles(announcement)
    assert losses.text.startswith("Russian troop losses")
    assert (losses.value, losses.earliest, losses.latest, losses.date_basis) == ("2024-05", date(2024, 5, 1), date(2024, 6, 1), "stated")
    assert losses.category == "casualties"
    [claim] = losses.claims
    assert (claim.value, claim.unit, claim.measure, claim.source) == (38940, "soldiers", "losses", "Ukraine's Ministry of Defence")
    assert ("ukraine-ministry-of-defence", "source") in actor_roles(losses)


def test_full_scale_invasion_is_its_own_event_in_february_2022() -> None:
    invasion = only("001", "full-scale invasion in February 2022", "phrase")
    assert invasion.span_kind == "phrase"
    assert (invasion.value, invasion.granularity, invasion.category) == ("2022-02", "month", "combat")
    assert ("russia", "agent") in actor_roles(invasion)


def test_mobilisation_order_of_september_2022() -> None:
    order = only("003", "September 2022 mobilization order")
    assert (order.value, order.date_basis, order.category) == ("2022-09", "stated", "mobilisation")


@pytest.mark.parametrize(
    ("seed", "words", "value", "qualifier", "low", "unit", "rate", "source"),
    [
        ("000", "over 1,200 soldiers being killed or wounded each day in May", "2024-05", "over", 1200, "soldiers", "P1D", None),
        ("001", "over 1,200 casualties per day in May", "2024-05", "over", 1200, "casualties", "P1D", "UK Ministry of Defence"),
        ("002", "more than 1,200 people a day last month", "2024-05", "more than", 1200, "people", "P1D", "UK Ministry of Defence"),
        ("003", "November 2024 was the deadliest month", "2024-11", "more than", 45000, "casualties", None, "UK Ministry of Defence"),
        ("003", "As of November 2024", "2024-11", "more than", 3000, "foreigners", None, None),
        ("002", "late on Wednesday last week", "2024-06-05", "about", 10000, "soldiers", "P1M", None),
    ],
)
def test_dated_figures(seed: str, words: str, value: str, qualifier: str, low: float, unit: str, rate: str | None, source: str | None) -> None:
    event = only(seed, words)
    assert (event.value, event.date_basis) == (value, "stated")
    claim = next(claim for claim in event.claims if claim.low == low)
    assert (claim.qualifier, claim.unit, claim.rate, claim.source) == (qualifier, unit, rate, source)


def test_range_date_from_april_2023_to_may_2024() -> None:
    event = only("004", "from April 2023 to May 2024")
    assert (event.value, event.earliest, event.latest, event.granularity) == ("2023-04/2024-05", date(2023, 4, 1), date(2024, 6, 1), "range")
    assert event.date is not None and event.date.text == "from April 2023 to May 2024"
    [claim] = event.claims
    assert (claim.bound, claim.low, claim.high, claim.qualifier, claim.unit, claim.source) == ("lower", 1500, None, "over", "recruits", "UK Ministry of Defence")
    assert event.category == "recruitment"


def test_north_korean_troops_reported_in_recent_weeks_of_a_december_article() -> None:
    event = only("003", "North Korea had sent approximately ten thousand troops")
    assert (event.value, event.mod, event.date_basis, event.category) == ("2024-12", "APPROX", "stated", "deployment")
    assert event.date is not None and "recent weeks" in event.date.text
    assert ("north-korea", "agent") in actor_roles(event)
    [claim] = event.claims
    assert (claim.value, claim.bound, claim.unit) == (10000, "approx", "soldiers")


def test_undated_statements_are_kept_with_the_publication_date() -> None:
    event = only("002", "in at least 21 countries")
    assert (event.value, event.date_basis, event.date) == ("2024-06-10", "reported", None)
    [claim] = event.claims
    assert (claim.bound, claim.low, claim.unit, claim.source) == ("lower", 21, "countries", "Ukraine's Defence Intelligence (HUR)")


def test_report_date_dates_an_undated_reported_fact() -> None:
    reuters = only("002", "Reuters reported last year")
    assert (reuters.value, reuters.span_kind, reuters.attribution) == ("2023", "sentence", "Reuters reported")
    kathmandu = only("002", "The government in Kathmandu earlier this year said")
    assert kathmandu.value == "2024" and ("nepal-government", "source") in actor_roles(kathmandu)
    assert [claim.low for claim in kathmandu.claims] == [400]


def test_seasons_and_months_of_seed_003() -> None:
    assert only("003", "This summer, the Russian authorities gathered").value == "2024-SU"
    assert only("003", "incursion into Kursk Oblast in the summer of 2024").value == "2024-SU"
    assert only("003", "In November, reports emerged").value == "2024-11"
    assert only("003", "In October 2024 report per RFE/RL").value == "2024-10"


def test_no_seed_event_from_title_teaser_caption_or_boilerplate() -> None:
    for seed in ("000", "001", "002", "003", "004"):
        extraction = extraction_of(seed)
        body = [segment for segment in extraction.segments if segment.kind == "body"]
        for event in extraction.events:
            assert any(part.start <= event.start and event.end <= part.end for part in body), (seed, event.text)
    assert not events_with("002", "Malaysia")
    assert not events_with("003", "December 5, 2024")


def test_only_body_segments_yield_events() -> None:
    text = "Russia recruited 500 migrants in May 2024. Russia recruited 600 students in May 2024."
    mention = Mention(start=33, end=41, text="May 2024", type="DATE", value="2024-05", earliest=date(2024, 5, 1), latest=date(2024, 6, 1), granularity="month")
    second = Mention(start=76, end=84, text="May 2024", type="DATE", value="2024-05", earliest=date(2024, 5, 1), latest=date(2024, 6, 1), granularity="month")
    sentences = [Sentence(0, 42, text[0:42]), Sentence(43, len(text), text[43:])]
    for kind in ("teaser", "caption", "boilerplate", "title"):
        segments = [Segment(0, 42, "body"), Segment(43, len(text), kind)]
        events = extract_events(text, sentences, [mention, second], segments, PublicationDate(2024, 6, 10))
        assert [event.text for event in events] == ["Russia recruited 500 migrants in May 2024."]


def test_extraction_is_a_pure_function_of_the_document() -> None:
    first = extraction_of("001").events
    text = next(iter(first)).text
    assert extraction_of.__wrapped__("001").events == first and text


def test_an_undated_sentence_continues_the_date_its_predecessor_opened_with() -> None:
    yemeni = only("003", "hundreds of Yemeni mercenaries")
    assert (yemeni.value, yemeni.date_basis) == ("2024-11", "stated")
    assert yemeni.date is not None and yemeni.date.rule.startswith("previous_sentence:")
    briefing = only("004", "totaling 771 individuals")
    assert briefing.value == "2023-04/2024-05"
    assert only("003", "Many were later sent to Ukraine.").date_basis == "reported"
    assert only("004", "The same applies to former Soviet republics").date_basis == "reported"


def test_a_date_inside_the_predicate_opens_no_frame() -> None:
    text = "These practices have been ongoing since 2022, with recruits at risk. The ministry declined to comment."
    mentions = [Mention(41, 45, "2022", "DATE", "2022", None, date(2022, 1, 1), date(2023, 1, 1), "year", "none", "year")]
    sentences = [Sentence(0, 68, text[0:68]), Sentence(69, len(text), text[69:])]
    events = extract_events(text, sentences, mentions, [Segment(0, len(text), "body")], PublicationDate(2024, 6, 10))
    declined = [event for event in events if "declined" in event.text]
    assert [event.date_basis for event in declined] in ([], ["reported"])


def dating_examples() -> list[tuple[str, str, list[str]]]:
    from timeline.events.vocabulary import load

    return [(example["published"], example["text"], example["events"]) for example in load("dating")["examples"]]


@pytest.mark.parametrize(("published", "text", "expected"), dating_examples())
def test_dating_rule_examples(published: str, text: str, expected: list[str]) -> None:
    from timeline.domain import SourceDocument
    from timeline.pipeline.extract import extract

    extraction = extract(SourceDocument(text=text, published=PublicationDate.parse(published)))
    assert [event.value for event in extraction.events if event.date_basis == "stated"] == expected
