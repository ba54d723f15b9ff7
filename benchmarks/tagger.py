"""Benchmark: the temporal tagger against dateparser's search_dates on the same texts, in one run.

Whole processes (the default): `timeline tag --jsonl` on a TIMEX JSONL file repeated --repeat times
(tbaq, 4 times: about 2 MB of text) against a process that runs dateparser's `search_dates` on the
same texts with RELATIVE_BASE = each document's publication date; each is run --runs times and the
median wall and CPU time and the peak resident set of each process are printed side by side, with
the ratio. `--in-process` times the engines inside one warm process each, on a generated news-like
corpus and on tbaq (chars/s, documents/s).

Example: uv run python benchmarks/tagger.py --tbaq ../shared/data/timex/tbaq.jsonl --repeat 4 --runs 3
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TBAQ = ROOT.parent / "shared" / "data" / "timex" / "tbaq.jsonl"

TEMPLATES = [
    "The ministry said on {weekday} that losses in {month} reached {number}.",
    "{source} reported last {unit} that the talks, first held in {month} {year}, had stalled.",
    "Officials expect a decision in the coming {units}, {source} said late on {weekday} last week.",
    "Recruitment has risen every {unit} since the start of the war in February {year}.",
    "More than {number} people a day were displaced earlier this year, according to {source}.",
    "The agency, founded {small} years ago, has for years published monthly figures.",
    "On {month} {day}, {year}, the council met for the first time since the summer of {year}.",
    "Analysts said the third quarter was the weakest since {year}, and the first half of next year may be worse.",
    "The company may announce results in {month}; its shares fell 3% on {weekday}.",
    "Prices were flat for the past three months and are now at their lowest since the 1990s.",
    "A {small}-year-old tradition ended this summer, the mayor said yesterday.",
    "Troops will march on the capital by the end of the month, a spokesman told reporters at 8:10am.",
]
FILLER = (
    "The government declined to comment on the allegations. Critics have described the campaign as "
    "coercive, and several organisations have called for an independent investigation into the practice. "
)
WORDS = {
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "unit": ["week", "month", "year"],
    "units": ["weeks", "months", "years"],
    "source": ["Reuters", "Bloomberg", "the BBC", "Ukrainian intelligence", "the UK Ministry of Defence"],
}


def generated_corpus(documents: int, seed: int = 7) -> list[tuple[str, str]]:
    """Deterministic news-like documents with their DCTs."""
    rng = random.Random(seed)
    corpus = []
    for _ in range(documents):
        sentences = []
        for _ in range(rng.randint(15, 35)):
            template = rng.choice(TEMPLATES)
            values = {key: rng.choice(options) for key, options in WORDS.items()}
            values.update(number=f"{rng.randint(1, 99)},{rng.randint(100, 999)}", year=rng.randint(1990, 2024),
                          day=rng.randint(1, 28), small=rng.randint(2, 300))
            sentences.append(template.format(**values))
            if rng.random() < 0.5:
                sentences.append(FILLER)
        dct = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        corpus.append((" ".join(sentences), dct))
    return corpus


def tbaq_corpus(path: Path) -> list[tuple[str, str]]:
    """The texts and DCTs of a TIMEX JSONL file."""
    with open(path, encoding="utf-8") as handle:
        return [(doc["text"], doc["dct"]) for doc in map(json.loads, handle) if doc.get("text")]


def run_tagger(corpus: list[tuple[str, str]]) -> dict[str, float]:
    """Tag every document (after one warm-up call that loads the rules)."""
    from timeline.domain import PublicationDate
    from timeline.temporal import tag

    tag("warm up on June 1", None)
    found = 0
    start = time.perf_counter()
    for text, dct in corpus:
        found += len(tag(text, PublicationDate.parse(dct) if dct else None))
    return {"seconds": time.perf_counter() - start, "found": found}


def run_dateparser(corpus: list[tuple[str, str]]) -> dict[str, float]:
    """search_dates with RELATIVE_BASE = the DCT and English pinned."""
    from dateparser.search import search_dates

    search_dates("warm up on June 1", languages=["en"])
    found = 0
    start = time.perf_counter()
    for text, dct in corpus:
        base = datetime.fromisoformat(dct) if dct else datetime(2000, 1, 1)
        results = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        found += len(results)
    return {"seconds": time.perf_counter() - start, "found": found}


def _child(engine: str, corpus: list[tuple[str, str]], queue: multiprocessing.Queue) -> None:
    result = (run_tagger if engine == "tagger" else run_dateparser)(corpus)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(result)


def measure(engine: str, corpus: list[tuple[str, str]]) -> dict[str, float]:
    """Run one engine in a fresh process so that its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(engine, corpus, queue))
    process.start()
    result = queue.get()
    process.join()
    chars = sum(len(text) for text, _ in corpus)
    result["chars_per_s"] = chars / result["seconds"]
    result["docs_per_s"] = len(corpus) / result["seconds"]
    return result


class ProcessRun(NamedTuple):
    """One whole process: wall seconds, CPU seconds (user + system) and peak resident set in MB."""

    wall: float
    cpu: float
    peak_mb: float


def repeated_file(path: Path, times: int, folder: Path) -> Path:
    """The TIMEX JSONL file written `times` times over (ids made unique), the input both engines read."""
    out = folder / f"{path.stem}-x{times}.jsonl"
    with open(path, encoding="utf-8") as handle:
        documents = [json.loads(line) for line in handle if line.strip()]
    with open(out, "w", encoding="utf-8") as handle:
        for copy in range(times):
            for document in documents:
                handle.write(json.dumps({**document, "id": f"{copy}:{document['id']}"}, ensure_ascii=False) + "\n")
    return out


def run_process(command: list[str]) -> ProcessRun:
    """Run a command to its end with its output discarded; its own wall time, CPU time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {errors}")
    return ProcessRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def tagger_command(path: Path) -> list[str]:
    """`timeline tag --jsonl PATH`, as a user runs it."""
    executable = shutil.which("timeline") or str(Path(sys.executable).with_name("timeline"))
    return [executable, "tag", "--jsonl", str(path)]


def dateparser_command(path: Path) -> list[str]:
    """A process running search_dates on every document of PATH, RELATIVE_BASE = its publication date."""
    return [sys.executable, str(Path(__file__).resolve()), "--search-dates", str(path)]


def search_dates_file(path: Path) -> int:
    """search_dates on each document of a TIMEX JSONL file (the dateparser side of the whole-process race)."""
    from dateparser.search import search_dates

    found = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            document = json.loads(line)
            base = datetime.fromisoformat(document["dct"]) if document.get("dct") else datetime(2000, 1, 1)
            found += len(search_dates(document["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or [])
    return found


def whole_processes(path: Path, repeat: int, runs: int) -> int:
    """Print the median of `runs` whole-process runs of each engine on `path` repeated `repeat` times."""
    with tempfile.TemporaryDirectory() as folder:
        data = repeated_file(path, repeat, Path(folder))
        size = sum(len(json.loads(line)["text"]) for line in open(data, encoding="utf-8"))
        results: dict[str, list[ProcessRun]] = {"timeline tag": [], "search_dates": []}
        for _ in range(runs):  # interleaved, so that both see the same load on the machine
            results["timeline tag"].append(run_process(tagger_command(data)))
            results["search_dates"].append(run_process(dateparser_command(data)))
    print(f"{path.name} x{repeat}: {size:,} characters of text, median of {runs} whole-process runs each")
    print(f"{'engine':<14} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'chars/s (wall)':>15}")
    medians = {}
    for engine, rows in results.items():
        wall, cpu = statistics.median(r.wall for r in rows), statistics.median(r.cpu for r in rows)
        peak = max(r.peak_mb for r in rows)
        medians[engine] = (wall, cpu)
        print(f"{engine:<14} {wall:>8.2f} {cpu:>8.2f} {peak:>8.1f} {size / wall:>15,.0f}")
    ours, theirs = medians["timeline tag"], medians["search_dates"]
    print(f"ratio: timeline tag is {theirs[0] / ours[0]:.1f}x faster than search_dates by wall time, "
          f"{theirs[1] / ours[1]:.1f}x by CPU time")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.splitlines()[-1])
    parser.add_argument("--documents", type=int, default=200, help="generated documents (default 200)")
    parser.add_argument("--tbaq", type=Path, default=DEFAULT_TBAQ, help="TIMEX JSONL file to time as well")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents of each corpus")
    parser.add_argument("--repeat", type=int, default=4, help="whole processes: the file repeated N times (default 4)")
    parser.add_argument("--runs", type=int, default=3, help="whole processes: runs of each engine (default 3)")
    parser.add_argument("--in-process", action="store_true", help="time the engines inside one warm process each")
    parser.add_argument("--search-dates", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.search_dates:
        print(search_dates_file(args.search_dates))
        return 0
    if not args.in_process:
        return whole_processes(args.tbaq, args.repeat, args.runs)
    corpora = {"generated": generated_corpus(args.documents)}
    if args.tbaq and args.tbaq.exists():
        corpora["tbaq"] = tbaq_corpus(args.tbaq)
    print(f"{'corpus':<10} {'engine':<12} {'docs':>5} {'chars':>9} {'chars/s':>11} {'docs/s':>9} {'peak MB':>8} {'found':>6}")
    for name, corpus in corpora.items():
        corpus = corpus[: args.limit] if args.limit else corpus
        chars = sum(len(text) for text, _ in corpus)
        results = {engine: measure(engine, corpus) for engine in ("tagger", "dateparser")}
        for engine, result in results.items():
            label = "timeline" if engine == "tagger" else "search_dates"
            print(f"{name:<10} {label:<12} {len(corpus):>5} {chars:>9} {result['chars_per_s']:>11,.0f} "
                  f"{result['docs_per_s']:>9,.1f} {result['peak_mb']:>8.1f} {int(result['found']):>6}")
        ratio = results["tagger"]["chars_per_s"] / results["dateparser"]["chars_per_s"]
        print(f"{name:<10} ratio: timeline is {ratio:.1f}x faster than search_dates in chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
