"""Issue 13's core rules: decided vs undecided, undo as a withdrawal, "not a claim",
groups of repeats, progress and the next undecided claim."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from factcheck.desk.session import ReviewSession, progress_line
from factcheck.errors import InputError
from factcheck.ingest import Article, add_article
from factcheck.models import Claim, Status
from factcheck.records import verdict_in_force
from factcheck.store import Store

# Five statements; the last repeats the first (a pasted paragraph printed twice).
TEXT = (
    "Exports rose 4% in 2023 to a record. Rents fell in May. Wages rose 2% last year."
    " The port handled 9 million containers. Exports rose 4% in 2023 to a record."
)


def _claims(text: str) -> list[Claim]:
    claims, start = [], 0
    for sentence in text.split(". "):
        sentence = sentence.rstrip(".") + "."
        start = text.index(sentence, start)
        claims.append(Claim(sentence, start, start + len(sentence), start, start + len(sentence)))
        start += len(sentence)
    return claims


def _add(store: Store, *, grouped: bool = True) -> int:
    claims = _claims(TEXT)
    repeats = [None, None, None, None, 0] if grouped else None
    return store.add_document(
        TEXT, title="t", source="-", claims=claims, duplicate_of=repeats
    ).document.id


def test_marking_unverified_is_a_decision_that_keeps_the_status(store: Store) -> None:
    _add(store)
    assert store.get_claim(2).decided is False
    store.mark([2], Status.UNVERIFIED, reviewer="ana")
    claim = store.get_claim(2)
    assert (claim.status, claim.decided) == (Status.UNVERIFIED, True)
    # `list --status=unverified` keeps its meaning: decided-unverified and undecided
    assert [c.id for c in store.list_claims(status="unverified")] == [1, 2, 3, 4]


def test_undoing_the_first_verdict_leaves_the_claim_undecided(store: Store) -> None:
    session = ReviewSession(store, _add(store), reviewer="ana")
    decision = session.decide(2, Status.DISPUTED, note="May figures")
    undone = session.undo()
    assert undone is not None and undone.decision == decision
    assert undone.in_force is None and undone.status is Status.UNVERIFIED
    claim = store.get_claim(2)
    assert (claim.status, claim.decided) == (Status.UNVERIFIED, False)
    assert store.verdict_in_force(2) is None
    first, event = store.history(2)
    assert event.undoes == first.id and event.reviewer == "ana" and event.note is None
    assert undone.events == (event,)
    assert verdict_in_force(store.history(2)) is None
    assert session.undo() is None


def test_undoing_a_later_verdict_puts_the_earlier_one_back_with_its_note(store: Store) -> None:
    _add(store)
    (earlier,) = store.mark([2], Status.DISPUTED, reviewer="bo", note="ONS says 3%")
    session = ReviewSession(store, 1, reviewer="ana")
    session.decide(2, Status.SUPPORTED)
    undone = session.undo()
    assert undone is not None and undone.in_force == earlier
    assert store.verdict_in_force(2) == earlier
    assert store.get_claim(2).status is Status.DISPUTED
    assert store.history(2)[-1].status is Status.DISPUTED  # the event says what is left


def test_undo_of_an_overruled_verdict_leaves_the_other_reviewers_in_force(store: Store) -> None:
    session = ReviewSession(store, _add(store), reviewer="ana")
    session.decide(2, Status.SUPPORTED)
    (theirs,) = store.mark([2], Status.DISPUTED, reviewer="bo")
    undone = session.undo()
    assert undone is not None and undone.in_force == theirs
    assert store.get_claim(2).status is Status.DISPUTED


def test_a_verdict_cannot_be_undone_twice_nor_an_undo_undone(store: Store) -> None:
    _add(store)
    (verdict,) = store.mark([2], Status.SUPPORTED, reviewer="ana")
    (event,) = store.undo([verdict.id], reviewer="ana")
    with pytest.raises(InputError, match="already undone"):
        store.undo([verdict.id], reviewer="ana")
    with pytest.raises(InputError, match="is an undo"):
        store.undo([event.id], reviewer="ana")
    assert len(store.history(2)) == 2  # the failed batches wrote nothing


def test_in_force_rule_ignores_undo_events_and_undone_verdicts_whatever_their_dates(
    store: Store,
) -> None:
    _add(store)
    (old,) = store.mark([2], Status.DISPUTED, reviewer="bo")
    (new,) = store.mark([2], Status.SUPPORTED, reviewer="ana")
    with store.write() as db:  # the undo event dated far ahead of everything
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at,"
            " undoes) VALUES (2, 'supported', NULL, 'ana', NULL, '2999-01-01T00:00:00Z', ?)",
            [new.id],
        )
        from factcheck.store.claims import set_status_in_force

        set_status_in_force(db, 2)
    assert store.verdict_in_force(2) == old == verdict_in_force(store.history(2))
    assert store.get_claim(2).status is Status.DISPUTED
    # a new verdict after a future-dated event is still the one in force
    (latest,) = store.mark([2], Status.UNVERIFIED, reviewer="ana")
    assert store.verdict_in_force(2) == latest


def test_dismissed_claims_are_hidden_but_listed_on_request_and_undoable(store: Store) -> None:
    session = ReviewSession(store, _add(store), reviewer="ana")
    session.decide(3, Status.DISMISSED)
    claim = store.get_claim(3)
    assert (claim.status, claim.decided) == (Status.DISMISSED, True)
    assert store.history(3)[-1].reviewer == "ana"
    assert 3 not in [c.id for c in store.list_claims()]
    assert [c.id for c in store.list_claims(status="dismissed")] == [3]
    assert store.counts(document_id=1) == {
        Status.SUPPORTED: 0,
        Status.DISPUTED: 0,
        Status.UNVERIFIED: 3,
    }
    assert session.progress().dismissed == 1 and session.progress().total == 3
    session.undo()
    assert 3 in [c.id for c in store.list_claims()]
    assert session.progress().dismissed == 0


def test_a_verdict_on_one_occurrence_is_recorded_on_every_occurrence(store: Store) -> None:
    _add(store)
    assert [c.id for c in store.occurrences(5)] == [1, 5] == [c.id for c in store.occurrences(1)]
    assert [c.id for c in store.occurrences(2)] == [2]
    assert store.get_claim(5).duplicate_of == 1
    session = ReviewSession(store, 1, reviewer="ana")
    decision = session.decide(5, Status.DISPUTED, note="2.9%")
    assert decision.verdict.claim_id == 5
    assert [v.claim_id for v in decision.verdicts] == [5, 1]
    assert {store.get_claim(i).status for i in (1, 5)} == {Status.DISPUTED}
    # shown once: lists and counts hold the first occurrence only
    assert [c.id for c in store.list_claims()] == [1, 2, 3, 4]
    assert sum(store.counts().values()) == 4
    session.undo()
    assert not store.get_claim(1).decided and not store.get_claim(5).decided


def test_citing_evidence_of_another_occurrence_is_allowed(store: Store) -> None:
    from factcheck.models import Evidence, SourceKind

    _add(store)
    (saved,) = store.save_evidence(1, [Evidence(SourceKind.REFERENCE, "ONS", "Exports rose", 0.9)])
    verdicts = store.mark([5], Status.SUPPORTED, reviewer="ana", evidence_id=saved.id)
    assert {v.evidence_id for v in verdicts} == {saved.id}
    with pytest.raises(InputError, match="belongs to claim 1"):
        store.mark([2], Status.SUPPORTED, reviewer="ana", evidence_id=saved.id)


def test_progress_line_counts_unverified_as_a_decision(store: Store) -> None:
    session = ReviewSession(store, _add(store), reviewer="ana")
    assert progress_line(session.progress()) == (
        "reviewed 0 of 4 · 0 supported · 0 disputed · 0 unverified · 4 left"
    )
    session.decide(1, Status.SUPPORTED)  # and its repeat, claim 5: one group
    session.decide(2, Status.DISPUTED)
    session.decide(3, Status.UNVERIFIED)
    progress = session.progress()
    assert (progress.total, progress.reviewed, progress.left) == (4, 3, 1)
    assert progress_line(progress) == (
        "reviewed 3 of 4 · 1 supported · 1 disputed · 1 unverified · 1 left"
    )


def test_next_undecided_walks_in_document_order_and_wraps(store: Store) -> None:
    session = ReviewSession(store, _add(store), reviewer="ana")
    assert session.next_undecided(None) == 1
    session.decide(1, Status.SUPPORTED)
    session.decide(3, Status.DISPUTED)
    assert session.next_undecided(None) == 2  # where a reviewer coming back lands
    assert session.next_undecided(2) == 4
    assert session.next_undecided(4) == 2  # wraps round
    assert session.next_undecided(3) == 4  # after a decided claim
    assert session.next_undecided(5) == 2  # after the repeat (never shown) too
    assert session.next_undecided(None, among={4}) == 4
    session.decide(2, Status.UNVERIFIED)
    assert session.next_undecided(2) == 4 and session.next_undecided(4) == 4
    session.decide(4, Status.DISMISSED)
    assert session.next_undecided(None) is None


def test_added_articles_keep_repeats_as_a_group_and_list_each_statement_once(
    store: Store, sample_text: str
) -> None:
    from factcheck.claims.splitter import split_claims

    document = add_article(store, Article(sample_text, title="seed", source="-"))
    shown = store.list_claims(document_id=document.document.id)
    assert [c.text for c in shown] == [c.text for c in split_claims(sample_text)]
    assert document.claim_count == len(shown)
    everything = store.list_claims(include_hidden=True)
    repeats = [c for c in everything if c.duplicate_of is not None]
    assert repeats, "the seed repeats its lead"
    for repeat in repeats:
        group = store.occurrences(repeat.id)
        assert group[0].text.startswith(repeat.text[:40]) or repeat.text in group[-1].text
        assert sample_text[repeat.start : repeat.end] == repeat.text


def test_a_version_8_database_migrates_its_verdicts_and_keeps_old_undo_events(
    old_database,
) -> None:
    path, conn = old_database(8)
    conn.executescript(
        """
        INSERT INTO documents (title, source, text, sha256, added_at)
            VALUES ('t', '-', 'A. B. C.', 'x', '2026-01-01T00:00:00Z');
        INSERT INTO claims (document_id, text, start, "end", sentence_start, sentence_end,
            kind, score, status, updated_at) VALUES
            (1, 'A.', 0, 2, 0, 2, 'other', 0.5, 'supported', '2026-01-01T00:00:00Z'),
            (1, 'B.', 3, 5, 3, 5, 'other', 0.5, 'unverified', '2026-01-01T00:00:00Z'),
            (1, 'C.', 6, 8, 6, 8, 'other', 0.5, 'unverified', '2026-01-01T00:00:00Z');
        INSERT INTO verdicts (claim_id, status, note, reviewer, created_at) VALUES
            (1, 'supported', NULL, 'ana', '2026-01-01T00:00:01Z'),
            (2, 'disputed', NULL, 'ana', '2026-01-01T00:00:01Z'),
            (2, 'unverified', 'undo of verdict #2 (disputed)', 'ana', '2026-01-01T00:00:02Z');
        """
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert [store.get_claim(i).decided for i in (1, 2, 3)] == [True, True, False]
        assert store.verdict_in_force(2).note == "undo of verdict #2 (disputed)"
        store.mark([3], Status.DISMISSED, reviewer="ana")
        assert store.get_claim(3).status is Status.DISMISSED
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("UPDATE claims SET status = 'bogus' WHERE id = 1")
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_dismissed_claims_are_not_offered_as_checked_before(store: Store) -> None:
    _add(store)
    store.mark([2, 4], Status.SUPPORTED, reviewer="ana")
    store.mark([4], Status.DISMISSED, reviewer="ana")
    found = {c.claim_id for c in store.checked_claims_matching("rents OR port")}
    assert found == {2}
    store.undo([store.history(4)[-1].id], reviewer="ana")
    assert {c.claim_id for c in store.checked_claims_matching("rents OR port")} == {2, 4}


def test_the_splitter_groups_a_restated_headline_and_a_repeated_paragraph() -> None:
    from factcheck.claims.splitter import split_claim_groups, split_claims

    text = (
        "Exports Rise 5% In March As Factories Recover\n\n"
        "Exports rose 5% in March as factories recovered from the winter shutdown, the"
        " ministry said on Tuesday. Imports fell 2% over the same period.\n\n"
        "Imports fell 2% over the same period.\n"
    )
    claims, repeats = split_claim_groups(text)
    shown = [c.text for c, r in zip(claims, repeats, strict=True) if r is None]
    assert shown == [c.text for c in split_claims(text)]  # each statement once
    grouped = {claims[i].text: claims[r].text for i, r in enumerate(repeats) if r is not None}
    assert grouped == {
        "Exports Rise 5% In March As Factories Recover": (
            "Exports rose 5% in March as factories recovered from the winter shutdown,"
            " the ministry said on Tuesday"
        ),
        "Imports fell 2% over the same period": "Imports fell 2% over the same period",
    }
    for claim, shown_for in zip(claims, repeats, strict=True):
        assert text[claim.start : claim.end] == claim.text
        if shown_for is not None:
            assert claim.score == claims[shown_for].score


def test_a_decided_group_is_one_earlier_check_not_two(store: Store) -> None:
    _add(store)
    store.mark([1], Status.SUPPORTED, reviewer="ana")  # and its repeat, claim 5
    assert [c.claim_id for c in store.checked_claims_matching("exports")] == [1]


def test_claims_under_the_threshold_are_not_left_while_hidden(store: Store) -> None:
    scores = [0.9, 0.3, 0.8, 0.2, 0.9]
    claims = [replace(c, score=s) for c, s in zip(_claims(TEXT), scores, strict=True)]
    document_id = store.add_document(
        TEXT, title="t", source="-", claims=claims, duplicate_of=[None, None, None, None, 0]
    ).document.id
    session = ReviewSession(store, document_id, reviewer="ana")
    hidden = session.progress(min_score=0.5)
    assert (hidden.total, hidden.left, hidden.low) == (2, 2, 2)
    assert session.progress().total == 4  # shown: every claim counts
    session.decide(1, Status.SUPPORTED)
    session.decide(3, Status.DISPUTED)
    assert session.progress(min_score=0.5).left == 0
    session.decide(2, Status.UNVERIFIED)  # a low one decided anyway counts as reviewed
    progress = session.progress(min_score=0.5)
    assert (progress.total, progress.reviewed, progress.low) == (3, 3, 1)
