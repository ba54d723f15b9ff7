"""The merge at scale: archives of 1k, 10k and 100k generated articles, and 100 more added to each.

Measures, each in a fresh process: a whole ingest into an empty database (time, the part spent
merging, CPU per article, peak memory of the main process and of a worker); adding the next 100
articles of the same stream to a copy of each archive against adding them to an empty database
(same run); merge pair precision and recall against the generated duplicates (articles telling
one generated event); bytes per article stored, and what the merge's own tables take.
Archives and corpora are cached under benchmarks/out/ (delete them to rebuild).

Example: uv run python benchmarks/merge_scale.py --sizes 1000,10000
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
INCREMENT = 100
MERGE_TABLES = ("cluster_keys", "ix_cluster_keys_document_id", "document_terms", "term_counts", "cluster_evidence")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def corpus(size: int) -> Path:
    """The cached corpus of the first `size` articles of the stream."""
    from benchmarks.corpus import write_corpus

    return write_corpus(OUT / f"corpus-{size}", size)


def increment(size: int) -> Path:
    """The next INCREMENT articles of the stream after the first `size` (cached)."""
    from benchmarks.corpus import articles

    folder = OUT / f"increment-{size}"
    marker = folder / ".complete-v3"
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "published", "source", "url", "title", "notes"])
        for article in itertools.islice(articles(size + INCREMENT), size, None):
            (folder / article.name).write_text(article.text, encoding="utf-8")
            writer.writerow([article.name, article.published.isoformat(), article.source, article.url, article.title, f"event:{article.event}"])
    marker.touch()
    return folder


def child(*arguments: str) -> dict:
    """Run this script's `--child ARGUMENTS…` in a fresh process and return its JSON answer."""
    result = subprocess.run([sys.executable, __file__, "--child", *arguments], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"benchmark step {' '.join(arguments)} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _timed_ingest(folder: Path, database: Path, jobs: int) -> dict:
    """Ingest `folder` into `database` in this process, the merge (update_clusters) timed apart."""
    import timeline.pipeline.batch_writer as batch_writer
    from timeline.pipeline.ingest import ingest

    merge = batch_writer.update_clusters
    spent = {"seconds": 0.0, "cpu": 0.0}

    def timed(*arguments, **options):  # type: ignore[no-untyped-def]
        started, cpu = time.perf_counter(), time.thread_time()
        try:
            return merge(*arguments, **options)
        finally:
            spent["seconds"] += time.perf_counter() - started
            spent["cpu"] += time.thread_time() - cpu

    batch_writer.update_clusters = timed
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started, cpu = time.perf_counter(), time.process_time()
    report = ingest([str(folder)], str(database), jobs=jobs)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    added = report.counts["added"]
    return {
        "added": added,
        "seconds": seconds,
        "merge_seconds": spent["seconds"],
        "merge_cpu_ms_per_doc": 1000 * spent["cpu"] / max(added, 1),
        "main_cpu_ms_per_doc": 1000 * cpu / max(added, 1),
        "cpu_ms_per_doc": 1000 * (cpu + workers) / max(added, 1),
        "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": after.ru_maxrss / 1024,
    }


def child_archive(size: str, jobs: str) -> dict:
    """Build the archive of `size` articles into a fresh database."""
    from timeline.store.migrate import upgrade

    database = OUT / f"archive-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    upgrade(str(database))
    return _timed_ingest(corpus(int(size)), database, int(jobs))


def child_add(size: str, jobs: str, into: str) -> dict:
    """Add the next INCREMENT articles to a copy of the archive (`into` = archive) or to an empty database (`empty`)."""
    from timeline.store.migrate import upgrade

    database = OUT / f"add-{size}-{into}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    if into == "archive":
        shutil.copy(OUT / f"archive-{size}.db", database)
    else:
        upgrade(str(database))
    folder = increment(int(size))
    os.sync()
    result = _timed_ingest(folder, database, int(jobs))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    return result


def merge_scores(database: Path, folder: Path) -> dict:
    """Pair precision and recall of the merge against the generated duplicates (articles telling one event)."""
    event_of = {}
    with (folder / "manifest.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            event_of[row["file"]] = row["notes"]
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    name_of = {document_id: Path(path).name for document_id, path in connection.execute("SELECT id, path FROM documents")}
    members: dict[str, set[int]] = defaultdict(set)
    for cluster_id, document_id in connection.execute("SELECT cluster_id, document_id FROM events"):
        members[cluster_id].add(document_id)
    linked = {pair for documents in members.values() if len(documents) > 1 for pair in itertools.combinations(sorted(documents), 2)}
    by_event: dict[str, list[int]] = defaultdict(list)
    for document_id, name in name_of.items():
        by_event[event_of[name]].append(document_id)
    gold = {pair for documents in by_event.values() for pair in itertools.combinations(sorted(documents), 2)}
    true = len(linked & gold)
    precision = true / len(linked) if linked else 0.0
    recall = true / len(gold) if gold else 0.0
    sizes = dict(connection.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"))
    documents = len(name_of)
    connection.close()
    return {
        "precision": precision, "recall": recall, "links": len(linked), "gold_links": len(gold),
        "bytes_per_article": database.stat().st_size / documents,
        "merge_bytes_per_article": sum(sizes.get(name, 0) for name in MERGE_TABLES) / documents,
        "tables": {name: size / documents for name, size in sorted(sizes.items(), key=lambda item: -item[1])[:14]},
    }


def measure(size: int, jobs: int) -> dict:
    """Every figure for one archive size (the archive built once and cached with its figures)."""
    corpus(size)
    increment(size)
    figures_file = OUT / f"archive-{size}.json"
    if figures_file.exists() and (OUT / f"archive-{size}.db").exists():
        built = json.loads(figures_file.read_text())
    else:
        built = child("archive", str(size), str(jobs))
        figures_file.write_text(json.dumps(built))
    into_archive = child("add", str(size), str(jobs), "archive")
    into_empty = child("add", str(size), str(jobs), "empty")
    return {
        "size": size, "build": built, "add_archive": into_archive, "add_empty": into_empty,
        "ratio": into_archive["seconds"] / into_empty["seconds"],
        "merge": merge_scores(OUT / f"archive-{size}.db", corpus(size)),
    }


def print_figures(results: list[dict]) -> None:
    """One block per size."""
    for result in results:
        build, archive, empty, merge = result["build"], result["add_archive"], result["add_empty"], result["merge"]
        print(f"archive of {result['size']:,} articles")
        print(f"  ingest: {build['seconds']:.1f} s, of which merging {build['merge_seconds']:.1f} s; CPU per article "
              f"{build['cpu_ms_per_doc']:.1f} ms (all processes), merging {build['merge_cpu_ms_per_doc']:.1f} ms; "
              f"peak main {build['main_mb']:.0f} MB, worker {build['worker_mb']:.0f} MB")
        print(f"  add {INCREMENT} articles: {archive['seconds']:.2f} s into the archive, {empty['seconds']:.2f} s into an empty "
              f"database: {result['ratio']:.2f}x (merging {archive['merge_seconds']:.2f} s vs {empty['merge_seconds']:.2f} s); "
              f"peak main {archive['main_mb']:.0f} MB")
        print(f"  merge against the generated duplicates: precision {merge['precision']:.3f}, recall {merge['recall']:.3f} "
              f"({merge['links']:,} links, {merge['gold_links']:,} gold)")
        print(f"  stored: {merge['bytes_per_article']:,.0f} bytes per article, of which the merge's tables and index "
              f"{merge['merge_bytes_per_article']:,.0f}")
        print("    " + ", ".join(f"{name} {size:,.0f}" for name, size in merge["tables"].items()))


CHILDREN = {"archive": child_archive, "add": child_add}


def main(argv: list[str] | None = None) -> int:
    """Measure each size and print the figures (JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.splitlines()[-1])
    parser.add_argument("--sizes", default="1000,10000", help="archive sizes, comma-separated (100000 takes about an hour on 2 cores)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="worker processes for ingest")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](*args.child[1:])))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    results = [measure(int(size), args.jobs) for size in args.sizes.split(",")]
    print_figures(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
