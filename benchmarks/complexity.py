"""Benchmark: how sentence splitting, tagging and the whole extraction grow on pathological input.

Each input is a unit repeated to SIZE and to 2 x SIZE characters; the table gives the best of
a few runs at each length and their ratio (goal <= 2.5: roughly linear; 4 means quadratic).

Example: uv run python benchmarks/complexity.py --size 50000 --stage split,tag,extract
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL = 2.5
UNITS = {
    "May May": "May ",
    "1,200 1,200": "1,200 ",
    "from April 2023 to": "from April 2023 to ",
    "in May 2024,": "in May 2024, ",
    "last week of the": "last week of the ",
    "mixed scripts": "Мая 2024 年5月 مايو ٢٠٢٤ ",
    "....": ".",
    "!?!?": "!?",
    "— — —": "— ",
    "A. A. A.": "A. ",
    "no spaces": "abcdefghij",
    "punctuation": ".,;:!?-()[]{}'\"/",
    "news prose": "The ministry said on Monday that losses in May reached 1,200. ",
}


def stages() -> dict[str, Callable[[str], object]]:
    """The functions measured, by name."""
    from timeline.domain import PublicationDate, SourceDocument
    from timeline.pipeline.extract import extract
    from timeline.temporal import tag
    from timeline.text.sentences import split_sentences

    dct = PublicationDate(2024, 6, 10)
    return {
        "split": split_sentences,
        "tag": lambda text: tag(text, dct),
        "extract": lambda text: extract(SourceDocument(text=text, published=dct)),
    }


def best_times(function: Callable[[str], object], texts: list[str], runs: int) -> list[float]:
    """The fastest of `runs` calls on each text, in seconds; the texts alternate, so a busy machine slows all alike."""
    best = [float("inf")] * len(texts)
    for _ in range(runs):
        for index, text in enumerate(texts):
            started = time.perf_counter()
            function(text)
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    """Print one row per stage and input: time at SIZE, at 2 x SIZE, their ratio and the verdict."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters of the shorter input")
    parser.add_argument("--stage", default="split,tag,extract", help="comma-separated: split, tag, extract")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (the best is kept)")
    parser.add_argument("--only", default="", help="semicolon-separated input names (default: all)")
    options = parser.parse_args(argv)
    functions = stages()
    names = [name for name in options.only.split(";") if name] or list(UNITS)
    print(f"{'stage':8} {'input':20} {'1x s':>9} {'2x s':>9} {'ratio':>6}  verdict (goal <= {GOAL})")
    for stage in options.stage.split(","):
        function = functions[stage]
        function("Warm up: on 3 May 2024 about 1,200 people left.")
        for name in names:
            unit = UNITS[name]
            once = unit * max(1, options.size // len(unit))
            twice = unit * max(1, 2 * options.size // len(unit))
            first, second = best_times(function, [once, twice], options.runs)
            ratio = second / first if first > 0 else float("inf")
            verdict = "ok" if ratio <= GOAL or second < 0.005 else "SUPERLINEAR"
            print(f"{stage:8} {name:20} {first:9.4f} {second:9.4f} {ratio:6.2f}  {verdict}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
