"""Ingest with a progress bar on stderr and one line per failed input."""

from __future__ import annotations

from collections.abc import Sequence

import typer


def ingest_with_progress(paths: Sequence[str], db: str, metadata=None, *, max_bytes: int | None = None, **options):  # type: ignore[no-untyped-def]
    """Run `timeline.pipeline.ingest.ingest` (with its `options`: jobs, scheduler, timeout) showing documents, events and errors."""
    from timeline.ingest.decode import DEFAULT_MAX_BYTES
    from timeline.ingest.sources import Metadata
    from timeline.pipeline.ingest import ingest

    totals = {"documents": 0, "events": 0, "errors": 0}
    total = _count_hint(paths)
    eta = Eta(total)
    with typer.progressbar(
        length=total,
        label="Ingesting",
        file=typer.get_text_stream("stderr"),
        show_eta=False,
        item_show_func=lambda _: f"{totals['documents']} docs, {totals['events']} events, {totals['errors']} errors{eta.text()}",
    ) as bar:

        def on_result(result) -> None:  # type: ignore[no-untyped-def]
            totals["documents"] += 1
            totals["events"] += result.events
            totals["errors"] += result.status == "failed"
            eta.done(totals["documents"])
            bar.update(1)

        try:
            return ingest(
                paths,
                db,
                metadata or Metadata(),
                max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                on_result=on_result,
                **options,
            )
        except BaseException:
            typer.echo("", err=True)
            raise


def _count_hint(paths: Sequence[str]) -> int | None:
    from pathlib import Path

    total = 0
    for name in paths:
        path = Path(name)
        if path.is_dir():
            total += sum(1 for item in path.rglob("*") if item.is_file() and item.name != "manifest.csv")
        else:
            total += 1
    return total or None


class Eta:
    """Time left, from the documents done per second since the first ones (worker start-up is no measure of the rest).

    >>> eta = Eta(100, clock=iter([0.0, 10.0, 20.0]).__next__)
    >>> eta.done(10), eta.text()
    (None, '')
    >>> eta.done(20), eta.text()
    (None, ', about 1 min 20 s left')
    >>> eta.done(30), eta.text()
    (None, ', about 1 min 10 s left')
    """

    WARM_UP = 10
    """Documents done before the pace is measured (the first ones wait for the workers to start)."""

    def __init__(self, total: int | None, clock=None) -> None:  # type: ignore[no-untyped-def]
        import time

        self.total = total
        self.clock = clock or time.monotonic
        self.start: tuple[int, float] | None = None
        self.left: float | None = None

    def done(self, count: int) -> None:
        """`count` documents are done."""
        if self.total is None or count < self.WARM_UP:
            return
        now = self.clock()
        if self.start is None:
            self.start = (count, now)
            return
        counted, since = self.start
        if count > counted and now > since:
            self.left = max(0.0, (self.total - count) / ((count - counted) / (now - since)))

    def text(self) -> str:
        """`, about 2 min 5 s left`, or nothing before the pace is known."""
        if self.left is None:
            return ""
        minutes, seconds = divmod(int(self.left + 0.5), 60)
        return f", about {minutes} min {seconds} s left" if minutes else f", about {seconds} s left"
