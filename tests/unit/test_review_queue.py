"""The session's verdict queue: what waits while the database cannot be written, how
soon it is tried again, what undo does to it, and the typed lock error behind it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.desk import session as review
from factcheck.desk.session import Dropped, PendingVerdict, ReviewSession, Undone
from factcheck.errors import NotFoundError, StoreError, StoreLocked
from factcheck.models import Claim, Status
from factcheck.store import Store

TEXT = "Prices rose 4% in 2023. Rents fell. Wages rose 2%."
CLAIMS = [
    Claim("Prices rose 4% in 2023.", 0, 23, 0, 23),
    Claim("Rents fell.", 24, 35, 24, 35),
    Claim("Wages rose 2%.", 36, 50, 36, 50),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.db"
    with Store(path) as store:
        store.add_document(TEXT, title="t", source="-", claims=CLAIMS)
    return path


@pytest.fixture
def impatient(db: Path) -> Iterator[Store]:
    """A store that gives up on a lock after 50 ms, as the review screen's does."""
    with Store(db, timeout=0.05) as store:
        yield store


class Holder:
    """Another process's write transaction on the file (BEGIN IMMEDIATE)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("COMMIT")
        self.conn.close()


def statuses(path: Path) -> list[Status]:
    with Store(path) as store:
        return [store.get_claim(i).status for i in (1, 2, 3)]


def test_a_held_lock_is_a_store_locked_error(db: Path, impatient: Store):
    holder = Holder(db)
    try:
        with pytest.raises(StoreLocked, match="locked by another process") as caught:
            impatient.mark([1], Status.SUPPORTED, reviewer="ana")
    finally:
        holder.release()
    assert isinstance(caught.value, StoreError)  # callers that only know StoreError still work


def test_a_read_only_database_is_a_store_error_but_not_a_lock(impatient: Store):
    impatient.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match="read-only") as caught:
        impatient.mark([1], Status.SUPPORTED, reviewer="ana")
    assert not isinstance(caught.value, StoreLocked)


def test_verdicts_wait_in_order_while_locked_and_are_saved_after(db: Path, impatient: Store):
    session = ReviewSession(impatient, 1, reviewer="ana")
    holder = Holder(db)
    first = session.submit(1, Status.SUPPORTED, note="ONS")
    assert first.saved == () and first.locked and isinstance(first.waiting, StoreLocked)
    assert first.retry_in == review.LOCK_RETRY_SECONDS
    assert (first.attempts, first.worth_telling) == (1, True)
    second = session.submit(2, Status.DISPUTED)
    assert (second.attempts, second.worth_telling) == (2, False)  # told once, not per try
    assert list(session.pending) == [
        PendingVerdict(1, Status.SUPPORTED, "ONS", None),
        PendingVerdict(2, Status.DISPUTED, None, None),
    ]
    holder.release()
    assert statuses(db) == [Status.UNVERIFIED] * 3  # nothing written while locked
    flushed = session.flush()
    assert [d.claim_id for d in flushed.saved] == [1, 2]
    assert flushed.recovered and flushed.waiting is None and flushed.retry_in is None
    assert not session.pending and session.failed_attempts == 0
    assert statuses(db) == [Status.SUPPORTED, Status.DISPUTED, Status.UNVERIFIED]
    assert impatient.history(1)[-1].note == "ONS"
    assert not session.submit(3, Status.SUPPORTED).recovered  # nothing had waited


def test_a_waiting_queue_is_worth_a_notice_every_twentieth_try(db: Path, impatient: Store):
    session = ReviewSession(impatient, 1, reviewer="ana")
    holder = Holder(db)
    try:
        told = [session.submit(1, Status.SUPPORTED).worth_telling]
        told += [session.flush().worth_telling for _ in range(review.RETRY_NOTICE_EVERY)]
    finally:
        holder.release()
    assert [n + 1 for n, yes in enumerate(told) if yes] == [1, review.RETRY_NOTICE_EVERY]
    assert len(session.pending) == 1


def test_other_write_errors_wait_longer(impatient: Store):
    session = ReviewSession(impatient, 1, reviewer="ana")
    impatient.conn.execute("PRAGMA query_only = ON")
    flushed = session.submit(1, Status.SUPPORTED)
    assert not flushed.locked and "read-only" in str(flushed.waiting)
    assert flushed.retry_in == review.WRITE_ERROR_RETRY_SECONDS
    impatient.conn.execute("PRAGMA query_only = OFF")
    assert [d.claim_id for d in session.flush().saved] == [1]


def test_a_verdict_that_can_never_be_saved_leaves_the_queue(impatient: Store):
    session = ReviewSession(impatient, 1, reviewer="ana")
    session.pending.append(PendingVerdict(99, Status.SUPPORTED))
    flushed = session.submit(2, Status.DISPUTED)
    ((verdict, error),) = flushed.refused
    assert verdict.claim_id == 99 and isinstance(error, NotFoundError)
    assert [d.claim_id for d in flushed.saved] == [2]  # the one behind it is not held up
    assert not session.pending and flushed.retry_in is None


def test_undo_drops_a_queued_verdict_before_withdrawing_a_saved_one(db: Path, impatient: Store):
    session = ReviewSession(impatient, 1, reviewer="ana")
    saved = session.submit(1, Status.SUPPORTED).saved[0]
    holder = Holder(db)
    session.submit(2, Status.DISPUTED)
    dropped = session.undo()
    assert isinstance(dropped, Dropped) and dropped.claim_id == 2
    assert not session.pending and session.failed_attempts == 0
    holder.release()
    assert session.flush().saved == ()  # the dropped verdict is gone for good
    undone = session.undo()
    assert isinstance(undone, Undone) and undone.decision == saved and undone.in_force is None
    assert statuses(db) == [Status.UNVERIFIED] * 3
    assert session.undo() is None
