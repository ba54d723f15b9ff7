"""The merge's weights and thresholds, read from `data/merge.toml` (where each is explained, with examples)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from timeline.events.vocabulary import load


@dataclass(frozen=True)
class MergeRules:
    """How much each kind of evidence weighs, and how much is enough to link two reports."""

    threshold: float
    wording: float
    context: float
    span_context: float
    rate_figure: float
    figure: float
    figure_minimum: float
    plain_figure: float
    plain_figure_minimum: float
    small_figure: float
    minimum_context: float
    wording_without_context: float
    span_minimum_context: float
    context_alone: float
    faint_wording: float
    same_document_wording: float
    report_lag_days: int
    day_tolerance: int
    dates: Mapping[str, float]


@lru_cache(maxsize=1)
def merge_rules() -> MergeRules:
    """The rules of data/merge.toml."""
    data = load("merge")
    numbers = {name: data[name] for name in MergeRules.__dataclass_fields__ if name != "dates"}
    return MergeRules(**numbers, dates=MappingProxyType(dict(data["dates"])))


def merge_examples() -> list[dict]:
    """The examples of data/merge.toml: two reports each and whether they are one event."""
    return list(load("merge").get("examples", []))
