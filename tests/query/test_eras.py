"""Expressions anchored to eras in articles resolve through the periods table: every rule example is a test."""

from __future__ import annotations

import pytest

from timeline.domain import Mention, PublicationDate
from timeline.query.eras import add_period_mentions, load_phrase_rules, period_mentions
from timeline.query.periods import read_periods_file
from timeline.seeds import SEEDS_DIRECTORY

PERIODS = read_periods_file(SEEDS_DIRECTORY / "periods.toml")
RULES = load_phrase_rules()
EXAMPLES = [(phrase.name, example) for phrase in RULES.phrases for example in phrase.examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[example["text"] for _rule, example in EXAMPLES])
def test_rule_examples(rule: str, example: dict) -> None:
    found = period_mentions(example["text"], PERIODS, PublicationDate.parse(example["dct"]))
    assert [(mention.text, mention.value, mention.mod, mention.rule) for mention in found] == [
        (example["text"], example["value"], example.get("mod"), f"period_{rule}")
    ]
    assert found[0].anchored


@pytest.mark.parametrize("text", RULES.negatives)
def test_negatives_do_not_match(text: str) -> None:
    assert period_mentions(text, PERIODS, PublicationDate(2024, 6, 10)) == []


def test_seed_sentence_resolves_to_the_invasion() -> None:
    text = "These practices have been ongoing since the early stages of the war, noted by inside sources."
    [mention] = period_mentions(text, PERIODS, PublicationDate(2024, 6, 10))
    assert mention.anchor == "period:Full-scale invasion"
    assert (str(mention.earliest), str(mention.latest)) == ("2022-02-24", "2024-06-11")


def test_unknown_publication_date_leaves_the_end_open() -> None:
    [mention] = period_mentions("since the war began", PERIODS, None)
    assert mention.latest is None and not mention.anchored


def test_added_to_tagger_mentions_without_overlap() -> None:
    text = "since the start of the full-scale invasion in February 2022"
    tagged = [Mention(47, 60, "February 2022", "DATE", "2022-02")]
    merged = add_period_mentions(text, tagged, PERIODS, PublicationDate(2024, 6, 10))
    assert [mention.text for mention in merged] == ["since the start of the full-scale invasion", "February 2022"]
    overlapping = [Mention(0, 10, "since the", "DATE", "X")]
    assert add_period_mentions(text, overlapping, PERIODS, None) == overlapping


def test_no_periods_no_mentions() -> None:
    assert period_mentions("since the war began", [], PublicationDate(2024, 6, 10)) == []
