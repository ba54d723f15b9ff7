"""Attribution: who says so."""

from __future__ import annotations

import pytest

from timeline.events.attribution import find_attribution
from timeline.events.gazetteer import default_gazetteer
from timeline.events.vocabulary import load


@pytest.mark.parametrize(
    ("text", "phrase", "source"),
    [
        ("The Russian military lost more than 1,200 people a day last month, the British Ministry of Defence said.", "the British Ministry of Defence said", "UK Ministry of Defence"),
        ("According to European officials, Moscow has been using tactics of the Wagner group.", "According to European officials", "European officials"),
        ("Reuters reported last year that the mercenary group Wagner had recruited several African citizens.", "Reuters reported", "Reuters"),
        ("There are 35,000 to 37,000 African students in Russia, said Yevgeny Primakov head of Rossotrudnichestvo.", "said Yevgeny Primakov head of Rossotrudnichestvo", "Yevgeny Primakov"),
        ("Russia has engaged in a recruitment drive in at least 21 countries, reports citing Ukrainian intelligence say.", "reports citing Ukrainian intelligence", "Ukraine's Defence Intelligence (HUR)"),
        ("According to Financial Timesa company linked to the Houthis supplied Russia with mercenaries.", "According to Financial Times", "Financial Times"),
        ("They keep you in a cold cell, according to one Kyrgyz prisoner.", "according to one Kyrgyz prisoner", "one Kyrgyz prisoner"),
    ],
)
def test_attribution(text: str, phrase: str, source: str) -> None:
    found = find_attribution(text, 0, len(text), default_gazetteer().find(text))
    assert found is not None and (found.text, found.source) == (phrase, source)


@pytest.mark.parametrize("text", ["Africans and Nepalis have been particularly common, they said.", "In November, reports emerged of further Kremlin efforts to recruit."])
def test_no_attribution(text: str) -> None:
    assert find_attribution(text, 0, len(text), default_gazetteer().find(text)) is None


def test_a_place_is_never_the_source() -> None:
    text = "The road was closed, Dayton police said."
    from timeline.events.entities import find_actors

    found = find_attribution(text, 0, len(text), list(find_actors(text, default_gazetteer()).matches))
    assert found is not None and found.actor is not None and found.actor.actor.key == "us-oh-dayton-police"


@pytest.mark.parametrize("text", load("attribution")["not_examples"])
def test_a_passive_verb_is_no_attribution(text: str) -> None:
    assert find_attribution(text, 0, len(text), default_gazetteer().find(text)) is None
