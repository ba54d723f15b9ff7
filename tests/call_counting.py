"""Helpers for complexity tests: repeat an input to a size and count the calls work makes."""

from __future__ import annotations

import sys
from collections.abc import Callable


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
