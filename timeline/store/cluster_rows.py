"""A cluster's stored row: what the clusters table says of one fact and the reports citing it.

`cluster_row` builds it for any cluster; `singleton_row` builds the same row for a cluster of one
event straight from that event's fields, cheaply enough for the ingest's workers to lay out every
event's own cluster beside its rows (the writer stores it; the clustering pass then rewrites only
the clusters that gained or lost members).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from timeline.events.cluster import Cluster, cluster_id

SINGLETON_COLUMNS = (
    "event_id", "id", "anchor_key", "value", "mod", "earliest", "latest", "granularity", "date_basis", "category", "text",
    "actors", "figures", "event_count", "source_count", "first_reported", "last_reported", "sources",
)
"""The columns of a written singleton row: `singleton_row`'s values after the event id the writer allocates."""


def source_label(source: str | None, title: str | None, path: str | None, document_id: int | None) -> str | None:
    """How a cluster names a report's document: its source, title or file name, else `document ID` (None: id unknown yet)."""
    if source or title:
        return source or title
    if path:
        return Path(path).name
    return None if document_id is None else f"document {document_id}"


def cluster_row(
    cluster: Cluster,
    sources: Mapping[int, str],
    names: Mapping[int, Sequence[str]],
    figure_texts: Mapping[int, Sequence[str]],
) -> dict:
    """The stored row of a cluster, given each member event's source label, actor names and figure texts by event id."""
    best = cluster.representative
    members = sorted(cluster.members, key=lambda report: report.order)
    actors: list[str] = []
    for report in [best, *members]:
        actors.extend(name for name in names.get(report.event_id, []) if name not in actors)
    figures = next((figure_texts[report.event_id] for report in [best, *members] if figure_texts.get(report.event_id)), [])
    published = sorted(report.published for report in members if report.published)
    labels: list[str] = []
    for report in members:
        if sources[report.event_id] not in labels:
            labels.append(sources[report.event_id])
    return {
        "id": cluster.id,
        "anchor_key": cluster.anchor.key,
        "event_id": best.event_id,
        "value": best.value,
        "mod": best.mod,
        "earliest": best.earliest,
        "latest": best.latest,
        "granularity": best.granularity,
        "date_basis": "stated" if any(report.date_basis == "stated" for report in members) else "reported",
        "category": best.category or next((report.category for report in members if report.category), None),
        "text": " ".join(best.text.split()),
        "actors": "; ".join(actors) or None,
        "figures": "; ".join(figures) or None,
        "sources": "; ".join(labels),
        "event_count": len(members),
        "source_count": len({report.document_id for report in members}),
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
    }


def singleton_row(
    key: str,
    event: Sequence,
    published: str | None,
    source: str | None,
    names: Sequence[str],
    figure_texts: Sequence[str],
) -> tuple:
    """The row `cluster_row` gives the cluster of this one event, in SINGLETON_COLUMNS order without the event id.

    `event` is (value, mod, earliest, latest, granularity, date_basis, category, text) with ISO dates;
    `source` is the document's label, None when only its id will name it (the writer fills it in);
    `names` are the event's actors (sources of claims left out) and `figure_texts` its claims, in text order.
    """
    value, mod, earliest, latest, granularity, date_basis, category, text = event
    unique: list[str] = []
    for name in names:
        if name not in unique:
            unique.append(name)
    figures = "; ".join(" ".join(claim.split()) for claim in figure_texts) or None
    return (
        cluster_id(key), key, value, mod, earliest, latest, granularity, "stated" if date_basis == "stated" else "reported",
        category, " ".join(text.split()), "; ".join(unique) or None, figures, 1, 1, published, published, source,
    )


def longest_spans(rows: Iterable[Sequence]) -> tuple[tuple[str, str, int], ...]:
    """(date basis, granularity or '', longest days) of these singleton rows' dated intervals, as `cluster_spans` keeps them."""
    longest: dict[tuple[str, str], int] = {}
    for row in rows:
        earliest, latest = row[4], row[5]
        if earliest is None or latest is None:
            continue
        key = (row[7], row[6] or "")
        days = (date.fromisoformat(latest) - date.fromisoformat(earliest)).days
        if days > longest.get(key, -1):
            longest[key] = days
    return tuple((basis, granularity, days) for (basis, granularity), days in sorted(longest.items()))
