"""Manifest rows become metadata; a malformed date is reported for its row."""

from __future__ import annotations

from pathlib import Path

from timeline.domain import PublicationDate
from timeline.ingest.manifest import read_manifest


def test_reads_day_month_and_missing_dates(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,published,source,url,title,notes\n"
        "a.txt,2024-06-10,Reuters,https://x.test/a,Title A,\n"
        "b.txt,2024-12,,,,\n"
        "c.txt,,,,,\n"
        "d.txt,2024-13-45,,,,\n",
        encoding="utf-8",
    )
    entries = read_manifest(manifest)
    assert entries["a.txt"].published == PublicationDate(2024, 6, 10)
    assert entries["a.txt"].source == "Reuters"
    assert entries["b.txt"].published == PublicationDate(2024, 12)
    assert entries["c.txt"].published is None and entries["c.txt"].error is None
    assert "line 5" in (entries["d.txt"].error or "")
    assert "2024-13-45" in (entries["d.txt"].error or "")
