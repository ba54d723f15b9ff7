"""`timeline eval`: TempEval-3 measures of the tagger against a gold TIMEX JSONL file."""

from __future__ import annotations

from pathlib import Path

import typer

from timeline.cli.app import app, fail
from timeline.cli.tag import AnchorMode


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., metavar="GOLD.jsonl", help="Gold TIMEX JSONL file (id, dct, text, timexes)."),
    anchor: AnchorMode = typer.Option(AnchorMode.news, "--anchor", help="news or narrative anchoring."),
    output: Path = typer.Option(None, "--output", "-o", metavar="FILE", help="Also write the tagger's output as JSONL here."),
) -> None:
    """Tag the gold file's texts and print strict/relaxed extent, value and type P/R/F1 (TempEval-3).

    Example: timeline eval ../shared/data/timex/tbaq.jsonl --anchor news
    """
    from timeline.temporal.jsonl import (
        DocumentError,
        dumps,
        load_documents,
        tag_document,
    )
    from timeline.temporal.scoring import report, score

    try:
        documents = load_documents(gold)
    except OSError as error:
        raise fail(f"{gold}: cannot read ({error})") from None
    except DocumentError as error:
        raise fail(str(error)) from None
    tagged = [tag_document(document, anchor.value) for document in documents]
    if output is not None:
        output.write_text("".join(dumps(document) + "\n" for document in tagged), encoding="utf-8")
    typer.echo(f"TempEval-3 timex scores  gold={gold}  documents={len(documents)}  anchor={anchor.value}")
    typer.echo(report(score(documents, tagged)))
