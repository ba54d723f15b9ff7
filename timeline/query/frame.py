"""A chronology as a list of entries that also turns into a pandas DataFrame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline.domain import ChronologyEntry

if TYPE_CHECKING:
    import pandas

FRAME_COLUMNS = (
    "event_id", "value", "mod", "earliest", "latest", "granularity", "label", "text", "sources", "source_count",
    "urls", "actors", "figures", "category", "date_basis", "reported", "event_count", "document_id", "start", "end",
)


def entry_row(entry: ChronologyEntry) -> dict[str, Any]:
    """An entry as a dict with lists for its multi-valued fields (sources, urls, actors, figures)."""
    return {
        "event_id": entry.event_id,
        "value": entry.value,
        "mod": entry.mod,
        "earliest": entry.earliest,
        "latest": entry.latest,
        "granularity": entry.granularity,
        "label": entry.label,
        "text": entry.text,
        "sources": list(entry.sources),
        "source_count": entry.source_count,
        "urls": list(entry.urls),
        "actors": list(entry.actors),
        "figures": list(entry.figures),
        "category": entry.category,
        "date_basis": entry.date_basis,
        "reported": entry.reported,
        "event_count": entry.event_count,
        "document_id": entry.document_id,
        "start": entry.start,
        "end": entry.end,
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
