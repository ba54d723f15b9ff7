"""A bad rule file fails at once, naming the file and the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal.resolve import RESOLVERS
from timeline.temporal.rules import RuleFileError, load_files, load_language

GOOD_FRAGMENT = """
[fragments.month]
values = { may = 5 }
"""


def _load(tmp_path: Path, body: str):
    path = tmp_path / "broken.toml"
    path.write_text(GOOD_FRAGMENT + body, encoding="utf-8")
    return load_files([path], set(RESOLVERS))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[rules]]\nname = "r1"\npattern = "{nope}"\nresolve = "calendar"\nexamples = [{text = "x", value = "1"}]\n', "unknown fragment"),
        ('[[rules]]\nname = "r1"\npattern = "(unclosed"\nresolve = "calendar"\nexamples = [{text = "x", value = "1"}]\n', "bad pattern"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "guess"\nexamples = [{text = "x", value = "1"}]\n', "unknown resolver"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\n', "at least one example"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\ntype = "WHEN"\nexamples = [{text = "x", value = "1"}]\n', "type"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nexamples = [{text = "x", value = "1", anchor = "June"}]\n', "bad anchor"),
    ],
)
def test_bad_rule_names_file_and_rule(tmp_path: Path, body: str, message: str) -> None:
    """The error names the file, the rule and what is wrong."""
    with pytest.raises(RuleFileError) as raised:
        _load(tmp_path, body)
    text = str(raised.value)
    assert "broken.toml" in text and "'r1'" in text and message in text


def test_duplicate_rule_names_are_refused(tmp_path: Path) -> None:
    """Two rules may not share a name."""
    rule = '[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nexamples = [{text = "May", value = "XXXX-05"}]\n'
    with pytest.raises(RuleFileError, match="duplicate"):
        _load(tmp_path, rule + rule)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    """A syntax error names the file."""
    with pytest.raises(RuleFileError, match="broken.toml.*not valid TOML"):
        _load(tmp_path, "[[rules]\n")


def test_bundled_rules_load_and_every_rule_has_examples() -> None:
    """The shipped English rules load; each has examples."""
    rules = load_language("en")
    assert len(rules.rules) > 30
    assert all(rule.examples for rule in rules.rules)
