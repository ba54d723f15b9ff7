"""The single writer of an ingest: whole documents in batched transactions, written in a thread of their own.

The writer's thread stores one batch while the ingest's main thread keeps the extraction
workers fed (the database does its work outside Python's interpreter lock), so the
workers need not wait for the database. Batches are written, and their fates told, in
the order they were queued; at most one batch waits while another is being written.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from timeline.domain import Extraction
from timeline.store.clusters import update_clusters
from timeline.store.database import lock_for_writing
from timeline.store.writer import DocumentRows, as_rows, store_actors, store_spans, write_rows

BATCH_DOCUMENTS = 256
BATCH_SECONDS = 1.0

Stored = Extraction | DocumentRows
"""What the writer stores for a document: its extraction, or the rows laid out from it in a worker."""
Written = Callable[[Any, "int | str | None"], None]
"""Told, in order, each entry's fate: its new document id, None when the text was already stored, or an error."""
Entry = tuple[Any, Stored | None]
_DONE = object()


class BatchWriter:
    """The single writer: whole documents in batched transactions, in the order given, beside the caller's thread."""

    def __init__(
        self,
        engine: Engine,
        on_written: Written,
        *,
        batch_documents: int = BATCH_DOCUMENTS,
        batch_seconds: float = BATCH_SECONDS,
        background: bool = True,
    ) -> None:
        self.engine = engine
        self.on_written = on_written
        self.batch_documents = batch_documents
        self.batch_seconds = batch_seconds
        self.background = background
        self._pending: list[Entry] = []
        self._writes = 0
        self._since = time.monotonic()
        self._batches: queue.Queue[list[Entry] | object] = queue.Queue(maxsize=1)
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def add(self, payload: Any, extraction: Stored | None = None) -> None:
        """Queue a document's extraction for writing (None: nothing to write, report it in its turn)."""
        self._raise_error()
        if not self._pending:
            self._since = time.monotonic()
        self._pending.append((payload, extraction))
        self._writes += extraction is not None
        if self._writes >= self.batch_documents or time.monotonic() - self._since >= self.batch_seconds:
            self._hand_over()

    def flush(self) -> None:
        """Write everything queued and return when it is written and every fate told (re-raising a failed write)."""
        self._hand_over()
        if self._thread is not None:
            self._batches.put(_DONE)
            self._thread.join()
            self._thread = None
        self._raise_error()

    def _hand_over(self) -> None:
        entries, self._pending, self._writes = self._pending, [], 0
        if not entries:
            return
        if not self.background:
            self._store(entries)
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="timeline-writer", daemon=True)
            self._thread.start()
        self._batches.put(entries)

    def _serve(self) -> None:
        while (entries := self._batches.get()) is not _DONE:
            if self._error is not None:
                continue  # after a failure the rest is dropped: the caller stops at its next call
            try:
                self._store(entries)  # type: ignore[arg-type]
            except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                self._error = error

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _store(self, entries: list[Entry]) -> None:
        """One transaction for the batch, or one per document if the batch fails; then each entry's fate in order."""
        fates: dict[int, int | str | None] = {}
        if any(extraction is not None for _, extraction in entries):
            try:
                fates.update(self._write(entries))
            except IntegrityError:
                for index, entry in enumerate(entries):
                    if entry[1] is None:
                        continue
                    try:
                        fates[index] = self._write([entry])[0]
                    except IntegrityError as error:
                        fates[index] = f"could not be stored: {error.orig}"
        for index, (payload, _extraction) in enumerate(entries):
            self.on_written(payload, fates.get(index))

    def _write(self, entries: list[Entry]) -> dict[int, int | None]:
        new = [(index, as_rows(extraction)) for index, (_payload, extraction) in enumerate(entries) if extraction is not None]
        with self.engine.begin() as connection:
            store_actors(connection, [rows for _, rows in new])
            store_spans(connection, [rows for _, rows in new])
        with self.engine.begin() as connection:
            if connection.dialect.name == "sqlite":
                lock_for_writing(connection)  # writers queue for SQLite's one write lock instead of colliding
            # Elsewhere writers run side by side: each document's rows go in only where its own insert wins.
            document_ids = write_rows(connection, [rows for _, rows in new])
            # Merged in the same transaction: documents, events and clusters commit together.
            update_clusters(connection, [document_id for document_id in document_ids if document_id is not None])
        return {index: document_id for (index, _), document_id in zip(new, document_ids)}
