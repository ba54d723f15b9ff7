"""The merge's index: which stored documents a new document's events could merge with, found by key and date bucket.

A document is indexed once, when its events are stored: its words are counted in `term_counts`,
its context kept in `document_terms`, and its keys written to `cluster_keys` under the date
buckets of its events. A key is one of the document's KEYS_PER_DOCUMENT rarest context words
(`w:word`) or a figure strong enough to link reports on its own (`f:low:high:rate`). A bucket is
the day of an event dated to the day, else the month it starts in (intervals up to a month),
else the year. A document's candidates are the documents sharing a key in a bucket within
reach of one of its events: the days up to the report lag around a day, the months and days of a
month, the months and year of a year. So the cost of indexing and finding candidates grows with
the document and its candidates, never with the archive.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta

from sqlalchemy import Connection, delete, select

from timeline.events.cluster import Figure
from timeline.events.figures import unit_class
from timeline.events.merge_evidence import figure_weight
from timeline.events.merge_rules import MergeRules, merge_rules
from timeline.events.merge_words import distinct_words, document_context
from timeline.store.cluster_tables import cluster_keys, document_terms, term_counts
from timeline.store.tables import actors, claims, documents, event_actors, events, segments

KEYS_PER_DOCUMENT = 32
"""How many of a document's context words serve as its keys (the rarest in the archive when it is stored)."""
COMMON_SHARE = 0.001
"""A word held by more than this share of the documents (and by more than COMMON_MINIMUM) is no key: it would find
too many documents in every date bucket (a name of one story is held by a handful)."""
COMMON_MINIMUM = 20
CANDIDATES_PER_DOCUMENT = 30
"""At most this many candidate documents per new document (those sharing the most keys)."""
ALL_DOCUMENTS = ""
"""The term whose count is the number of indexed documents."""
MONTHS = 10_000_000
YEARS = 20_000_000
_PAGE = 500
_PROBES_PER_STATEMENT = 2000


def bucket(earliest: date, latest: date) -> int:
    """An event's bucket: its day (a day or less), the month it starts in (up to 31 days), else the year."""
    days = (latest - earliest).days
    if days <= 1:
        return earliest.toordinal()
    if days <= 31:
        return MONTHS + earliest.year * 12 + earliest.month - 1
    return YEARS + earliest.year


def reach(earliest: date, latest: date, rules: MergeRules) -> list[tuple[int, int]]:
    """The bucket ranges (inclusive) where an event's possible partners are stored."""
    days = (latest - earliest).days
    last = latest - timedelta(days=1)
    if days <= 1:
        margin = rules.report_lag_days + rules.day_tolerance
        return [
            (earliest.toordinal() - margin, earliest.toordinal() + margin),
            _month_range(earliest, earliest),
            (YEARS + earliest.year, YEARS + earliest.year),
        ]
    if days <= 31:
        return [(earliest.toordinal(), last.toordinal()), _month_range(earliest, last), (YEARS + earliest.year, YEARS + last.year)]
    ranges = [(YEARS + earliest.year, YEARS + min(last.year, earliest.year + 5))]
    if days <= 366:
        ranges.append(_month_range(earliest, last))
    return ranges


def _month_range(first: date, last: date) -> tuple[int, int]:
    return (MONTHS + first.year * 12 + first.month - 1, MONTHS + last.year * 12 + last.month - 1)


def figure_key(figure: Figure) -> str:
    """The key of a figure (its first number and rate)."""
    number, rate = figure.number
    return f"f:{number}:{rate or ''}"


def index_documents(connection: Connection, document_ids: Sequence[int] | None, rules: MergeRules | None = None) -> None:
    """Index these documents (every document when None): count their words, keep their context, write their keys.

    A document indexed already only gets its keys anew (its events may have changed; its text has not).
    """
    rules = rules or merge_rules()
    for page in _pages(connection, document_ids):
        known = indexed(connection, page)
        if known:
            _rekey(connection, sorted(known), rules)
        page = [document_id for document_id in page if document_id not in known]
        if not page:
            continue
        rows = connection.execute(
            select(documents.c.id, documents.c.title, documents.c.text).where(documents.c.id.in_(page)).order_by(documents.c.id)
        ).all()
        actor_keys: dict[int, set[str]] = defaultdict(set)
        for document_id, key in connection.execute(
            select(events.c.document_id, actors.c.key)
            .join(event_actors, event_actors.c.event_id == events.c.id)
            .join(actors, actors.c.id == event_actors.c.actor_id)
            .where(events.c.document_id.in_(page), event_actors.c.role != "source")
        ):
            actor_keys[document_id].add(f"@{key}")
        bodies = _bodies(connection, page)
        contexts: dict[int, tuple[str, ...]] = {}
        counted: Counter[str] = Counter()
        for document_id, title, body in rows:
            # Names in page furniture (credits, copyright lines, menus) say who published, not what happened.
            contexts[document_id] = document_context(title, bodies.get(document_id, body) if document_id in bodies else body)
            counted.update(distinct_words(f"{title or ''}\n{body}") | set(contexts[document_id]) | actor_keys[document_id])
        counted[ALL_DOCUMENTS] = len(rows)
        _add_counts(connection, counted)
        if contexts:
            connection.execute(
                document_terms.insert(),
                [{"document_id": document_id, "context": " ".join(context)} for document_id, context in contexts.items()],
            )
        total, counts = term_statistics(connection, {word for context in contexts.values() for word in context})
        keys = _document_keys(connection, page, contexts, total, counts, rules)
        if keys:
            connection.execute(cluster_keys.insert(), [{"key": key, "bucket": where, "document_id": document} for key, where, document in sorted(keys)])


def _bodies(connection: Connection, page: Sequence[int]) -> dict[int, str]:
    """Each document's body segments' text, joined by blank lines (documents without segments are left out)."""
    parts: dict[int, list[str]] = defaultdict(list)
    segmented: set[int] = set()
    for document_id, kind, start, end, body in connection.execute(
        select(segments.c.document_id, segments.c.kind, segments.c.start, segments.c.end, documents.c.text)
        .join(documents, documents.c.id == segments.c.document_id)
        .where(segments.c.document_id.in_(page))
        .order_by(segments.c.document_id, segments.c.start)
    ):
        segmented.add(document_id)
        if kind == "body":
            parts[document_id].append(body[start:end])
    return {document_id: "\n\n".join(parts[document_id]) for document_id in segmented}


def _rekey(connection: Connection, page: list[int], rules: MergeRules) -> None:
    """Write these indexed documents' keys anew from their stored context and events."""
    connection.execute(delete(cluster_keys).where(cluster_keys.c.document_id.in_(page)))
    contexts = read_contexts(connection, page)
    total, counts = term_statistics(connection, {word for context in contexts.values() for word in context})
    keys = _document_keys(connection, page, contexts, total, counts, rules)
    if keys:
        connection.execute(cluster_keys.insert(), [{"key": key, "bucket": where, "document_id": document} for key, where, document in sorted(keys)])


def _pages(connection: Connection, document_ids: Sequence[int] | None) -> Iterator[list[int]]:
    if document_ids is not None:
        ids = sorted(set(document_ids))
        for start in range(0, len(ids), _PAGE):
            yield ids[start : start + _PAGE]
        return
    last = 0
    while True:
        page = list(connection.execute(select(documents.c.id).where(documents.c.id > last).order_by(documents.c.id).limit(_PAGE)).scalars())
        if not page:
            return
        yield page
        last = page[-1]


def _document_keys(
    connection: Connection,
    page: Sequence[int],
    contexts: dict[int, tuple[str, ...]],
    total: int,
    counts: dict[str, int],
    rules: MergeRules,
) -> set[tuple[str, int, int]]:
    """(key, bucket, document) rows of these documents: their rarest context words and strong figures, by event bucket."""
    limit = max(COMMON_MINIMUM, COMMON_SHARE * total)
    words = {
        document_id: [word for _, _, word in sorted((counts.get(word, 1), position, word) for position, word in enumerate(context)) if counts.get(word, 1) <= limit][
            :KEYS_PER_DOCUMENT
        ]
        for document_id, context in contexts.items()
    }
    buckets: dict[int, set[int]] = defaultdict(set)
    rows: set[tuple[str, int, int]] = set()
    for document_id, earliest, latest in connection.execute(
        select(events.c.document_id, events.c.earliest, events.c.latest).where(
            events.c.document_id.in_(page), events.c.earliest.is_not(None), events.c.latest.is_not(None)
        )
    ):
        buckets[document_id].add(bucket(_day(earliest), _day(latest)))
    for document_id, earliest, latest, low, high, rate, unit in connection.execute(
        select(events.c.document_id, events.c.earliest, events.c.latest, claims.c.low, claims.c.high, claims.c.rate, claims.c.unit)
        .join(claims, claims.c.event_id == events.c.id)
        .where(events.c.document_id.in_(page), events.c.earliest.is_not(None), events.c.latest.is_not(None))
    ):
        figure = Figure(low, high, rate, unit_class(unit))
        if figure_weight([figure], rules) >= rules.figure:
            rows.add((figure_key(figure), bucket(_day(earliest), _day(latest)), document_id))
    for document_id, where in buckets.items():
        rows.update((f"w:{word}", each, document_id) for word in words.get(document_id, ()) for each in where)
    return rows


def _add_counts(connection: Connection, counted: Counter[str]) -> None:
    """Add to the stored counts of these words (rows in word order, so that concurrent writers lock in one order)."""
    if not counted:
        return
    dialect = connection.dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        raise NotImplementedError(f"word counts need SQLite or PostgreSQL, not {dialect}")
    statement = insert(term_counts)
    statement = statement.on_conflict_do_update(
        index_elements=["term"], set_={"documents": term_counts.c.documents + statement.excluded.documents}
    )
    values = [{"term": term[:128], "documents": count} for term, count in sorted(counted.items())]
    for start in range(0, len(values), 5000):
        connection.execute(statement, values[start : start + 5000])


def term_statistics(connection: Connection, terms: Iterable[str]) -> tuple[int, dict[str, int]]:
    """The number of indexed documents, and how many hold each of these words."""
    wanted = sorted({term[:128] for term in terms} | {ALL_DOCUMENTS})
    counts: dict[str, int] = {}
    for start in range(0, len(wanted), _PAGE):
        chunk = wanted[start : start + _PAGE]
        counts.update(connection.execute(select(term_counts.c.term, term_counts.c.documents).where(term_counts.c.term.in_(chunk))).all())
    return counts.pop(ALL_DOCUMENTS, 0), counts


def read_contexts(connection: Connection, document_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each document's context words by id."""
    ids = sorted(set(document_ids))
    found: dict[int, tuple[str, ...]] = {}
    for start in range(0, len(ids), _PAGE):
        chunk = ids[start : start + _PAGE]
        for document_id, context in connection.execute(
            select(document_terms.c.document_id, document_terms.c.context).where(document_terms.c.document_id.in_(chunk))
        ):
            found[document_id] = tuple(context.split())
    return found


def candidate_documents(connection: Connection, dated: dict[int, list[tuple[date, date]]], rules: MergeRules | None = None) -> dict[int, set[int]]:
    """For each document (by id, with its events' intervals), the other documents sharing a key within reach."""
    rules = rules or merge_rules()
    stored: dict[int, set[str]] = defaultdict(set)
    ids = sorted(dated)
    for start in range(0, len(ids), _PAGE):
        chunk = ids[start : start + _PAGE]
        for document_id, key in connection.execute(
            select(cluster_keys.c.document_id, cluster_keys.c.key).where(cluster_keys.c.document_id.in_(chunk)).distinct()
        ):
            stored[document_id].add(key)
    probes: list[tuple[int, str, int, int]] = []
    for document_id, intervals in dated.items():
        ranges = _merged({each for earliest, latest in intervals for each in reach(earliest, latest, rules)})
        probes.extend((document_id, key, low, high) for key in sorted(stored[document_id]) for low, high in ranges)
    hits: dict[int, Counter[int]] = defaultdict(Counter)
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    for start in range(0, len(probes), _PROBES_PER_STATEMENT):
        chunk = probes[start : start + _PROBES_PER_STATEMENT]
        values = ", ".join([f"({marker}, {marker}, {marker}, {marker})"] * len(chunk))
        if connection.dialect.name == "postgresql":
            values = values.replace(f"({marker}, {marker}", f"({marker}::integer, {marker}::text", 1)
        sql = (
            f"WITH probe (document_id, key, low, high) AS (VALUES {values}) "
            "SELECT probe.document_id, cluster_keys.document_id, COUNT(DISTINCT cluster_keys.key) FROM probe "
            "JOIN cluster_keys ON cluster_keys.key = probe.key AND cluster_keys.bucket BETWEEN probe.low AND probe.high "
            "WHERE cluster_keys.document_id <> probe.document_id GROUP BY probe.document_id, cluster_keys.document_id"
        )
        for document_id, other, shared in connection.exec_driver_sql(sql, tuple(value for probe in chunk for value in probe)):
            hits[document_id][other] += shared
    return {document_id: {other for other, _ in found.most_common(CANDIDATES_PER_DOCUMENT)} for document_id, found in hits.items()}


def _merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching ranges joined."""
    merged: list[list[int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [(low, high) for low, high in merged]


def forget_documents(connection: Connection, document_ids: Sequence[int]) -> None:
    """Drop these documents' keys and context (their word counts stay: a removed word only weighs a little less)."""
    for start in range(0, len(document_ids), _PAGE):
        chunk = list(document_ids[start : start + _PAGE])
        connection.execute(delete(cluster_keys).where(cluster_keys.c.document_id.in_(chunk)))
        connection.execute(delete(document_terms).where(document_terms.c.document_id.in_(chunk)))


def indexed(connection: Connection, document_ids: Sequence[int]) -> set[int]:
    """Which of these documents are indexed already."""
    found: set[int] = set()
    for start in range(0, len(document_ids), _PAGE):
        chunk = list(document_ids[start : start + _PAGE])
        found.update(connection.execute(select(document_terms.c.document_id).where(document_terms.c.document_id.in_(chunk))).scalars())
    return found


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])

