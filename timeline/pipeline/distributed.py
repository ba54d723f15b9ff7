"""Distributed extraction: the same pure function run on a Dask cluster, results back to the one writer.

`timeline ingest --scheduler tcp://HOST:PORT` sends documents in small chunks
to the cluster's workers (each must have timeline installed, `timeline[dask]`)
and writes what comes back, in input order, to the database named by `--db`,
typically a shared PostgreSQL server. Only a bounded number of chunks is in
flight at once, so memory stays flat on both sides.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from timeline.domain import SourceDocument
from timeline.pipeline.extract import extract
from timeline.pipeline.parallel import Extractor, Outcome, Task

CHUNK_DOCUMENTS = 16
CHUNKS_PER_WORKER = 3
CONNECT_TIMEOUT_S = 10


class SchedulerError(RuntimeError):
    """The Dask cluster cannot be used (not installed, unreachable): the message says what to do."""


def extract_chunk(documents: list[SourceDocument], function: Extractor = extract) -> list[tuple[str, Any]]:
    """Extract each document on a worker: ("ok", extraction) or ("error", reason) per document."""
    results: list[tuple[str, Any]] = []
    for document in documents:
        try:
            results.append(("ok", function(document)))
        except Exception as error:  # noqa: BLE001 - one bad document must not fail the chunk
            results.append(("error", f"extraction failed: {type(error).__name__}: {error}"))
    return results


class DaskExtractor:
    """Extraction on the Dask cluster at `address`; outcomes in the order of the tasks."""

    def __init__(self, address: str, function: Extractor = extract, *, chunk: int = CHUNK_DOCUMENTS) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise SchedulerError("--scheduler needs Dask: install the extra, e.g. pip install 'timeline[dask]'") from None
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {error}") from None
        self.function = function
        self.chunk = chunk
        workers = max(1, sum(self.client.nthreads().values()))
        self.window = workers * CHUNKS_PER_WORKER

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Send the documents in chunks, at most `window` chunks in flight; yield outcomes in order."""
        in_flight: deque[tuple[list[Task], Any]] = deque()
        chunk: list[Task] = []
        for task in tasks:
            chunk.append(task)
            if sum(1 for _, document in chunk if document is not None) >= self.chunk:
                in_flight.append(self._submit(chunk))
                chunk = []
                while len(in_flight) >= self.window:
                    yield from self._gather(*in_flight.popleft())
        if chunk:
            in_flight.append(self._submit(chunk))
        while in_flight:
            yield from self._gather(*in_flight.popleft())

    def _submit(self, chunk: list[Task]) -> tuple[list[Task], Any]:
        documents = [document for _, document in chunk if document is not None]
        if not documents:
            return chunk, None
        return chunk, self.client.submit(extract_chunk, documents, self.function, pure=False)

    def _gather(self, chunk: list[Task], future: Any) -> Iterator[Outcome]:
        try:
            results = iter(future.result()) if future is not None else iter(())
        except Exception as error:  # noqa: BLE001 - a lost chunk is reported per document
            reason = f"extraction failed on the cluster: {type(error).__name__}: {error}"
            results = iter([("error", reason)] * len(chunk))
        for payload, document in chunk:
            if document is None:
                yield Outcome(payload)
                continue
            status, value = next(results)
            yield Outcome(payload, value) if status == "ok" else Outcome(payload, error=value)

    def close(self) -> None:
        """Disconnect from the cluster (the cluster itself keeps running)."""
        self.client.close()

    def __enter__(self) -> DaskExtractor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
