"""Incident dating and merging on real local news: the GVC development set, scored beside its baselines.

Builds a fresh database from the set's articles.jsonl with `timeline ingest`, then runs the
set's scorer on it. The scorer prints the tool's figures and, in the same run, the baselines
(the publication day; the first weekday word counted back from it; a shared place name
within seven days for merging). The data and the scorer live outside the project
(`../shared/`), so nothing of the articles is copied here.

Example: uv run python benchmarks/gvc.py --show-wrong 10
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TIMELINE = str(Path(sys.executable).with_name("timeline"))


def main(argv: list[str] | None = None) -> int:
    """Ingest the set into a temporary database, print the ingest time and the scorer's report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "events" / "gvc-dev", help="folder with articles.jsonl and gold.json")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "gvc_score.py", help="the set's scoring script")
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temporary file)")
    parser.add_argument("--jobs", type=int, default=None, help="extraction processes (default: one per core)")
    parser.add_argument("--show-wrong", type=int, default=0, metavar="N", help="list N documents whose first event misses the day")
    parser.add_argument("--json", type=Path, help="also write the scorer's figures to this file")
    args = parser.parse_args(argv)
    for needed in (args.data / "articles.jsonl", args.data / "gold.json", args.scorer):
        if not needed.exists():
            parser.error(f"{needed} does not exist")
    with tempfile.TemporaryDirectory() as folder:
        database = args.db or Path(folder) / "gvc.db"
        database.unlink(missing_ok=True)
        command = [TIMELINE, "--db", str(database), "ingest", str(args.data / "articles.jsonl")]
        if args.jobs is not None:
            command += ["--jobs", str(args.jobs)]
        began = time.perf_counter()
        ingest = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - began
        if ingest.returncode not in (0, 1):
            sys.stderr.write(ingest.stderr)
            return ingest.returncode
        print(f"ingest: {ingest.stdout.strip().splitlines()[-1] if ingest.stdout.strip() else ''} in {elapsed:.1f} s")
        score = [sys.executable, str(args.scorer), str(args.data / "gold.json"), "--db", str(database)]
        if args.show_wrong:
            score += ["--show-wrong", str(args.show_wrong)]
        if args.json:
            score += ["--json", str(args.json)]
        return subprocess.run(score).returncode


if __name__ == "__main__":
    sys.exit(main())
