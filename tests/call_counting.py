"""Helpers for complexity tests: repeat an input to a size and count the calls work makes."""

from __future__ import annotations

import sys
from collections.abc import Callable


GROWTH = 2.5
"""At twice the length, at most this much more work."""

PATHOLOGICAL_UNITS = {
    "repeated month": "May ",
    "repeated figure": "1,200 ",
    "repeated range opener": "from April 2023 to ",
    "repeated date": "in May 2024, ",
    "stacked of-phrases": "last week of the ",
    "mixed scripts": "Мая 2024 年5月 مايو ٢٠٢٤ ",
    "dots": ".",
    "dashes": "— ",
    "news prose": "The ministry said on Monday that losses in May reached 1,200. ",
}
"""Units that, repeated, make a naive date pattern backtrack or a stage go quadratic; each test adds its own."""


def repeat(unit: str, size: int) -> str:
    """`unit` repeated to about `size` characters."""
    return unit * max(1, size // len(unit))


def calls(function: Callable[[], object]) -> int:
    """Python and built-in function calls made by `function()`."""
    count = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(previous)
    return count
