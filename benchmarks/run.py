"""All of timeline's speed goals in one table, each figure beside its reference measured in the same run.

Measures tagging against dateparser's search_dates, end-to-end ingest at 1,000 and
10,000 generated articles against extraction alone (CPU per article of each), adding 100
articles to archives of 1k and 10k (100k with --archives) against an empty database with the
merge's time, memory, precision and recall and the bytes stored (benchmarks/merge_scale.py),
bulk event writes against raw
sqlite3.executemany, a chronology query on a 1,000,000-event database, and
`timeline --help` / `timeline show` as whole processes; with the peak memory of each.
Every measurement runs in a fresh process so that its peak memory is its own.
Generated corpora and the 1M-event database are cached under benchmarks/out/.

Example: uv run python benchmarks/run.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
TIMELINE = str(Path(sys.executable).with_name("timeline"))
MILLION = 1_000_000
EVENTS_PER_DOCUMENT = 50
QUERY_RANGE = (date(2022, 3, 1), date(2022, 7, 1))
SHOW_ARGUMENTS = ["show", "--from", "2022-03", "--to", "2022-06", "--limit", "100"]

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    measure: str
    figure: str
    reference: str
    ratio: str
    goal: str
    verdict: str
    peak: str


def main(argv: list[str] | None = None) -> int:
    """Run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=__doc__.splitlines()[-1])
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="worker processes for ingest")
    parser.add_argument("--sizes", default="1000,10000", help="ingest corpus sizes, comma-separated")
    parser.add_argument("--archives", default="1000,10000", help="archive sizes for adding 100 articles (100000 takes about an hour)")
    parser.add_argument("--cluster-up-to", type=int, default=10_000_000, help="largest ingest that also runs the clustering pass (end to end: every size by default)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](*args.child[1:])))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    _compile_bytecode()
    rows: list[Row] = []
    rows += tagging_rows()
    sizes = [int(part) for part in args.sizes.split(",")]
    for size in sizes:
        rows += ingest_rows(size, args.jobs, clustering=size <= args.cluster_up_to)
    rows += merge_rows([int(part) for part in args.archives.split(",")], args.jobs)
    rows += bulk_write_rows()
    database = million_event_database()
    rows += query_rows(database)
    rows += whole_process_rows(database)
    print_table(rows)
    return 0


def child(*arguments: str) -> dict:
    """Run this script's `--child ARGUMENTS…` in a fresh process and return its JSON answer."""
    result = subprocess.run([sys.executable, __file__, "--child", *arguments], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"benchmark step {' '.join(arguments)} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """CPU time, user and system, of this process or of its waited-for children."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set of this process (or of its largest waited-for child), in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


# --- tagging ---------------------------------------------------------------------------------------


def tagging_rows() -> list[Row]:
    """The tagger against dateparser's search_dates on the same generated texts (benchmarks/tagger.py)."""
    from benchmarks import tagger

    corpus = tagger.generated_corpus(60)
    ours = tagger.measure("tagger", corpus)
    theirs = tagger.measure("dateparser", corpus)
    return [
        Row(
            "tagging, 60 news-like docs",
            f"{ours['chars_per_s']:,.0f} chars/s",
            f"search_dates {theirs['chars_per_s']:,.0f} chars/s",
            f"{ours['chars_per_s'] / theirs['chars_per_s']:.1f}x",
            "faster than search_dates",
            _verdict(ours["chars_per_s"] > theirs["chars_per_s"]),
            f"{ours['peak_mb']:.0f} / {theirs['peak_mb']:.0f} MB",
        )
    ]


# --- ingest ----------------------------------------------------------------------------------------


def corpus_folder(size: int) -> Path:
    """The cached generated corpus of `size` articles."""
    from benchmarks.corpus import write_corpus

    return write_corpus(OUT / f"corpus-{size}", size)


def ingest_rows(size: int, jobs: int, clustering: bool) -> list[Row]:
    """End-to-end ingest against extraction alone, same documents, same pool size.

    With `clustering` off, the ingest runs without the cross-document clustering
    pass (its cost grows with the events per month; see the report of that row).
    """
    corpus_folder(size)
    extraction = child("extract", str(size), str(jobs))
    ingest = child("ingest", str(size), str(jobs), "cluster" if clustering else "no-cluster")
    ratio = ingest["docs_per_s"] / extraction["docs_per_s"]
    rows = [
        Row(
            f"ingest {size:,} articles, --jobs {jobs}" + ("" if clustering else ", clustering skipped"),
            f"{ingest['docs_per_s']:,.0f} docs/s",
            f"extraction alone (same eras) {extraction['docs_per_s']:,.0f} docs/s",
            f"{ratio:.2f}",
            ">= 0.9 of extraction",
            _verdict(ratio >= 0.9),
            f"main {ingest['main_mb']:.0f} + worker {ingest['worker_mb']:.0f} MB",
        )
    ]
    share = 1 - extraction["cpu_ms_per_doc"] / ingest["cpu_ms_per_doc"]
    rows.append(
        Row(
            f"  CPU per article ({size:,} articles)",
            f"ingest {ingest['cpu_ms_per_doc']:.2f} ms (all processes)",
            f"extraction alone {extraction['cpu_ms_per_doc']:.2f} ms",
            f"{share:.0%} storing+merging",
            "storing and merging <= 20% of the CPU",
            _verdict(share <= 0.2),
            "",
        )
    )
    if clustering:
        without = ingest["seconds"] - ingest["cluster_seconds"]
        ratio = (size / without) / extraction["docs_per_s"]
        rows.append(
            Row(
                f"  of which clustering ({size:,} articles)",
                f"{ingest['cluster_seconds']:.1f} s of {ingest['seconds']:.1f} s (main CPU {ingest['cluster_cpu_seconds']:.1f} s"
                f" of {ingest['main_cpu_seconds']:.1f} s)",
                f"the rest: {size / without:,.0f} docs/s",
                f"{ratio:.2f}",
                ">= 0.9 of extraction",
                _verdict(ratio >= 0.9) + " without clustering",
                "",
            )
        )
    return rows


def _documents(size: int):  # type: ignore[no-untyped-def]
    from timeline.ingest.sources import read_inputs

    return ((item, item.document) for item in read_inputs([str(corpus_folder(size))]))


def child_extract(size: str, jobs: str, eras: str = "eras") -> dict:
    """Extraction alone: read the corpus and extract it in the pool, keeping nothing.

    The extraction is the ingest's own: resolved against the named eras of a freshly migrated
    database ("since the start of the war"), as an ingest reads them; `no-eras` leaves them out.
    """
    from functools import partial

    from timeline.pipeline.extract import extract
    from timeline.pipeline.parallel import open_extractor

    periods = _seeded_periods() if eras == "eras" else ()
    started, cpu, children = time.perf_counter(), time.process_time(), cpu_seconds(resource.RUSAGE_CHILDREN)
    count = 0
    with open_extractor(int(jobs), function=partial(extract, periods=periods)) as extractor:
        for outcome in extractor.run(_documents(int(size))):
            count += outcome.extraction is not None
    seconds = time.perf_counter() - started
    return {
        "docs_per_s": count / seconds,
        "cpu_ms_per_doc": 1000 * (time.process_time() - cpu + cpu_seconds(resource.RUSAGE_CHILDREN) - children) / count,
        "main_mb": peak_mb(),
        "worker_mb": peak_mb(resource.RUSAGE_CHILDREN),
    }


def _seeded_periods() -> tuple:
    """The named eras a freshly migrated database holds (what an ingest into it resolves eras against)."""
    from timeline.query.period_table import stored_periods
    from timeline.store.database import create_database_engine
    from timeline.store.migrate import upgrade

    database = OUT / "eras.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    upgrade(str(database))
    engine = create_database_engine(str(database))
    try:
        with engine.connect() as connection:
            return tuple(stored_periods(connection))
    finally:
        engine.dispose()


def child_ingest(size: str, jobs: str, clustering: str = "cluster") -> dict:
    """End-to-end ingest into a fresh database (schema created before the clock starts), the merge timed apart.

    The merge runs inside the writer's transactions (`timeline.store.clusters.update_clusters`); with
    `no-cluster` it is skipped, to show what it costs.
    """
    import timeline.pipeline.batch_writer as batch_writer
    from benchmarks.merge_scale import _timed_ingest
    from timeline.store.migrate import upgrade

    database = OUT / f"ingest-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    upgrade(str(database))
    if clustering != "cluster":
        batch_writer.update_clusters = lambda *arguments, **options: None
    result = _timed_ingest(corpus_folder(int(size)), database, int(jobs))
    added = result["added"]
    return {
        "docs_per_s": added / result["seconds"],
        "cpu_ms_per_doc": result["cpu_ms_per_doc"],
        "seconds": result["seconds"],
        "main_cpu_seconds": result["main_cpu_ms_per_doc"] * added / 1000,
        "cluster_seconds": result["merge_seconds"],
        "cluster_cpu_seconds": result["merge_cpu_ms_per_doc"] * added / 1000,
        "events": 0,
        "main_mb": result["main_mb"],
        "worker_mb": result["worker_mb"],
    }


def merge_rows(sizes: list[int], jobs: int) -> list[Row]:
    """Adding 100 articles to archives of each size against an empty database; the merge's time, memory, quality, bytes."""
    from benchmarks import merge_scale

    rows = []
    for size in sizes:
        result = merge_scale.measure(size, jobs)
        build, merge = result["build"], result["merge"]
        rows.append(Row(
            f"add 100 articles to {size:,}",
            f"{result['add_archive']['seconds']:.2f} s",
            f"into an empty database {result['add_empty']['seconds']:.2f} s",
            f"{result['ratio']:.2f}x",
            "<= 1.5x at 100k",
            _verdict(result["ratio"] <= 1.5),
            f"main {result['add_archive']['main_mb']:.0f} MB",
        ))
        rows.append(Row(
            f"  merging while ingesting {size:,}",
            f"{build['merge_seconds']:.1f} s of {build['seconds']:.1f} s ({build['merge_cpu_ms_per_doc']:.2f} ms CPU/article)",
            f"whole ingest {build['cpu_ms_per_doc']:.2f} ms CPU/article",
            "",
            "peak <= 300 MB at 100k, flat beyond 10k",
            _verdict(build["main_mb"] <= 300),
            f"main {build['main_mb']:.0f} + worker {build['worker_mb']:.0f} MB",
        ))
        rows.append(Row(
            f"  merge of generated duplicates ({size:,})",
            f"precision {merge['precision']:.3f}, recall {merge['recall']:.3f}",
            f"{merge['gold_links']:,} pairs of articles telling one event",
            "",
            "precision first",
            "",
            "",
        ))
        rows.append(Row(
            f"  bytes per article stored ({size:,})",
            f"{merge['bytes_per_article']:,.0f} B",
            f"the merge's tables and index {merge['merge_bytes_per_article']:,.0f} B",
            f"{merge['merge_bytes_per_article'] / merge['bytes_per_article']:.0%}",
            "measured",
            "",
            "",
        ))
    return rows


# --- bulk writes -----------------------------------------------------------------------------------

BULK_ROWS = 200_000
EVENT_COLUMNS = ("key", "document_id", "start", "end", "text", "value", "mod", "earliest", "latest", "granularity",
                 "date_basis", "date_start", "date_end", "date_text", "date_rule", "reported")


def bulk_write_rows() -> list[Row]:
    """Event rows written through SQLAlchemy Core (as the writer does) against raw sqlite3.executemany."""
    ours = child("bulk", "core")
    raw = child("bulk", "raw")
    ratio = ours["rows_per_s"] / raw["rows_per_s"]
    return [
        Row(
            f"bulk event writes, {BULK_ROWS:,} rows",
            f"{ours['rows_per_s']:,.0f} rows/s (Core)",
            f"sqlite3.executemany {raw['rows_per_s']:,.0f} rows/s",
            f"{ratio:.2f}x",
            ">= 0.4x raw",
            _verdict(ratio >= 0.4),
            f"{ours['peak_mb']:.0f} / {raw['peak_mb']:.0f} MB",
        )
    ]


def _event_values(count: int, documents: int) -> list[dict]:
    rng = random.Random(11)
    first = date(2015, 1, 1)
    rows = []
    for number in range(count):
        day = first + timedelta(days=rng.randrange(3800))
        rows.append({
            "key": f"{number:016x}", "document_id": number % documents + 1, "start": number, "end": number + 60,
            "text": f"Officials said on {day:%d %B %Y} that {rng.randint(2, 60000):,} recruits had arrived.",
            "value": day.isoformat(), "mod": None, "earliest": day, "latest": day + timedelta(days=1), "granularity": "day",
            "date_basis": "stated", "date_start": 18, "date_end": 30, "date_text": f"{day:%d %B %Y}", "date_rule": "day_month_year",
            "reported": day.isoformat(),
        })
    return rows


def child_bulk(how: str) -> dict:
    """Write BULK_ROWS event rows into a fresh database, one transaction; rows/s and peak memory."""
    from sqlalchemy import insert

    from timeline.store.database import create_database_engine
    from timeline.store.migrate import upgrade
    from timeline.store.models import EventRow

    database = OUT / f"bulk-{how}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    upgrade(str(database))
    documents = 1000
    with sqlite3.connect(database) as connection:
        connection.executemany(
            "INSERT INTO documents (sha256, char_count, ingested_at, text, published_basis, media_type) VALUES (?, 0, '', '', 'given', 'text/plain')",
            [(f"{number:064x}",) for number in range(documents)],
        )
    rows = _event_values(BULK_ROWS, documents)
    if how == "core":
        engine = create_database_engine(str(database))
        started = time.perf_counter()
        with engine.begin() as connection:
            connection.execute(insert(EventRow), rows)
        seconds = time.perf_counter() - started
        engine.dispose()
    else:
        tuples = [tuple(row[column].isoformat() if isinstance(row[column], date) else row[column] for column in EVENT_COLUMNS) for row in rows]
        connection = sqlite3.connect(database)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        names = ", ".join(f'"{column}"' for column in EVENT_COLUMNS)
        started = time.perf_counter()
        with connection:
            connection.executemany(f"INSERT INTO events ({names}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})", tuples)
        seconds = time.perf_counter() - started
        connection.close()
    return {"rows_per_s": BULK_ROWS / seconds, "peak_mb": peak_mb()}


# --- the 1M-event database -----------------------------------------------------------------------------


def million_event_database() -> Path:
    """The cached database of 1,000,000 events (20,000 documents, one cluster per event), built with bulk inserts."""
    database = OUT / "events-1m.db"
    marker = OUT / "events-1m.complete"
    if marker.exists() and database.exists():
        from timeline.store.migrate import ensure_schema

        ensure_schema(str(database))
        return database
    child("build")
    marker.write_text("built\n")
    return database


def child_build() -> dict:
    """Build the 1M-event database: raw executemany into the migrated schema, full-text index rebuilt at the end."""
    from timeline.store.migrate import upgrade

    database = OUT / "events-1m.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    upgrade(str(database))
    rng = random.Random(1_000_000)
    first = date(2015, 1, 1)
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").fetchall()
    for name, _sql in triggers:
        connection.execute(f'DROP TRIGGER "{name}"')
    documents = MILLION // EVENTS_PER_DOCUMENT
    event_id = 0
    for batch_start in range(0, documents, 1000):
        document_rows, event_rows, cluster_rows = [], [], []
        for document_number in range(batch_start, batch_start + 1000):
            published = first + timedelta(days=rng.randrange(3800))
            sentences, offset = [], 0
            for _ in range(EVENTS_PER_DOCUMENT):
                event_id += 1
                earliest, latest, value, granularity = _random_interval(rng, published)
                sentence = f"Officials said in {value} that {rng.randint(2, 60000):,} recruits had arrived in {rng.choice(CITIES)}."
                key = f"{event_id:016x}"
                event_rows.append((event_id, key, document_number + 1, offset, offset + len(sentence), sentence, value, earliest,
                                   latest, granularity, "stated", "sentence", key, published.isoformat()))
                cluster_rows.append((key, key, event_id, value, earliest, latest, granularity, "stated", sentence, 1, 1,
                                     published.isoformat(), published.isoformat()))
                sentences.append(sentence)
                offset += len(sentence) + 1
            text = " ".join(sentences)
            document_rows.append((document_number + 1, f"{document_number:064x}", f"article_{document_number:07d}.txt", "Generated Wire",
                                  published.isoformat(), "day", "given", len(text), "2026-01-01T00:00:00+00:00", text, "text/plain"))
        with connection:
            connection.executemany(
                "INSERT INTO documents (id, sha256, path, source, published, published_precision, published_basis, char_count,"
                " ingested_at, text, media_type) VALUES (?,?,?,?,?,?,?,?,?,?,?)", document_rows)
            connection.executemany(
                'INSERT INTO events (id, key, document_id, start, "end", text, value, earliest, latest, granularity, date_basis,'
                " span_kind, cluster_id, reported) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", event_rows)
            connection.executemany(
                "INSERT INTO clusters (id, anchor_key, event_id, value, earliest, latest, granularity, date_basis, text,"
                " event_count, source_count, first_reported, last_reported) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", cluster_rows)
    for _name, sql in triggers:
        connection.execute(sql)
    if connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_fts'").fetchone():
        with connection:
            connection.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
    connection.execute("ANALYZE")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return {"events": event_id, "peak_mb": peak_mb()}


CITIES = ("Kharkiv", "Moscow", "Kursk", "Nairobi", "Kathmandu", "Pyongyang", "Geneva", "Brussels", "Donetsk")


def _random_interval(rng: random.Random, published: date) -> tuple[str, str, str, str]:
    day = published - timedelta(days=rng.randrange(0, 400))
    roll = rng.random()
    if roll < 0.6:
        return day.isoformat(), (day + timedelta(days=1)).isoformat(), day.isoformat(), "day"
    if roll < 0.9:
        start = day.replace(day=1)
        end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return start.isoformat(), end.isoformat(), f"{start:%Y-%m}", "month"
    if roll < 0.97:
        quarter = (day.month - 1) // 3
        start = date(day.year, quarter * 3 + 1, 1)
        end = date(day.year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1)
        return start.isoformat(), end.isoformat(), f"{day.year}-Q{quarter + 1}", "quarter"
    return date(day.year, 1, 1).isoformat(), date(day.year + 1, 1, 1).isoformat(), str(day.year), "year"


# --- the chronology query --------------------------------------------------------------------------------


def query_rows(database: Path) -> list[Row]:
    """The chronology query in-process on the 1M-event database: median time and its plan."""
    result = child("query", str(database))
    return [
        Row(
            "chronology query, 1M events, in-process",
            f"median {result['median_ms']:.2f} ms ({result['rows']} rows)",
            f"plan: {plan_summary(result['plan'])}",
            f"p90 {result['p90_ms']:.2f} ms",
            "<= 2 ms, index-backed plan",
            _verdict(result["median_ms"] <= 2 and result["index_backed"]),
            f"{result['peak_mb']:.0f} MB",
        )
    ]


def child_query(database: str) -> dict:
    """Time the chronology of 2022-03..2022-06, first 100, 30 times after a warm-up; read its plan."""
    from timeline.query.chronology import cluster_query, entries_of
    from timeline.query.chronology_filter import ChronologyFilter
    from timeline.store.database import create_database_engine, query_plan

    engine = create_database_engine(database, read_only=True)
    query_filter = ChronologyFilter(start=QUERY_RANGE[0], end=QUERY_RANGE[1], limit=100)
    timings = []
    with engine.connect() as connection:
        rows = len(entries_of(connection, query_filter))
        for _ in range(30):
            started = time.perf_counter()
            entries_of(connection, query_filter)
            timings.append((time.perf_counter() - started) * 1000)
        plan = query_plan(connection, cluster_query(connection, query_filter))
    engine.dispose()
    timings.sort()
    return {
        "median_ms": statistics.median(timings),
        "p90_ms": timings[int(len(timings) * 0.9)],
        "rows": rows,
        "plan": "; ".join(plan),
        "index_backed": index_backed(plan),
        "peak_mb": peak_mb(),
    }


def plan_summary(plan: str) -> str:
    """The plan in a few words: which indexes it searches, and whether it scans or sorts (the full plan is in the JSON)."""
    steps = [step.strip() for step in plan.split(";")]
    indexes = sorted({step.split(" USING INDEX ")[1].split(" ")[0] for step in steps if " USING INDEX " in step})
    searches = sum(1 for step in steps if step.startswith("SEARCH"))
    scans = sum(1 for step in steps if step.startswith("SCAN"))
    sorts = sum(1 for step in steps if "TEMP B-TREE" in step)
    return f"{searches} index searches ({', '.join(indexes)}), {scans} scans, {sorts} sorts"


def index_backed(plan: list[str]) -> bool:
    """True when SQLite reads the clusters through an index and needs no sort of its own for the order."""
    return any("clusters USING" in step and "INDEX" in step for step in plan) and not any(
        "SCAN clusters" == step.strip() or "TEMP B-TREE FOR ORDER BY" in step for step in plan
    )


# --- whole processes -------------------------------------------------------------------------------------


def whole_process_rows(database: Path) -> list[Row]:
    """`timeline --help` and `timeline show` on the 1M-event database, each a whole process, against bare Python."""
    bare = _process_times([sys.executable, "-c", "pass"])
    helped = _process_times([TIMELINE, "--help"])
    shown = _process_times([TIMELINE, "--db", str(database), *SHOW_ARGUMENTS])
    imported = _imports_of_show(database)
    heavy = [name for name in ("pandas", "dateparser", "sqlalchemy") if name in imported]
    return [
        Row(
            "timeline --help, whole process",
            f"median {helped['median_ms']:.0f} ms (CPU {helped['cpu_ms']:.0f} ms)",
            f"python -c pass {bare['median_ms']:.0f} ms",
            f"+{helped['median_ms'] - bare['median_ms']:.0f} ms",
            "<= 300 ms",
            _verdict(helped["median_ms"] <= 300),
            f"{helped['peak_mb']:.0f} MB",
        ),
        Row(
            "timeline show (1M events, 100 rows), whole process",
            f"median {shown['median_ms']:.0f} ms (CPU {shown['cpu_ms']:.0f} ms)",
            f"python -c pass {bare['median_ms']:.0f} ms",
            f"+{shown['median_ms'] - bare['median_ms']:.0f} ms",
            "<= 450 ms, no pandas/dateparser/sqlalchemy",
            _verdict(shown["median_ms"] <= 450 and not heavy) + (f" (imports {', '.join(heavy)})" if heavy else ""),
            f"{shown['peak_mb']:.0f} MB",
        ),
    ]


def _process_times(command: list[str], runs: int = 7) -> dict:
    """Median wall and CPU time of `command` over `runs` runs, and its peak memory (measured by /usr/bin/time when present,
    since a fork of this process would count this process's own memory)."""
    import shutil
    import tempfile

    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    timings, cpu, peaks = [], [], []
    subprocess.run(command, capture_output=True, check=False)
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "time.txt"
        for _ in range(runs):
            wrapped = [timer, "-f", "%M", "-o", str(report), *command] if timer else command
            started = time.perf_counter()
            process = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _pid, status, usage = os.wait4(process.pid, 0)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
            peaks.append(int(report.read_text().split()[-1]) / 1024 if timer else usage.ru_maxrss / 1024)
            process.returncode = os.waitstatus_to_exitcode(status)
            if process.returncode != 0:
                raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return {"median_ms": statistics.median(timings), "cpu_ms": statistics.median(cpu), "peak_mb": max(peaks)}


def _imports_of_show(database: Path) -> set[str]:
    probe = (
        "import sys, contextlib, io\n"
        "from timeline.cli.main import app\n"
        f"sys.argv = ['timeline', '--db', {str(database)!r}, *{SHOW_ARGUMENTS!r}]\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        app()\n    except SystemExit:\n        pass\n"
        "print(' '.join(sorted(name for name in sys.modules if '.' not in name)))\n"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(output.split())


# --- the table ---------------------------------------------------------------------------------------------


def _verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def print_table(rows: list[Row]) -> None:
    """One table: measure, figure, reference measured in the same run, ratio, goal, verdict, peak memory."""
    header = Row("measure", "figure", "reference (same run)", "ratio", "goal", "verdict", "peak memory")
    widths = [max(len(getattr(row, field)) for row in [header, *rows]) for field in Row.__dataclass_fields__]
    for index, row in enumerate([header, *rows]):
        print("  ".join(getattr(row, field).ljust(width) for field, width in zip(Row.__dataclass_fields__, widths)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def _compile_bytecode() -> None:
    """Compile the installed packages once, so whole-process timings measure the program, not the compiler."""
    import compileall
    import site

    for folder in [*site.getsitepackages(), str(ROOT / "timeline")]:
        compileall.compile_dir(folder, quiet=2, workers=0)


CHILDREN = {
    "extract": child_extract,
    "ingest": child_ingest,
    "bulk": child_bulk,
    "build": child_build,
    "query": child_query,
}

if __name__ == "__main__":
    raise SystemExit(main())
