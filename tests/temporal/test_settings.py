"""The settings: every example of data/settings.toml runs, a bad file or override is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.domain import PublicationDate
from timeline.temporal import tag
from timeline.temporal.settings import SETTINGS_FILE, SettingsError, default_settings, load_settings

_, EXAMPLES = load_settings()
CASES = [
    pytest.param(example, id=f"{name}: {example['text']} @ {example.get('anchor')}")
    for name, examples in EXAMPLES.items()
    for example in examples
]


@pytest.mark.parametrize("example", CASES)
def test_setting_example(example: dict) -> None:
    """With the bundled settings, the example's phrase has the value the setting gives it."""
    dct = PublicationDate.parse(example["anchor"]) if example.get("anchor") else None
    values = [mention.value for mention in tag(example["text"], dct, example.get("mode", "news"))]
    assert example["value"] in values


def test_an_override_changes_the_reading() -> None:
    """A narrower past slack makes a year-less day date four months ahead last year's."""
    dct = PublicationDate.parse("1989-10-26")
    strict = default_settings().replace(past_slack_days=30)
    assert ["1989-12-15"] == [m.value for m in tag("Dec. 15", dct)]
    assert ["1988-12-15"] == [m.value for m in tag("Dec. 15", dct, settings=strict)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"slack": 3}, "unknown setting 'slack'"), ({"months_ahead": "two"}, "must be int"), ({"date_order": "YMD"}, "one of")],
)
def test_a_bad_override_is_refused(changes: dict, message: str) -> None:
    """An unknown setting or a value of the wrong kind is named."""
    with pytest.raises(SettingsError, match=message):
        default_settings().replace(**changes)


def test_a_bad_file_names_the_file_and_the_setting(tmp_path: Path) -> None:
    """An unknown key in a setting's table is refused, naming the file and the setting."""
    path = tmp_path / "settings.toml"
    path.write_text(SETTINGS_FILE.read_text(encoding="utf-8") + '\n[months_ahead2]\nvalue = 2\nunit = "months"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="settings.toml.*months_ahead2"):
        load_settings(path)
