"""Find the documents named on the command line: files, directories with manifests, stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.domain import PublicationDate, SourceDocument
from timeline.ingest.decode import DEFAULT_MAX_BYTES, RejectedInput, decode_text
from timeline.ingest.manifest import MANIFEST_NAME, ManifestEntry, ManifestError, read_manifest

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
STDIN_NAME = "-"


@dataclass(frozen=True)
class Metadata:
    """Metadata given on the command line; it wins over manifests and inference."""

    published: PublicationDate | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class InputItem:
    """One input read: a document ready for extraction, or the reason it was refused."""

    name: str
    document: SourceDocument | None = None
    error: str | None = None


def read_inputs(
    paths: Iterable[str],
    metadata: Metadata = Metadata(),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[InputItem]:
    """Yield every document named by `paths`, one at a time, in a stable order."""
    for name in paths:
        if name == STDIN_NAME:
            yield _read_bytes(STDIN_NAME, sys.stdin.buffer.read(max_bytes + 1), None, metadata, max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_directory(path, metadata, max_bytes)
        elif path.is_file():
            yield from _read_named_file(path, metadata, max_bytes)
        else:
            yield InputItem(name, error="no such file or directory")


def _read_directory(directory: Path, metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    for path in sorted(directory.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        if path.name in (MANIFEST_NAME, "periods.toml"):
            continue  # a corpus's metadata (manifest) and its named eras (timeline periods load) are not documents
        if path.suffix.lower() not in TEXT_SUFFIXES:
            yield InputItem(str(path), error=f"unsupported file type {path.suffix or '(none)'!r}; expected {_supported()}")
            continue
        entries = _manifest_for(path.parent, manifests)
        if isinstance(entries, str):
            yield InputItem(str(path), error=entries)
            continue
        yield _read_file(path, entries.get(path.name), metadata, max_bytes)


def _read_named_file(path: Path, metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    if path.suffix.lower() not in TEXT_SUFFIXES:
        yield InputItem(str(path), error=f"unsupported file type {path.suffix or '(none)'!r}; expected {_supported()}")
        return
    entries = _manifest_for(path.parent, {})
    entry = entries.get(path.name) if isinstance(entries, dict) else None
    yield _read_file(path, entry, metadata, max_bytes)


def _manifest_for(folder: Path, cache: dict[Path, dict[str, ManifestEntry]]) -> dict[str, ManifestEntry] | str:
    if folder not in cache:
        manifest = folder / MANIFEST_NAME
        try:
            cache[folder] = read_manifest(manifest) if manifest.is_file() else {}
        except ManifestError as error:
            return str(error)
    return cache[folder]


def _read_file(path: Path, entry: ManifestEntry | None, metadata: Metadata, max_bytes: int) -> InputItem:
    if entry is not None and entry.error:
        return InputItem(str(path), error=entry.error)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise RejectedInput(
                f"file is {size / 1_048_576:.1f} MB, above the {max_bytes / 1_048_576:.1f} MB limit"
                " (raise it with --max-size)"
            )
        data = path.read_bytes()
    except RejectedInput as error:
        return InputItem(str(path), error=str(error))
    except OSError as error:
        return InputItem(str(path), error=f"cannot be read: {error.strerror or error}")
    return _read_bytes(str(path), data, entry, metadata, max_bytes)


def _read_bytes(
    name: str, data: bytes, entry: ManifestEntry | None, metadata: Metadata, max_bytes: int
) -> InputItem:
    try:
        text, encoding = decode_text(data, max_bytes=max_bytes)
    except RejectedInput as error:
        return InputItem(name, error=str(error))
    document = SourceDocument(text=text, path=None if name == STDIN_NAME else name, encoding=encoding)
    return InputItem(name, document=apply_metadata(document, entry, metadata))


def apply_metadata(document: SourceDocument, entry: ManifestEntry | None, metadata: Metadata) -> SourceDocument:
    """Fill a document's metadata: the command line wins over the manifest, which wins over the file."""
    published = metadata.published or (entry.published if entry else None)
    changes: dict[str, object] = {
        "source": metadata.source or (entry.source if entry else None) or document.source,
        "url": metadata.url or (entry.url if entry else None) or document.url,
        "title": metadata.title or (entry.title if entry else None) or document.title,
    }
    if published is not None:
        changes["published"] = published
        changes["published_basis"] = "given"
    return replace(document, **changes)


def _supported() -> str:
    return ", ".join(sorted(TEXT_SUFFIXES))
