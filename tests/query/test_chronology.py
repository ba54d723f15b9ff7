"""The chronology API on the seeds: order under uncertainty, overlap filters, eras, pandas."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

import timeline
from timeline.query import chronology as chronology_module
from timeline.query.when import WhenError


def ordered(entries) -> bool:  # type: ignore[no-untyped-def]
    keys = [(entry.earliest, entry.latest) for entry in entries]
    return keys == sorted(keys)


def test_from_2022_runs_from_the_invasion_to_the_late_2024_reports(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, from_="2022")
    assert ordered(entries)
    assert entries[0].value == "2022-02" and "full-scale invasion" in entries[0].text
    assert entries[-1].earliest >= date(2024, 11, 1)
    assert all(entry.latest <= date(2025, 4, 28) for entry in entries)
    values = {entry.value for entry in entries}
    assert {"2022-09", "2024-05", "2024-06-01", "2024-11"} <= values


def test_an_interval_overlapping_the_range_is_kept(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, from_=date(2024, 5, 15), to=date(2024, 5, 20))
    assert "2024-05" in {entry.value for entry in entries}
    assert all(entry.earliest < date(2024, 5, 20) and entry.latest > date(2024, 5, 15) for entry in entries)


def test_the_wagner_era(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, era="Wagner era")
    assert entries and ordered(entries)
    assert all(entry.earliest < date(2023, 8, 24) and entry.latest > date(2022, 7, 1) for entry in entries)
    assert any("Wagner had recruited" in entry.text for entry in entries)
    assert any(entry.value == "2022-09" for entry in entries)
    assert not any(entry.value == "2024-05" for entry in entries)


def test_from_one_era_to_another(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, from_="Wagner era", to="North Korean deployment")
    values = [entry.value for entry in entries]
    assert "2022-09" in values
    assert "2022-02" not in values
    assert all(entry.latest is not None and entry.latest > date(2022, 7, 1) for entry in entries)
    assert "2024-11" in values and "2024-05" in values


def test_era_and_dates_narrow_each_other(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, from_="2023", era="Wagner era")
    assert entries and all(entry.latest > date(2023, 1, 1) for entry in entries)
    assert "2022-09" not in {entry.value for entry in entries}


def test_full_text_search(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, grep="mobilization order")
    assert [entry.value for entry in entries] == ["2022-09"]
    assert timeline.chronology(seeded_db, grep="38,940")
    assert timeline.chronology(seeded_db, grep="zeppelin") == []


def test_source_filter(seeded_db: str) -> None:
    entries = timeline.chronology(seeded_db, source="chaspravdy")
    assert entries and all("chaspravdy" in " ".join(entry.sources) for entry in entries)


def test_reported_entries_on_request(seeded_db: str) -> None:
    stated = timeline.chronology(seeded_db)
    every = timeline.chronology(seeded_db, reported=True)
    assert len(every) >= len(stated)
    assert {entry.date_basis for entry in stated} == {"stated"}


def test_unknown_era_is_a_clear_error(seeded_db: str) -> None:
    with pytest.raises(WhenError, match="no era called 'Narnia'.*Wagner era"):
        timeline.chronology(seeded_db, era="Narnia")


def test_to_frame(seeded_db: str) -> None:
    frame = timeline.chronology(seeded_db, from_="2024-05", to="2024-05").to_frame()
    assert list(frame.columns[:3]) == ["cluster_id", "value", "mod"]
    assert str(frame["earliest"].dtype).startswith("datetime64")
    assert "May 2024" in set(frame["label"])
    assert (frame["source_count"] >= 1).all()


def test_docstring_examples_run(seeded_db: str) -> None:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(chronology_module.chronology, globs={"seeded_db": seeded_db, "chronology": timeline.chronology}):
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_same_chronology_on_postgresql(seeded_db: str, seeded_postgres: str) -> None:
    on_sqlite = timeline.chronology(seeded_db, from_="Wagner era", to="North Korean deployment")
    on_postgres = timeline.chronology(seeded_postgres, from_="Wagner era", to="North Korean deployment")
    assert [(entry.event_id, entry.label, entry.sources) for entry in on_postgres] == [
        (entry.event_id, entry.label, entry.sources) for entry in on_sqlite
    ]
    assert [entry.value for entry in timeline.chronology(seeded_postgres, grep="mobilization order")] == ["2022-09"]
    assert timeline.chronology(seeded_postgres, actor="wagner", category="recruitment")


def test_within_keeps_only_intervals_inside_the_range(seeded_db: str) -> None:
    inside = timeline.chronology(seeded_db, era="Wagner era", within=True)
    assert [entry.value for entry in inside] == ["2022-09"]
    assert all(entry.earliest >= date(2022, 7, 1) and entry.latest <= date(2023, 8, 24) for entry in inside)


def test_documents_mentions_and_claims_as_frames(seeded_db: str) -> None:
    documents = timeline.documents(seeded_db)
    assert len(documents) == 5 and "text" not in documents and "published_basis" in documents
    assert "text" in timeline.documents(seeded_db, text=True)
    mentions = timeline.mentions(seeded_db)
    assert {"DURATION", "SET"} <= set(mentions["type"]) and str(mentions["earliest"].dtype).startswith("datetime64")
    claims = timeline.claims(seeded_db)
    assert any("38,940" in text for text in claims["text"]) and {"cluster_id", "claimed_by", "period", "source"} <= set(claims)


def test_the_python_api_speaks_the_command_lines_words(seeded_db: str) -> None:
    import inspect

    parameters = set(inspect.signature(timeline.chronology).parameters)
    assert {"from_", "to", "grep", "reported", "era", "actor", "category", "source", "within", "limit"} <= parameters
    assert not {"start", "end", "text", "include_reported"} & parameters
