"""`timeline show` reads a local SQLite file without importing SQLAlchemy, pandas or dateparser (startup time is a goal)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import contextlib, io, sys
from timeline.cli.main import app
sys.argv = ["timeline", "--db", sys.argv[1], *sys.argv[2:]]
with contextlib.redirect_stdout(io.StringIO()) as shown:
    try:
        app()
    except SystemExit as end:
        assert not end.code, end.code
assert shown.getvalue().strip()
print(" ".join(sorted(name for name in ("pandas", "dateparser", "numpy", "sqlalchemy", "alembic") if name in sys.modules)))
"""


@pytest.mark.parametrize(
    "arguments",
    [
        ["show", "--from", "2022"],
        ["show", "--from", "2022-03", "--to", "2024-06", "--limit", "100"],
        ["show", "--from", "Wagner era", "--to", "North Korean deployment", "--within", "--format", "csv"],
        ["show", "--era", "Wagner era", "--actor", "wagner", "--reported", "--format", "json"],
        ["show", "--grep", "mobilization order", "--source", "chaspravdy", "--category", "mobilisation"],
        ["--help"],
    ],
    ids=["from-year", "range-limit", "eras-csv", "era-actor-json", "grep-source-category", "help"],
)
def test_show_imports_neither_sqlalchemy_nor_pandas_nor_dateparser(seeded_db: str, arguments: list[str]) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, seeded_db, *arguments], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"`timeline {' '.join(arguments)}` imported {result.stdout.strip()}"
