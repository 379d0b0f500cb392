"""Claims and their verdicts: listing, counting, marking and history."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError, NotFoundError
from factcheck.models import SHOWN_STATUSES, Claim, ClaimKind, Status, Verdict
from factcheck.records import CLAIM_FIELDS, IN_FORCE_ORDER_FIELDS
from factcheck.store.connection import StoreBase, storable_id, utc_now
from factcheck.store.text import clean_text

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

# -- the verdict in force ------------------------------------------------------------
#
# The rule is `factcheck.records.verdict_in_force`; these are its SQL twins, built from
# the same ranking (`IN_FORCE_ORDER_FIELDS`). `claims.status` and `claims.decided` are
# kept equal to it by `set_status_in_force`, in the transaction that adds verdicts.

IN_FORCE_ORDER = ", ".join(f"{name} DESC" for name in IN_FORCE_ORDER_FIELDS)
"""SQL ORDER BY that puts a claim's verdict in force first among its standing verdicts
(`STANDING`): never use it without that condition."""

STANDING = (
    "undoes IS NULL AND NOT EXISTS (SELECT 1 FROM verdicts AS undo WHERE undo.undoes = {v}.id)"
)
"""SQL condition (format `v` with the verdicts table's alias) that keeps a claim's
standing verdicts (`factcheck.records.standing_verdicts`): not an undo event and not
undone. Probes the partial index `verdicts_undoes`, so it costs one index look-up a
verdict."""


def in_force_id_sql(claim_id: str) -> str:
    """A scalar SQL subquery: the id of the verdict in force on the claim whose id is the
    SQL expression `claim_id` (a `?` or a column such as `c.id`), NULL if undecided."""
    return (
        f"(SELECT standing.id FROM verdicts AS standing WHERE standing.claim_id = {claim_id}"
        f" AND {STANDING.format(v='standing')} ORDER BY {IN_FORCE_ORDER} LIMIT 1)"
    )


def set_status_in_force(db: sqlite_utils.Database | sqlite3.Connection, claim_id: int) -> None:
    """Make `claims.status` the status of the verdict in force ('unverified' when none
    is) and `claims.decided` whether there is one (inside a transaction)."""
    in_force = in_force_id_sql("?")
    db.execute(
        "UPDATE claims SET"
        f" status = coalesce((SELECT status FROM verdicts WHERE id = {in_force}), 'unverified'),"
        f" decided = {in_force} IS NOT NULL,"
        " updated_at = max(updated_at, coalesce("
        "(SELECT max(created_at) FROM verdicts WHERE claim_id = ?), updated_at))"
        " WHERE id = ?",
        [claim_id, claim_id, claim_id, claim_id],
    )


def _stamp_after(db: sqlite_utils.Database | sqlite3.Connection, claim_id: int, now: str) -> str:
    """The date to record a new verdict event with: now, or the date of the claim's
    latest event if that is later (an imported verdict stamped by a clock running
    ahead). A new event also has the highest id, so by the in-force ranking
    (`IN_FORCE_ORDER_FIELDS`: date, then id) the verdict a reviewer records here is
    always the one in force afterwards."""
    row = db.execute(
        "SELECT max(created_at) FROM verdicts WHERE claim_id = ?", [claim_id]
    ).fetchone()
    if row is None or row[0] is None or row[0] <= now or parse_timestamp(row[0]) is None:
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
        include_hidden: bool = False,
    ) -> list[Claim]:
        """Claims in document order (document, then position), optionally filtered.

        `min_score` keeps claims at least that check-worthy (0.5 is the splitter's
        threshold): a desk short of time reviews those first. Dismissed claims and
        the repeats of a statement (`Claim.duplicate_of`) are left out unless
        `include_hidden` (or `status="dismissed"`, which lists dismissed claims).
        """
        return [
            claim_from_row(row)
            for row in self.claim_rows(
                status=status,
                document_id=document_id,
                kind=kind,
                min_score=min_score,
                limit=limit,
                include_hidden=include_hidden,
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
        include_hidden: bool = False,
        occurrences: bool = False,
    ) -> Iterator[tuple[Any, ...]]:
        """The claims `list_claims` returns, as plain tuples in `CLAIM_FIELDS` order
        (kind and status as their strings), read from the cursor as they are consumed.

        For listings of any size (`factcheck list` of 900k claims): memory stays flat
        and no `Claim` is built per row. A plain cursor, not sqlite-utils' `query`,
        which wraps every SELECT in a SAVEPOINT. With `occurrences`, each tuple ends
        with how often the claim occurs in its document (1 + its repeats): one probe
        of the partial index on `duplicate_of` a row, and none at all (a constant)
        while the database holds no repeat.
        """
        where: list[str] = []
        params: list[str | int | float] = []
        if status is not None:
            where.append("status = ?")
            params.append(str(Status(status)))
        elif not include_hidden:
            where.append(f"status != '{Status.DISMISSED}'")
        if not include_hidden:
            where.append("duplicate_of IS NULL")
        if document_id is not None:
            where.append("document_id = ?")
            params.append(storable_id(document_id, "document"))
        if kind is not None:
            where.append("kind = ?")
            params.append(str(ClaimKind(kind)))
        if min_score is not None:
            where.append("score >= ?")
            params.append(min_score)
        columns = _CLAIM_COLUMNS
        if occurrences:
            grouped = self.conn.execute(
                "SELECT 1 FROM claims WHERE duplicate_of IS NOT NULL LIMIT 1"
            ).fetchone()
            columns += (
                ", 1 + (SELECT count(*) FROM claims AS repeat"
                " WHERE repeat.duplicate_of = claims.id)"
                if grouped
                else ", 1"
            )
        sql = f"SELECT {columns} FROM claims"
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

    def occurrences(self, claim_id: int) -> list[Claim]:
        """Every claim of the group `claim_id` belongs to (the claim it repeats, or that
        repeats it, and itself), in document order; just the claim when it has no
        repeat. The first of a group without `duplicate_of` is the one shown."""
        claim = self.get_claim(claim_id)
        head = claim.duplicate_of if claim.duplicate_of is not None else claim.id
        return [
            claim_from_row(row)
            for row in self.conn.execute(
                f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id = ? OR duplicate_of = ?"
                ' ORDER BY "start", id',
                [head, head],
            )
        ]

    def counts(self, *, document_id: int | None = None) -> dict[Status, int]:
        """How many claims have each status, in one document or in all (dismissed claims
        and repeats left out: a group counts once; keys are `SHOWN_STATUSES`)."""
        sql = f"SELECT status, count(*) FROM claims WHERE {SHOWN_CLAIM}"
        params: list[Any] = []
        if document_id is not None:
            sql += " AND document_id = ?"
            params.append(document_id)
        result = dict.fromkeys(SHOWN_STATUSES, 0)
        for status, count in self.conn.execute(sql + " GROUP BY status", params):
            result[Status(status)] = count
        return result

    def review_counts(self, document_id: int, *, min_score: float | None = None) -> ReviewCounts:
        """A document's claims as the review screen counts them: shown claims (groups
        once, dismissed left out) by status and decided or not, and dismissed ones.
        With `min_score`, undecided claims scoring below it are counted apart as `low`
        (the screen hides them behind a toggle, so they are not "left"). One grouped
        query."""
        counts = ReviewCounts()
        floor = float("-inf") if min_score is None else min_score
        sql = (
            "SELECT status, decided, score < ?, count(*) FROM claims"
            " WHERE document_id = ? AND duplicate_of IS NULL GROUP BY 1, 2, 3"
        )
        for name, decided, below, count in self.conn.execute(sql, [floor, document_id]):
            status = Status(name)
            if status is Status.DISMISSED:
                counts.dismissed += count
            elif decided:
                counts.decided[status] += count
            elif below:
                counts.low += count
            else:
                counts.undecided += count
        return counts

    def undecided_positions(self, document_id: int) -> list[tuple[int, int]]:
        """(start, id) of a document's shown claims nobody has decided, in document
        order: what `ReviewSession.next_undecided` walks."""
        return [
            (row[0], row[1])
            for row in self.conn.execute(
                f'SELECT "start", id FROM claims WHERE document_id = ? AND {SHOWN_CLAIM}'
                ' AND NOT decided ORDER BY "start", id',
                [document_id],
            )
        ]

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
        """Record a verdict on each claim and on every repeat of it, in one transaction.

        Every call appends one event per claim (a claim named twice counts once) to
        `verdicts`, and the new verdict is the one in force: it is stamped now, or
        with the date of the claim's latest event if an imported one lies ahead. A
        claim with repeats (`occurrences`) gets the verdict on each of them, the
        named claim first. An unknown claim id, or evidence that is not the group's
        own, aborts the batch.
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
            targets: dict[int, None] = {}
            for claim_id in dict.fromkeys(claim_ids):
                group = _group_ids(db, claim_id)
                if not group:
                    raise NotFoundError(f"no claim with id {claim_id}")
                if cited_claim is not None and cited_claim not in group:
                    raise InputError(
                        f"evidence {evidence_id} belongs to claim {cited_claim}, not to claim"
                        f" {claim_id}: cite one of claim {claim_id}'s own (see `show {claim_id}`)"
                    )
                targets[claim_id] = None
                targets.update(dict.fromkeys(group))
            for claim_id in targets:
                stamp = _stamp_after(db, claim_id, now)
                cursor = db.execute(
                    "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [claim_id, str(status), note, reviewer, evidence_id, stamp],
                )
                verdict_ids.append(int(cursor.lastrowid or 0))
                set_status_in_force(db, claim_id)
        return [self._verdict(verdict_id) for verdict_id in verdict_ids]

    def undo(self, verdict_ids: Sequence[int], *, reviewer: str) -> list[Verdict]:
        """Withdraw verdicts, all in one transaction: one undo event per verdict
        (`Verdict.undoes`), so each claim's verdict in force becomes the one before,
        or none (the claim is undecided again). Each event's status is the claim's
        status afterwards. An unknown verdict, an undo event, or a verdict already
        undone aborts the batch."""
        reviewer = clean_text(reviewer) or ""
        now = utc_now()
        event_ids = []
        with self.write() as db:
            for verdict_id in dict.fromkeys(verdict_ids):
                storable_id(verdict_id, "verdict")
                row = db.execute(
                    "SELECT claim_id, undoes, EXISTS (SELECT 1 FROM verdicts AS undo"
                    " WHERE undo.undoes = verdicts.id) FROM verdicts WHERE id = ?",
                    [verdict_id],
                ).fetchone()
                if row is None:
                    raise NotFoundError(f"no verdict with id {verdict_id}")
                claim_id, undoes, undone = row
                if undoes is not None:
                    raise InputError(f"verdict {verdict_id} is an undo; record a verdict instead")
                if undone:
                    raise InputError(f"verdict {verdict_id} is already undone")
                cursor = db.execute(
                    "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id,"
                    " created_at, undoes) VALUES (?, ?, NULL, ?, NULL, ?, ?)",
                    [
                        claim_id,
                        str(Status.UNVERIFIED),
                        reviewer,
                        _stamp_after(db, claim_id, now),
                        verdict_id,
                    ],
                )
                event_id = int(cursor.lastrowid or 0)
                set_status_in_force(db, claim_id)
                db.execute(
                    "UPDATE verdicts SET status = (SELECT status FROM claims WHERE id = ?)"
                    " WHERE id = ?",
                    [claim_id, event_id],
                )
                event_ids.append(event_id)
        return [self._verdict(event_id) for event_id in event_ids]

    def history(self, claim_id: int) -> list[Verdict]:
        """A claim's verdict events, oldest first, undo events included (see
        `factcheck.records.verdict_in_force` for which one is in force)."""
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
        """The claim's verdict in force (see `STANDING`), None if it is undecided."""
        row = self.conn.execute(
            f"SELECT {_VERDICT_COLUMNS} FROM verdicts WHERE id = {in_force_id_sql('?')}",
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


SHOWN_CLAIM = f"claims.status != '{Status.DISMISSED}' AND claims.duplicate_of IS NULL"
"""SQL condition for the claims listings, counts and reports show by default: not
dismissed, and not a repeat (a group shows once). For queries naming the table
`claims` (no alias)."""


@dataclass
class ReviewCounts:
    """A document's shown claims by decision (see `ClaimsMixin.review_counts`)."""

    decided: dict[Status, int] = dataclasses.field(
        default_factory=lambda: dict.fromkeys(SHOWN_STATUSES, 0)
    )
    """Decided claims per status (a claim marked unverified counts here)."""
    undecided: int = 0
    dismissed: int = 0
    low: int = 0
    """Undecided claims under the `min_score` asked for (not in `undecided`)."""


def _group_ids(db: sqlite_utils.Database | sqlite3.Connection, claim_id: int) -> list[int]:
    """The ids of the claim's group (itself and its repeats), [] if there is no such claim."""
    row = db.execute("SELECT coalesce(duplicate_of, id) FROM claims WHERE id = ?", [claim_id])
    head = row.fetchone()
    if head is None:
        return []
    return [
        int(found[0])
        for found in db.execute(
            'SELECT id FROM claims WHERE id = ? OR duplicate_of = ? ORDER BY "start", id',
            [head[0], head[0]],
        )
    ]


_CLAIM_COLUMNS = ", ".join(f'"{name}"' for name in CLAIM_FIELDS)
_KINDS = {str(kind): kind for kind in ClaimKind}
_STATUSES = {str(status): status for status in Status}


def claim_from_row(row: tuple[Any, ...]) -> Claim:
    """A `claim_rows` tuple as a Claim (enum strings looked up, not parsed)."""
    (
        text,
        start,
        end,
        sentence_start,
        sentence_end,
        kind,
        score,
        id_,
        document_id,
        status,
        at,
        decided,
        duplicate_of,
    ) = row
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
        bool(decided),
        duplicate_of,
    )


_VERDICT_COLUMNS = ", ".join(f"verdicts.{field.name}" for field in dataclasses.fields(Verdict))
"""The verdicts columns in `Verdict` field order (qualified: `recent_verdicts` joins)."""


def _verdict_from_tuple(row: tuple[Any, ...]) -> Verdict:
    id_, claim_id, status, note, reviewer, evidence_id, created_at, undoes = row
    return Verdict(
        id_,
        claim_id,
        _STATUSES.get(status) or Status(status),
        note,
        reviewer,
        evidence_id,
        created_at,
        undoes,
    )
