"""Parallel ingest: extraction in a pool of worker processes, one writer storing whole documents in batches.

Extraction is a pure function of one document, so it runs in `jobs` worker
processes; the results come back in the order the documents were read and go
to a single writer (`timeline.pipeline.batch_writer`), which stores them in
batched transactions (each document whole or not at all). At most a bounded window of documents is in flight, so
memory stays flat however large the input. A document whose extraction runs
past the time limit, or crashes its worker, is reported with the reason and
the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection as Pipe
from multiprocessing.connection import wait
from typing import Any

from timeline.domain import Extraction, SourceDocument
from timeline.pipeline.extract import extract
from timeline.store.writer import DocumentRows

DEFAULT_TIMEOUT_S = 60.0

Extractor = Callable[[SourceDocument], Extraction | DocumentRows]
Task = tuple[Any, SourceDocument | None]
"""A payload to carry through, and the document to extract (None: nothing to extract, pass it through)."""


@dataclass(frozen=True)
class Outcome:
    """A task's result: its payload, and the extraction or the reason there is none."""

    payload: Any
    extraction: Extraction | DocumentRows | None = None
    error: str | None = None


class ExtractionTimeout(Exception):
    """A document's extraction ran past its time limit."""


def default_jobs() -> int:
    """The number of worker processes when none is asked for: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def open_extractor(jobs: int | None = None, *, timeout: float | None = DEFAULT_TIMEOUT_S, function: Extractor = extract):
    """A pool of `jobs` worker processes (default: the core count), or in-process extraction for `jobs=0`."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 0:
        return InProcessExtractor(function, timeout)
    return ProcessPoolExtractor(jobs, function, timeout)


class InProcessExtractor:
    """Extraction in the calling process, one document after another (time-limited in the main thread)."""

    def __init__(self, function: Extractor = extract, timeout: float | None = DEFAULT_TIMEOUT_S) -> None:
        self.function = function
        self.timeout = timeout

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Extract each task's document in order."""
        for payload, document in tasks:
            if document is None:
                yield Outcome(payload)
                continue
            try:
                with time_limit(self.timeout):
                    yield Outcome(payload, self.function(document))
            except ExtractionTimeout as error:
                yield Outcome(payload, error=str(error))
            except Exception as error:  # noqa: BLE001 - one bad document must not stop the batch
                yield Outcome(payload, error=f"extraction failed: {type(error).__name__}: {error}")

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> InProcessExtractor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionTimeout in the block after `seconds` (only in the main thread; elsewhere no limit)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(_signal: int, _frame: object) -> None:
        raise ExtractionTimeout(f"extraction took longer than {seconds:g} s and was stopped")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    pipe: Pipe
    task: int | None = None
    deadline: float = float("inf")


class ProcessPoolExtractor:
    """`jobs` worker processes; results in input order; a worker past its time limit is killed and replaced."""

    def __init__(self, jobs: int, function: Extractor = extract, timeout: float | None = DEFAULT_TIMEOUT_S) -> None:
        self.jobs = jobs
        self.function = function
        self.timeout = timeout
        self.window = jobs * 4 + 4
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._workers = [self._start_worker() for _ in range(jobs)]

    def _start_worker(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, self.function, parent), daemon=True, name="timeline-extract")
        process.start()
        child.close()
        return _Worker(process, parent)

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Extract the tasks' documents in the workers; yield outcomes in the order of `tasks`."""
        source = iter(tasks)
        payloads: dict[int, Any] = {}
        waiting: deque[tuple[int, SourceDocument]] = deque()
        done: dict[int, Outcome] = {}
        read = emitted = 0
        exhausted = False
        while True:
            while not exhausted and read - emitted < self.window:
                try:
                    payload, document = next(source)
                except StopIteration:
                    exhausted = True
                    break
                payloads[read] = payload
                if document is None:
                    done[read] = Outcome(payload)
                else:
                    waiting.append((read, document))
                read += 1
            for worker in self._workers:
                if worker.task is None and waiting:
                    self._assign(worker, *waiting.popleft())
            while emitted in done:
                payloads.pop(emitted, None)
                yield done.pop(emitted)
                emitted += 1
            if exhausted and emitted == read:
                return
            if any(worker.task is not None for worker in self._workers):
                for task, outcome in self._collect(payloads):
                    done[task] = outcome

    def _assign(self, worker: _Worker, task: int, document: SourceDocument) -> None:
        worker.task = task
        worker.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        try:
            worker.pipe.send((task, document))
        except (OSError, ValueError):
            worker.deadline = 0.0

    def _collect(self, payloads: dict[int, Any]) -> Iterator[tuple[int, Outcome]]:
        busy = [worker for worker in self._workers if worker.task is not None]
        deadline = min(worker.deadline for worker in busy)
        timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        ready = wait([worker.pipe for worker in busy], timeout)
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.pipe in ready:
                try:
                    _task, status, value = worker.pipe.recv()
                except Exception as error:  # noqa: BLE001 - a dead or garbled worker is replaced
                    worker.process.join(1)
                    code = worker.process.exitcode
                    reason = f"the extraction process died (exit code {code})" if code is not None else repr(error)
                    yield task, Outcome(payloads[task], error=f"extraction failed: {reason}")
                    self._replace(worker)
                    continue
                worker.task = None
                if status == "ok":
                    yield task, Outcome(payloads[task], value)
                else:
                    yield task, Outcome(payloads[task], error=f"extraction failed: {value}")
            elif time.monotonic() >= worker.deadline:
                limit = f"{self.timeout:g} s" if self.timeout else "its time limit"
                yield task, Outcome(payloads[task], error=f"extraction took longer than {limit} and was stopped")
                self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.pipe.close()
        fresh = self._start_worker()
        worker.process, worker.pipe, worker.task, worker.deadline = fresh.process, fresh.pipe, None, float("inf")

    def close(self) -> None:
        """Stop the workers."""
        for worker in self._workers:
            try:
                worker.pipe.send(None)
            except (OSError, ValueError):
                pass
        for worker in self._workers:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            worker.pipe.close()
        self._workers = []

    def __enter__(self) -> ProcessPoolExtractor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent dies (Linux), so that no worker outlives the ingest.

    Elsewhere the worker's own check of its parent (once a second) ends it.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return


def _serve(pipe: Pipe, function: Extractor, parent_end: Pipe | None = None) -> None:
    """A worker's loop: extract each document received, send back the extraction or the error.

    The worker ends when its pipe closes or its parent process goes away (even killed with SIGKILL).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    if parent_end is not None:
        parent_end.close()
    parent = os.getppid()
    while True:
        try:
            while not pipe.poll(1.0):
                if os.getppid() != parent:
                    return
            message = pipe.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task, document = message
        try:
            reply = (task, "ok", function(document))
        except BaseException as error:  # noqa: BLE001 - reported to the parent, which goes on
            reply = (task, "error", f"{type(error).__name__}: {error}")
        try:
            pipe.send(reply)
        except Exception as error:  # noqa: BLE001 - an extraction that cannot be sent back is an error too
            pipe.send((task, "error", f"the extraction could not be sent back: {type(error).__name__}: {error}"))
