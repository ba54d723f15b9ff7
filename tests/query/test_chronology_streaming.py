"""The chronology streams: entries are made from rows as they are read, a chunk at a time, never all at once."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from timeline.query.chronology_entries import REPORTS_CHUNK, in_mod_order, iter_entries
from timeline.query.chronology_filter import ChronologyFilter


class CountingReader:
    """A reader of `size` one-report clusters, a day apart, that counts the rows taken from it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.taken = 0

    def cluster_schema(self) -> tuple[bool, bool]:
        return True, False

    def has_cluster_rows(self) -> bool:
        return True

    def span_classes(self, include_reported: bool, spans_kept: bool | None) -> None:
        return None

    def cluster_rows(self, query_filter, classes):  # type: ignore[no-untyped-def]
        first = date(2000, 1, 1)
        for number in range(self.size):
            self.taken += 1
            day = first + timedelta(days=number)
            yield (f"{number:016x}", day.isoformat(), None, day.isoformat(), (day + timedelta(days=1)).isoformat(), "day",
                   "stated", None, "words", None, None, "2024-01-01", 1, "2024-01-01", number, 0, 5, f"{number:016x}",
                   number, "Wire", None, None, None, "2024-01-01")

    def report_rows(self, cluster_ids):  # type: ignore[no-untyped-def]
        raise AssertionError("a cluster of one report cites its own row")


def test_entries_are_made_as_rows_are_read() -> None:
    reader = CountingReader(100_000)
    entries, clustered = iter_entries(reader, ChronologyFilter())
    first = list(itertools.islice(entries, 10))
    assert clustered and [entry.value for entry in first[:2]] == ["2000-01-01", "2000-01-02"]
    assert reader.taken <= REPORTS_CHUNK + 1
    assert sum(1 for _ in entries) == 100_000 - 10 and reader.taken == 100_000


def test_mod_order_sorts_each_run_of_equal_intervals_only() -> None:
    from tests.export.test_tabular import entry

    may = (date(2024, 5, 1), date(2024, 6, 1))
    run = [entry(event_id=name, mod=mod, earliest=may[0], latest=may[1]) for name, mod in (("late", "END"), ("plain", None), ("early", "START"))]
    june = entry(event_id="june", earliest=date(2024, 6, 1), latest=date(2024, 7, 1))
    assert [item.event_id for item in in_mod_order([*run, june])] == ["early", "plain", "late", "june"]
