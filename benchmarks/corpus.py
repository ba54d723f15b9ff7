"""A deterministic corpus of news-like articles: same seed, same bytes, on every machine."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ACTORS = (
    "Russia's Defence Ministry", "Ukraine's General Staff", "the Kremlin", "NATO officials", "the United Nations",
    "Kenya's foreign ministry", "the European Commission", "Wagner commanders", "India's embassy in Moscow",
    "North Korean envoys", "the Pentagon", "Nepal's government", "Reuters", "local authorities",
)
VERBS = ("said", "announced", "reported", "confirmed", "denied", "estimated", "warned", "claimed")
FACTS = (
    "that about {n:,} foreign recruits had signed contracts",
    "that troop losses reached {n:,}",
    "that {n:,} soldiers a day were being recruited",
    "that recruitment offices had opened in {city}",
    "that a new deployment of {n:,} troops had reached {city}",
    "that talks would resume in {city}",
    "that more than {n:,} people had been detained",
)
CITIES = ("Kharkiv", "Moscow", "Kursk", "Nairobi", "Kathmandu", "Pyongyang", "Geneva", "Brussels", "Donetsk")
DATE_PHRASES = (
    "on {weekday}", "in {month}", "last week", "earlier this year", "this summer", "on {day} {month} {year}",
    "in {month} {year}", "last month", "since {year}", "in the first quarter of {year}", "late on {weekday}",
    "two weeks ago", "by the end of {year}", "in early {month}", "yesterday",
)
FILLER = (
    "The figures could not be independently verified.",
    "Officials declined to comment further.",
    "The report cited people familiar with the matter.",
    "Analysts said the trend was likely to continue.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Article:
    """One generated article: its file name, text and publication date."""

    name: str
    text: str
    published: date


def articles(count: int, seed: int = 2024, sentences: int = 30) -> Iterator[Article]:
    """`count` articles of about `sentences` sentences each (some dated, some not), from `seed`."""
    rng = random.Random(seed)
    first = date(2015, 1, 1)
    for number in range(count):
        published = first + timedelta(days=rng.randrange(0, 3800))
        actor = rng.choice(ACTORS)
        lines = [f"{actor[0].upper()}{actor[1:]} and the war: report {number}", ""]
        for _ in range(sentences):
            lines.append(_sentence(rng, published))
        yield Article(f"article_{number:07d}.txt", "\n".join(lines) + "\n", published)


def _sentence(rng: random.Random, published: date) -> str:
    if rng.random() < 0.25:
        return rng.choice(FILLER)
    when = rng.choice(DATE_PHRASES).format(
        weekday=rng.choice(WEEKDAYS),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 28),
        year=published.year - rng.randint(0, 2),
    )
    fact = rng.choice(FACTS).format(n=rng.randint(2, 60_000), city=rng.choice(CITIES))
    actor = rng.choice(ACTORS)
    if rng.random() < 0.5:
        return f"{actor[0].upper()}{actor[1:]} {rng.choice(VERBS)} {when} {fact}."
    return f"{when[0].upper()}{when[1:]}, {actor} {rng.choice(VERBS)} {fact}."


def write_corpus(folder: Path, count: int, seed: int = 2024, sentences: int = 30) -> Path:
    """Write `count` articles and their manifest.csv into `folder` (skipped when already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "manifest.csv"
    marker = folder / f".complete-{count}-{seed}-{sentences}"
    if marker.exists():
        return folder
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "published", "source", "url", "title", "notes"])
        for article in articles(count, seed, sentences):
            (folder / article.name).write_text(article.text, encoding="utf-8")
            writer.writerow([article.name, article.published.isoformat(), "Generated Wire", "", "", ""])
    marker.touch()
    return folder
