"""World places from GeoNames: stable keys, the choice between places of one name, and the records' cache file."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.events import places
from timeline.events.places import Context, place_index, slug


def test_keys_of_each_level() -> None:
    index = place_index()
    assert [place.key for place in index.candidates("Houston") if place.level == "city"][:1] == ["us-tx-houston"]
    assert {place.key for place in index.candidates("Harris County")} >= {"us-tx-harris-county", "us-ga-harris-county"}
    assert [place.key for place in index.candidates("Texas") if place.level == "state"] == ["us-tx"]
    assert [place.key for place in index.candidates("Russia") if place.level == "country"] == ["russia"]


def test_a_qualifier_then_the_article_then_size_decide() -> None:
    index = place_index()
    springfield = index.candidates("Springfield")
    assert index.choose("Springfield", springfield, Context(), index.qualifier("Ill.")).key == "us-il-springfield"
    assert index.choose("Springfield", springfield, Context(frozenset({"OH"}), frozenset({"US"}))).key == "us-oh-springfield"
    assert index.choose("Springfield", springfield, Context()).key == "us-mo-springfield"


def test_slugs() -> None:
    assert slug("St. Louis") == "st-louis"
    assert slug("Prince George's County") == "prince-georges-county"
    assert slug("Bogotá") == "bogota"


def test_records_are_kept_in_a_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path))
    records = places.geonames_records()
    [cached] = list((tmp_path / "timeline").glob("geonames-*.marshal"))
    assert places.geonames_records() == records and cached.stat().st_size > 0


def test_an_unwritable_cache_only_costs_the_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_CACHE", str(blocker))
    assert places.geonames_records()["states"]
