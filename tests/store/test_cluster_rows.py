"""Each event is written in its own cluster's row, the very row a regrouping gives a cluster of one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select, update

from timeline.domain import PublicationDate, SourceDocument
from timeline.events.cluster import Cluster, Figure, Report, cluster_id
from timeline.pipeline.extract import extract
from timeline.store.cluster_rows import SINGLETON_COLUMNS, cluster_row, singleton_row, source_label
from timeline.store.clusters import recompute_clusters
from timeline.store.database import create_database_engine
from timeline.store.migrate import ensure_schema
from timeline.store.models import EventRow
from timeline.store.models_events import ClusterRow
from timeline.store.tables import clusters
from timeline.store.writer import document_rows, write_rows

from tests.events.conftest import dated_seeds, events_db  # noqa: F401 - fixtures shared with tests/events


def test_a_singleton_row_is_the_row_of_a_cluster_of_one() -> None:
    report = Report(
        event_id=7, key="k1", document_id=3, published="2024-06-10", value="2024-05", earliest=date(2024, 5, 1),
        latest=date(2024, 6, 1), date_basis="stated", category="casualties", text="More than  1,200\na day, the UK said.",
        actors=frozenset({"gb"}), figures=frozenset({Figure(1200, None, "P1D", "people")}), granularity="month",
    )
    expected = cluster_row(Cluster(cluster_id("k1"), [report]), {7: "Reuters"}, {7: ["UK", "Russia", "UK"]}, {7: ["more than 1,200", "a day"]})
    values = (report.value, report.mod, "2024-05-01", "2024-06-01", report.granularity, report.date_basis, report.category, report.text)
    row = dict(zip(SINGLETON_COLUMNS, (7, *singleton_row("k1", values, "2024-06-10", "Reuters", ["UK", "Russia", "UK"], ["more than  1,200", "a day"]))))
    assert row == {**expected, "earliest": "2024-05-01", "latest": "2024-06-01"}


def test_a_document_known_by_nothing_but_its_id_is_cited_by_it(tmp_path: Path) -> None:
    url = str(tmp_path / "timeline.db")
    ensure_schema(url)
    text = "Russia's Defence Ministry said on Thursday that 40 recruits arrived in Kharkiv in May.\n"
    rows = document_rows(extract(SourceDocument(text=text, published=PublicationDate(2024, 6, 10))))
    assert source_label(None, None, None, None) is None and rows.clusters[0][-1] is None
    engine = create_database_engine(url)
    with engine.begin() as connection:
        [document_id] = write_rows(connection, [rows])
        sources = set(connection.execute(select(ClusterRow.sources)).scalars())
    engine.dispose()
    assert sources == {f"document {document_id}"}


def test_written_clusters_are_those_a_regrouping_from_nothing_writes(events_db: str, tmp_path: Path) -> None:
    copy = str(tmp_path / "copy.db")
    shutil.copy(events_db, copy)
    engine = create_database_engine(copy)
    try:
        with engine.begin() as connection:
            before = list(connection.execute(select(clusters).order_by(clusters.c.id)))
            connection.execute(update(EventRow).values(cluster_id=None))
            connection.execute(delete(ClusterRow))
            recompute_clusters(connection)
            after = list(connection.execute(select(clusters).order_by(clusters.c.id)))
    finally:
        engine.dispose()
    assert after == before and any(row.event_count > 1 for row in before)
