"""The binary-search lookups of dating and figures give what a scan of every mention gives."""

from __future__ import annotations

import random
from datetime import date

from timeline.domain import Mention
from timeline.events.dating import Ends, calendar_mentions, is_boundary
from timeline.events.figures import find_claims


def mention(start: int, end: int, kind: str = "DATE", value: str = "2024-05") -> Mention:
    return Mention(start, end, "x" * (end - start), kind, value, None, date(2024, 5, 1), date(2024, 6, 1), "month")


def outermost_by_scan(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in mentions)]


def test_nested_and_repeated_spans_keep_only_the_outermost() -> None:
    text = "x" * 200
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 150)
            spans.append(mention(start, start + rng.randint(1, 40)))
        spans += spans[: rng.randint(0, 3)]
        assert calendar_mentions(text, 0, len(text), spans) == outermost_by_scan(
            [m for m in spans if m.type in ("DATE", "TIME")]
        )


def test_boundary_looks_back_to_the_closest_mention_end() -> None:
    text = "since the start of the war in May 2024 and in June 2024 until May 2025 from the outbreak in July 2024"
    rng = random.Random(3)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(1, 8)):
            start = rng.randint(0, len(text) - 10)
            spans.append(mention(start, start + rng.randint(1, 9)))
        ends = Ends(spans)
        for target in spans:
            assert is_boundary(text, 0, target, ends) == is_boundary(text, 0, target, spans)


def test_a_figure_inside_any_dated_span_is_no_claim() -> None:
    text = "about 1,200 soldiers and 300 recruits and 40 troops"
    overlapping = [mention(0, 8), mention(2, 4, "DURATION"), mention(20, 30, "SET", "P1D")]
    assert [claim.text for claim in find_claims(text, 0, len(text), overlapping)] == ["300 recruits", "40 troops"]
    nested = [mention(0, 60), mention(5, 6)]
    assert find_claims(text, 0, len(text), nested) == []


def test_a_context_unit_counts_only_before_its_figure() -> None:
    text = "The death toll rose to 1,200 and losses reached 300, then 50."
    units = [claim.unit for claim in find_claims(text, 0, len(text))]
    assert units == ["people", "casualties", "casualties"]


def test_a_rate_comes_from_the_nearest_set_mention_in_either_direction() -> None:
    text = "Every week 300 soldiers were sent and 40 recruits arrived each week since"
    weekly = [mention(0, 10, "SET", "P1W"), mention(58, 67, "SET", "P1W")]
    rates = [(claim.text, claim.rate) for claim in find_claims(text, 0, len(text), weekly)]
    assert rates == [("300 soldiers", "P1W"), ("40 recruits", "P1W")]
