"""Find the documents named on the command line: files, directories with manifests, manifests, stdin."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from timeline.domain import PublicationDate, SourceDocument, web_link
from timeline.ingest.decode import DEFAULT_MAX_BYTES, RejectedInput, decode_text, size_error
from timeline.ingest.frontmatter import split_front_matter
from timeline.ingest.html import HTML_SUFFIXES, looks_like_html, read_web_page
from timeline.ingest.jsonl import JSONL_SUFFIXES, read_json_lines
from timeline.ingest.manifest import MANIFEST_NAME, ManifestEntry, ManifestError, read_manifest

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# Files a corpus folder may hold beside its articles: its manifest and its named eras.
COMPANION_FILES = frozenset({MANIFEST_NAME, "periods.toml"})
# Database files (such as the default ./timeline.db) met while walking a folder are not inputs.
DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3", ".db-journal", ".db-wal", ".db-shm")
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
    warnings: list[str] | None = None,
) -> Iterator[InputItem]:
    """Yield every document named by `paths`, one at a time, in a stable order; add to `warnings` what the user should know
    (a url that is not an http or https address is stored as text and never shown as a link)."""
    for item in _read_paths(paths, metadata, max_bytes):
        url = item.document.url if item.document is not None else None
        if url and web_link(url) is None and warnings is not None:
            warnings.append(f"{item.name}: the url {url!r} is not an http or https address: it is kept as text, never shown as a link")
        yield item


def _read_paths(paths: Iterable[str], metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    for name in paths:
        if name == STDIN_NAME:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if _looks_like_jsonl(data):
                data += sys.stdin.buffer.read()  # the size limit applies to each line, not to the stream
            yield from _read_bytes(STDIN_NAME, None, data, None, metadata, max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_directory(path, metadata, max_bytes)
        elif path.is_file() and path.suffix.lower() == ".csv":
            yield from _read_manifest_file(path, metadata, max_bytes)
        elif path.is_file():
            yield from _read_named_file(path, metadata, max_bytes)
        else:
            yield InputItem(name, error="no such file or directory")


def _read_directory(directory: Path, metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    manifests: dict[Path, dict[str, ManifestEntry]] = {}
    for path in sorted(directory.rglob("*")):
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        if path.name in COMPANION_FILES or path.name.lower().endswith(DATABASE_SUFFIXES) or _saved_page_asset(path, directory):
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield InputItem(str(path), error=_unsupported(path))
            continue
        entries = _manifest_for(path.parent, manifests)
        if isinstance(entries, str):
            yield InputItem(str(path), error=entries)
            continue
        yield from _read_file(path, entries.get(path.name), metadata, max_bytes)


def _saved_page_asset(path: Path, directory: Path) -> bool:
    """A file in the `NAME_files` folder a browser saves beside `NAME.html` (images, styles, scripts)."""
    for folder in path.relative_to(directory).parents:
        if folder.name.endswith("_files"):
            stem = (directory / folder).with_name(folder.name[: -len("_files")])
            if any(stem.with_suffix(suffix).is_file() for suffix in HTML_SUFFIXES):
                return True
    return False


def _read_manifest_file(manifest: Path, metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    try:
        entries = read_manifest(manifest)
    except ManifestError as error:
        yield InputItem(str(manifest), error=str(error))
        return
    for file_name, entry in entries.items():
        path = manifest.parent / file_name
        if not path.is_file():
            yield InputItem(str(path), error=f"listed in {manifest.name} but no such file")
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield InputItem(str(path), error=_unsupported(path))
        else:
            yield from _read_file(path, entry, metadata, max_bytes)


def _read_named_file(path: Path, metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        yield InputItem(str(path), error=_unsupported(path))
        return
    entries = _manifest_for(path.parent, {})
    entry = entries.get(path.name) if isinstance(entries, dict) else None
    yield from _read_file(path, entry, metadata, max_bytes)


def _manifest_for(folder: Path, cache: dict[Path, dict[str, ManifestEntry]]) -> dict[str, ManifestEntry] | str:
    if folder not in cache:
        manifest = folder / MANIFEST_NAME
        try:
            cache[folder] = read_manifest(manifest) if manifest.is_file() else {}
        except ManifestError as error:
            return str(error)
    return cache[folder]


def _read_file(path: Path, entry: ManifestEntry | None, metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    if entry is not None and entry.error:
        yield InputItem(str(path), error=entry.error)
        return
    is_jsonl = path.suffix.lower() in JSONL_SUFFIXES
    try:
        size = path.stat().st_size
        if size > max_bytes and not is_jsonl:
            raise RejectedInput(size_error(size, max_bytes))
        data = path.read_bytes()
    except RejectedInput as error:
        yield InputItem(str(path), error=str(error))
        return
    except OSError as error:
        yield InputItem(str(path), error=f"cannot be read: {error.strerror or error}")
        return
    yield from _read_bytes(str(path), path.suffix.lower(), data, entry, metadata, max_bytes)


def _read_bytes(
    name: str, suffix: str | None, data: bytes, entry: ManifestEntry | None, metadata: Metadata, max_bytes: int
) -> Iterator[InputItem]:
    path = None if name == STDIN_NAME else name
    if suffix in JSONL_SUFFIXES or (suffix is None and _looks_like_jsonl(data)):
        yield from _json_lines(name, data, entry, metadata, max_bytes)
        return
    try:
        text, encoding = decode_text(data, max_bytes=max_bytes)
        if suffix in HTML_SUFFIXES or (suffix is None and looks_like_html(text)):
            document = _web_page(text, path, encoding)
        else:
            document = _text_document(text, path, encoding)
    except RejectedInput as error:
        yield InputItem(name, error=str(error))
        return
    yield InputItem(name, document=apply_metadata(document, entry, metadata))


def _web_page(html: str, path: str | None, encoding: str) -> SourceDocument:
    page = read_web_page(html)
    return SourceDocument(
        text=page.text,
        path=path,
        published=page.published,
        published_basis="html" if page.published else "unknown",
        published_evidence="page metadata (htmldate)" if page.published else None,
        source=page.site_name,
        url=page.url,
        title=page.title,
        encoding=encoding,
        media_type="text/html",
    )


def _text_document(text: str, path: str | None, encoding: str) -> SourceDocument:
    front = split_front_matter(text)
    fields = front.fields
    published = None
    key = "published" if "published" in fields else "date"
    if key in fields:
        try:
            published = PublicationDate.parse(fields[key][:10])
        except ValueError as error:
            raise RejectedInput(f"front matter line {front.lines[key]}: {key} {error}") from None
    if not front.body.strip():
        raise RejectedInput("empty document (only a front-matter block)")
    media_type = "text/markdown" if path and Path(path).suffix.lower() in (".md", ".markdown") else "text/plain"
    return SourceDocument(
        text=front.body,
        path=path,
        published=published,
        published_basis="given" if published else "unknown",
        published_evidence=f"front matter line {front.lines[key]}" if published else None,
        source=fields.get("source"),
        url=fields.get("url"),
        title=fields.get("title"),
        encoding=encoding,
        media_type=media_type,
    )


def _json_lines(name: str, data: bytes, entry: ManifestEntry | None, metadata: Metadata, max_bytes: int) -> Iterator[InputItem]:
    found = False
    for line in read_json_lines(data, None if name == STDIN_NAME else name, max_bytes):
        found = True
        label = f"{name} line {line.line}"
        if line.document is None:
            yield InputItem(label, error=line.error)
        else:
            yield InputItem(label, document=apply_metadata(line.document, entry, metadata))
    if not found:
        yield InputItem(name, error="empty file")


def _looks_like_jsonl(data: bytes) -> bool:
    first = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return first == b"{"


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
        changes["published_evidence"] = "--published on the command line" if metadata.published else "manifest.csv"
    return replace(document, **changes)


def _unsupported(path: Path) -> str:
    return f"unsupported file type {path.suffix or '(none)'!r}; expected {', '.join(sorted(SUPPORTED_SUFFIXES))}"
