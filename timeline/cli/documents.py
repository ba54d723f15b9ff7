"""`timeline documents`: the stored documents with their dates and segments; `show ID` for one."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, TextIO

import typer

from timeline.cli.app import TimelineTyper, app, database_of, fail

if TYPE_CHECKING:
    from timeline.query.documents import DocumentDetail, DocumentSummary

documents_app = TimelineTyper(
    help="List stored documents: date, its basis and precision, source, segments, events.\n\nExample: timeline documents",
    invoke_without_command=True,
)
app.add_typer(documents_app, name="documents")


class DocumentsFormat(str, Enum):
    """Output formats of `documents`."""

    table = "table"
    csv = "csv"
    json = "json"


@documents_app.callback()
def list_documents(
    ctx: typer.Context,
    output_format: DocumentsFormat = typer.Option(DocumentsFormat.table, "--format", help="table, csv or json."),
) -> None:
    """List stored documents: id, publication date with its basis and precision, source, segment counts by kind, events.

    The basis says where the date came from: given (manifest, front matter,
    --published), html (page metadata), dateline, duplicate (a near-duplicate
    article's date), bound (written after the latest date in the body), unknown.

    Example: timeline documents --format csv
    """
    if ctx.invoked_subcommand is not None:
        return
    import sys

    from timeline.query.documents import documents
    from timeline.store.migrate import ensure_schema

    db = database_of(ctx)
    ensure_schema(db)
    rows = documents(db)
    if output_format is DocumentsFormat.table:
        typer.echo(render_documents(rows))
    else:
        write_documents(rows, output_format.value, sys.stdout)


@documents_app.command("show")
def show_document(
    ctx: typer.Context,
    document_id: int = typer.Argument(..., metavar="ID", help="Document id, as listed by `timeline documents`."),
    kinds: bool = typer.Option(True, "--marks/--plain", help="Mark each segment with its kind and reason, or print the bare text."),
) -> None:
    """Print one document's text, each segment under a mark giving its kind (body, title, boilerplate, caption, teaser), offsets and reason.

    Example: timeline documents show 3
    """
    from timeline.query.documents import document
    from timeline.store.migrate import ensure_schema

    db = database_of(ctx)
    ensure_schema(db)
    detail = document(db, document_id)
    if detail is None:
        raise fail(f"no document with id {document_id} (see `timeline documents`)")
    typer.echo(render_document(detail) if kinds else detail.text)


def _row(summary: DocumentSummary) -> dict[str, object]:
    from timeline.domain import SEGMENT_KINDS

    row: dict[str, object] = {
        "id": summary.id,
        "published": summary.published or "",
        "precision": summary.precision or "",
        "basis": summary.basis,
        "source": summary.source or "",
        "name": summary.name,
        "events": summary.events,
    }
    row.update({kind: summary.segments.get(kind, 0) for kind in SEGMENT_KINDS})
    row["evidence"] = summary.evidence or ""
    return row


def render_documents(summaries: Sequence[DocumentSummary]) -> str:
    """Aligned rows: id, date (precision, basis), events, segment counts by kind, source and name."""
    from timeline.domain import SEGMENT_KINDS

    if not summaries:
        return "No documents stored yet (add some with `timeline ingest PATH`)."
    rows = [_row(summary) for summary in summaries]
    header = ("id", "published", "precision", "basis", "events", "segments", "source / file")
    body = []
    for row, summary in zip(rows, summaries):
        counts = " ".join(f"{kind}={row[kind]}" for kind in SEGMENT_KINDS if row[kind])
        origin = f"{summary.source} — {summary.name}" if summary.source else summary.name
        body.append((str(row["id"]), str(row["published"]) or "?", str(row["precision"]) or "-", str(row["basis"]), str(row["events"]), counts, origin))
    widths = [max(len(line[index]) for line in [header, *body]) for index in range(len(header) - 1)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)) + "  " + line[-1] for line in [header, *body]]
    return "\n".join(line.rstrip() for line in lines)


def write_documents(summaries: Sequence[DocumentSummary], output_format: str, out: TextIO) -> None:
    """Write the documents as CSV (one column per segment kind) or as a JSON array."""
    import json
    from dataclasses import asdict

    from timeline.export.csv_cells import write_csv_rows

    from timeline.domain import SEGMENT_KINDS

    if output_format == "json":
        json.dump([asdict(summary) for summary in summaries], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    header = ("id", "published", "precision", "basis", "source", "name", "events", *SEGMENT_KINDS, "evidence")
    write_csv_rows(out, header, ([_row(summary)[name] for name in header] for summary in summaries))


def render_document(detail: DocumentDetail, width: int | None = None) -> str:
    """The document's header, then each segment's text under a mark giving its kind and offsets."""
    import shutil
    import textwrap

    summary = detail.summary
    width = width or min(100, shutil.get_terminal_size((100, 24)).columns)
    date = f"{summary.published} ({summary.precision}, {summary.basis})" if summary.published else f"unknown ({summary.basis})"
    lines = [
        f"document {summary.id}: {summary.name}",
        f"title:     {summary.title or '-'}",
        f"source:    {summary.source or '-'}",
        f"url:       {summary.url or '-'}",
        f"published: {date}",
        f"evidence:  {summary.evidence or '-'}",
        f"events:    {summary.events}",
        "",
    ]
    for segment in detail.segments:
        reason = f" — {segment.reason}" if segment.reason else ""
        lines.append(f"[{segment.kind} {segment.start}-{segment.end}{reason}]")
        lines.extend(textwrap.wrap(segment.text, width, initial_indent="  ", subsequent_indent="  ") or [""])
    return "\n".join(lines)
