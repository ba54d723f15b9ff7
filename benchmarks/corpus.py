"""A deterministic corpus of news-like articles: same seed, same bytes, on every machine.

Articles tell events of a generated world: fires, shootings, strikes, floods, court rulings,
elections, trade deals, accidents, in generated towns, by generated people and organisations.
Each event is told by one to four outlets, published from its day to a few days later, in
different words: each outlet has its own headline and lede shapes and vocabulary; sentence
shapes vary (dated clauses fronted or trailing, quotes, background, figures, earlier events of
the same town). Dates come at real-news density (about 2 to 4 per 1,000 characters). The
manifest's `notes` column holds the id of the event an article tells (`event:N`), so the merge
can be scored against the generated duplicates.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = (
    "bar", "bel", "dor", "fen", "gal", "har", "kel", "lin", "mar", "nor", "ost", "pel", "quin", "ros", "sel", "tam",
    "ul", "vin", "wes", "yor", "ca", "den", "el", "fir", "gor", "hal", "ith", "jar", "kor", "lo", "mun", "nev",
)
TOWN_ENDINGS = ("ton", "ville", "field", "burg", "ford", " Falls", " Springs", "wick", "mouth", "dale")
FIRST_NAMES = (
    "Ana", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Marco", "Nadia",
    "Omar", "Priya", "Quentin", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wen", "Xavier", "Yara", "Zoran",
)
OUTLETS = (
    ("Morning Ledger", "ledger.example"), ("Evening Courier", "courier.example"), ("Valley Wire", "valleywire.example"),
    ("Metro Tribune", "tribune.example"), ("County Post", "countypost.example"), ("Channel 9 News", "ch9.example"),
    ("The Herald", "herald.example"), ("Regional Observer", "observer.example"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Kind:
    """A kind of event: its nouns, verbs and the figures it comes with, in several wordings."""

    name: str
    nouns: tuple[str, ...]
    happened: tuple[str, ...]
    figure: tuple[str, ...]
    follow: tuple[str, ...]


KINDS = (
    Kind("fire", ("fire", "blaze", "house fire", "warehouse fire"), ("broke out at {place}", "destroyed {place}", "gutted {place}"),
         ("{n} firefighters", "{n} residents were evacuated", "damage of about ${n},000"),
         ("Investigators have not determined the cause.", "The fire marshal's office is investigating.")),
    Kind("shooting", ("shooting", "gunfire", "shooting incident"), ("left {victim} dead near {place}", "wounded {victim} outside {place}",
         "killed {victim} at {place}"), ("{n} shots were fired", "{n} people were wounded", "a reward of ${n},000"),
         ("Police have made no arrests.", "Anyone with information is asked to call detectives.")),
    Kind("strike", ("strike", "walkout", "work stoppage"), ("began at {place}", "shut down {place}", "halted work at {place}"),
         ("{n} workers", "a pay rise of {n} percent", "{n} shifts were cancelled"),
         ("Talks are expected to resume next week.", "Management said it regretted the disruption.")),
    Kind("flood", ("flood", "flooding", "flash flood"), ("swamped {place}", "closed roads around {place}", "forced families out of {place}"),
         ("{n} homes were flooded", "{n} millimetres of rain", "{n} people were rescued"),
         ("Forecasters expect more rain.", "Cleanup crews began pumping water out of basements.")),
    Kind("ruling", ("ruling", "court decision", "verdict"), ("struck down a law on {place}", "ordered the closure of {place}",
         "upheld the sale of {place}"), ("a fine of ${n},000", "{n} plaintiffs", "{n} pages"),
         ("An appeal is expected.", "Lawyers for both sides declined to comment.")),
    Kind("election", ("election", "vote", "ballot"), ("returned {victim} as mayor", "ousted {victim} from the council", "approved a levy for {place}"),
         ("{n} votes", "a turnout of {n} percent", "{n} seats"),
         ("The result will be certified next month.", "Supporters gathered at {place} to celebrate.")),
    Kind("trade", ("trade deal", "agreement", "contract"), ("was signed for {place}", "secured the future of {place}", "brought new orders to {place}"),
         ("${n} million", "{n} new jobs", "{n} tonnes of grain"),
         ("The deal still needs regulators' approval.", "Shares of the company rose after the announcement.")),
    Kind("accident", ("crash", "collision", "accident"), ("closed the road near {place}", "injured {victim} near {place}", "killed {victim} on the road to {place}"),
         ("{n} vehicles", "{n} people were taken to hospital", "a speed of {n} km/h"),
         ("The road reopened hours later.", "Police urged drivers to slow down."))
)
LEDES = (
    "{When}, a {noun} {happened} in {town}, {according}.",
    "A {noun} {happened} in {town} {when}, {according}.",
    "{Town} — A {noun} {happened} {when}.",
    "{according_cap}, a {noun} {happened} in {town} {when}.",
    "Residents of {town} woke up to news {when} that a {noun} had {happened_past}.",
)
TITLES = (
    "{Noun} in {town}: {person} {verb_title}",
    "{town} {noun} {verb_title2}",
    "{person} and the {noun} that shook {town}",
    "What we know about the {town} {noun}",
    "{Noun} {happened_title} in {town}",
)
ACCORDING = ("police said", "officials said", "the mayor's office said", "authorities said", "a spokesperson said", "witnesses said")
BACKGROUND = (
    "{town} has about {n},000 residents and sits on the {river} river.",
    "The {org} has operated in {town} for decades.",
    "{person}, who has lived in {town} since childhood, described the scene as chaotic.",
    "It was the second such {noun} in the region in recent memory.",
    "Local leaders have long warned about the state of {place}.",
    "The {org} said it was cooperating fully with investigators.",
    "Neighbours said the area had been quiet until now.",
    "\"We are heartbroken,\" {person} said. \"Nobody expected this.\"",
    "\"This is a difficult day for {town},\" said {person}, a spokesperson for the {org}.",
)
DATED = (
    "In {month} {year}, the {org} had opened a new office in {town}.",
    "{person} had announced plans to retire in {month}.",
    "The council approved the budget on {day_month}.",
    "A similar {noun} in {other} was reported on {weekday_last}.",
    "Since {year}, the {org} has reported {n} incidents in {town}.",
    "{person} is expected to speak at a meeting on {weekday_next}.",
    "Last {month_name_past}, {person} called for more funding for the {org}.",
)
RIVERS = ("Arden", "Blackwater", "Coln", "Dee", "Esk", "Fal", "Gwash", "Hull")
ORG_WORDS = ("Fire Department", "Police Department", "Water Authority", "Workers' Union", "Chamber of Commerce", "Transit Agency",
             "Harbour Trust", "County Council", "Hospital Trust", "Grain Cooperative")
PLACES = ("Elm Street", "the old mill", "the central market", "Harbour Road", "the train station", "the high school",
          "the county courthouse", "Riverside Park", "the shipyard", "Main Street")


@dataclass(frozen=True)
class Article:
    """One generated article: its file name, text, publication date, outlet and the event it tells."""

    name: str
    text: str
    published: date
    source: str
    url: str
    title: str
    event: int


@dataclass(frozen=True)
class _Event:
    number: int
    day: date
    kind: Kind
    town: str
    other_town: str
    person: str
    victim: str
    org: str
    place: str
    figure: str


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _event(number: int, rng: random.Random, first: date, days: int) -> _Event:
    kind = rng.choice(KINDS)
    town = _word(rng, rng.choice((2, 3))) + rng.choice(TOWN_ENDINGS)
    return _Event(
        number=number,
        day=first + timedelta(days=rng.randrange(days)),
        kind=kind,
        town=town,
        other_town=_word(rng, rng.choice((2, 3))) + rng.choice(TOWN_ENDINGS),
        person=f"{rng.choice(FIRST_NAMES)} {_word(rng, 3)}",
        victim=f"{rng.choice(FIRST_NAMES)} {_word(rng, 3)}",
        org=f"{town.split()[0]} {rng.choice(ORG_WORDS)}",
        place=rng.choice(PLACES),
        figure=rng.choice(kind.figure).format(n=rng.choice((3, 12, 25, 40, 75, 120, 450, 1200, 3500))),
    )


def articles(count: int, seed: int = 2024, sentences: int = 24) -> Iterator[Article]:
    """`count` articles of about `sentences` sentences each, from `seed`: events told by one to four outlets each."""
    rng = random.Random(seed)
    first, days = date(2015, 1, 1), 3800
    made = 0
    number = 0
    while made < count:
        event = _event(number, rng, first, days)
        tellings = min(count - made, rng.choice((1, 1, 1, 2, 2, 3, 4)))
        for outlet in rng.sample(OUTLETS, tellings):
            published = event.day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5)))
            yield _article(made, event, outlet, published, rng, sentences)
            made += 1
        number += 1


def _article(number: int, event: _Event, outlet: tuple[str, str], published: date, rng: random.Random, sentences: int) -> Article:
    lag = (published - event.day).days
    when = rng.choice(_when_phrases(event.day, lag))
    noun = rng.choice(event.kind.nouns)
    happened = rng.choice(event.kind.happened).format(place=event.place, victim=event.victim)
    according = rng.choice(ACCORDING)
    values = {
        "When": when[0].upper() + when[1:], "when": when, "noun": noun, "Noun": noun.capitalize(), "happened": happened,
        "happened_past": happened, "town": event.town, "Town": event.town.upper(), "according": according,
        "according_cap": according[0].upper() + according[1:], "person": event.person,
    }
    lede = _articles(rng.choice(LEDES).format(**values))
    title = rng.choice(TITLES).format(
        Noun=noun.capitalize(), noun=noun, town=event.town, person=event.person.split()[1],
        verb_title=rng.choice(("speaks out", "responds", "calls for answers")),
        verb_title2=rng.choice(("leaves questions", "under investigation", "draws crowds")),
        happened_title=rng.choice(("strikes", "hits", "reported")),
    )
    body = [lede]
    body.append(rng.choice((
        f"The {noun} involved {event.figure}, according to the {event.org}.",
        f"According to the {event.org}, {event.figure} were involved.".replace("were involved", "were counted"),
        f"Officials put the toll at {event.figure}.",
    )))
    for _ in range(max(0, sentences - 3)):
        roll = rng.random()
        if roll < 0.07:
            body.append(_dated(rng, event, published))
        elif roll < 0.2:
            body.append(rng.choice(event.kind.follow).format(place=event.place))
        else:
            body.append(rng.choice(BACKGROUND).format(
                town=event.town, n=rng.randint(2, 90), river=rng.choice(RIVERS), org=event.org, person=event.person,
                noun=noun, place=event.place,
            ))
    paragraphs = [" ".join(body[index : index + 3]) for index in range(0, len(body), 3)]
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    host = outlet[1]
    return Article(f"article_{number:07d}.txt", text, published, outlet[0], f"https://{host}/{number}", title, event.number)


def _articles(sentence: str) -> str:
    """"a" before a consonant, "an" before a vowel."""
    for vowel in "aeiou":
        sentence = sentence.replace(f" a {vowel}", f" an {vowel}").replace(f"A {vowel}", f"An {vowel}")
    return sentence


def _when_phrases(day: date, lag: int) -> list[str]:
    weekday = WEEKDAYS[day.weekday()]
    phrases = [f"on {day.day} {MONTHS[day.month - 1]} {day.year}", f"on {MONTHS[day.month - 1]} {day.day}"]
    if lag == 0:
        phrases += ["early today", "this morning", f"on {weekday}", f"late on {weekday}"]
    elif lag == 1:
        phrases += ["yesterday", f"on {weekday}", f"late {weekday} night"]
    elif lag < 7:
        phrases += [f"on {weekday}", f"early {weekday}"]
    return phrases


def _dated(rng: random.Random, event: _Event, published: date) -> str:
    earlier = published - timedelta(days=rng.randrange(20, 400))
    return rng.choice(DATED).format(
        month=MONTHS[earlier.month - 1], year=earlier.year, org=event.org, town=event.town, person=event.person,
        day_month=f"{earlier.day} {MONTHS[earlier.month - 1]}", noun=rng.choice(event.kind.nouns), other=event.other_town,
        weekday_last=f"{WEEKDAYS[(published.weekday() - 3) % 7]} last week",
        weekday_next=f"{WEEKDAYS[(published.weekday() + 2) % 7]}", n=rng.randint(2, 60),
        month_name_past=MONTHS[earlier.month - 1],
    )


def write_corpus(folder: Path, count: int, seed: int = 2024, sentences: int = 24) -> Path:
    """Write `count` articles and their manifest.csv into `folder` (skipped when already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "manifest.csv"
    marker = folder / f".complete-{count}-{seed}-{sentences}-v3"
    if marker.exists():
        return folder
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "published", "source", "url", "title", "notes"])
        for article in articles(count, seed, sentences):
            (folder / article.name).write_text(article.text, encoding="utf-8")
            writer.writerow([article.name, article.published.isoformat(), article.source, article.url, article.title, f"event:{article.event}"])
    marker.touch()
    return folder
