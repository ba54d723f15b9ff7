"""tense_around: the cues that decide whether a bare weekday or month looks back or ahead."""

from __future__ import annotations

import pytest

from timeline.temporal.match import tense_around


def tense_of(sentence: str, phrase: str) -> str:
    """The tense read around the first occurrence of `phrase`."""
    start = sentence.index(phrase)
    return tense_around(sentence, start, start + len(phrase))


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The minister will visit on Thursday.", "Thursday", "future"),
        ("The minister visited on Thursday.", "Thursday", "past"),
        ("The group could leave as soon as Tuesday, Castro said.", "Tuesday", "future"),
        ("INS has given the relatives until Tuesday to sign.", "Tuesday", "future"),
        ("Until Thursday, they had not called him a suspect.", "Thursday", "past"),
        ("But it was not until Tuesday that Castro revealed it.", "Tuesday", "past"),
        ("New Zealand said Friday it supports the strikes.", "Friday", "past"),
        ("The father would be traveling to the United States Thursday.", "Thursday", "future"),
        ("''The father will leave at dawn Thursday,'' Castro said.", "Thursday", "future"),
        ("Clinton told reporters in the Rose Garden Wednesday.", "Wednesday", "past"),
        ("Protesters planned a large demonstration on Saturday.", "Saturday", "future"),
        ("They signed an economic cooperation plan Friday.", "Friday", "past"),
        ("Talks are supposed to conclude by May.", "May", "future"),
        ("The dividend would be paid on a still unspecified date in January.", "January", "future"),
        ("The board will meet on the expected date in March.", "March", "future"),
        ("The offer had been scheduled to expire at midnight Friday.", "Friday", "past"),
        ("The vote had been planned for Tuesday but was put off.", "Tuesday", "past"),
        ("Nothing else in this sentence on Monday", "Monday", "none"),
        ("Students return Monday after the break.", "Monday", "future"),
        ("Four were injured during a shooting in Old West End Saturday.", "Saturday", "past"),
        ("The troops must leave the city by Friday.", "Friday", "future"),
        ("The troops were withdrawn from the city by Friday.", "Friday", "past"),
        ("By Friday, the troops had left.", "Friday", "past"),
        ("The boy must be returned to his father by Friday.", "Friday", "future"),
        ("After the March 2 election, the party split.", "March 2", "past"),
        ("The dividend is payable Dec. 7 to holders of record, the company said.", "Dec. 7", "future"),
        ("The new law takes effect in January.", "January", "future"),
        ("The team returned home Sunday.", "Sunday", "past"),
        ("At the close of business Thursday, shares were tendered.", "Thursday", "past"),
    ],
)
def test_tense(sentence: str, phrase: str, expected: str) -> None:
    """Deadlines look ahead, reporting verbs date the report, names ending in -ed are not verbs, nor are -ed adjectives after a determiner."""
    assert tense_of(sentence, phrase) == expected
