"""Benchmark: the temporal tagger against dateparser's search_dates on the same texts, in one run.

Prints chars/s, documents/s and peak memory (resident set of a fresh process per engine)
for a generated news-like corpus and for tbaq, and the tagger/dateparser speed ratio.

Example: uv run python benchmarks/tagger.py --tbaq ../shared/data/timex/tbaq.jsonl
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import sys
import time
from datetime import datetime
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.splitlines()[-1])
    parser.add_argument("--documents", type=int, default=200, help="generated documents (default 200)")
    parser.add_argument("--tbaq", type=Path, default=DEFAULT_TBAQ, help="TIMEX JSONL file to time as well")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents of each corpus")
    args = parser.parse_args(argv)
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
