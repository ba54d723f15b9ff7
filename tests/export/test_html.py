"""The HTML page: a Jinja2 template with autoescaping around compact entry data, self-contained, small at any size."""

from __future__ import annotations

import base64
import gzip
import io
import json
import re
from datetime import date, timedelta

from timeline.domain import ChronologyEntry, Report
from timeline.export.html import COMPRESS_ABOVE, EPOCH, html_page, write_html
from timeline.query.periods import make_period


def entry(value: str, earliest: date, latest: date, **changes: object) -> ChronologyEntry:
    values: dict[str, object] = dict(
        event_id=f"id{value}", value=value, mod=None, earliest=earliest, latest=latest, granularity="month",
        label=value, text="<b>Losses</b> & gains", sources=("Taipei Times",), urls=("https://example.org/a",),
        date_basis="stated", document_id=1, start=0, end=4, category="casualties",
        reports=(Report("Taipei Times", "https://example.org/a", "A <i>title</i>", "2024-06-02", 1, 0, 4),),
    )
    values.update(changes)
    return ChronologyEntry(**values)  # type: ignore[arg-type]


def page(*entries: ChronologyEntry, title: str = "Test") -> str:
    entries = entries or (
        entry("2024-05", date(2024, 5, 1), date(2024, 6, 1)),
        entry("2024-06-01", date(2024, 6, 1), date(2024, 6, 2), granularity="day"),
    )
    periods = [make_period("Kharkiv offensive of 2024", "2024-05-10", "2024-06", description="Russia's <attack>.")]
    return html_page(entries, periods, title)


def data_of(text: str) -> dict:
    """The entry data of a page, decoded as the page's script decodes it."""
    raw = re.search(r'<script type="text/plain" id="timeline-data">(.*?)</script>', text, re.DOTALL).group(1)  # type: ignore[union-attr]
    encoding = re.search(r'id="timeline-encoding">(.*?)</script>', text).group(1)  # type: ignore[union-attr]
    if encoding == "gzip-base64":
        return json.loads(gzip.decompress(base64.b64decode(raw)).decode("utf-8"))
    assert encoding == "json"
    return json.loads(raw)


def test_self_contained_no_network() -> None:
    text = page()
    assert "<style>" in text and "<script>" in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert "<link" not in text and "@import" not in text


def test_title_eras_and_data_are_escaped() -> None:
    text = page(title="<script>alert(1)</script> & co")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in text and "<script>alert(1)" not in text
    assert "Russia&#39;s &lt;attack&gt;." in text
    data_block = text.split('id="timeline-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert data_of(text)["entries"][0][5] == "<b>Losses</b> & gains"


def test_the_data_names_every_report_with_its_link_title_date_and_offsets() -> None:
    data = data_of(page())
    tables = data["tables"]
    row = data["entries"][0]
    assert row[0] == "id2024-05" and tables["labels"][row[1]] == "2024-05"
    assert (row[2], row[3]) == (date(2024, 5, 1).toordinal() - EPOCH, date(2024, 6, 1).toordinal() - EPOCH)
    [report] = row[8]
    assert tables["sources"][report[0]] == "Taipei Times" and tables["links"][report[1]] == "https://example.org/a"
    assert tables["titles"][report[2]] == "A <i>title</i>" and report[3:7] == ["2024-06-02", 1, 0, 4]
    assert data["eras"][0][0] == "Kharkiv offensive of 2024"


def test_a_url_that_is_no_web_link_is_kept_as_text_never_as_a_link() -> None:
    hostile = entry("2024-05", date(2024, 5, 1), date(2024, 6, 1),
                    reports=(Report("Evil", "javascript:alert(1)"), Report("Files", "file:///etc/passwd")))
    data = data_of(page(hostile))
    assert data["tables"]["links"] == []
    assert sorted(data["tables"]["texts"]) == ["file:///etc/passwd", "javascript:alert(1)"]


def test_empty_chronology_still_makes_a_page() -> None:
    text = html_page([], [], "Empty")
    assert data_of(text)["entries"] == [] and "<h1>Empty</h1>" in text


def test_entries_without_a_calendar_interval_are_left_out() -> None:
    undated = entry("XXXX-05", None, None)  # type: ignore[arg-type]
    assert len(data_of(page(undated, entry("2024-05", date(2024, 5, 1), date(2024, 6, 1))))["entries"]) == 1


def many(count: int) -> list[ChronologyEntry]:
    """`count` entries a day apart, each with its own wording, source and url."""
    first = date(2010, 1, 1)
    return [
        entry(f"{first + timedelta(days=n)}", first + timedelta(days=n), first + timedelta(days=n + 1), event_id=f"{n:016x}",
              text=f"Officials in city {n % 97} said {n} volunteers had arrived.", category=("recruitment", "combat")[n % 2],
              reports=(Report(f"Outlet {n % 13}", f"https://news{n % 13}.example/{n}", None, "2024-01-02", n, 0, 50),))
        for n in range(count)
    ]


def test_a_large_chronology_is_written_compressed_as_it_comes_and_stays_small() -> None:
    entries = many(10_000)
    out = io.StringIO()
    written = write_html(iter(entries), out)
    text = out.getvalue()
    assert written == 10_000
    assert 'id="timeline-encoding">gzip-base64<' in text
    data = data_of(text)
    assert len(data["entries"]) == 10_000 and data["entries"][9_999][0] == f"{9_999:016x}"
    assert len(text.encode("utf-8")) < 60 * 10_000, "about 60 bytes an entry at most"


def test_a_small_chronology_is_plain_json() -> None:
    assert len(json.dumps(data_of(page()))) < COMPRESS_ABOVE
    assert 'id="timeline-encoding">json<' in page()
