"""Batch ingest: read inputs, extract new documents in parallel, store whole documents through one writer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from sqlalchemy.exc import DatabaseError, OperationalError

from timeline.ingest.decode import DEFAULT_MAX_BYTES
from timeline.ingest.sources import InputItem, Metadata, read_inputs
from timeline.dating import Reference
from timeline.domain import SourceDocument
from timeline.pipeline.extract import date_undated, extract_rows
from timeline.pipeline.batch_writer import BatchWriter
from timeline.pipeline.parallel import DEFAULT_TIMEOUT_S, Outcome, default_jobs, open_extractor
from timeline.query.documents import dated_references
from timeline.query.period_table import stored_periods
from timeline.query.periods import Period
from timeline.store.database import WriteLockTimeout, create_database_engine, describe_database_error, display_name
from timeline.store.migrate import ensure_schema
from timeline.store.writer import stored_documents

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
    warnings: list[str] = field(default_factory=list)

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
    jobs: int | None = None,
    scheduler: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT_S,
) -> IngestReport:
    """Ingest files, directories (with their manifest.csv) or `-` into the database `target`.

    Extraction runs in `jobs` worker processes (default: one per core; 0 runs it
    in this process) or on the Dask cluster at `scheduler`; each document's
    extraction is stopped after `timeout` seconds. One writer stores whole
    documents in batched transactions, in the order read.
    """
    report = IngestReport()
    undated: list[InputItem] = []
    jobs = default_jobs() if jobs is None else jobs

    def written(pending: _Pending, fate: int | str | None) -> None:
        _report(report, _result(pending, fate), on_result)

    try:
        ensure_schema(target)
        engine = create_database_engine(target)
        try:
            with engine.connect() as connection:
                periods = tuple(stored_periods(connection))
            with _open_extractor(jobs, scheduler, timeout, periods) as extractor:
                writer = BatchWriter(engine, written)
                _store(extractor.run(_tasks(engine, _dated_first(read_inputs(paths, metadata, max_bytes=max_bytes, warnings=report.warnings), undated))), writer)
                writer.flush()
                # Publication-date inference runs after tagging and after the batch's dated
                # documents are stored, so that near-duplicates in the same batch count.
                if undated:
                    with engine.connect() as connection:
                        references: list[Reference] = dated_references(connection)
                    _store(extractor.run(_tasks(engine, undated)), writer, references, periods)
                    writer.flush()
        finally:
            engine.dispose()
    except (OperationalError, DatabaseError) as error:
        raise StorageError(f"cannot write to the database {display_name(target)}: {describe_database_error(error)}") from None
    except WriteLockTimeout as error:
        raise StorageError(f"cannot write to the database {display_name(target)}: {error}") from None
    return report


@dataclass(frozen=True)
class _Pending:
    """An input on its way to the writer, with what is already known of its fate."""

    item: InputItem
    unchanged: bool = False
    reason: str | None = None
    events: int = 0


def _open_extractor(jobs: int, scheduler: str | None, timeout: float | None, periods: tuple[Period, ...]):  # type: ignore[no-untyped-def]
    function = partial(extract_rows, periods=periods)
    if scheduler:
        from timeline.pipeline.distributed import DaskExtractor

        return DaskExtractor(scheduler, function, timeout=timeout)
    return open_extractor(jobs, timeout=timeout, function=function)


def _dated_first(items: Iterable[InputItem], undated: list[InputItem]) -> Iterator[InputItem]:
    for item in items:
        if item.document is not None and item.document.published is None:
            undated.append(item)
            continue
        yield item


def _tasks(engine, items: Iterable[InputItem], chunk: int = 64) -> Iterator[tuple[_Pending, SourceDocument | None]]:  # type: ignore[no-untyped-def]
    """Each input with the document to extract, or None when it failed to read or is already stored."""
    batch: list[InputItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= chunk:
            yield from _checked(engine, batch)
            batch = []
    yield from _checked(engine, batch)


def _checked(engine, items: list[InputItem]) -> Iterator[tuple[_Pending, SourceDocument | None]]:  # type: ignore[no-untyped-def]
    shas = [item.document.sha256 for item in items if item.document is not None]
    if not shas:
        stored: set[str] = set()
    else:
        with engine.connect() as connection:
            stored = stored_documents(connection, shas)
    for item in items:
        if item.document is None:
            yield _Pending(item, reason=item.error), None
        elif item.document.sha256 in stored:
            yield _Pending(item, unchanged=True), None
        else:
            yield _Pending(item), item.document


def _store(
    outcomes: Iterable[Outcome],
    writer: BatchWriter,
    references: list[Reference] | None = None,
    periods: tuple[Period, ...] = (),
) -> None:
    for outcome in outcomes:
        pending: _Pending = outcome.payload
        extraction = outcome.extraction
        if outcome.error is not None:
            writer.add(replace(pending, reason=outcome.error))
            continue
        if extraction is None:
            writer.add(pending)
            continue
        if references is not None:
            try:
                extraction = date_undated(extraction, references, periods)
            except Exception as error:  # noqa: BLE001 - one bad document must not stop the batch
                writer.add(replace(pending, reason=f"extraction failed: {type(error).__name__}: {error}"))
                continue
        writer.add(replace(pending, events=len(extraction.events)), extraction)


def _result(pending: _Pending, fate: int | str | None) -> IngestResult:
    name = pending.item.name
    if pending.reason is not None:
        return IngestResult(name, "failed", pending.reason)
    if isinstance(fate, str):
        return IngestResult(name, "failed", fate)
    if pending.unchanged or fate is None:
        return IngestResult(name, "unchanged")
    return IngestResult(name, "added", document_id=fate, events=pending.events)


def _report(report: IngestReport, result: IngestResult, on_result: Callable[[IngestResult], None] | None) -> None:
    report.results.append(result)
    if on_result is not None:
        on_result(result)
