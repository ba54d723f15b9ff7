"""A bad rule file fails at once, naming the file and the rule."""

from __future__ import annotations

import re
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
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nprority = 3\nexamples = [{text = "x", value = "1"}]\n', "unknown key 'prority'"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nparams = { anaforic = true }\nexamples = [{text = "x", value = "1"}]\n', "unknown parameter 'anaforic'"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nparams = { anaphoric = "yes" }\nexamples = [{text = "x", value = "1"}]\n', "must be bool"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nexamples = [{text = "x", value = "1", expect = "1"}]\n', "unknown key 'expect'"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nexamples = [{text = "x", value = "1", mode = "story"}]\n', "bad mode"),
        ('[[rules]]\nname = "r1"\npattern = "{month}"\nresolve = "calendar"\nmodes = ["history"]\nexamples = [{text = "x", value = "1"}]\n', "modes"),
        ('[[rules]]\nname = "r1"\npattern = "(?:the )?"\nresolve = "calendar"\nexamples = [{text = "x", value = "1"}]\n', "empty string"),
        ('[[rules]]\nname = "r1"\npattern = "{month}|(?<=in)"\nresolve = "calendar"\nexamples = [{text = "x", value = "1"}]\n', "empty string"),
        ('[[rules]]\nname = "r1"\npattern = "{month}?"\nresolve = "calendar"\nexamples = [{text = "x", value = "1"}]\n', "empty string"),
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


def test_unknown_fragment_key_is_refused(tmp_path: Path) -> None:
    """A misspelt key of a fragment names the file and the fragment."""
    with pytest.raises(RuleFileError, match="broken.toml: fragment 'days'.*unknown key 'value'"):
        _load(tmp_path, '[fragments.days]\nvalue = { day = 1 }\n')


def test_unknown_table_is_refused(tmp_path: Path) -> None:
    """A file may hold only fragments, rules and negatives."""
    with pytest.raises(RuleFileError, match="broken.toml.*unknown table 'rule'"):
        _load(tmp_path, '[[rule]]\nname = "r1"\n')


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    """A syntax error names the file."""
    with pytest.raises(RuleFileError, match="broken.toml.*not valid TOML"):
        _load(tmp_path, "[[rules]\n")


def test_bundled_rules_load_and_every_rule_has_examples() -> None:
    """The shipped English rules load; each has examples."""
    rules = load_language("en")
    assert len(rules.rules) > 30
    assert all(rule.examples for rule in rules.rules)


@pytest.mark.parametrize(
    ("fragment", "phrase", "expected"),
    [
        pytest.param(fragment.name, phrase, expected, id=f"{fragment.name}: {phrase}")
        for fragment in load_language("en").fragments.values()
        for phrases, expected in ((fragment.matches, True), (fragment.rejects, False))
        for phrase in phrases
    ],
)
def test_fragment_examples(fragment: str, phrase: str, expected: bool) -> None:
    """Each phrase a fragment lists under `matches` it matches whole; each under `rejects` it does not."""
    regex = re.compile(f"(?:{load_language('en').fragments[fragment].regex})", re.IGNORECASE)
    assert expected == bool(regex.fullmatch(phrase))


def test_a_rule_for_histories_is_not_one_of_news() -> None:
    """A rule limited to one mode is left out of the other's matcher."""
    rules = load_language("en")
    for mode in ("news", "narrative"):
        assert all(mode in rule.modes for rule in rules.for_mode(mode).rules)
