"""Ranges: both ends and the one interval they span."""

from __future__ import annotations

from datetime import date

from timeline.domain import PublicationDate
from timeline.temporal import find_ranges, tag

DCT = PublicationDate.parse("2024-06-10")


def test_from_to_gives_both_ends_and_the_interval() -> None:
    """`from April 2023 to May 2024` is two mentions and one interval."""
    text = "Recruitment ran from April 2023 to May 2024 in Nepal."
    mentions = tag(text, DCT)
    assert ["2023-04", "2024-05"] == [m.value for m in mentions]
    (found,) = find_ranges(text, mentions)
    assert ("from April 2023 to May 2024", date(2023, 4, 1), date(2024, 6, 1)) == (found.text, found.earliest, found.latest)


def test_first_end_borrows_the_year_of_the_second() -> None:
    """`from May to June 2023`: May is 2023-05, not the May before the DCT."""
    mentions = tag("It lasted from May to June 2023.", DCT)
    assert ["2023-05", "2023-06"] == [m.value for m in mentions]


def test_and_is_a_range_only_after_between() -> None:
    """`in 1989 and 1990` lists two years; `between 1990 and 1995` is a range."""
    text = "sales rose in 1989 and 1990, but between 1990 and 1995 prices fell"
    assert ["between 1990 and 1995"] == [r.text for r in find_ranges(text, tag(text, DCT))]
