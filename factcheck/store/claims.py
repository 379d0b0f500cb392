"""Claims and their verdicts: listing, counting, marking and history."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError, NotFoundError
from factcheck.models import Claim, ClaimKind, Status, Verdict
from factcheck.store.connection import StoreBase, storable_id, utc_now
from factcheck.store.text import clean_text

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

# -- the verdict in force ------------------------------------------------------------
#
# One rule, used by the store (a claim's status), the merge of imported reports, the
# listings and every export: the verdict in force on a claim is its verdict with the
# latest `created_at`, and of verdicts recorded in the same second the one recorded
# last (highest id). `claims.status` is kept equal to that verdict's status by
# `set_status_in_force`, in the transaction that adds verdicts. See docs/reports.md.

IN_FORCE_ORDER = "created_at DESC, id DESC"
"""SQL ORDER BY that puts a claim's verdict in force first."""


def in_force_key(verdict: Verdict) -> tuple[str, int]:
    """Sort key of `IN_FORCE_ORDER` in Python: the maximum is the verdict in force."""
    return (verdict.created_at, verdict.id)


def verdict_in_force(history: Iterable[Verdict]) -> Verdict | None:
    """The verdict in force among a claim's verdicts (None when it has none)."""
    return max(history, key=in_force_key, default=None)


def set_status_in_force(db: sqlite_utils.Database | sqlite3.Connection, claim_id: int) -> None:
    """Make `claims.status` the status of the verdict in force (inside a transaction)."""
    db.execute(
        "UPDATE claims SET status = coalesce("
        f"(SELECT status FROM verdicts WHERE claim_id = ? ORDER BY {IN_FORCE_ORDER} LIMIT 1),"
        " status), updated_at = max(updated_at, coalesce("
        f"(SELECT created_at FROM verdicts WHERE claim_id = ? ORDER BY {IN_FORCE_ORDER} LIMIT 1),"
        " updated_at)) WHERE id = ?",
        [claim_id, claim_id, claim_id],
    )


def _stamp_after(db: sqlite_utils.Database | sqlite3.Connection, claim_id: int, now: str) -> str:
    """The date to record a new verdict with: now, or the date of the verdict in force
    if that is later (an imported verdict stamped by a clock running ahead), so the
    verdict a reviewer records here is always the one in force afterwards."""
    row = db.execute(
        f"SELECT created_at FROM verdicts WHERE claim_id = ? ORDER BY {IN_FORCE_ORDER} LIMIT 1",
        [claim_id],
    ).fetchone()
    if row is None or row[0] <= now or parse_timestamp(row[0]) is None:
        return now
    return str(row[0])


def parse_timestamp(value: str) -> datetime | None:
    """An ISO 8601 date or date-time as an aware UTC datetime; None if it is not one."""
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (TypeError, ValueError, OverflowError):  # 0001-01-01T00:00+14:00 overflows
        return None


class ClaimsMixin(StoreBase):
    """Queries on `claims` and the append-only `verdicts` history."""

    def list_claims(
        self,
        *,
        status: Status | str | None = None,
        document_id: int | None = None,
        kind: ClaimKind | str | None = None,
        min_score: float | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Claims in document order (document, then position), optionally filtered.

        `min_score` keeps claims at least that check-worthy (0.5 is the splitter's
        threshold): a desk short of time reviews those first.
        """
        return [
            claim_from_row(row)
            for row in self.claim_rows(
                status=status, document_id=document_id, kind=kind, min_score=min_score, limit=limit
            )
        ]

    def claim_rows(
        self,
        *,
        status: Status | str | None = None,
        document_id: int | None = None,
        kind: ClaimKind | str | None = None,
        min_score: float | None = None,
        limit: int | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """The claims `list_claims` returns, as plain tuples in `CLAIM_FIELDS` order
        (kind and status as their strings), read from the cursor as they are consumed.

        For listings of any size (`factcheck list` of 900k claims): memory stays flat
        and no `Claim` is built per row. A plain cursor, not sqlite-utils' `query`,
        which wraps every SELECT in a SAVEPOINT.
        """
        where, params = [], []
        if status is not None:
            where.append("status = ?")
            params.append(str(Status(status)))
        if document_id is not None:
            where.append("document_id = ?")
            params.append(storable_id(document_id, "document"))
        if kind is not None:
            where.append("kind = ?")
            params.append(str(ClaimKind(kind)))
        if min_score is not None:
            where.append("score >= ?")
            params.append(min_score)
        sql = f"SELECT {_CLAIM_COLUMNS} FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY document_id, "start", id'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        yield from self.conn.execute(sql, params)

    def get_claim(self, claim_id: int) -> Claim:
        storable_id(claim_id, "claim")
        row = self.conn.execute(
            f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id}")
        return claim_from_row(row)

    def counts(self, *, document_id: int | None = None) -> dict[Status, int]:
        """How many claims have each status, in one document or in all."""
        sql = "SELECT status, count(*) FROM claims"
        params: list[Any] = []
        if document_id is not None:
            sql += " WHERE document_id = ?"
            params.append(document_id)
        result = dict.fromkeys(Status, 0)
        for status, count in self.conn.execute(sql + " GROUP BY status", params):
            result[Status(status)] = count
        return result

    # -- verdicts ----------------------------------------------------------------

    def mark(
        self,
        claim_ids: Sequence[int],
        status: Status | str,
        *,
        reviewer: str,
        note: str | None = None,
        evidence_id: int | None = None,
    ) -> list[Verdict]:
        """Record a verdict on each claim, all in one transaction.

        Every call appends one event per claim (a claim named twice counts once) to
        `verdicts`, and the new verdict is the one in force: it is stamped now, or
        with the date of the verdict in force if an imported one lies ahead. An
        unknown claim id, or evidence that is not the claim's own, aborts the batch.
        """
        status = Status(status)
        note = clean_text(note)
        reviewer = clean_text(reviewer) or ""
        now = utc_now()
        verdict_ids = []
        with self.write() as db:
            cited_claim = None
            for claim_id in claim_ids:
                storable_id(claim_id, "claim")
            if evidence_id is not None:
                storable_id(evidence_id, "evidence")
                row = db.execute(
                    "SELECT claim_id FROM evidence WHERE id = ?", [evidence_id]
                ).fetchone()
                if row is None:
                    raise NotFoundError(f"no evidence with id {evidence_id}")
                cited_claim = int(row[0])
            for claim_id in dict.fromkeys(claim_ids):
                if not db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone():
                    raise NotFoundError(f"no claim with id {claim_id}")
                if cited_claim is not None and cited_claim != claim_id:
                    raise InputError(
                        f"evidence {evidence_id} belongs to claim {cited_claim}, not to claim"
                        f" {claim_id}: cite one of claim {claim_id}'s own (see `show {claim_id}`)"
                    )
                stamp = _stamp_after(db, claim_id, now)
                cursor = db.execute(
                    "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [claim_id, str(status), note, reviewer, evidence_id, stamp],
                )
                verdict_ids.append(int(cursor.lastrowid or 0))
                set_status_in_force(db, claim_id)
        return [self._verdict(verdict_id) for verdict_id in verdict_ids]

    def history(self, claim_id: int) -> list[Verdict]:
        """A claim's verdict events, oldest first: the last is the verdict in force."""
        self.get_claim(claim_id)
        return [
            _verdict_from_tuple(row)
            for row in self.conn.execute(
                f"SELECT {_VERDICT_COLUMNS} FROM verdicts WHERE claim_id = ?"
                " ORDER BY created_at, id",
                [claim_id],
            )
        ]

    def verdict_in_force(self, claim_id: int) -> Verdict | None:
        """The claim's verdict in force (see `IN_FORCE_ORDER`), None if it has none."""
        row = self.conn.execute(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts WHERE claim_id = ?"
            f" ORDER BY {IN_FORCE_ORDER} LIMIT 1",
            [claim_id],
        ).fetchone()
        return _verdict_from_tuple(row) if row else None

    def recent_verdicts(self, *, limit: int = 10, document_id: int | None = None) -> list[Verdict]:
        """The latest verdict events, newest first (the review screen's strip)."""
        sql = f"SELECT {_VERDICT_COLUMNS} FROM verdicts"
        params: list[Any] = []
        if document_id is not None:
            sql += " JOIN claims ON claims.id = verdicts.claim_id WHERE claims.document_id = ?"
            params.append(document_id)
        sql += " ORDER BY verdicts.id DESC LIMIT ?"
        params.append(limit)
        return [_verdict_from_tuple(row) for row in self.conn.execute(sql, params)]

    def _verdict(self, verdict_id: int) -> Verdict:
        row = self.conn.execute(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts WHERE id = ?", [verdict_id]
        ).fetchone()
        return _verdict_from_tuple(row)


CLAIM_FIELDS = tuple(field.name for field in dataclasses.fields(Claim))
"""A claim's fields in declaration order: the order of `claim_rows` tuples, and of the
keys of every JSON and CSV listing of claims."""
_CLAIM_COLUMNS = ", ".join(f'"{name}"' for name in CLAIM_FIELDS)
_KINDS = {str(kind): kind for kind in ClaimKind}
_STATUSES = {str(status): status for status in Status}


def claim_from_row(row: tuple[Any, ...]) -> Claim:
    """A `claim_rows` tuple as a Claim (enum strings looked up, not parsed)."""
    text, start, end, sentence_start, sentence_end, kind, score, id_, document_id, status, at = row
    return Claim(
        text,
        start,
        end,
        sentence_start,
        sentence_end,
        _KINDS.get(kind) or ClaimKind(kind),
        score,
        id_,
        document_id,
        _STATUSES.get(status) or Status(status),
        at,
    )


_VERDICT_COLUMNS = ", ".join(f"verdicts.{field.name}" for field in dataclasses.fields(Verdict))
"""The verdicts columns in `Verdict` field order (qualified: `recent_verdicts` joins)."""


def _verdict_from_tuple(row: tuple[Any, ...]) -> Verdict:
    id_, claim_id, status, note, reviewer, evidence_id, created_at = row
    return Verdict(
        id_,
        claim_id,
        _STATUSES.get(status) or Status(status),
        note,
        reviewer,
        evidence_id,
        created_at,
    )
