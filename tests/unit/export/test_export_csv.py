"""The CSV report: one row per claim, spreadsheet-safe."""

from __future__ import annotations

import csv
import io

from factcheck.export import build_report, render_csv
from factcheck.export.csv_report import COLUMNS
from factcheck.models import Claim
from factcheck.store import Store


def _rows(store: Store) -> list[dict[str, str]]:
    text = render_csv(build_report(store))
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_claim_with_the_header(store: Store, reviewed: dict[str, int]):
    text = render_csv(build_report(store))
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = _rows(store)
    assert len(rows) == 5
    assert {int(r["claim_id"]) for r in rows} == {
        reviewed[k] for k in ("trading", "spat", "economy", "tuesday", "hostile_claim")
    }


def test_row_carries_verdict_and_cited_evidence(store: Store, reviewed: dict[str, int]):
    row = next(r for r in _rows(store) if int(r["claim_id"]) == reviewed["economy"])
    assert row["claim"] == "Asia’s fourth-largest economy"
    assert row["document_title"] == "Xi calls for mutual respect in talk with Lee"
    assert row["document_url"] == "https://example.com/news/xi-lee-call"
    assert (row["status"], row["note"], row["reviewer"]) == ("supported", "IMF 2024", "ana")
    assert row["verdict_date"].endswith("Z")
    assert row["verdicts"] == "2"
    assert row["evidence_source"] == "wikipedia"
    assert row["evidence_url"] == "https://en.wikipedia.org/wiki/Economy_of_South_Korea"
    assert row["evidence_revision_id"] == "1234567"


def test_unreviewed_claim_has_empty_verdict_cells(store: Store, reviewed: dict[str, int]):
    row = next(r for r in _rows(store) if int(r["claim_id"]) == reviewed["trading"])
    assert row["status"] == "unverified"
    assert row["note"] == row["reviewer"] == row["verdict_date"] == row["evidence_url"] == ""


def test_hostile_text_survives_quoting_and_formulas_are_defused(store: Store, reviewed):
    store.add_document(
        "=SUM(A1:A9) is a formula, with a comma\nand a newline.",
        title='=cmd|" /c calc"!A1',
        source="evil.csv",
        claims=[Claim("=SUM(A1:A9)", 0, 11, 0, 11)],
    )
    rows = _rows(store)
    row = next(r for r in rows if int(r["claim_id"]) == reviewed["hostile_claim"])
    assert row["note"].startswith("<b>bold</b> & <script>")
    assert row["claim"] == "crime fell 40% | [click](javascript:alert(1))"
    assert row["reviewer"] == "<eve>"
    evil = next(r for r in rows if r["document_source"] == "evil.csv")
    assert (evil["claim"], evil["document_title"]) == ("'=SUM(A1:A9)", '\'=cmd|" /c calc"!A1')
    assert all(not value.startswith(("=", "+", "@")) for r in rows for value in r.values())
