"""`timeline ingest`: store articles from files, directories or stdin."""

from __future__ import annotations

import typer

from timeline.cli.app import app, database_of, fail


@app.command("ingest")
def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, directories (read with their manifest.csv) or - for stdin."),
    published: str = typer.Option(None, "--published", metavar="DATE", help="Publication date of the given files: 2024-06-10, 2024-06 or 2024."),
    source: str = typer.Option(None, "--source", metavar="NAME", help="Source (outlet) of the given files."),
    url: str = typer.Option(None, "--url", metavar="URL", help="URL of the given file."),
    title: str = typer.Option(None, "--title", metavar="TEXT", help="Title of the given file."),
    max_size: float = typer.Option(5.0, "--max-size", metavar="MB", min=0.001, help="Largest document accepted, in MB."),
    jobs: int = typer.Option(None, "--jobs", "-j", metavar="N", min=0, help="Worker processes for extraction (default: one per core; 0: none).", show_default=False),
    scheduler: str = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Run extraction on a Dask cluster: tcp://HOST:PORT (needs timeline[dask])."),
    timeout: float = typer.Option(60.0, "--timeout", metavar="SECONDS", min=0.1, help="Stop a document's extraction after this many seconds and report it."),
) -> None:
    """Ingest articles: each new text is stored once, with its dates, mentions and events.

    A document is identified by the SHA-256 of its text: ingesting it again
    reports "unchanged" and writes nothing. A bad file is reported with its
    reason and the rest of the batch goes on; the exit code is 1 if any input
    failed.

    Extraction runs in --jobs worker processes (or on the Dask cluster at
    --scheduler) while one writer stores whole documents in batches; a
    progress bar on stderr counts documents, events and errors.

    Example: timeline ingest seeds/ notes.txt --published 2024-06-10 --source Reuters
    """
    from timeline.cli.progress import ingest_with_progress
    from timeline.domain import PublicationDate
    from timeline.ingest.sources import Metadata
    from timeline.pipeline.distributed import SchedulerError
    from timeline.pipeline.ingest import StorageError

    try:
        date = PublicationDate.parse(published) if published else None
    except ValueError as error:
        raise fail(f"--published: {error}", 2) from None
    metadata = Metadata(published=date, source=source, url=url, title=title)
    try:
        report = ingest_with_progress(
            paths,
            database_of(ctx),
            metadata,
            max_bytes=int(max_size * 1_048_576),
            jobs=jobs,
            scheduler=scheduler,
            timeout=timeout,
        )
    except (StorageError, SchedulerError) as error:
        raise fail(str(error)) from None
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    for failure in report.failures:
        typer.echo(f"failed: {failure.name}: {failure.reason}", err=True)
    typer.echo(report.summary())
    if report.failures:
        raise typer.Exit(1)
