"""Batch ingest: read inputs, extract each new document, store it in its own transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError, OperationalError

from timeline.ingest.decode import DEFAULT_MAX_BYTES
from timeline.ingest.sources import InputItem, Metadata, read_inputs
from timeline.dating import Reference
from timeline.pipeline.extract import date_undated, extract
from timeline.query.documents import dated_references
from timeline.store.database import create_database_engine
from timeline.store.migrate import ensure_schema
from timeline.store.writer import document_exists, write_extraction

STATUSES = ("added", "unchanged", "failed")


@dataclass(frozen=True)
class IngestResult:
    """What happened to one input."""

    name: str
    status: str
    reason: str | None = None
    document_id: int | None = None
    events: int = 0


@dataclass
class IngestReport:
    """Every input's result, in the order read."""

    results: list[IngestResult] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        """How many inputs were added, unchanged and failed."""
        return Counter(result.status for result in self.results)

    @property
    def failures(self) -> list[IngestResult]:
        """The inputs that could not be stored, with their reasons."""
        return [result for result in self.results if result.status == "failed"]

    def summary(self) -> str:
        """One line: added / unchanged / failed counts."""
        counts = self.counts
        return ", ".join(f"{counts.get(status, 0)} {status}" for status in STATUSES)


class StorageError(RuntimeError):
    """The database cannot be written (read-only, full disk, locked): the batch stops."""


def ingest(
    paths: Iterable[str],
    target: str,
    metadata: Metadata = Metadata(),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_result: Callable[[IngestResult], None] | None = None,
) -> IngestReport:
    """Ingest files, directories (with their manifest.csv) or `-` into the database `target`."""
    ensure_schema(target)
    engine = create_database_engine(target)
    report = IngestReport()
    undated: list[InputItem] = []
    try:
        for item in read_inputs(paths, metadata, max_bytes=max_bytes):
            if item.document is not None and item.document.published is None:
                undated.append(item)
                continue
            _report(report, _ingest_item(engine, item), on_result)
        # Publication-date inference runs after tagging and after the batch's dated
        # documents are stored, so that near-duplicates in the same batch count.
        references: list[Reference] | None = None
        for item in undated:
            if references is None:
                with engine.connect() as connection:
                    references = dated_references(connection)
            _report(report, _ingest_item(engine, item, references), on_result)
    finally:
        engine.dispose()
    return report


def _report(report: IngestReport, result: IngestResult, on_result: Callable[[IngestResult], None] | None) -> None:
    report.results.append(result)
    if on_result is not None:
        on_result(result)


def _ingest_item(engine, item: InputItem, references: list[Reference] | None = None) -> IngestResult:  # type: ignore[no-untyped-def]
    if item.document is None:
        return IngestResult(item.name, "failed", item.error)
    document = item.document
    try:
        with engine.connect() as connection:
            if document_exists(connection, document.sha256):
                return IngestResult(item.name, "unchanged")
        try:
            extraction = extract(document)
            if references is not None:
                extraction = date_undated(extraction, references)
        except Exception as error:  # noqa: BLE001 - one bad document must not stop the batch
            return IngestResult(item.name, "failed", f"extraction failed: {type(error).__name__}: {error}")
        with engine.begin() as connection:
            document_id = write_extraction(connection, extraction)
        return IngestResult(item.name, "added", document_id=document_id, events=len(extraction.events))
    except IntegrityError:
        return IngestResult(item.name, "unchanged")
    except OperationalError as error:
        raise StorageError(f"cannot write to the database: {error.orig}") from None
