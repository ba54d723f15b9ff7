"""`timeline serve`: Datasette on the database, read-only, on this machine only, with the schema's descriptions and questions."""

from __future__ import annotations

import typer

from timeline.cli.app import app, database_of, fail


@app.command("serve")
def serve(
    ctx: typer.Context,
    port: int = typer.Option(8001, "--port", metavar="PORT", min=0, max=65535, help="Port to listen on, on 127.0.0.1 (0: any free one)."),
    open_browser: bool = typer.Option(False, "--open", help="Open the web browser on it."),
) -> None:
    """Browse and query the database in Datasette (needs the web extra: pip install 'timeline[web]').

    Datasette opens the file read-only and listens on 127.0.0.1 only; each table, view and column
    carries its description from docs/schema.md, internal tables are hidden, the research
    questions are ready-made queries, and the chronology view is searchable. Stop it with Ctrl-C.

    Example: timeline serve --port 8001
    """
    import json
    import os
    import subprocess
    import sys
    import tempfile
    from importlib.util import find_spec

    from timeline.query.datasette_metadata import metadata_for
    from timeline.store.sqlite_file import local_sqlite_path

    db = database_of(ctx)
    path = local_sqlite_path(db)
    if path is None:
        raise fail("`timeline serve` opens a SQLite file; for PostgreSQL use a tool of its own (or `timeline sql`)")
    if not path.exists():
        raise fail(f"{path}: no such database (build it with `timeline ingest PATH` or `timeline show`)")
    if find_spec("datasette") is None:
        raise fail("`timeline serve` needs Datasette: install the web extra, e.g. pip install 'timeline[web]' (or uv sync --extra web)")
    with tempfile.TemporaryDirectory(prefix="timeline-serve-") as folder:
        metadata = os.path.join(folder, "metadata.json")
        with open(metadata, "w", encoding="utf-8") as out:
            json.dump(metadata_for(path.stem), out, ensure_ascii=False)
        command = [sys.executable, "-m", "datasette", "serve", str(path), "--host", "127.0.0.1", "--port", str(port),
                   "--metadata", metadata, "--setting", "sql_time_limit_ms", "10000", *(["--open"] if open_browser else [])]
        typer.echo(f"Datasette on {path}, read-only, at http://127.0.0.1:{port}/ (Ctrl-C stops it)", err=True)
        try:
            raise typer.Exit(subprocess.call(command))
        except KeyboardInterrupt:
            raise typer.Exit(0) from None
