"""Datasette's metadata for a timeline database, generated from docs/schema.md (descriptions, columns, research questions)
and `timeline/query/data/datasette.toml` (hidden tables, units, sorting, facets, search).

The result is stored as `timeline/query/data/datasette-metadata.json` (shipped with the package, read by
`timeline serve`); tests/query/test_datasette_metadata.py holds it equal to what this module makes from the two sources.

Run after changing either: uv run python -m timeline.query.datasette_metadata
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SETTINGS = DATA / "datasette.toml"
TARGET = DATA / "datasette-metadata.json"
SCHEMA_DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
DATABASE_KEY = "timeline"
"""The database's name in the stored metadata; `timeline serve` renames it to the file's stem."""
_HEADING = re.compile(r"^(#{2,3}) (.+)$", re.MULTILINE)
_NAME = re.compile(r"^([a-z_0-9]+)(?:,\s*([a-z_0-9]+))?(?::|\s|$)")
_QUERY = re.compile(r"^### (Q\d+)\. (.+?)\n\n```sql\n(.*?)```", re.MULTILINE | re.DOTALL)
_EXAMPLE = re.compile(r"\n([^\n]+):\n\n```sql\n(.*?)```", re.DOTALL)


@dataclass
class Documented:
    """What docs/schema.md says of one table or view: its description and each column's meaning."""

    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    examples: list[tuple[str, str]] = field(default_factory=list)


def read_schema_doc(text: str) -> tuple[dict[str, Documented], list[tuple[str, str, str]]]:
    """Every documented table and view, and the research questions (number, question, SQL)."""
    found: dict[str, Documented] = {}
    parts = _HEADING.split(text)
    for _level, heading, body in zip(parts[1::3], parts[2::3], parts[3::3]):
        match = _NAME.match(heading.strip())
        if not match or heading.startswith(("Q", "Views", "Full-text", "Exports", "Research")):
            continue
        for name in filter(None, match.groups()):
            documented = found.setdefault(name, Documented())
            if _level == "##" and name != "alembic_version":
                documented.columns.setdefault("id", "row id")  # the conventions: every table's row id
            paragraph = _first_paragraph(body)
            if paragraph:
                documented.description = f"{documented.description} {paragraph}".strip()
            for line in body.splitlines():
                if not line.startswith("| `"):
                    continue
                cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
                for column in re.findall(r"`([a-z_0-9]+)`", cells[0]):
                    documented.columns[column] = _plain(" | ".join(cells[1:]))
            documented.examples += [(_plain(title), sql.strip()) for title, sql in _EXAMPLE.findall(body)]
    return found, [(number, question, sql.strip()) for number, question, sql in _QUERY.findall(text)]


def _first_paragraph(body: str) -> str:
    for block in body.strip().split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("|", "```", "#")):
            return _plain(" ".join(block.split()))
    return ""


def _plain(text: str) -> str:
    """Markdown made plain text: no backticks, no emphasis."""
    return text.replace("`", "").replace("**", "").strip()


def metadata(schema_doc: str | None = None, settings: dict | None = None) -> dict:
    """The Datasette metadata, as a dict."""
    documented, questions = read_schema_doc(schema_doc if schema_doc is not None else SCHEMA_DOC.read_text(encoding="utf-8"))
    settings = settings if settings is not None else tomllib.loads(SETTINGS.read_text(encoding="utf-8"))
    tables: dict[str, dict] = {}
    for name, about in documented.items():
        entry: dict[str, object] = {"description": about.description, "columns": dict(sorted(about.columns.items()))}
        sort = settings.get("sort", {}).get(name, {})
        if "default" in sort:
            entry["sort"] = sort["default"]
        if "sortable" in sort:
            entry["sortable_columns"] = sort["sortable"]
        if name in settings.get("facets", {}):
            entry["facets"] = settings["facets"][name]
        if name in settings.get("units", {}):
            entry["units"] = settings["units"][name]
        entry.update(settings.get("search", {}).get(name, {}))
        if name in settings.get("hidden", []):
            entry["hidden"] = True
        tables[name] = entry
    for name in settings.get("hidden", []):
        tables.setdefault(name, {})["hidden"] = True
    queries: dict[str, dict[str, object]] = {}
    for number, question, sql in questions:
        queries[number.lower()] = {"title": f"{number}. {question}", "sql": sql, "description": "A research question of docs/schema.md."}
    for name, about in documented.items():
        for index, (title, sql) in enumerate(about.examples, 1):
            key = f"{name}_{index}" if len(about.examples) > 1 else f"{name}_example"
            queries[key] = {"title": title.rstrip(":"), "sql": sql.rstrip(";"), "description": f"An example of docs/schema.md's {name} section."}
    return {
        "title": settings.get("title", "timeline"),
        "description": settings.get("description", ""),
        "databases": {DATABASE_KEY: {"tables": dict(sorted(tables.items())), "queries": queries}},
    }


def render() -> str:
    """The stored metadata file's text."""
    return json.dumps(metadata(), ensure_ascii=False, indent=2) + "\n"


def metadata_for(database: str) -> dict:
    """The stored metadata with its database named `database` (Datasette names a database after its file's stem)."""
    stored = json.loads(TARGET.read_text(encoding="utf-8"))
    stored["databases"] = {database: stored["databases"][DATABASE_KEY]}
    return stored


def main() -> None:
    """Write the stored metadata, saying whether it changed."""
    text = render()
    changed = not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text
    TARGET.write_text(text, encoding="utf-8")
    print(f"{'wrote' if changed else 'unchanged'} {TARGET}")


if __name__ == "__main__":
    main()
