"""The team desk from the shell: assign, documents --assigned, status, reviewer names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.desk.session import (
    REVIEWER_NAME_MAX,
    ReviewSession,
    clean_reviewer_name,
    documents_to_review,
)
from factcheck.errors import InputError, NotFoundError
from factcheck.models import Claim, Status
from factcheck.store import Store


def run(*args: str):
    return CliRunner().invoke(cli, ["--db", "claims.db", *args], catch_exceptions=False)


def _desk(path: Path) -> None:
    """Two documents: #1 with three claims, #2 with two."""
    with Store(path) as store:
        for title, text in (("Budget", "A. B. C."), ("Bridge", "D. E.")):
            claims = [
                Claim(part, i * 3, i * 3 + 2, i * 3, i * 3 + 2)
                for i, part in enumerate(text.split(" "))
            ]
            store.add_document(text, title=title, source="-", claims=claims)


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    _desk(tmp_path / "claims.db")
    return tmp_path / "claims.db"


def test_assign_then_documents_assigned_lists_only_theirs(desk: Path):
    assert run("assign", "2", "--to", "ana").output == "document 2: assigned to ana\n"
    listed = run("documents", "--assigned", "ana").output.splitlines()
    assert len(listed) == 2 and "assigned" in listed[0]
    assert listed[1].split()[0] == "2" and "ana" in listed[1] and "Bridge" in listed[1]
    assert "Budget" in run("documents").output  # unfiltered: both


def test_assign_again_replaces_and_none_unassigns(desk: Path):
    run("assign", "1", "2", "--to", "ana")
    assert run("assign", "1", "--to", "ben").exit_code == 0
    with Store(desk) as store:
        assert store.assignments() == {1: "ben", 2: "ana"}
    assert run("assign", "1", "2", "--none").output == "documents 1, 2: unassigned\n"
    with Store(desk) as store:
        assert store.assignments() == {}
    result = CliRunner().invoke(cli, ["--db", "claims.db", "documents", "--assigned", "ana"])
    assert result.exit_code == 0 and "no documents assigned to ana" in result.output


def test_assign_needs_exactly_one_of_to_and_none(desk: Path):
    for args in (["assign", "1"], ["assign", "1", "--to", "ana", "--none"]):
        result = CliRunner().invoke(cli, ["--db", "claims.db", *args])
        assert result.exit_code == 1 and "give --to NAME or --none" in result.output


def test_assigning_an_unknown_document_changes_nothing(desk: Path):
    result = CliRunner().invoke(cli, ["--db", "claims.db", "assign", "1", "9", "--to", "ana"])
    assert result.exit_code == 1 and "no document with id 9" in result.output
    with Store(desk) as store:
        assert store.assignments() == {}  # the batch is one transaction


def test_status_counts_per_document_and_reviewer(desk: Path):
    with Store(desk) as store:
        store.mark([1], Status.DISPUTED, reviewer="ana")
        store.mark([2], Status.SUPPORTED, reviewer="ana")
        store.mark([2], Status.DISPUTED, reviewer="ben")  # ben overrules ana on claim 2
        (maybe,) = store.mark([3], Status.UNVERIFIED, reviewer="ben")
        store.undo([maybe.id], reviewer="ben")  # withdrawn: claim 3 is open again
        store.assign([1], "ana")
    (budget, bridge) = json.loads(run("status", "--format", "json").output)
    assert budget["document"] == {"id": 1, "title": "Budget"}
    assert (budget["assigned_to"], budget["claims"], budget["decided"], budget["left"]) == (
        "ana",
        3,
        2,
        1,
    )
    assert budget["disputed"] == 2 and budget["last_activity"]
    by = {r["reviewer"]: r for r in budget["reviewers"]}
    assert (by["ana"]["decided"], by["ana"]["disputed"], by["ana"]["verdicts"]) == (1, 1, 2)
    assert (by["ben"]["decided"], by["ben"]["disputed"], by["ben"]["verdicts"]) == (1, 1, 3)
    assert sum(r["decided"] for r in budget["reviewers"]) == budget["decided"]
    assert (bridge["decided"], bridge["left"], bridge["reviewers"], bridge["last_activity"]) == (
        0,
        2,
        [],
        None,
    )
    table = run("status").output.splitlines()
    assert table[0].split()[:5] == ["id", "claims", "decided", "left", "disputed"]
    assert table[1].split()[:5] == ["1", "3", "2", "1", "2"]
    assert table[2].strip().startswith("by ana: 1 decided (1 disputed), 2 verdicts")
    assert "by ben" in table[3]
    documents = run("documents").output
    assert "by ana: 1 decided" in documents and "by ben: 1 decided" in documents
    with Store(desk) as store:  # "cannot tell" is a decision too
        store.mark([3], Status.UNVERIFIED, reviewer="ben")
    (budget, _) = json.loads(run("status", "--format", "json").output)
    assert (budget["decided"], budget["left"], budget["disputed"]) == (3, 0, 2)


def test_status_assigned_filters(desk: Path):
    run("assign", "2", "--to", "ben")
    shown = json.loads(run("status", "--assigned", "ben", "--format", "json").output)
    assert [d["document"]["id"] for d in shown] == [2]


def test_mark_records_the_reviewer_and_show_prints_it(desk: Path):
    run("mark", "disputed", "1", "--reviewer", "ana")
    assert "by ana" in run("show", "1").output


def test_picker_order_puts_the_reviewers_assignments_first(store: Store):
    for text in ("A. B. C.", "D.", "E. F."):
        claims = [Claim(p, 0, 1, 0, 1) for p in text.split(" ")]
        store.add_document(text, title=text, source="-", claims=claims)
    store.assign([2], "ben")
    assert [s.document.id for s in documents_to_review(store)] == [1, 3, 2]
    assert [s.document.id for s in documents_to_review(store, reviewer="ben")] == [2, 1, 3]
    assert [s.document.id for s in documents_to_review(store, reviewer="ben", among=[1, 3])] == [
        1,
        3,
    ]


def test_decided_by_someone_else_only_counts_later_verdicts_by_others(store: Store):
    claims = [Claim("A.", 0, 2, 0, 2), Claim("B.", 3, 5, 3, 5)]
    document = store.add_document("A. B.", title="t", source="-", claims=claims).document
    store.mark([1], Status.SUPPORTED, reviewer="ben")  # before the session: known
    session = ReviewSession(store, document.id, reviewer="ana")
    assert session.decided_by_someone_else(1) is None
    store.mark([2], Status.DISPUTED, reviewer="ben")
    theirs = session.decided_by_someone_else(2)
    assert theirs is not None and (theirs.reviewer, theirs.status) == ("ben", Status.DISPUTED)
    session.decide(2, Status.SUPPORTED)  # ana overrules: her verdict is now the latest
    assert session.decided_by_someone_else(2) is None


def test_reviewer_names_are_cleaned_and_empty_ones_refused():
    assert clean_reviewer_name("  Ana \x1b[31m Lima\n") == "Ana [31m Lima"
    assert len(clean_reviewer_name("x" * 500)) == REVIEWER_NAME_MAX
    with pytest.raises(InputError):
        clean_reviewer_name(" \t\x00 ")


def test_unknown_document_in_assign_store_api(store: Store):
    with pytest.raises(NotFoundError):
        store.assign([5], "ana")


def test_verdicts_since_returns_the_documents_newer_verdicts_in_order(store: Store):
    for text in ("A. B.", "C."):
        claims = [Claim(p, 0, 2, 0, 2) for p in text.split(" ")]
        store.add_document(text, title=text, source="-", claims=claims)
    first = store.mark([1], Status.SUPPORTED, reviewer="ana")[0]
    store.mark([3], Status.DISPUTED, reviewer="ben")  # the other document
    store.mark([2, 1], Status.DISPUTED, reviewer="ben")
    news = store.verdicts_since(1, first.id)
    assert [(v.claim_id, v.reviewer) for v in news] == [(2, "ben"), (1, "ben")]
    assert store.verdicts_since(1, news[-1].id) == []
    assert store.verdict_in_force(1) == news[-1] and store.verdict_in_force(3).reviewer == "ben"


def test_an_imported_older_verdict_neither_takes_the_credit_nor_asks_to_overrule(store: Store):
    """Recorded after ana's (a higher id) but dated before it, zed's imported verdict is
    not in force: progress credits ana and the review screen has nothing to confirm."""
    document = store.add_document(
        "A.", title="t", source="-", claims=[Claim("A.", 0, 2, 0, 2)]
    ).document
    session = ReviewSession(store, document.id, reviewer="ana")
    session.decide(1, Status.DISPUTED)
    with store.write() as db:
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
            " VALUES (1, 'supported', NULL, 'zed', NULL, '2020-01-01T00:00:00Z')"
        )
    assert store.get_claim(1).status is Status.DISPUTED
    assert store.verdict_in_force(1).reviewer == "ana"
    assert session.decided_by_someone_else(1) is None
    shares = {r.reviewer: r for r in store.reviewer_progress()[document.id]}
    assert (shares["ana"].decided, shares["ana"].disputed) == (1, 1)
    assert shares["zed"].decided == 0 and shares["zed"].verdicts == 1
