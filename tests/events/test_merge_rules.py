"""Every example of data/merge.toml is a test: two reports, and whether the evidence makes them one event."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.events.cluster import Figure, Report
from timeline.events.merge_evidence import TermWeights, date_relation, link
from timeline.events.merge_rules import merge_examples, merge_rules
from timeline.events.merge_words import content_words, document_context, names
from timeline.temporal.values import interval_of

EXAMPLES = merge_examples()


def as_report(fields: dict, number: int, document: int) -> Report:
    """A report from an example's fields (its date a TIMEX3 value resolved to its interval)."""
    earliest, latest, _granularity = interval_of(fields["date"])
    figures = frozenset(Figure(float(low), float(high) if high else None, rate or None, unit or None) for low, high, rate, unit in fields.get("figures", []))
    return Report(
        event_id=number, key=f"example{number}", document_id=document, published=fields["published"], value=fields["date"],
        earliest=earliest, latest=latest, date_basis=fields["basis"], category=None, text=fields["text"], mod=fields.get("mod"),
        figures=figures, context=document_context(fields["title"], f"{fields['text']} {fields['document']}"),
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=[example["name"] for example in EXAMPLES])
def test_example(example: dict) -> None:
    same = example.get("same_document", False)
    a = as_report(example["a"], 1, 1)
    b = as_report(example["b"], 2, 1 if same else 2)
    weights = TermWeights(1000, {word: 400 for word in example["common"].split()})
    found = link(a, b, weights, merge_rules())
    assert (found is not None) == example["merge"], found


def test_there_are_examples_both_ways() -> None:
    assert {example["merge"] for example in EXAMPLES} == {True, False}


def test_an_incident_day_and_the_next_days_report_are_compatible_but_not_a_week_and_a_half_later() -> None:
    rules = merge_rules()
    day = Report(1, "a", 1, "2016-03-08", "2016-03-08", date(2016, 3, 8), date(2016, 3, 9), "stated", None, "")
    later = Report(2, "b", 2, "2016-03-09", "2016-03-09", date(2016, 3, 9), date(2016, 3, 10), "reported", None, "")
    much_later = Report(3, "c", 3, "2016-03-18", "2016-03-18", date(2016, 3, 18), date(2016, 3, 19), "reported", None, "")
    before = Report(4, "d", 4, "2016-03-07", "2016-03-07", date(2016, 3, 7), date(2016, 3, 8), "reported", None, "")
    assert date_relation(day, later, rules) == "report_after"
    assert date_relation(day, much_later, rules) is None
    assert date_relation(day, before, rules) is None


def test_june_and_late_june_are_compatible_june_and_july_are_not() -> None:
    rules = merge_rules()
    june = Report(1, "a", 1, None, "2023-06", date(2023, 6, 1), date(2023, 7, 1), "stated", None, "")
    late_june = Report(2, "b", 2, None, "2023-06", date(2023, 6, 1), date(2023, 7, 1), "stated", None, "", mod="END")
    june_20 = Report(3, "c", 3, None, "2023-06-20", date(2023, 6, 20), date(2023, 6, 21), "stated", None, "")
    july = Report(4, "d", 4, None, "2023-07", date(2023, 7, 1), date(2023, 8, 1), "stated", None, "")
    assert date_relation(june, late_june, rules) == "same_span"
    assert date_relation(june, june_20, rules) == "nested"
    assert date_relation(june, july, rules) is None


def test_names_are_capitalised_words_inside_sentences() -> None:
    assert names("Police said Darnell Okafor died on Tuesday. The Brantwell chief spoke.") == ["darnell", "okafor", "brantwell"]
    assert content_words("The mill's owner said it burned on Friday") == ["mill", "owner", "burned"]
    assert document_context("Fire destroys Halvern mill", "Chief Ana Ruiz of Halvern spoke.") == ("fire", "destroys", "halvern", "mill", "ana", "ruiz")
