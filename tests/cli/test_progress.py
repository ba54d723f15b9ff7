"""The ingest progress bar's time left comes from the pace after the first documents, not from the start-up."""

from __future__ import annotations

import doctest

from timeline.cli import progress
from timeline.cli.progress import Eta


def test_the_examples_hold() -> None:
    assert doctest.testmod(progress).failed == 0


def test_a_slow_start_does_not_inflate_the_estimate() -> None:
    times = iter([30.0, 31.0])  # 10 documents after a 30-second start-up, then 10 more in one second
    eta = Eta(1_000, clock=times.__next__)
    eta.done(10)
    eta.done(20)
    assert eta.text() == ", about 1 min 38 s left"


def test_no_estimate_without_a_total() -> None:
    eta = Eta(None, clock=iter([1.0, 2.0]).__next__)
    eta.done(50)
    assert eta.text() == ""
