"""Issue 12 (smaller): one formula rule for the CSV export and `list --format csv`.

A cell starting with =, +, -, @, tab or CR followed by something a spreadsheet could
compute is defused with an apostrophe; a lone "-" (stdin's source) and plain numbers
are not.
"""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.export import build_report, render
from factcheck.export.csv_report import defuse_formula
from factcheck.models import Claim
from factcheck.store import Store

FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "- 1",
    "@SUM(A1:A2)",
    "\t=1+1",
    "=1",
]
KEPT = ["-", "+", "=", "@", "", "-4", "+2.5", "-1,200.5", "12%", "plain text", "a=b"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_cells_are_defused(cell: str):
    assert defuse_formula(cell) == "'" + cell


@pytest.mark.parametrize("cell", KEPT)
def test_harmless_cells_are_kept(cell: str):
    assert defuse_formula(cell) == cell


def _store_with(text: str, source: str) -> None:
    with Store("claims.db") as store:
        claim = Claim(text, 0, len(text), 0, len(text))
        store.add_document(text, title=text, source=source, claims=[claim])


def test_csv_export_keeps_a_lone_dash_source():
    _store_with('=HYPERLINK("http://evil.example") says 4 percent.', "-")
    with Store("claims.db") as store:
        rows = list(csv.DictReader(io.StringIO(render(build_report(store), "csv"))))
    assert rows[0]["document_source"] == "-"
    assert rows[0]["claim"].startswith("'=HYPERLINK")


def test_list_csv_defuses_formulas_like_the_export():
    _store_with('=HYPERLINK("http://evil.example") says 4 percent.', "-")
    result = CliRunner().invoke(cli, ["--db", "claims.db", "list", "--format", "csv"])
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["text"].startswith("'=HYPERLINK")
