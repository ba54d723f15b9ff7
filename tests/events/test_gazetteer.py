"""Actors from gazetteer data files: names, demonyms, metonyms; users extend them with their own files."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.events import gazetteer
from timeline.events.gazetteer import GazetteerError, build_gazetteer, gazetteer_files


def keys(text: str) -> list[str]:
    return [match.actor.key for match in gazetteer.default_gazetteer().find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin has coerced thousands of migrants", ["russia", "migrants"]),
        ("Moscow has also been enlisting convicts", ["russia", "convicts"]),
        ("The government in Kathmandu earlier this year said", ["nepal-government"]),
        ("scope for Pyongyang to send many more men", ["north-korea"]),
        ("the British Ministry of Defence said", ["uk-ministry-of-defence"]),
        ("Ukraine’s Defense Ministry announced on June 1", ["ukraine-ministry-of-defence"]),
        ("Yevgeny Primakov head of Rossotrudnichestvo", ["yevgeny-primakov", "rossotrudnichestvo"]),
        ("a company linked to the Houthis", ["houthis"]),
        ("In October 2024 report per RFE/RL claimed", ["rfe-rl"]),
        ("According to Financial Timesa company", ["financial-times"]),
        ("Reuters reported that the Wagner Group", ["reuters", "wagner-group"]),
        ("an increase in the number of foreign fighters", ["foreign-fighters"]),
    ],
)
def test_actors_found(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_every_bundled_example_names_its_actor() -> None:
    import tomllib

    found = gazetteer.default_gazetteer()
    for name, text in gazetteer_files():
        for entry in tomllib.loads(text)["actor"]:
            for example in entry.get("examples", []):
                assert entry["key"] in [match.actor.key for match in found.find(example)], (name, example)


def test_user_gazetteer_extends_and_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine.toml").write_text(
        '[[actor]]\nkey = "kursk-region"\nname = "Kursk Oblast"\nkind = "region"\naliases = ["Kursk Oblast", "Kursk"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(gazetteer.GAZETTEER_ENV, str(tmp_path))
    assert "kursk-region" in keys("a cross-border incursion into Kursk Oblast")
    monkeypatch.delenv(gazetteer.GAZETTEER_ENV)
    assert keys("a cross-border incursion into Kursk Oblast") == []


def test_bad_gazetteer_names_file_and_entry() -> None:
    with pytest.raises(GazetteerError, match="bad.toml.*kind 'planet'"):
        build_gazetteer([("bad.toml", '[[actor]]\nkey = "mars"\nname = "Mars"\nkind = "planet"\n')])
