"""Hypothesis: on arbitrary text the tagger never raises, offsets slice, values are TIMEX3."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.domain import PublicationDate
from timeline.temporal import is_valid_value, tag
from timeline.temporal.match import matcher_for

WORDS = [
    "May", "may", "June", "1", "2024", "last", "next", "this", "week", "month", "year", "ago", "the", "a", "day",
    "Thursday", "late", "early", "mid-", "on", "in", "summer", "fall", "quarter", "third", "1,200", "people", "for",
    "years", "200-year-old", "every", "now", "recently", "coming", "months", "'80s", "1990s", "8:10am", "noon",
    "yesterday", "tonight", "Dec.", "15", ",", ".", "\n", "  ", "-", "earlier", "later", "two", "twenty-five",
    "Christmas", "fiscal", "1989", "Q3", "12/25/2023", "since", "İstanbul", "ǅ", "nineteen", "ninety-six",
    "2011-12", "2024-06", "H1", "FY23", "10.06.2024", "12-13", "July", "1200", "GMT", "about", "within", "or so",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=30).map("".join),
)
dcts = st.one_of(
    st.none(),
    st.dates().map(PublicationDate.from_date),
    st.builds(PublicationDate, st.integers(1, 9999), st.integers(1, 12)),
    st.builds(PublicationDate, st.integers(1, 9999)),
)
SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, dcts, st.sampled_from(["news", "narrative"]))
def test_tag_is_total_and_well_formed(text: str, dct: PublicationDate | None, anchor: str) -> None:
    """Never raises; mentions are sorted, disjoint, slice to their text, and carry TIMEX3 values."""
    mentions = tag(text, dct, anchor)
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert is_valid_value(mention.value), mention
        assert mention.type in ("DATE", "TIME", "DURATION", "SET")
        assert (mention.earliest is None) == (mention.latest is None)
        if mention.earliest is not None:
            assert mention.earliest < mention.latest
        if mention.anchor == "unanchored":
            assert mention.earliest is None


@SETTINGS
@given(texts)
def test_prefilter_finds_what_the_master_pattern_finds(text: str) -> None:
    """The fast trigger scan yields exactly the single master pattern's matches."""
    matcher = matcher_for("en")
    fast = [(hit.rule, hit.start, hit.end, hit.pre_start) for hit in matcher.hits(text)]
    slow = [(hit.rule, hit.start, hit.end, hit.pre_start) for hit in matcher.master_hits(text)]
    assert slow == fast
