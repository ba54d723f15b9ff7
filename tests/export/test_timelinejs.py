"""TimelineJS: dates carry only the parts they know; unique_id, group and eras."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.domain import ChronologyEntry
from timeline.export.timelinejs import date_parts, timelinejs_document
from timeline.query.periods import make_period


def entry(value: str, earliest: date, latest: date, granularity: str, **changes: object) -> ChronologyEntry:
    values: dict[str, object] = dict(
        event_id=f"id-{value}", value=value, mod=None, earliest=earliest, latest=latest, granularity=granularity,
        label=value, text="text", sources=("S",), urls=(), date_basis="stated", document_id=1, start=0, end=4,
        category="recruitment",
    )
    values.update(changes)
    return ChronologyEntry(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "granularity", "start", "end"),
    [
        ("2024-06-01", date(2024, 6, 1), date(2024, 6, 2), "day", {"year": "2024", "month": "6", "day": "1"}, None),
        ("2024-05", date(2024, 5, 1), date(2024, 6, 1), "month", {"year": "2024", "month": "5"}, None),
        ("2023", date(2023, 1, 1), date(2024, 1, 1), "year", {"year": "2023"}, None),
        ("2024-SU", date(2024, 6, 1), date(2024, 9, 1), "season", {"year": "2024", "month": "6"}, {"year": "2024", "month": "8"}),
        ("2023-04/2024-05", date(2023, 4, 1), date(2024, 6, 1), "range", {"year": "2023", "month": "4"}, {"year": "2024", "month": "5"}),
        ("2024-W23", date(2024, 6, 3), date(2024, 6, 10), "week", {"year": "2024", "month": "6", "day": "3"}, {"year": "2024", "month": "6", "day": "9"}),
        ("202", date(2020, 1, 1), date(2030, 1, 1), "decade", {"year": "2020"}, {"year": "2029"}),
    ],
)
def test_date_parts_at_their_precision(value: str, earliest: date, latest: date, granularity: str, start: dict, end: dict | None) -> None:
    assert date_parts(entry(value, earliest, latest, granularity)) == (start, end)


def test_document_has_ids_groups_and_overlapping_eras() -> None:
    entries = [entry("2024-05", date(2024, 5, 1), date(2024, 6, 1), "month")]
    periods = [
        make_period("Kharkiv offensive of 2024", "2024-05-10", "2024-06"),
        make_period("Wagner mutiny", "2023-06-23", "2023-06-24"),
        make_period("Full-scale invasion", "2022-02-24"),
    ]
    document = timelinejs_document(entries, periods)
    [slide] = document["events"]
    assert slide["unique_id"] == "id-2024-05" and slide["group"] == "recruitment"
    assert [era["text"]["headline"] for era in document["eras"]] == ["Kharkiv offensive of 2024", "Full-scale invasion"]
    invasion = document["eras"][1]
    assert invasion["start_date"] == {"year": "2022", "month": "2", "day": "24"}
    assert invasion["end_date"] == {"year": "2024", "month": "5", "day": "31"}
