"""Load the rule files: named vocabulary fragments, rules built from them, examples and negatives."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).parent / "rules"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)(?::([a-z_][a-z0-9_]*))?\}")
_TYPES = ("DATE", "TIME", "DURATION", "SET")
SEPARATOR = r"(?:\s+|-\s*)"
"""Between words: whitespace or a hyphen (written `[\\s\\-]+` in rule files)."""
END_OF_MATCH = r"(?![\w]|-\w)"
"""Every rule match ends at a word's end (a hyphenated word continues)."""


class RuleFileError(ValueError):
    """A rule file that cannot be used; the message names the file and the rule."""


FILE_KEYS = frozenset({"fragments", "rules", "negatives"})
FRAGMENT_KEYS = frozenset({"regex", "values", "case_sensitive", "matches", "rejects"})
RULE_KEYS = frozenset({"name", "pattern", "resolve", "type", "params", "priority", "examples", "modes"})
EXAMPLE_KEYS = frozenset({"text", "anchor", "value", "type", "mod", "mode"})
MODES = ("news", "narrative")
PARAMETERS: dict[str, tuple[type | tuple[type, ...], str]] = {
    # how a rule is anchored
    "anaphoric": (bool, "resolve against the story's latest date, in news too"),
    "anaphoric_granularity": (str, "resolve against the story's latest date of this granularity if any"),
    "needs_story": (bool, "nothing unless the text has told a date"),
    "needs_story_day": (bool, "nothing unless the text has told a day"),
    "never_story": (bool, "the DCT, never the story ('today'); PRESENT_REF in a history without a DCT"),
    "deictic": (bool, "speaks from the DCT, in a history too when there is one ('last year')"),
    "continues_story": (bool, "in news, may continue a dated background"),
    "story": ((bool, str), "false: not a new story date; \"narrative\": a new story date only in a history"),
    "direction": (str, "which occurrence a year-less date means: nearest, same, past or future"),
    "split": (bool, "a range written as one phrase: the groups first and second become two mentions"),
    "requires_mod": (bool, "nothing unless a premodifier gives a mod"),
    "rate": (bool, "a count before it makes a set ('1,200 a day'), else a length"),
    "as_week": (bool, "the ISO week of the day found"),
    "appositive": (bool, "right after a date and a comma, the phrase restates that date"),
    # constants merged into what the groups say
    "unit": (str, "the unit of a relative date, duration or set"),
    "rel": (int, "units from the reference (-1 last, 0 this, 1 next)"),
    "dct_rel": (int, "units from the DCT when resolved against it"),
    "year_rel": (int, "years from the reference's year"),
    "num": ((int, float, str), "the count of units"),
    "dir": (int, "-1 before the reference, 1 after it"),
    "offset": (int, "days from the reference"),
    "day_shift": (int, "days from the day found"),
    "weekday": (int, "ISO weekday, 1 Monday to 7 Sunday"),
    "weekend": (bool, "the weekend of the week found"),
    "partday": (str, "MO, AF, EV, NI or DT"),
    "value": (str, "the value of a fixed rule"),
    "mod": (str, "a TIMEX3 mod"),
    "granularity": (str, "the granularity of the value of an offset"),
}
"""Every parameter a rule may set, its type and meaning; any other is refused when the rules are loaded."""


@dataclass(frozen=True)
class Fragment:
    """A named piece of vocabulary: a regex, and what each surface form means."""

    name: str
    regex: str
    values: dict[str, Any] = field(default_factory=dict)
    matches: tuple[str, ...] = ()
    """Phrases the fragment must match whole (each one a test)."""
    rejects: tuple[str, ...] = ()
    """Phrases it must not match whole (each one a test)."""


@dataclass(frozen=True)
class Example:
    """A phrase, its own anchor date, and the TIMEX3 it must yield."""

    text: str
    anchor: str | None
    value: str
    type: str | None = None
    mod: str | None = None
    mode: str = "news"


@dataclass(frozen=True)
class Rule:
    """A pattern over fragments plus the resolver that turns its groups into a TIMEX3 value."""

    name: str
    source: str
    pattern: str
    regex: re.Pattern[str]
    resolver: str
    type: str
    params: dict[str, Any]
    groups: dict[str, str | None]
    examples: tuple[Example, ...]
    priority: int = 0
    modes: tuple[str, ...] = ("news", "narrative")
    """The anchor modes the rule applies in (a convention of histories may not be one of news)."""


@dataclass(frozen=True)
class RuleSet:
    """All rules of a language, in priority order, with their fragments and negative phrases."""

    language: str
    fragments: dict[str, Fragment]
    rules: tuple[Rule, ...]
    negatives: tuple[tuple[str, str], ...]
    premodifier: Fragment | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    """What each pattern is read into for the fast scan (`pattern_facts.PatternFacts`, by pattern text)."""

    def for_mode(self, mode: str) -> RuleSet:
        """The rules that apply in an anchor mode (news or narrative)."""
        return replace(self, rules=tuple(rule for rule in self.rules if mode in rule.modes))

    def rule(self, name: str) -> Rule:
        """The rule of that name."""
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(name)


def normalize(surface: str) -> str:
    """The lookup key of a matched surface form: lower case, single spaces, no trailing dot."""
    return " ".join(surface.lower().replace("-", " ").split()).rstrip(".").replace("’", "'")


def _fragment_regex(name: str, spec: dict[str, Any], where: str) -> Fragment:
    if not isinstance(spec, dict):
        raise RuleFileError(f"{where}: fragment {name!r} must be a table")
    _refuse_unknown(spec, FRAGMENT_KEYS, f"{where}: fragment {name!r}")
    values = spec.get("values", {})
    if not isinstance(values, dict):
        raise RuleFileError(f"{where}: fragment {name!r}: values must be a table")
    regex = spec.get("regex")
    if regex is None:
        if not values:
            raise RuleFileError(f"{where}: fragment {name!r} needs `regex` or `values`")
        words = sorted(values, key=len, reverse=True)
        regex = "|".join(_surface_regex(word) for word in words)
    if spec.get("case_sensitive"):
        regex = f"(?-i:{regex})"
    values = {normalize(key): value for key, value in values.items()}
    matches, rejects = spec.get("matches", []), spec.get("rejects", [])
    if not all(isinstance(item, str) for item in [*matches, *rejects]):
        raise RuleFileError(f"{where}: fragment {name!r}: `matches` and `rejects` are lists of phrases")
    return Fragment(name, regex, values, tuple(matches), tuple(rejects))


def _surface_regex(word: str) -> str:
    parts = [re.escape(part) for part in word.split()]
    return SEPARATOR.join(parts)


def _expand(pattern: str, fragments: dict[str, Fragment], named: bool, where: str) -> tuple[str, dict[str, str | None]]:
    """Replace `{fragment}` / `{fragment:group}` by the fragment's regex, as a named group or not."""
    groups: dict[str, str | None] = {}

    def substitute(match: re.Match[str]) -> str:
        fragment, group = match[1], match[2] or match[1]
        if fragment not in fragments:
            raise RuleFileError(f"{where}: unknown fragment {{{fragment}}}")
        if named and group in groups:  # the same meaning in another branch: a distinct regex group name
            count = 2
            while f"{group}__{count}" in groups:
                count += 1
            group = f"{group}__{count}"
        groups[group] = fragment
        body = fragments[fragment].regex
        return f"(?P<{group}>{body})" if named else f"(?:{body})"

    spaced = pattern.replace(" ?", r"\s*").replace(" ", r"\s+").replace(r"[\s\-]+", SEPARATOR)
    return _PLACEHOLDER.sub(substitute, spaced), groups


def _refuse_unknown(table: dict[str, Any], known: frozenset[str], where: str, what: str = "key") -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise RuleFileError(f"{where}: unknown {what} {', '.join(map(repr, unknown))} (known: {', '.join(sorted(known))})")


def _params(raw: Any, where: str) -> dict[str, Any]:
    """A rule's parameters, each known and of its type."""
    if not isinstance(raw, dict):
        raise RuleFileError(f"{where}: `params` must be a table")
    _refuse_unknown(raw, frozenset(PARAMETERS), where, "parameter")
    for key, value in raw.items():
        kinds = PARAMETERS[key][0]
        kinds = kinds if isinstance(kinds, tuple) else (kinds,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            names = " or ".join(kind.__name__ for kind in kinds)
            raise RuleFileError(f"{where}: parameter {key!r} must be {names}, got {value!r}")
    return dict(raw)




def _example(raw: Any, where: str) -> Example:
    if not isinstance(raw, dict) or "text" not in raw or "value" not in raw:
        raise RuleFileError(f"{where}: each example needs `text` and `value` (got {raw!r})")
    _refuse_unknown(raw, EXAMPLE_KEYS, f"{where}: example {raw['text']!r}")
    if raw.get("mode", "news") not in MODES:
        raise RuleFileError(f"{where}: example {raw['text']!r} has a bad mode {raw['mode']!r}")
    anchor = raw.get("anchor")
    if anchor is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(anchor)):
        raise RuleFileError(f"{where}: example {raw['text']!r} has a bad anchor {anchor!r}")
    kind = raw.get("type")
    if kind is not None and kind not in _TYPES:
        raise RuleFileError(f"{where}: example {raw['text']!r} has a bad type {kind!r}")
    return Example(str(raw["text"]), anchor, str(raw["value"]), kind, raw.get("mod"), raw.get("mode", "news"))


def load_files(paths: list[Path], resolvers: set[str], language: str = "en", keep_facts: bool = False) -> RuleSet:
    """Read and check rule files; raise RuleFileError naming the file and the rule at fault.

    With `keep_facts` (the bundled rules), what the patterns are read into is kept on disk between runs.
    """
    documents: list[tuple[Path, dict[str, Any]]] = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                documents.append((path, tomllib.load(handle)))
        except tomllib.TOMLDecodeError as error:
            raise RuleFileError(f"{path}: not valid TOML: {error}") from None
        _refuse_unknown(documents[-1][1], FILE_KEYS, str(path), "table")
    fragments: dict[str, Fragment] = {}
    for path, data in documents:
        for name, spec in data.get("fragments", {}).items():
            if name in fragments:
                raise RuleFileError(f"{path}: fragment {name!r} is defined twice")
            fragments[name] = _fragment_regex(name, spec, str(path))
    # fragments may refer to other fragments (expanded without names)
    for _ in range(3):
        for name, fragment in list(fragments.items()):
            regex, _groups = _expand(fragment.regex.replace(r"\s+", " "), fragments, False, f"fragment {name!r}")
            fragments[name] = replace(fragment, regex=regex)
    rules: list[Rule] = []
    negatives: list[tuple[str, str]] = []
    seen: set[str] = set()
    places: dict[str, str] = {}
    for path, data in documents:
        for text in data.get("negatives", []):
            negatives.append((str(path.name), str(text)))
        for index, raw in enumerate(data.get("rules", [])):
            name = raw.get("name") if isinstance(raw, dict) else None
            where = f"{path}: rule {name or '#' + str(index + 1)!r}"
            if not name:
                raise RuleFileError(f"{where}: missing `name`")
            if name in seen:
                raise RuleFileError(f"{where}: duplicate rule name")
            seen.add(name)
            _refuse_unknown(raw, RULE_KEYS, where)
            modes = tuple(raw.get("modes", MODES))
            if not modes or any(mode not in MODES for mode in modes):
                raise RuleFileError(f"{where}: `modes` must list some of {', '.join(MODES)}")
            for key in ("pattern", "resolve"):
                if not isinstance(raw.get(key), str) or not raw[key]:
                    raise RuleFileError(f"{where}: missing `{key}`")
            if raw["resolve"] not in resolvers:
                raise RuleFileError(f"{where}: unknown resolver {raw['resolve']!r} (known: {', '.join(sorted(resolvers))})")
            kind = raw.get("type", "DATE")
            if kind not in _TYPES:
                raise RuleFileError(f"{where}: type {kind!r} is not one of {', '.join(_TYPES)}")
            regex_text, groups = _expand(raw["pattern"], fragments, True, where)
            try:
                regex = re.compile(f"(?:{regex_text}){END_OF_MATCH}", re.IGNORECASE)
            except re.error as error:
                raise RuleFileError(f"{where}: bad pattern: {error}") from None
            places[name] = where
            for extra in regex.groupindex:
                groups.setdefault(extra, None)
            examples = tuple(_example(item, where) for item in raw.get("examples", []))
            if not examples:
                raise RuleFileError(f"{where}: a rule needs at least one example")
            rules.append(
                Rule(
                    name=name,
                    source=path.name,
                    pattern=raw["pattern"],
                    regex=regex,
                    resolver=raw["resolve"],
                    type=kind,
                    params=_params(raw.get("params", {}), where),
                    groups=groups,
                    examples=examples,
                    priority=int(raw.get("priority", 0)),
                    modes=modes,
                )
            )
    from timeline.temporal.pattern_facts import pattern_facts
    from timeline.temporal.prefilter import KEY_LENGTH

    premodifier = fragments.get("premodifier")
    patterns = [rule.regex.pattern for rule in rules] + ([premodifier.regex] if premodifier else [])
    facts = pattern_facts(patterns, KEY_LENGTH, f"rules-{language}" if keep_facts else None)
    for rule in rules:  # a pattern that can match the empty string would tag nothing at every position
        if facts[rule.regex.pattern].matches_empty:
            raise RuleFileError(f"{places[rule.name]}: the pattern can match the empty string")
    ordered = sorted(rules, key=lambda rule: -rule.priority)  # stable: file order within a priority
    return RuleSet(language, fragments, tuple(ordered), tuple(negatives), premodifier, facts)


def load_language(language: str = "en") -> RuleSet:
    """The bundled rule set of a language (read once per process)."""
    return _load_language(language)


@lru_cache(maxsize=4)
def _load_language(language: str) -> RuleSet:
    from timeline.temporal.resolve import RESOLVERS

    directory = RULES_DIR / language
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise RuleFileError(f"{directory}: no rule files")
    return load_files(paths, set(RESOLVERS), language, keep_facts=True)


def vocabulary(name: str, template: str = "{}", flags: int = re.IGNORECASE, language: str = "en") -> re.Pattern[str]:
    """A fragment of a language's vocabulary compiled into a pattern: `template` places its regex (as `{}`)."""
    return _vocabulary(name, template, flags, language)


@lru_cache(maxsize=64)
def _vocabulary(name: str, template: str, flags: int, language: str) -> re.Pattern[str]:
    regex = load_language(language).fragments[name].regex
    return re.compile(template.replace("{}", f"(?:{regex})"), flags)
