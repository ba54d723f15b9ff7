"""Short histories: every expression anchored to the latest date the text has told, as a reader would."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from timeline.domain import PublicationDate
from timeline.temporal import tag

PASSAGES = tomllib.loads((Path(__file__).parent / "narrative_histories.toml").read_text(encoding="utf-8"))["passage"]


@pytest.mark.parametrize("passage", PASSAGES, ids=[passage["name"] for passage in PASSAGES])
def test_history_resolves_as_a_reader_would(passage: dict) -> None:
    """Each expression of the passage, with its type and value, and nothing else."""
    dct = PublicationDate.parse(passage["dct"]) if passage.get("dct") else None
    found = [[m.text, m.type, m.value] for m in tag(passage["text"], dct, passage.get("anchor", "narrative"))]
    assert passage["expected"] == found
