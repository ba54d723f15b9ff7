"""`timeline eval` and its scorer agree with the reference TempEval-3 scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli.main import app
from timeline.temporal.jsonl import load_documents, tag_document
from timeline.temporal.scoring import score

REFERENCE = Path("/work/shared/tools/timex_eval.py")
TBAQ = Path("/work/shared/data/timex/tbaq.jsonl")


def _gold(tmp_path: Path) -> Path:
    documents = [
        {"id": "1", "dct": "2024-06-10", "text": "Losses in May rose last week, and on June 1 for three years.",
         "timexes": [
             {"start": 10, "end": 13, "text": "May", "type": "DATE", "value": "2024-05", "mod": None, "anchor": True},
             {"start": 19, "end": 28, "text": "last week", "type": "DATE", "value": "2024-W23", "mod": None, "anchor": True},
             {"start": 37, "end": 43, "text": "June 1", "type": "DATE", "value": "2024-06-02", "mod": None, "anchor": True},
             {"start": 44, "end": 59, "text": "for three years", "type": "DURATION", "value": "P3Y", "mod": None, "anchor": False},
         ]},
        {"id": "2", "dct": None, "text": "Nothing here.", "timexes": [
            {"start": 0, "end": 7, "text": "Nothing", "type": "DATE", "value": "PRESENT_REF", "mod": None, "anchor": False}]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    return path


def test_eval_prints_measures(tmp_path: Path) -> None:
    """The command prints strict, relaxed, value and type rows."""
    result = CliRunner().invoke(app, ["eval", str(_gold(tmp_path))])
    assert 0 == result.exit_code, result.output
    for label in ("strict match", "relaxed match", "value (attr)", "type (attr)"):
        assert label in result.output


def _reference_scores(gold: Path, system: Path) -> dict:
    spec = importlib.util.spec_from_file_location("timex_eval", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result, _problems = module.evaluate(module.load_jsonl(gold), module.load_jsonl(system))
    return result


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference scorer is not on this machine")
@pytest.mark.parametrize("source", ["small", "tbaq-subset"])
def test_scorer_agrees_with_reference(tmp_path: Path, source: str) -> None:
    """Our scorer and timex_eval.py agree to 0.1 point on the same output."""
    if source == "small":
        gold_path = _gold(tmp_path)
    else:
        if not TBAQ.exists():
            pytest.skip("tbaq.jsonl is not on this machine")
        gold_path = tmp_path / "tbaq20.jsonl"
        gold_path.write_text("".join(TBAQ.read_text(encoding="utf-8").splitlines(keepends=True)[:20]), encoding="utf-8")
    gold = load_documents(gold_path)
    system = [tag_document(document) for document in gold]
    system_path = tmp_path / "system.jsonl"
    system_path.write_text("".join(json.dumps(d) + "\n" for d in system), encoding="utf-8")
    ours = score(gold, system)
    reference = _reference_scores(gold_path, system_path)
    for name in ("strict", "relaxed", "value", "type"):
        assert abs(100 * reference[name]["f1"] - 100 * ours.measure(name).f1) < 0.1, name
