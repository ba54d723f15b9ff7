"""`timeline show --explain`: why an entry's reports were merged, each report named by its source."""

from __future__ import annotations

from typer.testing import CliRunner

from timeline.cli.main import app

runner = CliRunner()


def test_explain_names_the_sources_and_the_evidence_that_merged_them(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--from", "2024-05", "--to", "2024-05", "--explain"])
    assert result.exit_code == 0, result.output
    why = result.stdout.split("Why reports were merged:")[1]
    assert why.splitlines()[1].startswith("  May 2024  The toll on the Russian military")
    assert "Taipei Times" in why and "figure 1.00" in why and "same span" in why


def test_explain_after_csv_goes_to_stderr(seeded_db: str) -> None:
    result = runner.invoke(app, ["--db", seeded_db, "show", "--from", "2024-05", "--to", "2024-05", "--format", "csv", "--explain"])
    assert result.exit_code == 0, result.output
    assert "Why reports were merged" not in result.stdout and "Why reports were merged" in result.stderr
