"""The tagger's settings: the conventions of reading news, one named object whose defaults are data."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

SETTINGS_FILE = Path(__file__).resolve().parent / "data" / "settings.toml"
_CHOICES = {"date_order": ("MDY", "DMY"), "hemisphere": ("north", "south")}


class SettingsError(ValueError):
    """A settings file or override that cannot be used; the message names the file and the setting."""


@dataclass(frozen=True)
class Settings:
    """What a reader assumes where a text leaves it open (see data/settings.toml for each one's meaning)."""

    past_slack_days: int
    past_tense_slack_days: int
    future_slack_days: int
    months_ahead: int
    story_reach: int
    story_ahead_days: int
    two_digit_year_ahead: int
    date_order: str
    hemisphere: str

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed; an unknown name or a bad value raises SettingsError."""
        for name, value in changes.items():
            _check(name, value, "override")
        return replace(self, **changes)


def _check(name: str, value: Any, where: str) -> None:
    known = {field.name: field.type for field in fields(Settings)}
    if name not in known:
        raise SettingsError(f"{where}: unknown setting {name!r} (known: {', '.join(sorted(known))})")
    wanted = int if known[name] == "int" else str
    if not isinstance(value, wanted) or isinstance(value, bool):
        raise SettingsError(f"{where}: setting {name!r} must be {wanted.__name__}, got {value!r}")
    if name in _CHOICES and value not in _CHOICES[name]:
        raise SettingsError(f"{where}: setting {name!r} must be one of {', '.join(_CHOICES[name])}, got {value!r}")
    if wanted is int and value < 0:
        raise SettingsError(f"{where}: setting {name!r} must not be negative, got {value!r}")


def load_settings(path: Path = SETTINGS_FILE) -> tuple[Settings, dict[str, list[dict[str, Any]]]]:
    """The settings of a file and each setting's examples; unknown or missing settings raise SettingsError."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML: {error}") from None
    values: dict[str, Any] = {}
    examples: dict[str, list[dict[str, Any]]] = {}
    for name, spec in data.items():
        where = f"{path}: setting {name!r}"
        if not isinstance(spec, dict) or set(spec) - {"value", "doc", "examples"} or "value" not in spec:
            raise SettingsError(f"{where}: a setting is a table of `value`, `doc` and `examples`")
        _check(name, spec["value"], str(path))
        values[name] = spec["value"]
        examples[name] = list(spec.get("examples", []))
        if not spec.get("doc") or not examples[name]:
            raise SettingsError(f"{where}: a setting needs a `doc` and at least one example")
    missing = [field.name for field in fields(Settings) if field.name not in values]
    if missing:
        raise SettingsError(f"{path}: missing settings {', '.join(missing)}")
    return Settings(**values), examples


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    """The bundled settings (read once per process)."""
    return load_settings()[0]
