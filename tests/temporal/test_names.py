"""Names that look like times are not temporal expressions; the times next to them still are."""

from __future__ import annotations

import tomllib

import pytest

from timeline.domain import PublicationDate
from timeline.temporal import tag
from timeline.temporal.names import NAMES_FILE

DCT = PublicationDate.parse("2024-06-10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Winter War began in 1939.", ["1939"]),
        ("After the Arab Spring, in the winter of 2011, protests spread.", ["2011-WI"]),
        ("He set up a venture called Orion 1980 in 1985.", ["1985"]),
        ("Theresa May resigned in June.", ["2024-06"]),
        ("In May the army attacked.", ["2024-05"]),
        ("The Six-Day War began on 5 June 1967.", ["1967-06-05"]),
        ("The Thirty Years' War lasted thirty years.", ["P30Y"]),
        ("Baker said on ABC's \"This Week\" that talks began on Monday.", ["2024-06-10"]),
    ],
)
def test_a_name_is_skipped_and_its_neighbours_kept(text: str, expected: list[str]) -> None:
    """Only the name is left out."""
    assert expected == [m.value for m in tag(text, DCT)]


@pytest.mark.parametrize("example", tomllib.loads(NAMES_FILE.read_text(encoding="utf-8"))["examples"], ids=lambda example: example["text"])
def test_the_name_word_lists_examples(example: dict) -> None:
    """Each example of data/names.toml: its month is tagged exactly when it is not a name."""
    tagged = any(example["month"] in mention.text for mention in tag(example["text"], DCT))
    assert tagged is not example["name"]
