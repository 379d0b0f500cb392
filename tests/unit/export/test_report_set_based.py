"""`build_report` gathers with a handful of set-based reads; it must gather exactly what
the per-claim reads did (that code is kept here as the reference), so every format
renders the same bytes."""

from __future__ import annotations

import pytest

from factcheck.errors import NotFoundError
from factcheck.export import FORMATS, build_report, render
from factcheck.export.report import ClaimEntry, DocumentReport, Report, _count
from factcheck.ingest import Article, add_article
from factcheck.models import SHOWN_STATUSES, Claim, Evidence, SourceKind, Status
from factcheck.store import Store
from factcheck.store.claims import set_status_in_force

GENERATED_AT = "2026-11-29T12:00:00Z"


def per_claim_build_report(
    store: Store, *, document_id: int | None = None, status: Status | None = None
) -> Report:
    """build_report as it was: list the claims of each document, then history,
    evidence and cited evidence claim by claim."""
    if document_id is not None:
        documents = [store.get_document(document_id)]
    else:
        documents = [summary.document for summary in store.list_documents()]
    reports = []
    for document in documents:
        all_claims = store.list_claims(document_id=document.id)
        numbers = {claim.id: number for number, claim in enumerate(all_claims, start=1)}
        chosen = [c for c in all_claims if status is None or c.status is status]
        if status is not None and not chosen:
            continue
        entries = tuple(
            ClaimEntry(
                claim=claim,
                number=numbers[claim.id],
                history=tuple(store.history(claim.id)),
                evidence=_evidence_for(store, claim),
            )
            for claim in chosen
        )
        reports.append(DocumentReport(document, entries, _count(all_claims)))
    totals = dict.fromkeys(SHOWN_STATUSES, 0)
    for doc in reports:
        for key, value in doc.counts.items():
            totals[key] += value
    return Report(tuple(reports), GENERATED_AT, status, document_id, totals)


def _evidence_for(store: Store, claim: Claim) -> tuple[Evidence, ...]:
    items = list(store.list_evidence(claim.id))
    known = {item.id for item in items}
    for verdict in store.history(claim.id):
        if verdict.evidence_id is not None and verdict.evidence_id not in known:
            try:
                items.append(store.get_evidence(verdict.evidence_id))
            except NotFoundError:
                continue
            known.add(verdict.evidence_id)
    return tuple(items)


@pytest.fixture
def desk(store: Store, reviewed: dict[str, int]) -> tuple[Store, dict[str, int]]:
    ids = reviewed
    # a verdict citing evidence stored under another claim, a claim with several
    # pieces of evidence, a document without claims and one without verdicts
    # (`mark` now refuses such a citation; older versions wrote them, so a database
    # may still hold one: written here as they did)
    with store.write() as db:
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
            " VALUES (?, 'supported', NULL, 'cy', ?, '2026-11-29T11:00:00Z')",
            [ids["trading"], ids["wiki_evidence"]],
        )
        set_status_in_force(db, ids["trading"])
        # an imported verdict dated before the local ones: recorded last (highest id)
        # but not in force, so id order and the verdict-in-force order differ
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
            " VALUES (?, 'disputed', 'old import', 'zed', NULL, '2020-01-01T00:00:00Z')",
            [ids["tuesday"]],
        )
        set_status_in_force(db, ids["tuesday"])
    store.save_evidence(
        ids["tuesday"],
        [
            Evidence(SourceKind.PRIOR, "checked before", "Xi and Lee spoke Wednesday.", 0.8),
            Evidence(SourceKind.REFERENCE, "Calendar", "The call: Wednesday 11 June.", 0.8),
            Evidence(SourceKind.WIKIPEDIA, "Lee Jae-myung", "Lee took office on 4 June.", 0.95),
        ],
    )
    store.add_document("Nothing checkable.", title="Empty", source="-", claims=[])
    add_article(store, Article("Seoul is big. Busan is a port.", title="Unreviewed", source="-"))
    return store, ids


@pytest.mark.parametrize("status", [None, *SHOWN_STATUSES])
@pytest.mark.parametrize("which", [None, "document", "hostile_document"])
def test_set_based_report_equals_the_per_claim_one(desk, status, which) -> None:
    store, ids = desk
    document_id = ids[which] if which else None
    expected = per_claim_build_report(store, document_id=document_id, status=status)
    got = build_report(store, document_id=document_id, status=status, generated_at=GENERATED_AT)
    assert got == expected
    for entry in got.entries:  # the verdict a report shows is the one the status follows
        if entry.history:
            assert entry.verdict == store.verdict_in_force(entry.claim.id)
            assert entry.verdict.status is entry.claim.status
    for fmt in FORMATS:
        assert render(got, fmt) == render(expected, fmt), fmt
