"""The actors of a whole article: the gazetteers' entries, and the people, places and organisations any news names.

Found once per document, so that a later mention resolves against the whole article: a surname
alone is the person named in full elsewhere in it, "police" is the police department it names,
"Springfield" is the one in the state it names. Every actor has a key that another article
naming the same person, place or organisation shares.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.events.gazetteer import Actor, ActorMatch, Gazetteer
from timeline.events.names import NameRun, name_runs
from timeline.events.organisations import (
    Head,
    front_inside,
    joins_name,
    OrganisationType,
    head_at_end,
    head_in_front,
    is_call_sign,
    organisation_key,
    organisation_name,
    organisation_vocabulary,
)
from timeline.events.people import (
    is_role,
    looks_like_person,
    name_tokens,
    people_vocabulary,
    person_key,
    person_name,
    starts_with_given_name,
    title_at,
)
from timeline.events.places import Context, Place, PlaceIndex, place_index, slug
from timeline.events.phrase_trie import normalise

_SPLITTING_CONNECTORS = frozenset({"of", "for", "the"})


@dataclass(frozen=True)
class DocumentActors:
    """Every actor named in a document, in text order, looked up by span."""

    matches: tuple[ActorMatch, ...]
    starts: tuple[int, ...] = ()

    def within(self, start: int, end: int) -> list[ActorMatch]:
        """The actors named wholly inside text[start:end]."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [match for match in self.matches[first:last] if match.end <= end]


@dataclass
class _PlaceMention:
    start: int
    end: int
    text: str
    words: str
    candidates: tuple[Place, ...]
    qualifier: tuple[str, str | None] | None = None
    place: Place | None = None


@dataclass
class _Organisation:
    start: int
    end: int
    text: str
    words: str
    kind: OrganisationType
    head: Head | None
    modifier: _PlaceMention | None = None
    modifier_words: str = ""


@dataclass
class _Single:
    run: NameRun
    titled: bool = False


@dataclass
class _Found:
    """What the runs of one document were read as, before the article's context decides the places."""

    places: list[_PlaceMention] = field(default_factory=list)
    organisations: list[_Organisation] = field(default_factory=list)
    people: list[tuple[NameRun, tuple]] = field(default_factory=list)
    singles: list[_Single] = field(default_factory=list)
    titled_organisations: list[tuple[NameRun, str]] = field(default_factory=list)


def find_actors(text: str, gazetteer: Gazetteer, spans: Sequence[tuple[int, int]] | None = None) -> DocumentActors:
    """The actors of the text's spans (default: all of it), read as one article: gazetteer entries first, then people,
    places and organisations by their shapes."""
    spans = [(0, len(text))] if spans is None else spans
    curated = [
        match for start, end in spans for match in gazetteer.find(text, start, end) if not _in_compound(text, match) and not _surname(text, match)
    ]
    index = place_index()
    found = _Found()
    runs, curated = _outside([run for start, end in spans for run in name_runs(text, start, end)], curated)
    qualifying = -1
    for position, run in enumerate(runs):
        if position == qualifying:
            place = index.qualifier_place(index.qualifier(run.words))
            if place is not None:
                found.places.append(_PlaceMention(run.start, run.end, _text(text, run), run.words, (place,)))
            continue
        if _neighbourhood(text, run, index):
            continue
        county = _listed_county(text, run, index)
        if county is not None:
            found.places.append(county)
            continue
        qualifier = _qualifier(text, run, runs[position + 1] if position + 1 < len(runs) else None, index)
        if qualifier is not None:
            qualifying = position + 1
        for part in _parts(run):
            _read(text, part, index, found, qualifier if part.end == run.end else None)
    context = _context(found, curated, index)
    builder = _Builder()
    for mention in found.places:
        mention.place = index.choose(mention.words, mention.candidates, context, mention.qualifier)
        if mention.place is not None:
            builder.place(mention)
    for organisation in found.organisations:
        builder.organisation(organisation, index, context)
    for run, tokens in found.people:
        builder.person(run, tokens)
    for run, kind in found.titled_organisations:
        builder.titled(run, kind, index, context)
    for single in found.singles:
        builder.single(single, index, context)
    builder.after_places(text)
    builder.bare(text, spans)
    matches = sorted([*curated, *builder.matches], key=lambda match: (match.start, -match.end))
    return DocumentActors(tuple(matches), tuple(match.start for match in matches))


def _in_compound(text: str, match: ActorMatch) -> bool:
    """A demonym inside a hyphenated word ("All-American", "Mexican-American") names no country."""
    return match.form == "demonym" and match.start > 1 and text[match.start - 1] == "-" and text[match.start - 2].isalpha()


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def _surname(text: str, match: ActorMatch) -> bool:
    """A place's name right after a given name is a surname ("Shauna Washington", "George Washington")."""
    if match.actor.kind not in ("country", "place", "region") or match.form == "demonym":
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start - 20), match.start)
    return before is not None and before.group(1) in people_vocabulary().given_names


def _outside(runs: list[NameRun], curated: list[ActorMatch]) -> tuple[list[NameRun], list[ActorMatch]]:
    """The runs with every word a gazetteer entry covers taken out (a run is cut there), and the entries kept.

    A demonym that opens an organisation's name is part of that name ("American Red Cross"), not a country.
    """
    if not curated:
        return runs, curated
    starts = [match.start for match in curated]
    kept: list[NameRun] = []
    dropped: set[int] = set()
    for run in runs:
        first = bisect_right(starts, run.end)
        near = [match for match in curated[max(0, first - 8):first] if match.end > run.start]
        if not near:
            kept.append(run)
            continue
        if all(match.form == "demonym" for match in near) and len(run.tokens) > 2 and head_at_end(run) is not None:
            dropped.update(id(match) for match in near)
            kept.append(run)
            continue
        begin = 0
        for position, token in enumerate(run.tokens):
            if any(match.start < token.end and token.start < match.end for match in near):
                if position > begin:
                    kept.append(run.part(begin, position))
                begin = position + 1
        if begin < len(run.tokens):
            kept.append(run.part(begin, len(run.tokens)))
    return kept, [match for match in curated if id(match) not in dropped]


def _parts(run: NameRun) -> list[NameRun]:
    """A run split at "of", "for" and "the", unless they belong to an organisation's name ("Department of Justice",
    "University of Texas Police Department"): "Ann Lee of Dayton" -> "Ann Lee", "Dayton"."""
    if " of " not in run.words and " for " not in run.words and " the " not in run.words:
        return [run]
    front, frames_place = head_in_front(run)
    if front is not None or frames_place:
        return [run]
    head = head_at_end(run)
    inside_head = len(run.tokens) - head.length if head is not None else len(run.tokens)
    parts, begin = [], 0
    for position, token in enumerate(run.tokens):
        if token.text not in _SPLITTING_CONNECTORS or position >= inside_head or joins_name(run, position):
            continue
        if head is not None and position > begin and not _names_a_person(run.part(begin, position)):
            continue
        if position > begin:
            parts.append(run.part(begin, position))
        begin = position + 1
    if begin < len(run.tokens):
        parts.append(run.part(begin, len(run.tokens)))
    return [part for part in parts if not part.tokens[0].connector]


def _names_a_person(run: NameRun) -> bool:
    """True when a run opens with a given name or holds a title: "David Perkins" (of the … Police Department), not "Our Lady"."""
    return starts_with_given_name(run.tokens) or any(title_at(run, position) for position in range(len(run.tokens)))


_COUNTIES = re.compile(r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)*,?(?:\s+(?:and|or)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s+(counties|parishes)\b")


def _listed_county(text: str, run: NameRun, index: PlaceIndex) -> _PlaceMention | None:
    """A name in a list that ends in "counties" is a county ("Orange and Seminole counties")."""
    match = _COUNTIES.match(text, run.end)
    if match is None:
        return None
    words = f"{run.words} {'County' if match.group(1) == 'counties' else 'Parish'}"
    candidates = index.candidates(words)
    return _PlaceMention(run.start, run.end, _text(text, run), words, candidates) if candidates else None


def _neighbourhood(text: str, run: NameRun, index: PlaceIndex) -> bool:
    """True for a name that is a part of the article's city ("the Bridgeport neighborhood") or a street ("the 700 block of
    Tennessee"), not a place of that name elsewhere."""
    after, before = _local_patterns(index.neighbourhood_words, index.street_words)
    return bool(after.match(text, run.end) or before.search(text, max(0, run.start - 30), run.start))


@lru_cache(maxsize=4)
def _local_patterns(after: tuple[str, ...], before: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(r"\s+(?:" + "|".join(map(re.escape, after)) + r")\b", re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(map(re.escape, before)) + r")\s+$", re.IGNORECASE),
    )


def _qualifier(text: str, run: NameRun, following: NameRun | None, index: PlaceIndex) -> tuple[str, str | None] | None:
    """The state or country that qualifies a place named just before it ("Salisbury, N.C.")."""
    if following is None or text[run.end:run.end + 1] != "," or len(following.tokens) > 3 or text[run.end:following.start].strip() != ",":
        return None
    return index.qualifier(following.words)


def _read(text: str, run: NameRun, index: PlaceIndex, found: _Found, qualifier: tuple[str, str | None] | None) -> None:
    """Read one run as a person, an organisation, a place or a single word left for later."""
    if len(run.tokens) > 1 and is_role(run.tokens[0]):
        run = run.part(1, len(run.tokens))
    for position in range(len(run.tokens)):
        title = title_at(run, position)
        if title is None:
            continue
        after = position + len(title.split())
        name = name_tokens(run.tokens[after:]) if after < len(run.tokens) else None
        if name is None:
            break
        if position > 0:
            _read(text, run.part(0, position), index, found, None)
            kind = _title_organisation(title)
            if kind:
                found.titled_organisations.append((run.part(0, position), kind))
        if len(name) == 1:
            found.singles.append(_Single(run.part(after, len(run.tokens)), titled=True))
        else:
            found.people.append((run.part(after, len(run.tokens)), name))
        return
    head = head_at_end(run)
    if head is not None:
        _read_organisation(text, run, head, index, found)
        return
    front, frames_place = head_in_front(run)
    if frames_place:
        opening = 3 if run.tokens[1].text == "of" and len(run.tokens) > 3 and run.tokens[2].text == "the" else 2
        _read(text, run.part(opening, len(run.tokens)), index, found, qualifier)
        return
    if front is not None:
        found.organisations.append(_Organisation(run.start, run.end, _text(text, run), run.words, front.type, None))
        return
    inner = front_inside(run)
    if inner is not None:
        modifier = run.part(0, inner)
        candidates = index.candidates(modifier.words)
        if candidates:
            found.places.append(_PlaceMention(modifier.start, modifier.end, _text(text, modifier), modifier.words, candidates))
        found.organisations.append(_Organisation(run.start, run.end, _text(text, run), run.words, organisation_vocabulary().heads[("inc",)].type, None))
        return
    if any(token.text == "&" for token in run.tokens):
        kind = organisation_vocabulary().heads[("inc",)].type
        found.organisations.append(_Organisation(run.start, run.end, _text(text, run), run.words, kind, None))
        return
    if len(run.tokens) == 1 and qualifier is None:
        found.singles.append(_Single(run))
        return
    candidates = index.candidates(run.words)
    if candidates and (qualifier is not None or not looks_like_person(text, run)):
        found.places.append(_PlaceMention(run.start, run.end, _text(text, run), run.words, candidates, qualifier))
        return
    name = name_tokens(run.tokens)
    if name is not None and (starts_with_given_name(name) or looks_like_person(text, run)):
        found.people.append((run, name))


def _read_organisation(text: str, run: NameRun, head: Head, index: PlaceIndex, found: _Found) -> None:
    before = len(run.tokens) - head.length
    if before == 0:
        if head.length > 1 and head.type.standalone:
            found.organisations.append(_Organisation(run.start, run.end, _text(text, run), run.words, head.type, head))
        elif head.type.jurisdiction:
            found.singles.append(_Single(run))
        return
    modifier_run = run.part(0, before)
    candidates = index.candidates(modifier_run.words) if head.type.jurisdiction else ()
    if not candidates and head.words in organisation_vocabulary().needs_place:
        return
    if head.type.jurisdiction and not candidates and len(modifier_run.tokens) > 1 and starts_with_given_name(modifier_run.tokens):
        # "Ann Lee Police said": a person's name, then the organisation's bare head.
        _read(text, modifier_run, index, found, None)
        found.singles.append(_Single(run.part(before, len(run.tokens))))
        return
    modifier = _PlaceMention(modifier_run.start, modifier_run.end, _text(text, modifier_run), modifier_run.words, candidates) if candidates else None
    if modifier is not None:
        found.places.append(modifier)
    found.organisations.append(_Organisation(run.start, run.end, _text(text, run), run.words, head.type, head, modifier, modifier_run.words))


def _title_organisation(title: str) -> str | None:
    from timeline.events.people import people_vocabulary

    return people_vocabulary().title_organisations.get(title)


def _text(text: str, run: NameRun) -> str:
    return text[run.start:run.end]


def _context(found: _Found, curated: list[ActorMatch], index: PlaceIndex) -> Context:
    """The states and countries an article names without doubt: qualified or unambiguous places, and gazetteer countries.

    A single word that is also the name of one of the article's people ("Davis") says nothing about where it is.
    """
    names = {token.bare for _, tokens in found.people for token in tokens}
    sure: list[Place] = []
    mentions = [(mention.words, mention.candidates, mention.qualifier) for mention in found.places]
    mentions += [(single.run.words, index.candidates(single.run.words), None) for single in found.singles if not single.titled and single.run.words not in names]
    for words, candidates, qualifier in mentions:
        if qualifier is not None or (len(candidates) == 1 and candidates[0].level != "city") or any(place.level in ("country", "state") for place in candidates):
            place = index.choose(words, candidates, Context(), qualifier)
            if place is not None and place.level != "city":
                sure.append(place)
    countries = {match.actor.country for match in curated if match.actor.kind == "country" and match.actor.country}
    context = index.context_of(sure)
    context = Context(context.states, context.countries | frozenset(countries))
    # A city named alone says where the article is when it is the only place of its name, or the
    # only one in the countries the article names ("Santa Cruz" in an article on the US).
    for words, candidates, qualifier in mentions:
        if qualifier is None and words.strip() not in index.ambiguous:
            cities = [place for place in candidates if place.level == "city"]
            inside = [place for place in cities if place.country in context.countries]
            chosen = index.choose(words, candidates, context)
            if chosen is not None and chosen.level == "city" and (len(inside) == 1 or len(candidates) == 1):
                sure.append(chosen)
    wider = index.context_of(sure)
    return Context(wider.states, wider.countries | context.countries)


class _Builder:
    """Turns what was read into actor matches, remembering each document-wide name for later mentions."""

    def __init__(self) -> None:
        self.matches: list[ActorMatch] = []
        self.actors: dict[str, Actor] = {}
        self.places: list[tuple[int, int, Place]] = []
        self.by_type: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.given: dict[str, set[str]] = defaultdict(set)
        self.taken: set[tuple[int, int]] = set()
        self.counties: dict[str, set[str]] = defaultdict(set)

    def add(self, key: str, name: str, kind: str, country: str | None, start: int, end: int, text: str, form: str = "name") -> None:
        """Record an actor match."""
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = Actor(key, name, kind, country)
        self.matches.append(ActorMatch(actor, start, end, text, form, listed=False))
        self.taken.add((start, end))

    def place(self, mention: _PlaceMention) -> None:
        """A place the article names."""
        place = mention.place
        assert place is not None
        self.add(place.key, place.name, place.kind, place.country, mention.start, mention.end, mention.text)
        self.places.append((mention.start, mention.end, place))
        if place.level == "county":
            self.counties[place.name.rsplit(" ", 1)[0]].add(place.key)

    def organisation(self, organisation: _Organisation, index: PlaceIndex, context: Context) -> None:
        """An organisation with its jurisdiction's key when the words before its head are a place."""
        place = organisation.modifier.place if organisation.modifier else None
        modifier_key = place.key if place else (slug(organisation.modifier_words) if organisation.modifier_words else None)
        key = organisation_key(organisation.kind, organisation.head, modifier_key, organisation.words)
        if not key:
            return
        name = organisation_name(organisation.kind, place.name if place else None, organisation.words)
        self.add(key, name, "organisation", place.country if place else None, organisation.start, organisation.end, organisation.text)
        if organisation.kind.jurisdiction:
            self.by_type[organisation.kind.name].add(key)

    def titled(self, run: NameRun, kind: str, index: PlaceIndex, context: Context) -> None:
        """The office a title names before a person ("Harris County Sheriff Ed Gonzalez" -> the Harris County sheriff)."""
        place = index.choose(run.words, index.candidates(run.words), context)
        if place is None:
            return
        key = f"{place.key}-{kind}"
        display = organisation_vocabulary().types.get(kind)
        self.add(key, f"{place.name} {display.display if display else kind}", "organisation", place.country, run.start, run.end, _text_of(run))
        self.by_type[kind].add(key)

    def person(self, run: NameRun, tokens: tuple) -> None:
        """A person named in full."""
        key = person_key(tokens)
        if not key:
            return
        self.add(key, person_name(tokens), "person", None, run.start, run.end, _text_of(run))
        words = [token.bare for token in tokens if not token.text.rstrip(".") in ("Jr", "Sr", "II", "III", "IV")]
        self.given[words[0]].add(key)
        self.surnames[words[-1]].add(key)

    def single(self, single: _Single, index: PlaceIndex, context: Context) -> None:
        """A single word: a person named in full elsewhere, a place, a broadcaster, or an organisation's bare head."""
        run = single.run
        word = run.tokens[0].bare
        for names in (self.surnames, self.given):
            keys = names.get(word, set())
            if len(keys) == 1:
                key = next(iter(keys))
                actor = self.actors[key]
                self.add(key, actor.name, "person", None, run.start, run.end, run.words, "surname")
                return
        if single.titled:
            return
        head = head_at_end(run)
        if head is not None and head.type.jurisdiction:
            keys = self.by_type.get(head.type.name, set())
            if len(keys) == 1:
                key = next(iter(keys))
                self.add(key, self.actors[key].name, "organisation", self.actors[key].country, run.start, run.end, run.words, "bare")
            return
        if "." in run.words:
            abbreviation = index.qualifier_place(index.qualifier(run.words))
            if abbreviation is not None:
                self.add(abbreviation.key, abbreviation.name, abbreviation.kind, abbreviation.country, run.start, run.end, _text_of(run))
                return
        counties = self.counties.get(run.words, set())
        county = index.by_key.get(next(iter(counties))) if len(counties) == 1 else None
        if county is not None and not any(place.level == "city" and place.state == county.state for place in index.candidates(run.words)):
            place = county
        else:
            place = index.choose(run.words, index.candidates(run.words), context)
        if place is not None:
            self.add(place.key, place.name, place.kind, place.country, run.start, run.end, _text_of(run))
            self.places.append((run.start, run.end, place))
            return
        if is_call_sign(word):
            self.add(slug(word), word, "organisation", None, run.start, run.end, run.words)

    def after_places(self, text: str) -> None:
        """A place followed by a lower-case head is an organisation of that place ("Stockton police")."""
        vocabulary = organisation_vocabulary()
        for start, end, place in self.places:
            gap = end
            while gap < len(text) and text[gap] in " \t":
                gap += 1
            if gap == end:
                continue
            match = vocabulary.after_place.match(text, gap)
            if match is None or not match.group()[0].islower():
                continue
            kind = vocabulary.after_place_types[normalise(match.group())]
            if place.level == "country" and kind.name not in ("government",):
                continue
            key = f"{place.key}-{kind.name}"[:64]
            name = f"{place.name} {kind.display}".strip()
            self.add(key, name, "organisation", place.country, start, match.end(), text[start:match.end()])
            self.by_type[kind.name].add(key)

    def bare(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        """ "police said", "the sheriff's office": the one organisation of that type the article names, if it names one."""
        vocabulary = organisation_vocabulary()
        if not self.by_type:
            return
        taken = sorted(self.taken)
        starts = [span[0] for span in taken]
        found = [match for start, end in spans for match in vocabulary.bare.finditer(text, start, end)]
        for match in found:
            kind = vocabulary.bare_types[normalise(match.group())]
            keys = self.by_type.get(kind.name, set())
            if len(keys) != 1:
                continue
            position = bisect_right(starts, match.end())
            if any(span[1] > match.start() for span in taken[max(0, position - 4):position]):
                continue
            key = next(iter(keys))
            actor = self.actors[key]
            self.add(key, actor.name, "organisation", actor.country, match.start(), match.end(), match.group(), "bare")


def _text_of(run: NameRun) -> str:
    return " ".join(token.text for token in run.tokens)
