"""A fast trigger scan: the few-character prefixes any rule match can start with, read off the compiled rules.

Prefixes are written in a canonical form that the text's keys share (see `match._key`): lower case, every
digit 0 and a run of digits one 0, a run of whitespace one space. So "1,200 people a day" has the key
"0,0 peop", and a rule that wants a count before a unit ("0 day", "0 peop"...) is not tried at every number.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    import re._constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

DIGIT, SPACE = "0", " "
KEY_LENGTH = 8
"""Characters of a rule's start the prefilter distinguishes."""
_MAX_SET = 12

State = tuple[str, bool]  # (prefix so far, closed: nothing more is known)


def _char(code: int) -> str:
    char = chr(code).lower()
    if char.isdigit():
        return DIGIT
    if char.isspace():
        return SPACE
    return char


def _in_set(items: list[Any]) -> set[str] | None:
    """The characters a character class may match (lower-cased, digits and spaces collapsed); None if too many."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.NEGATE:
            return None
        if op is _c.LITERAL:
            chars.add(_char(arg))
        elif op is _c.RANGE:
            low, high = arg
            if high - low > 40:
                return None
            chars.update(_char(code) for code in range(low, high + 1))
        elif op is _c.CATEGORY:
            if arg is _c.CATEGORY_DIGIT:
                chars.add(DIGIT)
            elif arg is _c.CATEGORY_SPACE:
                chars.add(SPACE)
            else:
                return None
        else:
            return None
    return chars if len(chars) <= _MAX_SET else None


def _is_space(body: Any) -> bool:
    items = list(body)
    if len(items) != 1:
        return False
    op, arg = items[0]
    if op is _c.IN:
        return _in_set(arg) == {SPACE}
    return op is _c.CATEGORY and arg is _c.CATEGORY_SPACE


def _is_digit(body: Any) -> bool:
    items = list(body)
    if len(items) != 1:
        return False
    op, arg = items[0]
    if op is _c.IN:
        return _in_set(arg) == {DIGIT}
    return op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT


def _sequence(items: list[Any], states: set[State], k: int) -> set[State]:
    for position, (op, arg) in enumerate(items):
        open_states = {state for state in states if not state[1]}
        if not open_states:
            break
        if op is _c.ASSERT and arg[0] == 1 and position == len(items) - 1:
            # a lookahead that ends the pattern: what follows the match starts as it says ("1200 GMT")
            states = (states - open_states) | _sequence(list(arg[1]), open_states, k)
            continue
        states = (states - open_states) | _item(op, arg, open_states, k)
    return states


def _extend(states: set[State], chars: set[str] | None, k: int) -> set[State]:
    if chars is None:
        return {(prefix, True) for prefix, _ in states}
    out = set()
    for prefix, _ in states:
        for char in chars:
            if char in (DIGIT, SPACE) and prefix.endswith(char):  # a run of digits (spaces) is one 0 (one space)
                out.add((prefix, False))
                continue
            grown = prefix + char
            out.add((grown, len(grown) >= k))
    return out


def _item(op: Any, arg: Any, states: set[State], k: int) -> set[State]:
    if op is _c.LITERAL:
        return _extend(states, {_char(arg)}, k)
    if op is _c.IN:
        return _extend(states, _in_set(arg), k)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return states  # zero width
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]), states, k)
    if op is _c.BRANCH:
        out: set[State] = set()
        for branch in arg[1]:
            out |= _sequence(list(branch), states, k)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, _high, body = arg
        if _is_space(body):  # a run of whitespace: one space in the prefix, \s+ in the trigger
            spaced = _extend(states, {SPACE}, k)
            return spaced | states if low == 0 else spaced
        if _is_digit(body):  # a run of digits: one 0 in the prefix, [0-9]+ in the trigger
            digits = _extend(states, {DIGIT}, k)
            return digits | states if low == 0 else digits
        once = _sequence(list(body), states, k)
        if _high != 1:  # further repetitions are not followed: close what is known
            once = {(prefix, True) for prefix, _closed in once}
        return once | states if low == 0 else once
    if op is _c.CATEGORY:
        return _extend(states, {DIGIT} if arg is _c.CATEGORY_DIGIT else {SPACE} if arg is _c.CATEGORY_SPACE else None, k)
    return _extend(states, None, k)


def prefixes(pattern: str, k: int = 8) -> set[str]:
    """Lower-cased prefixes (at most k characters; digits as 0, whitespace as a space) that every match starts with."""
    return {prefix for prefix, _ in _sequence(list(_parsed(pattern)), {("", False)}, k)}


@lru_cache(maxsize=512)
def _parsed(pattern: str) -> Any:
    """The parse of a pattern (shared by the prefixes and the empty-match check of the same rule)."""
    return _parser.parse(pattern, re.IGNORECASE)


def trigger_regex(all_prefixes: set[str]) -> re.Pattern[str] | None:
    """A case-sensitive pattern for lower-cased text that finds every word start a rule may match at; None if any."""
    if "" in all_prefixes:
        return None
    minimal: set[str] = set()
    for prefix in sorted(all_prefixes, key=len):
        if not any(prefix[:length] in minimal for length in range(1, len(prefix))):
            minimal.add(prefix)
    return re.compile(r"(?<![\w.\-])(?=" + _trie(sorted(minimal)) + ")")


def _atom(char: str) -> str:
    if char == DIGIT:
        return "[0-9]+"
    if char == SPACE:
        return r"\s+"
    return re.escape(char)


def _trie(words: list[str]) -> str:
    """An alternation of words factored by common first characters."""
    if any(word == "" for word in words):
        return ""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches = []
    for head, tails in sorted(groups.items()):
        if any(tail == "" for tail in tails):
            branches.append(_atom(head))
        else:
            inner = _trie(tails)
            branches.append(_atom(head) + (f"(?:{inner})" if "|" in inner else inner))
    return "|".join(branches)


def can_match_empty(pattern: str) -> bool:
    """Whether a regular expression can match the empty string somewhere (its shortest match has no characters)."""
    return _parsed(pattern).getwidth()[0] == 0
