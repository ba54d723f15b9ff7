"""`timeline tag`: show the temporal expressions of a text and the rules that found them."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from timeline.cli.app import app, fail


class TagFormat(str, Enum):
    """Output formats of `tag`."""

    table = "table"
    json = "json"
    timeml = "timeml"


class AnchorMode(str, Enum):
    """What relative expressions are resolved against."""

    news = "news"
    narrative = "narrative"


@app.command("tag")
def tag_command(
    source: str = typer.Argument(None, metavar="FILE", help="A text file, or - for standard input."),
    dct: str = typer.Option(None, "--dct", metavar="DATE", help="Publication date of the text: YYYY, YYYY-MM or YYYY-MM-DD (omit if unknown)."),
    anchor: AnchorMode = typer.Option(AnchorMode.news, "--anchor", help="news: relative dates anchor to --dct; narrative: to the story's latest date."),
    output_format: TagFormat = typer.Option(TagFormat.table, "--format", help="table, json or timeml."),
    jsonl: str = typer.Option(None, "--jsonl", metavar="FILE", help="Batch: a TIMEX JSONL file (id, dct, text) or -; writes it back with timexes to stdout."),
) -> None:
    """Find and resolve the temporal expressions (TIMEX3) of a text.

    Without --dct, values that need the publication date keep X (XXXX-05)
    and have no interval; the wall clock is never used.

    Example: timeline tag article.txt --dct 2024-06-10 --format table
    """
    from timeline.domain import PublicationDate

    if jsonl is not None:
        if source is not None:
            raise fail("give either FILE or --jsonl, not both", 2)
        _tag_jsonl(jsonl, anchor.value)
        return
    if source is None:
        raise fail("give a FILE to tag (or - for standard input), or --jsonl IN.jsonl", 2)
    try:
        publication = PublicationDate.parse(dct) if dct else None
    except ValueError as error:
        raise fail(f"--dct: {error}", 2) from None
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"{source}: cannot read the text ({error})") from None
    from timeline.temporal import render
    from timeline.temporal.tagger import tag

    mentions = tag(text, publication, anchor.value)
    if output_format is TagFormat.json:
        typer.echo(render.as_json(mentions))
    elif output_format is TagFormat.timeml:
        typer.echo(render.as_timeml(text, mentions))
    else:
        typer.echo(render.as_table(text, mentions))


def _tag_jsonl(path: str, anchor: str) -> None:
    from timeline.temporal.jsonl import dumps, iter_documents, tag_document

    name = "<stdin>" if path == "-" else path
    problems: list[str] = []
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as error:
        raise fail(f"{path}: cannot read ({error})") from None
    with handle:
        try:
            for item in iter_documents(handle, name):
                if isinstance(item, Exception):
                    problems.append(str(item))
                    continue
                typer.echo(dumps(tag_document(item, anchor)))
        except UnicodeDecodeError as error:
            problems.append(f"{name}: not UTF-8 text ({error})")
    if problems:
        for problem in problems:
            typer.echo(f"Error: {problem}", err=True)
        raise fail(f"{len(problems)} bad line{'s' if len(problems) != 1 else ''} skipped; fix them and run again")
