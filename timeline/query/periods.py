"""Named periods ("eras"): read them from TOML or the `periods` table, find one by name or alias, edit them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.domain import PublicationDate

ALIAS_SEPARATOR = "; "
_LEADING_ARTICLE = re.compile(r"^the\s+")
_NOT_WORD = re.compile(r"[^\w]+")


class PeriodError(ValueError):
    """A period that cannot be read, added or found."""


@dataclass(frozen=True)
class Period:
    """A named era: its dates (both ends inclusive at their precision), aliases and a one-line description."""

    name: str
    start: str
    end: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    origin: str = "user"

    @property
    def earliest(self) -> date:
        """First day of the period."""
        return PublicationDate.parse(self.start).earliest()

    @property
    def latest(self) -> date | None:
        """Day after the last day of the period (half-open); None while it is still going on."""
        return PublicationDate.parse(self.end).latest() if self.end else None

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    def dates_label(self) -> str:
        """`2022-07 to 2023-08-23`, or `from 2022-02-24` for a period still going on."""
        return f"{self.start} to {self.end}" if self.end else f"from {self.start} (ongoing)"


def make_period(
    name: str,
    start: str,
    end: str | None = None,
    aliases: Iterable[str] = (),
    description: str = "",
    origin: str = "user",
) -> Period:
    """A checked period: dates of the form YYYY, YYYY-MM or YYYY-MM-DD, the end not before the start."""
    name = " ".join(name.split())
    if not name:
        raise PeriodError("a period needs a name")
    try:
        first = PublicationDate.parse(start)
        last = PublicationDate.parse(end) if end else None
    except ValueError as error:
        raise PeriodError(f"period {name!r}: {error}") from None
    if last is not None and last.latest() <= first.earliest():
        raise PeriodError(f"period {name!r}: end {end} is before start {start}")
    cleaned = tuple(dict.fromkeys(" ".join(alias.split()) for alias in aliases if alias.strip()))
    if any(";" in alias for alias in cleaned):
        raise PeriodError(f"period {name!r}: an alias may not contain ';' (it separates aliases in the table)")
    return Period(name, first.iso(), last.iso() if last else None, cleaned, " ".join(description.split()), origin)


def read_periods_file(path: str | Path, origin: str = "user") -> list[Period]:
    """Periods from a TOML file of `[[period]]` tables (see seeds/periods.toml); errors name the file and entry."""
    import tomllib  # only files of periods need it, not the chronology

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise PeriodError(f"{path}: {error}") from None
    periods = []
    for number, entry in enumerate(data.get("period", []), 1):
        try:
            periods.append(
                make_period(
                    entry["name"], str(entry["start"]), str(entry["end"]) if entry.get("end") else None,
                    entry.get("aliases", []), entry.get("description", ""), origin,
                )
            )
        except KeyError as missing:
            raise PeriodError(f"{path}: period {number} has no {missing.args[0]!r}") from None
        except PeriodError as error:
            raise PeriodError(f"{path}: {error}") from None
    return periods


def normalise_name(text: str) -> str:
    """A name as compared: lower case, no leading "the", punctuation and apostrophes as spaces."""
    text = text.lower().replace("’", "'").strip()
    text = _LEADING_ARTICLE.sub("", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def find_period(text: str, periods: Sequence[Period]) -> Period | None:
    """The period whose name or an alias is `text` (case, "the" and punctuation ignored), else None."""
    wanted = normalise_name(text)
    if not wanted:
        return None
    for period in periods:
        if any(normalise_name(name) == wanted for name in period.names):
            return period
    return None


def period_from_row(row: object) -> Period:
    """A Period from a `periods` row (a model instance or a result row)."""
    aliases = getattr(row, "aliases") or ""
    return Period(
        name=getattr(row, "name"),
        start=getattr(row, "start"),
        end=getattr(row, "end"),
        aliases=tuple(alias.strip() for alias in aliases.split(";") if alias.strip()),
        description=getattr(row, "description") or "",
        origin=getattr(row, "origin") or "user",
    )


def period_values(period: Period) -> dict[str, object]:
    """The column values of a period's row."""
    return {
        "name": period.name,
        "aliases": ALIAS_SEPARATOR.join(period.aliases),
        "start": period.start,
        "end": period.end,
        "earliest": period.earliest,
        "latest": period.latest,
        "description": period.description,
        "origin": period.origin,
    }
