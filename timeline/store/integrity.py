"""`timeline db check`: the engine's own checks (SQLite) and the project's invariants, on any backend."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from timeline.store.database import create_database_engine, database_url, is_sqlite

EXAMPLES = 5

INVARIANTS: dict[str, str] = {
    "events point at an existing document": """
        SELECT e.id FROM events e LEFT JOIN documents d ON d.id = e.document_id WHERE d.id IS NULL""",
    "event offsets lie inside their document's text": """
        SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.start < 0 OR e."end" <= e.start OR e."end" > d.char_count""",
    "event text is the document's text at its offsets": """
        SELECT e.id FROM events e JOIN documents d ON d.id = e.document_id
        WHERE e.text <> substr(d.text, e.start + 1, e."end" - e.start)""",
    "event dates are ordered (earliest before latest)": """
        SELECT id FROM events WHERE earliest IS NOT NULL AND latest IS NOT NULL AND earliest >= latest""",
    "mentions point at an existing document": """
        SELECT m.id FROM mentions m LEFT JOIN documents d ON d.id = m.document_id WHERE d.id IS NULL""",
    "mention text is the document's text at its offsets": """
        SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id
        WHERE m.start < 0 OR m."end" < m.start OR m."end" > d.char_count
           OR m.text <> substr(d.text, m.start + 1, m."end" - m.start)""",
    "segments lie inside their document's text": """
        SELECT s.id FROM segments s LEFT JOIN documents d ON d.id = s.document_id
        WHERE d.id IS NULL OR s.start < 0 OR s."end" < s.start OR s."end" > d.char_count""",
    "documents' character counts match their text": """
        SELECT id FROM documents WHERE char_count <> length(text)""",
}


@dataclass(frozen=True)
class Finding:
    """A check that failed: what it checks, how many rows break it, and a few of them."""

    check: str
    count: int
    examples: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        shown = ", ".join(self.examples)
        return f"{self.check}: {self.count} failing" + (f" (e.g. {shown})" if shown else "")


def check_database(target: str | os.PathLike[str]) -> list[Finding]:
    """Every problem found: SQLite's integrity and foreign-key checks, then the project's invariants."""
    engine = create_database_engine(target, read_only=True)
    findings: list[Finding] = []
    try:
        with engine.connect() as connection:
            if is_sqlite(database_url(target)):
                findings.extend(_sqlite_checks(connection))
            findings.extend(_invariant_checks(connection))
            findings.extend(_identity_check(connection))
            findings.extend(_cluster_checks(connection))
    finally:
        engine.dispose()
    return findings


def _sqlite_checks(connection: Connection) -> list[Finding]:
    findings = []
    messages = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    if messages != ["ok"]:
        findings.append(Finding("SQLite integrity_check", len(messages), tuple(messages[:EXAMPLES])))
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        examples = tuple(f"{table} row {rowid} -> {parent}" for table, rowid, parent, _ in broken[:EXAMPLES])
        findings.append(Finding("SQLite foreign_key_check", len(broken), examples))
    return findings


def _invariant_checks(connection: Connection) -> list[Finding]:
    findings = []
    for check, query in INVARIANTS.items():
        ids = connection.execute(text(query)).scalars().all()
        if ids:
            findings.append(Finding(check, len(ids), tuple(f"id {value}" for value in ids[:EXAMPLES])))
    return findings


def _cluster_checks(connection: Connection) -> list[Finding]:
    """Entries that disagree with their events (`timeline.store.cluster_integrity`)."""
    from timeline.store.cluster_integrity import cluster_problems

    problems = cluster_problems(connection).found
    return [Finding(check, len(ids), tuple(f"id {value}" for value in ids[:EXAMPLES])) for check, ids in problems.items() if ids]


def repair_database(target: str | os.PathLike[str]) -> int:
    """Mend the entries that disagree with their events, in one transaction; how many entries and documents were mended."""
    from timeline.store.cluster_integrity import repair_clusters

    engine = create_database_engine(target)
    try:
        with engine.begin() as connection:
            return repair_clusters(connection)
    finally:
        engine.dispose()


def _identity_check(connection: Connection) -> list[Finding]:
    """Each document's SHA-256 is the hash of its stored text (streamed, one document at a time)."""
    wrong: list[str] = []
    rows = connection.execution_options(stream_results=True, yield_per=500).execute(text("SELECT id, sha256, text FROM documents"))
    for document_id, sha256, body in rows:
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != sha256:
            wrong.append(f"id {document_id}")
    return [Finding("documents' SHA-256 matches their text", len(wrong), tuple(wrong[:EXAMPLES]))] if wrong else []
