"""The one-way flow of DESIGN.md: a stage imports only `timeline.domain` and earlier stages; nothing imports `cli`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
STAGES = ("domain", "seeds", "ingest", "text", "temporal", "dating", "events", "store", "query", "pipeline", "export", "cli")
"""Each stage in the order of the flow: reading files, segments, temporal mentions, publication dates, events and
their merge, storage, the chronology, the batch pipeline that runs them all, exports, and the command line."""


def imported_stages(path: Path) -> set[str]:
    """The stages of `timeline` that a module imports, at any depth of its code."""
    stages: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "timeline" and len(parts) > 1:
                stages.add(parts[1])
    return stages


def modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).parts[0].removesuffix(".py") in STAGES)


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_a_stage_imports_only_earlier_stages(path: Path) -> None:
    stage = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    later = {other for other in imported_stages(path) if other in STAGES and STAGES.index(other) > STAGES.index(stage)}
    assert not later, f"{path.relative_to(PACKAGE)} ({stage}) imports later stages {sorted(later)}"


def test_every_package_is_a_stage() -> None:
    packages = {path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert packages <= set(STAGES)
