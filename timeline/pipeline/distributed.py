"""Distributed extraction: the same pure function run on a Dask cluster, results back to the one writer.

`timeline ingest --scheduler tcp://HOST:PORT` sends documents in small chunks
to the cluster's workers (each must have timeline installed, `timeline[dask]`)
and writes what comes back, in input order, to the database named by `--db`,
typically a shared PostgreSQL server. Only a bounded number of chunks is in
flight at once, so memory stays flat on both sides.

Each document has the same time limit as a local ingest. Dask runs tasks in
worker threads, which cannot take a signal, so the limit is an exception raised
asynchronously in the extracting thread: it stops any Python-level work at
its next instruction, and the document is reported. As a safety net for work
that never returns to Python, a chunk that overruns its documents' combined
limit on the client's side is retried one document at a time, and a document
that overruns alone is reported and given up.
"""

from __future__ import annotations

import ctypes
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from timeline.domain import SourceDocument
from timeline.pipeline.extract import extract
from timeline.pipeline.parallel import DEFAULT_TIMEOUT_S, Extractor, Outcome, Task

CHUNK_DOCUMENTS = 16
CHUNKS_PER_WORKER = 3
CONNECT_TIMEOUT_S = 10


class SchedulerError(RuntimeError):
    """The Dask cluster cannot be used (not installed, unreachable): the message says what to do."""


class _Overrun(BaseException):
    """Raised asynchronously in an extracting thread past its time limit (not an Exception, so never swallowed)."""


def extract_chunk(
    documents: list[SourceDocument], function: Extractor = extract, timeout: float | None = DEFAULT_TIMEOUT_S
) -> list[tuple[str, Any]]:
    """Extract each document on a worker: ("ok", extraction) or ("error", reason) per document."""
    results: list[tuple[str, Any]] = []
    for document in documents:
        try:
            with thread_time_limit(timeout):
                extraction = function(document)
            results.append(("ok", extraction))
        except _Overrun:
            results.append(("error", f"extraction took longer than {timeout:g} s and was stopped"))
        except Exception as error:  # noqa: BLE001 - one bad document must not fail the chunk
            results.append(("error", f"extraction failed: {type(error).__name__}: {error}"))
    return results


@contextmanager
def thread_time_limit(seconds: float | None) -> Iterator[None]:
    """Raise _Overrun in the calling thread once `seconds` have passed inside the block."""
    if not seconds:
        yield
        return
    target = threading.get_ident()
    guard = threading.Lock()
    inside = True

    def interrupt() -> None:
        with guard:
            if inside:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_Overrun))

    timer = threading.Timer(seconds, interrupt)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with guard:
            inside = False
        timer.cancel()


class DaskExtractor:
    """Extraction on the Dask cluster at `address`; outcomes in the order of the tasks."""

    def __init__(
        self,
        address: str,
        function: Extractor = extract,
        *,
        chunk: int = CHUNK_DOCUMENTS,
        timeout: float | None = DEFAULT_TIMEOUT_S,
    ) -> None:
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
        self.timeout = timeout
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
        return chunk, self.client.submit(extract_chunk, documents, self.function, self.timeout, pure=False)

    def _gather(self, chunk: list[Task], future: Any) -> Iterator[Outcome]:
        documents = [document for _, document in chunk if document is not None]
        results = iter(self._results(future, documents))
        for payload, document in chunk:
            if document is None:
                yield Outcome(payload)
                continue
            status, value = next(results)
            yield Outcome(payload, value) if status == "ok" else Outcome(payload, error=value)

    def _results(self, future: Any, documents: list[SourceDocument]) -> list[tuple[str, Any]]:
        """The chunk's results; past the chunk's time limit, each document again on its own."""
        if future is None:
            return []
        # The chunk may wait behind the others queued on its worker thread before it starts.
        limit = self.timeout * len(documents) * (CHUNKS_PER_WORKER + 1) if self.timeout else None
        try:
            return future.result(timeout=limit)
        except TimeoutError:
            self.client.cancel(future)
            if len(documents) == 1:
                return [("error", self._overrun())]
            singles = [self.client.submit(extract_chunk, [document], self.function, self.timeout, pure=False) for document in documents]
            return [result for single, document in zip(singles, documents) for result in self._results(single, [document])]
        except Exception as error:  # noqa: BLE001 - a lost chunk is reported per document
            return [("error", f"extraction failed on the cluster: {type(error).__name__}: {error}")] * len(documents)

    def _overrun(self) -> str:
        return f"extraction took longer than {self.timeout:g} s on the cluster and was given up"

    def close(self) -> None:
        """Disconnect from the cluster (the cluster itself keeps running)."""
        self.client.close()

    def __enter__(self) -> DaskExtractor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
