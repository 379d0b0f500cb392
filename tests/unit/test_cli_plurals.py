"""Counts in what the CLI prints agree with their nouns: "1 passage", "2 passages"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import cli
from factcheck.cli.output import plural


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", "claims.db", *args], catch_exceptions=False)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_plural() -> None:
    assert plural(1, "passage") == "1 passage"
    assert plural(0, "passage") == "0 passages"
    assert plural(1204, "claim") == "1204 claims"
    assert plural(2463, "character", grouped=True) == "2,463 characters"
    assert plural(2, "analysis", "analyses") == "2 analyses"


def test_one_reference_passage_added_and_removed() -> None:
    Path("one.md").write_text("# Seoul\n\nSeoul is the capital of South Korea.\n")
    assert "added 1 passage from" in run("refs", "add", "one.md").stdout
    assert "removed 1 passage (1)" in run("refs", "remove", "1").stdout


def test_one_fact_check_imported() -> None:
    Path("fc.csv").write_text(
        "claimReview_claimReviewed,claimReview_url,rating_alternateName\n"
        '"Seoul is the capital of South Korea",https://fc.example/1,True\n'
    )
    assert "imported 1 fact-check from fc.csv" in run("import-claimreview", "fc.csv").stdout


def test_one_of_each_in_a_report_import_and_an_export() -> None:
    text = "Exports grew 5% in 2024."
    Path("a.txt").write_text(text + "\n")
    added = run("add", "a.txt").stdout
    assert "1 claim," in added
    run("mark", "supported", "1")
    written = run("export", "--format", "json", "-o", "report.json").stderr
    assert written.endswith("(1 claim)\n")
    imported = CliRunner().invoke(cli, ["--db", "other.db", "import", "report.json"]).stdout
    assert "1 new document," in imported and "1 new claim;" in imported
    assert "1 verdict added" in imported
    assert "(s)" not in imported
    shown = json.loads(run("document", "1", "--format", "json").stdout)
    assert shown["claims"]["total"] == 1
