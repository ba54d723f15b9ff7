"""Why an entry's reports were merged, in words: the links kept in `cluster_evidence`, each report named by its source."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable

from sqlalchemy import select

from timeline.store.cluster_rows import source_label
from timeline.store.cluster_tables import cluster_evidence
from timeline.store.database import read_only_connection
from timeline.store.tables import documents, events

_LINK = re.compile(r"^([0-9a-f]{16}) ~ ([0-9a-f]{16}): (.*)$")
_CHUNK = 500


def merge_explanations(target: str | os.PathLike[str], cluster_ids: Iterable[str]) -> dict[str, list[str]]:
    """For each of these entries that merged reports, one line per link: `SOURCE (date) ~ SOURCE (date): the evidence`."""
    ids = sorted(set(cluster_ids))
    found: dict[str, list[str]] = {}
    with read_only_connection(target) as connection:
        for start in range(0, len(ids), _CHUNK):
            rows = connection.execute(
                select(cluster_evidence.c.cluster_id, cluster_evidence.c.evidence).where(cluster_evidence.c.cluster_id.in_(ids[start : start + _CHUNK]))
            )
            for identifier, evidence in rows:
                found[identifier] = list(json.loads(evidence))
        keys = sorted({key for lines in found.values() for line in lines if (match := _LINK.match(line)) for key in match.group(1, 2)})
        names: dict[str, str] = {}
        for start in range(0, len(keys), _CHUNK):
            rows = connection.execute(
                select(events.c.key, events.c.value, documents.c.source, documents.c.title, documents.c.path, documents.c.id)
                .join(documents, documents.c.id == events.c.document_id)
                .where(events.c.key.in_(keys[start : start + _CHUNK]))
            )
            for key, value, source, title, path, document_id in rows:
                names[key] = f"{source_label(source, title, path, document_id)} ({value})"
    return {identifier: [_named(line, names) for line in lines] for identifier, lines in found.items()}


def _named(line: str, names: dict[str, str]) -> str:
    match = _LINK.match(line)
    if not match:
        return line
    first, second, evidence = match.groups()
    return f"{names.get(first, first)} ~ {names.get(second, second)}: {evidence}"
