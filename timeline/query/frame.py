"""A chronology as a list of entries that also turns into a pandas DataFrame with the `chronology` view's columns."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.domain import ChronologyEntry

if TYPE_CHECKING:
    import pandas

FRAME_COLUMNS = (
    "cluster_id", "value", "mod", "earliest", "latest", "granularity", "label", "date_basis", "category", "text",
    "actors", "figures", "sources", "source_count", "urls", "event_count", "first_reported", "last_reported", "reports",
)
"""The DataFrame's columns: the `chronology` view's (and the CSV export's), then `reports`."""


def entry_row(entry: ChronologyEntry) -> dict[str, Any]:
    """An entry as a dict with lists for its multi-valued fields and `reports` as a list of dicts."""
    from timeline.query.records import entry_reports, report_record

    return {
        "cluster_id": entry.event_id,
        "value": entry.value,
        "mod": entry.mod,
        "earliest": entry.earliest,
        "latest": entry.latest,
        "granularity": entry.granularity,
        "label": entry.label,
        "date_basis": entry.date_basis,
        "category": entry.category,
        "text": entry.text,
        "actors": list(entry.actors),
        "figures": list(entry.figures),
        "sources": list(entry.sources),
        "source_count": entry.source_count,
        "urls": list(entry.urls),
        "event_count": entry.event_count,
        "first_reported": entry.reported,
        "last_reported": entry.last_reported,
        "reports": [report_record(report) for report in entry_reports(entry)],
    }


class Chronology(list[ChronologyEntry]):
    """The entries of a chronology in order; `to_frame()` gives them as a pandas DataFrame."""

    def to_frame(self) -> pandas.DataFrame:
        """One row per entry; `earliest`/`latest` as pandas timestamps (`latest` exclusive), lists kept as lists."""
        import pandas

        frame = pandas.DataFrame([entry_row(entry) for entry in self], columns=list(FRAME_COLUMNS))
        for column in ("earliest", "latest"):
            frame[column] = pandas.to_datetime(frame[column])
        return frame

    def reports_frame(self) -> pandas.DataFrame:
        """One row per report of each entry: cluster_id, label, source, url, title, published, document_id, start, end."""
        import pandas

        from timeline.query.records import SOURCE_CSV_COLUMNS, source_rows

        return pandas.DataFrame(list(source_rows(self)), columns=list(SOURCE_CSV_COLUMNS))
