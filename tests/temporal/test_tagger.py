"""tag() on the seed articles' phrases, with full, partial and missing DCTs."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from timeline.domain import PublicationDate
from timeline.temporal import tag

DCT = PublicationDate.parse("2024-06-10")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def one(text: str, phrase: str, dct: PublicationDate | None = DCT, anchor: str = "news"):
    """The mention whose text is `phrase`."""
    found = [m for m in tag(text, dct, anchor) if m.text == phrase]
    assert found, f"{phrase!r} not found in {tag(text, dct, anchor)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "mod", "kind"),
    [
        ("Putin spoke late on Wednesday last week in Saint Petersburg.", "late on Wednesday last week", "2024-06-05", "END", "DATE"),
        ("It lost 1,200 people a day last month.", "last month", "2024-05", None, "DATE"),
        ("It lost 1,200 people a day last month.", "a day", "P1D", None, "SET"),
        ("momentum this year.", "this year", "2024", None, "DATE"),
        ("he said on Thursday at the forum.", "Thursday", "2024-06-06", None, "DATE"),
        ("The government earlier this year said", "earlier this year", "2024", "START", "DATE"),
        ("a key factor in the coming months.", "the coming months", "FUTURE_REF", None, "DATE"),
        ("since the start of Russia's full-scale invasion in February 2022.", "February 2022", "2022-02", None, "DATE"),
        ("which has been recruiting foreign mercenaries for years.", "years", "PXY", None, "DURATION"),
        ("ending a 200-year-old tradition, may have encouraged Nepalis", "200-year-old", "P200Y", None, "DURATION"),
        ("Ukraine's Defense Ministry announced on June 1 that", "June 1", "2024-06-01", None, "DATE"),
        ("losses in May reached 38,940", "May", "2024-05", None, "DATE"),
    ],
)
def test_seed_phrases(text: str, phrase: str, value: str, mod: str | None, kind: str) -> None:
    """Seed phrases resolve as a careful reader would with DCT 2024-06-10."""
    mention = one(text, phrase)
    assert (value, mod, kind) == (mention.value, mention.mod, mention.type)


def test_month_keeps_month_granularity() -> None:
    """`in May` is the month, never a day."""
    mention = one("losses in May reached 38,940", "May")
    assert (date(2024, 5, 1), date(2024, 6, 1), "month", "dct") == (
        mention.earliest, mention.latest, mention.granularity, mention.anchor)


def test_missing_dct_is_unanchored() -> None:
    """Without a DCT the year stays X and the interval is empty."""
    mention = one("losses in May reached 38,940", "May", dct=None)
    assert ("XXXX-05", None, None, "unanchored") == (mention.value, mention.earliest, mention.latest, mention.anchor)


def test_explicit_date_needs_no_anchor() -> None:
    """An explicit date is anchored to nothing."""
    mention = one("in February 2022", "February 2022", dct=None)
    assert ("2022-02", date(2022, 2, 1), "none") == (mention.value, mention.earliest, mention.anchor)


def test_partial_dct_widens() -> None:
    """A DCT known to the month: `yesterday` keeps what is known and widens the interval."""
    mention = one("It happened yesterday.", "yesterday", dct=PublicationDate.parse("2024-12"))
    assert ("2024-XX-XX", date(2024, 11, 30), date(2024, 12, 31)) == (mention.value, mention.earliest, mention.latest)


def test_day_anaphor_on_a_year_keeps_what_is_known() -> None:
    """`that day` after a story date of a whole year is a day of that year, not its first day."""
    mentions = tag("The market fell in 1987. Traders lost heavily that day.", PublicationDate.parse("1989-10-30"))
    assert ["1987", "1987-XX-XX"] == [m.value for m in mentions]


def test_day_anaphor_on_a_month_spans_what_the_value_says() -> None:
    """`three days later` after `in April 1940` is some day of April: its interval is April, no narrower."""
    mentions = tag("In April 1940 the army moved. Three days later it attacked.", None, "narrative")
    assert [("1940-04-XX", date(1940, 4, 1), date(1940, 5, 1), "day")] == [
        (m.value, m.earliest, m.latest, m.granularity) for m in mentions[1:]
    ]


def test_narrative_anchoring() -> None:
    """Narrative mode anchors to the latest explicit date of the story."""
    mentions = tag("In March 1940 the army moved. In April it attacked.", None, "narrative")
    assert ["1940-03", "1940-04"] == [m.value for m in mentions]
    assert "mention" == mentions[1].anchor


def test_may_the_verb_is_not_a_date() -> None:
    """The modal verb `may` is not the month."""
    assert [] == [m for m in tag("India's decision may have encouraged Nepalis.", DCT) if m.value.endswith("05")]


def test_sorted_and_non_overlapping_on_seeds() -> None:
    """Mentions of every seed article are sorted, disjoint and slice to their text."""
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = tag(text, DCT)
        assert mentions
        for before, after in itertools.pairwise(mentions):
            assert before.end <= after.start
        for mention in mentions:
            assert text[mention.start : mention.end] == mention.text


def test_unknown_anchor_mode_is_refused() -> None:
    """An anchor mode other than news or narrative is an error."""
    with pytest.raises(ValueError, match="anchor"):
        tag("in May", DCT, "story")


def test_narrative_history_resolves_as_a_reader_would() -> None:
    """Year-less dates in a history take the year nearest the story; `today` is the present."""
    text = (
        "The Battle of Stalingrad (23 August 1942 - 2 February 1943) was a major battle. On 23 August, the 6th Army "
        "reached the Volga. In September, fighting raged. On 2 February 1943, Paulus surrendered. Later that year, "
        "the Battle of Kursk began on 5 July. Two years later the war ended. Today, the city is called Volgograd."
    )
    values = {m.text: m.value for m in tag(text, None, "narrative")}
    assert "1942-08-23" == values["23 August"]
    assert "1942-09" == values["September"]
    assert "1943-07-05" == values["5 July"]
    assert "1945" == values["Two years later"]
    assert "PRESENT_REF" == values["Today"]


def test_quoted_speech_keeps_its_dates() -> None:
    """Only a capitalised title in quotes is skipped: a quotation that opens with a date keeps it."""
    assert one('"This week, we will vote," he said.', "This week").value == "2024-W24"
    assert one('"Next Monday we vote," he said.', "Next Monday").value == "2024-06-17"
