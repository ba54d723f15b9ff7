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
    with typer.progressbar(
        length=_count_hint(paths),
        label="Ingesting",
        file=typer.get_text_stream("stderr"),
        item_show_func=lambda _: f"{totals['documents']} docs, {totals['events']} events, {totals['errors']} errors",
    ) as bar:

        def on_result(result) -> None:  # type: ignore[no-untyped-def]
            totals["documents"] += 1
            totals["events"] += result.events
            totals["errors"] += result.status == "failed"
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
