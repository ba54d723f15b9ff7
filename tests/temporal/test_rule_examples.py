"""Every example and negative phrase of the rule files runs as a test case."""

from __future__ import annotations

import pytest

from timeline.domain import PublicationDate
from timeline.temporal.rules import load_language
from timeline.temporal.tagger import tag

RULES = load_language("en")
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.name}: {example.text} @ {example.anchor}")
    for rule in RULES.rules
    for example in rule.examples
]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_example(rule, example) -> None:
    """The rule fires on its example and yields the expected value (and type and mod when given)."""
    dct = PublicationDate.parse(example.anchor) if example.anchor else None
    found = [m for m in tag(example.text, dct, example.mode) if m.rule == rule.name]
    assert found, f"{rule.name} did not fire on {example.text!r}: {tag(example.text, dct, example.mode)}"
    mention = next((m for m in found if m.value == example.value), found[0])
    assert example.value == mention.value
    if example.type:
        assert example.type == mention.type
    if example.mod:
        assert example.mod == mention.mod


@pytest.mark.parametrize(("source", "text"), [pytest.param(s, t, id=t) for s, t in RULES.negatives])
def test_negative(source: str, text: str) -> None:
    """A negative phrase yields no temporal expression."""
    assert [] == tag(text, PublicationDate.parse("2024-06-10"))
