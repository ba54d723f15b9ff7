"""The `manifest.csv` beside a directory's articles: publication date, source, url, title."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from timeline.domain import PublicationDate

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "published", "source", "url", "title", "notes")


@dataclass(frozen=True)
class ManifestEntry:
    """What the manifest says of one file; `error` is set when its row is unusable."""

    file: str
    published: PublicationDate | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    error: str | None = None


class ManifestError(ValueError):
    """The manifest as a whole cannot be read."""


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Read a manifest into entries keyed by file name; a bad row yields an entry with `error`."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or "file" not in reader.fieldnames:
                raise ManifestError(f"{path}: no 'file' column (expected columns {','.join(MANIFEST_COLUMNS)})")
            entries: dict[str, ManifestEntry] = {}
            for row in reader:
                entry = _entry(row, path, reader.line_num)
                if entry is not None:
                    entries[entry.file] = entry
            return entries
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ManifestError(f"{path}: cannot be read: {error}") from None


def _entry(row: dict[str, str | None], path: Path, line: int) -> ManifestEntry | None:
    name = _clean(row.get("file"))
    if not name:
        return None
    fields = {key: _clean(row.get(key)) for key in ("source", "url", "title")}
    published_text = _clean(row.get("published"))
    if published_text is None:
        return ManifestEntry(name, None, **fields)
    try:
        return ManifestEntry(name, PublicationDate.parse(published_text), **fields)
    except ValueError as error:
        return ManifestEntry(name, None, **fields, error=f"{path.name} line {line}: published {error}")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None
