"""Claims and their verdicts: listing, counting, marking and history."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from factcheck.errors import NotFoundError
from factcheck.models import Claim, ClaimKind, Status, Verdict
from factcheck.store.connection import StoreBase, utc_now


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
            params.append(document_id)
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

        Every call appends one event per claim to `verdicts` and sets the claims'
        current status. An unknown claim id aborts the whole batch.
        """
        status = Status(status)
        now = utc_now()
        verdict_ids = []
        with self.write() as db:
            if (
                evidence_id is not None
                and not db.execute("SELECT 1 FROM evidence WHERE id = ?", [evidence_id]).fetchone()
            ):
                raise NotFoundError(f"no evidence with id {evidence_id}")
            for claim_id in claim_ids:
                updated = db.execute(
                    "UPDATE claims SET status = ?, updated_at = ? WHERE id = ?",
                    [str(status), now, claim_id],
                )
                if updated.rowcount == 0:
                    raise NotFoundError(f"no claim with id {claim_id}")
                cursor = db.execute(
                    "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [claim_id, str(status), note, reviewer, evidence_id, now],
                )
                verdict_ids.append(int(cursor.lastrowid or 0))
        return [self._verdict(verdict_id) for verdict_id in verdict_ids]

    def history(self, claim_id: int) -> list[Verdict]:
        """A claim's verdict events, oldest first."""
        self.get_claim(claim_id)
        return [
            _verdict_from_tuple(row)
            for row in self.conn.execute(
                f"SELECT {_VERDICT_COLUMNS} FROM verdicts WHERE claim_id = ? ORDER BY id",
                [claim_id],
            )
        ]

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
