"""The HTML page is self-contained and draws spans, eras and source links."""

from __future__ import annotations

import re
from datetime import date

from timeline.domain import ChronologyEntry
from timeline.export.html import html_page
from timeline.query.periods import make_period


def entry(value: str, earliest: date, latest: date, **changes: object) -> ChronologyEntry:
    values: dict[str, object] = dict(
        event_id=f"id{value}", value=value, mod=None, earliest=earliest, latest=latest, granularity="month",
        label=value, text="<b>Losses</b> & gains", sources=("Taipei Times",), urls=("https://example.org/a",),
        date_basis="stated", document_id=1, start=0, end=4, category="casualties",
        citations=(("Taipei Times", "https://example.org/a"),),
    )
    values.update(changes)
    return ChronologyEntry(**values)  # type: ignore[arg-type]


def page() -> str:
    entries = [
        entry("2024-05", date(2024, 5, 1), date(2024, 6, 1)),
        entry("2024-06-01", date(2024, 6, 1), date(2024, 6, 2), granularity="day"),
    ]
    return html_page(entries, [make_period("Kharkiv offensive of 2024", "2024-05-10", "2024-06", description="Russia's attack.")], "Test")


def test_self_contained_no_network() -> None:
    text = page()
    assert "<style>" in text and "<script>" in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//(?!example\.org)""", text)
    assert "<link" not in text and "@import" not in text


def test_draws_spans_dots_eras_and_links() -> None:
    text = page()
    assert text.count('class="era"') == 1 and "Kharkiv offensive of 2024" in text
    assert "<rect" in text and "<circle" in text
    assert '<a href="https://example.org/a">Taipei Times</a>' in text
    assert "&lt;b&gt;Losses&lt;/b&gt; &amp; gains" in text and "<b>Losses</b>" not in text


def test_empty_chronology_still_makes_a_page() -> None:
    assert "No dated events" in html_page([], [], "Empty")


def test_a_long_axis_labels_fewer_years() -> None:
    entries = [entry("19", date(1900, 1, 1), date(2000, 1, 1), granularity="century"), entry("2024-05", date(2024, 5, 1), date(2024, 6, 1))]
    text = html_page(entries, [], "Long")
    years = re.findall(r'class="year-label">(\d+)<', text)
    assert "1900" in years and "1901" not in years and len(years) < 40
