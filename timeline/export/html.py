"""A self-contained HTML page: the chronology drawn as a timeline (spans at their precision, eras as bands)."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template
from typing import TextIO

from timeline.domain import ChronologyEntry
from timeline.query.periods import Period

ASSETS = Path(__file__).resolve().parent / "assets"
WIDTH = 1200
GUTTER = 178
CHAR_WIDTH = 6.1
RIGHT_MARGIN = 16
ROW = 22
ERA_LANE = 20
AXIS = 26
CATEGORY_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
)
ERA_COLOURS = ("#f4d03f", "#85c1e9", "#f1948a", "#82e0aa", "#d7bde2", "#f8c471", "#aed6f1", "#a3e4d7")


@dataclass(frozen=True)
class Scale:
    """Maps days to x positions across the chart."""

    first: date
    last: date
    left: float = GUTTER
    right: float = WIDTH - RIGHT_MARGIN

    def x(self, day: date) -> float:
        """Horizontal position of the start of `day`."""
        span = max(1, (self.last - self.first).days)
        return round(self.left + (day - self.first).days / span * (self.right - self.left), 1)


def write_html(
    entries: Iterable[ChronologyEntry], out: TextIO, periods: Sequence[Period] = (), title: str = "Chronology",
    subtitle: str = "",
) -> None:
    """Write one self-contained page (inline CSS and JS, no network) with the timeline and the entry list."""
    out.write(html_page(list(entries), periods, title, subtitle))


def html_page(entries: Sequence[ChronologyEntry], periods: Sequence[Period] = (), title: str = "Chronology", subtitle: str = "") -> str:
    """The page as text."""
    placed = [entry for entry in entries if entry.earliest is not None and entry.latest is not None]
    template = Template((ASSETS / "page.html").read_text(encoding="utf-8"))
    categories = _category_colours(placed)
    scale = _scale(placed)
    eras = _visible_eras(periods, scale) if scale else []
    return template.substitute(
        title=html.escape(title),
        subtitle=html.escape(subtitle or _summary(placed)),
        css=(ASSETS / "page.css").read_text(encoding="utf-8"),
        js=(ASSETS / "page.js").read_text(encoding="utf-8"),
        legend=_legend(categories),
        chart=_chart(placed, eras, scale, categories) if scale else "<p>No dated events to draw.</p>",
        entries=_entry_list(placed, categories),
        eras=_era_list(eras),
        data=json.dumps([{"id": entry.event_id, "label": entry.label} for entry in placed]).replace("</", "<\\/"),
    )


def _summary(entries: Sequence[ChronologyEntry]) -> str:
    if not entries:
        return "No events."
    sources = {name for entry in entries for name in entry.sources}
    return f"{len(entries)} events from {entries[0].label} to {entries[-1].label}, reported by {len(sources)} sources."


def _scale(entries: Sequence[ChronologyEntry]) -> Scale | None:
    if not entries:
        return None
    first = min(entry.earliest for entry in entries)  # type: ignore[type-var]
    last = max(entry.latest for entry in entries)  # type: ignore[type-var]
    first = date(first.year, first.month, 1)
    last = date(last.year + 1, 1, 1) if last.month == 12 else date(last.year, last.month + 1, 1)
    return Scale(first, last)


def _visible_eras(periods: Sequence[Period], scale: Scale) -> list[tuple[Period, date, date]]:
    visible = []
    for period in periods:
        end = min(period.latest or scale.last, scale.last)
        start = max(period.earliest, scale.first)
        if start < end:
            visible.append((period, start, end))
    return visible


def _category_colours(entries: Sequence[ChronologyEntry]) -> dict[str, str]:
    names = sorted({entry.category or "uncategorised" for entry in entries})
    return {name: CATEGORY_COLOURS[index % len(CATEGORY_COLOURS)] for index, name in enumerate(names)}


def _era_lanes(eras: Sequence[tuple[Period, date, date]], scale: Scale) -> list[int]:
    """A lane for each era so that labels of overlapping eras do not collide."""
    lane_ends: list[float] = []
    lanes = []
    for period, start, end in eras:
        left = scale.x(start)
        right = max(scale.x(end), left + 7.5 * len(period.name))
        for lane, lane_end in enumerate(lane_ends):
            if left >= lane_end + 6:
                lane_ends[lane] = right
                lanes.append(lane)
                break
        else:
            lane_ends.append(right)
            lanes.append(len(lane_ends) - 1)
    return lanes


def _chart(
    entries: Sequence[ChronologyEntry], eras: Sequence[tuple[Period, date, date]], scale: Scale, categories: dict[str, str]
) -> str:
    lanes = _era_lanes(eras, scale)
    era_height = (max(lanes) + 1) * ERA_LANE if lanes else 0
    top = era_height + AXIS
    height = top + len(entries) * ROW + 10
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
             f'aria-label="Timeline of {len(entries)} events">']
    for index, ((period, start, end), lane) in enumerate(zip(eras, lanes)):
        colour = ERA_COLOURS[index % len(ERA_COLOURS)]
        left, right = scale.x(start), max(scale.x(end), scale.x(start) + 2)
        tip = html.escape(f"{period.name}: {period.dates_label()} — {period.description}")
        parts.append(
            f'<g class="era"><title>{tip}</title>'
            f'<rect x="{left}" y="{top}" width="{right - left:.1f}" height="{height - top}" fill="{colour}" fill-opacity="0.18"/>'
            f'<rect x="{left}" y="{lane * ERA_LANE + 2}" width="{right - left:.1f}" height="{ERA_LANE - 4}" rx="3" fill="{colour}" fill-opacity="0.75"/>'
            f'<text x="{_era_label_x(period.name, left)}" y="{lane * ERA_LANE + ERA_LANE - 6}" class="era-label">'
            f'{html.escape(period.name)}</text></g>'
        )
    parts.extend(_axis(scale, era_height, height))
    for row, entry in enumerate(entries):
        parts.append(_row(entry, row, top, scale, categories))
    parts.append("</svg>")
    return "\n".join(parts)


def _era_label_x(name: str, left: float) -> float:
    """Where an era's label starts: at its band, pulled left so that it ends inside the chart."""
    return round(min(left + 3, WIDTH - RIGHT_MARGIN - 7.2 * len(name)), 1)


def _fit(text: str, room: float) -> str:
    """`text` cut at a word boundary (with an ellipsis) to fit `room` pixels; empty when nothing fits."""
    chars = int(room / CHAR_WIDTH)
    if len(text) <= chars:
        return text
    if chars < 12:
        return ""
    return text[: chars - 1].rsplit(" ", 1)[0] + "…"


def _axis(scale: Scale, top: int, height: int) -> list[str]:
    """Year lines and labels (every year, or every 2, 5, 10… years on a long axis), month lines on a short one."""
    parts = []
    months = (scale.last.year - scale.first.year) * 12 + scale.last.month - scale.first.month
    year_width = (scale.right - scale.left) * 12 / max(months, 1)
    step = next((step for step in (1, 2, 5, 10, 20, 50, 100, 200, 500) if year_width * step >= 44), 1000)
    for year in range(scale.first.year, scale.last.year + 1):
        day = date(year, 1, 1) if year > scale.first.year else scale.first
        if year % step and year != scale.first.year:
            continue
        x = scale.x(day)
        parts.append(f'<line x1="{x}" y1="{top}" x2="{x}" y2="{height}" class="year-line"/>')
        parts.append(f'<text x="{x + 3}" y="{top + 17}" class="year-label">{year}</text>')
    if months > 60:
        return parts
    year, month = scale.first.year, scale.first.month
    while (year, month) <= (scale.last.year, scale.last.month):
        day = date(year, month, 1)
        if month != 1 and day != scale.first:
            x = scale.x(day)
            parts.append(f'<line x1="{x}" y1="{top + AXIS - 6}" x2="{x}" y2="{height}" class="month-line"/>')
            if month in (4, 7, 10) and months <= 48:
                parts.append(f'<text x="{x + 2}" y="{top + AXIS - 8}" class="month-label">{day.strftime("%b")}</text>')
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return parts


def _row(entry: ChronologyEntry, row: int, top: int, scale: Scale, categories: dict[str, str]) -> str:
    assert entry.earliest is not None and entry.latest is not None
    y = top + row * ROW
    middle = y + ROW / 2
    colour = categories[entry.category or "uncategorised"]
    left, right = scale.x(entry.earliest), scale.x(entry.latest)
    text = " ".join(entry.text.split())
    if entry.source_count > 1:
        text = f"[{entry.source_count} sources] {text}"
    tip = html.escape(f"{entry.label} — {text} ({'; '.join(entry.sources)})")
    if (entry.latest - entry.earliest).days <= 1:
        mark = f'<circle cx="{left + (right - left) / 2:.1f}" cy="{middle}" r="5" fill="{colour}"/>'
        left, right = left - 3, left + 6
    else:
        mark = (f'<rect x="{left}" y="{middle - 5}" width="{max(right - left, 3):.1f}" height="10" rx="3" '
                f'fill="{colour}" fill-opacity="0.35" stroke="{colour}"/>')
    room_right = WIDTH - RIGHT_MARGIN - right - 8
    room_left = left - GUTTER - 8
    if room_right >= min(room_left, CHAR_WIDTH * len(text)):
        short = _fit(text, room_right)
        caption = f'<text x="{right + 6}" y="{middle + 4}" class="row-text">{html.escape(short)}</text>'
    else:
        short = _fit(text, room_left)
        caption = f'<text x="{left - 6}" y="{middle + 4}" class="row-text" text-anchor="end">{html.escape(short)}</text>'
    shade = ' class="row alt"' if row % 2 else ' class="row"'
    return (
        f'<a href="#e-{html.escape(entry.event_id)}" data-id="{html.escape(entry.event_id)}"><g{shade}><title>{tip}</title>'
        f'<rect x="0" y="{y}" width="{WIDTH}" height="{ROW}" class="row-band"/>'
        f'<text x="{GUTTER - 8}" y="{middle + 4}" class="row-label" text-anchor="end">{html.escape(entry.label)}</text>'
        f"{mark}{caption}</g></a>"
    )


def _legend(categories: dict[str, str]) -> str:
    items = [f'<span class="swatch" style="background:{colour}"></span>{html.escape(name)}' for name, colour in categories.items()]
    items.append('<span class="swatch span-swatch"></span>a bar spans every day the date allows (a month, a season, a year)')
    items.append('<span class="swatch dot-swatch"></span>a dot is a single day')
    return "".join(f"<li>{item}</li>" for item in items)


def _entry_list(entries: Sequence[ChronologyEntry], categories: dict[str, str]) -> str:
    items = []
    for entry in entries:
        citations = entry.citations or tuple((name, None) for name in entry.sources)
        links = "; ".join(
            f'<a href="{html.escape(url, quote=True)}">{html.escape(name)}</a>' if url else html.escape(name)
            for name, url in citations
        )
        details = []
        if entry.figures:
            details.append(f'<div class="figures">Figures: {html.escape("; ".join(entry.figures))}</div>')
        if entry.actors:
            details.append(f'<div class="actors">Actors: {html.escape("; ".join(entry.actors))}</div>')
        colour = categories[entry.category or "uncategorised"]
        items.append(
            f'<li id="e-{html.escape(entry.event_id)}" data-id="{html.escape(entry.event_id)}">'
            f'<span class="date">{html.escape(entry.label)}</span>'
            f'<span class="category" style="border-color:{colour};color:{colour}">{html.escape(entry.category or "uncategorised")}</span>'
            f'<p>{html.escape(" ".join(entry.text.split()))}</p>{"".join(details)}'
            f'<div class="sources">Sources ({entry.source_count}): {links}</div></li>'
        )
    return "\n".join(items)


def _era_list(eras: Sequence[tuple[Period, date, date]]) -> str:
    return "\n".join(
        f"<li><b>{html.escape(period.name)}</b> <span class=\"date\">{html.escape(period.dates_label())}</span> — "
        f"{html.escape(period.description)}</li>"
        for period, _start, _end in eras
    )
