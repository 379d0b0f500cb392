"""build_report: what every format shows, gathered once from the store."""

from __future__ import annotations

import pytest

from factcheck.errors import NotFoundError
from factcheck.export import build_report
from factcheck.models import Status
from factcheck.store import Store


def test_report_lists_documents_and_claims_in_text_order(store: Store, reviewed: dict[str, int]):
    report = build_report(store)
    assert [d.document.id for d in report.documents] == [
        reviewed["document"],
        reviewed["hostile_document"],
    ]
    entries = report.documents[0].entries
    assert [e.number for e in entries] == [1, 2, 3, 4]
    assert [e.claim.start for e in entries] == sorted(e.claim.start for e in entries)


def test_latest_verdict_and_its_cited_evidence(store: Store, reviewed: dict[str, int]):
    entry = next(e for e in build_report(store).entries if e.claim.id == reviewed["economy"])
    assert [v.status for v in entry.history] == [Status.UNVERIFIED, Status.SUPPORTED]
    assert entry.verdict.status is Status.SUPPORTED
    assert entry.verdict.note == "IMF 2024"
    assert entry.cited_evidence.id == reviewed["wiki_evidence"]
    assert entry.cited_evidence.revision_id == 1234567


def test_unreviewed_claim_has_no_verdict(store: Store, reviewed: dict[str, int]):
    entry = next(e for e in build_report(store).entries if e.claim.id == reviewed["trading"])
    assert entry.verdict is None and entry.cited_evidence is None


def test_counts_per_document_and_totals(store: Store, reviewed: dict[str, int]):
    report = build_report(store)
    assert report.documents[0].counts == {
        Status.SUPPORTED: 2,
        Status.DISPUTED: 1,
        Status.UNVERIFIED: 1,
    }
    assert report.totals == {Status.SUPPORTED: 2, Status.DISPUTED: 2, Status.UNVERIFIED: 1}


def test_status_filter_keeps_document_counts_whole(store: Store, reviewed: dict[str, int]):
    report = build_report(store, status="supported")
    assert [d.document.id for d in report.documents] == [reviewed["document"]]
    assert {e.claim.id for e in report.entries} == {reviewed["economy"], reviewed["spat"]}
    assert report.documents[0].total == 4
    assert report.status_filter is Status.SUPPORTED


def test_document_filter(store: Store, reviewed: dict[str, int]):
    report = build_report(store, document_id=reviewed["hostile_document"])
    assert [e.claim.id for e in report.entries] == [reviewed["hostile_claim"]]


def test_unknown_document_is_a_clear_error(store: Store, reviewed: dict[str, int]):
    with pytest.raises(NotFoundError, match="no document with id 99"):
        build_report(store, document_id=99)


def test_empty_database_gives_an_empty_report(store: Store):
    report = build_report(store)
    assert report.documents == () and report.entries == []
