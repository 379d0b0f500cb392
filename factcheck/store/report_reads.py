"""Set-based reads for reports: every verdict and every piece of evidence of the claims
a report covers, in one query each instead of a few queries per claim.

`export.stream_report` (and `build_report`, which gathers it) reads a chunk of claims'
verdicts and evidence at once, grouped by claim id, in the same order `history` and
`list_evidence` give, instead of ~5 queries a claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from factcheck.models import SHOWN_STATUSES, Evidence, Status, Verdict
from factcheck.records import IN_FORCE_ORDER_FIELDS
from factcheck.store.claims import (
    _VERDICT_COLUMNS,
    SHOWN_CLAIM,
    STANDING,
    _verdict_from_tuple,
    in_force_id_sql,
)
from factcheck.store.connection import StoreBase
from factcheck.store.evidence import _evidence_from_row

_ID_BATCH = 500
"""Ids per `IN (...)` list: well under SQLite's bound-parameter limit."""


def _id_batches(ids: Iterable[int]) -> Iterator[tuple[list[int], str]]:
    """The distinct ids in ascending order, `_ID_BATCH` at a time, each batch with its
    `?,?,...` placeholders for an `IN (...)` list."""
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _ID_BATCH):
        batch = wanted[start : start + _ID_BATCH]
        yield batch, ",".join("?" * len(batch))


class ReportReadsMixin(StoreBase):
    """Bulk reads of verdicts and evidence, grouped by claim."""

    def verdicts_for_claims(self, claim_ids: Iterable[int]) -> dict[int, list[Verdict]]:
        """Each listed claim's verdict history, oldest first (as `history`): for a
        report streamed a chunk of claims at a time, so memory stays flat."""
        found: dict[int, list[Verdict]] = {}
        for batch, marks in _id_batches(claim_ids):
            sql = f"SELECT {_VERDICT_COLUMNS} FROM verdicts WHERE verdicts.claim_id IN ({marks})"
            sql += " ORDER BY verdicts.claim_id, verdicts.created_at, verdicts.id"
            for row in self.conn.execute(sql, batch):
                verdict = _verdict_from_tuple(row)
                found.setdefault(verdict.claim_id, []).append(verdict)
        return found

    def evidence_for_claims(self, claim_ids: Iterable[int]) -> dict[int, list[Evidence]]:
        """Each listed claim's stored evidence, best first (as `list_evidence`).

        A plain cursor, not sqlite-utils' `query` (a SAVEPOINT per SELECT): a streamed
        report reads this while its claim and document cursors are still open."""
        found: dict[int, list[Evidence]] = {}
        for batch, marks in _id_batches(claim_ids):
            sql = f"SELECT * FROM evidence WHERE claim_id IN ({marks})"
            cursor = self.conn.execute(sql + " ORDER BY claim_id, score DESC, id", batch)
            names = [column[0] for column in cursor.description]
            for row in cursor:
                record = dict(zip(names, row, strict=True))
                found.setdefault(record["claim_id"], []).append(_evidence_from_row(record))
        return found

    def report_totals(
        self, *, document_id: int | None = None, status: Status | str | None = None
    ) -> dict[Status, int]:
        """Claim counts per status over the documents a report lists: every document
        (or one), or with `status` only those having a claim with it. One aggregate
        query, so a streamed report can print its totals before its documents. A
        repeat never selects a document: reports list the claim it repeats."""
        listed, params = _listed_documents("document_id", document_id, status)
        conditions = ["document_id IN (SELECT id FROM documents)", SHOWN_CLAIM, *listed]
        sql = f"SELECT status, count(*) FROM claims WHERE {' AND '.join(conditions)} GROUP BY 1"
        totals = dict.fromkeys(SHOWN_STATUSES, 0)
        for name, count in self.conn.execute(sql, params):
            totals[Status(name)] += count
        return totals

    def has_decision_records(self, *, document_id: int | None = None) -> bool:
        """Whether the documents (all, or one) hold an undo event, a dismissed claim or
        a repeat: what the JSON report's version 1 cannot carry. Three probes of small
        indexes (the partial ones on `undoes` and `duplicate_of`, the status index)."""
        where, params = (
            ("", []) if document_id is None else (" AND c.document_id = ?", [document_id])
        )
        probes = (
            "SELECT 1 FROM verdicts v JOIN claims c ON c.id = v.claim_id"
            f" WHERE v.undoes IS NOT NULL{where} LIMIT 1",
            f"SELECT 1 FROM claims c WHERE c.duplicate_of IS NOT NULL{where} LIMIT 1",
            f"SELECT 1 FROM claims c WHERE c.status = '{Status.DISMISSED}'{where} LIMIT 1",
        )
        return any(self.conn.execute(sql, params).fetchone() for sql in probes)

    def document_outline(
        self, *, document_id: int | None = None, status: Status | str | None = None
    ) -> Iterator[tuple[int, str, str | None, dict[Status, int]]]:
        """(id, title, url, claim counts per status) of each document a report lists, in id
        order, without the article text: the summary a streamed report prints before
        its documents (with `status`, only documents having a claim with it)."""
        sums = ", ".join(
            "coalesce(sum(c.status = ? AND c.duplicate_of IS NULL), 0)" for _ in SHOWN_STATUSES
        )
        params: list[Any] = [str(s) for s in SHOWN_STATUSES]
        sql = f"SELECT d.id, d.title, d.url, {sums} FROM documents d"
        sql += " LEFT JOIN claims c ON c.document_id = d.id"
        if document_id is not None:
            sql += " WHERE d.id = ?"
            params.append(document_id)
        sql += " GROUP BY d.id"
        if status is not None:
            sql += " HAVING sum(c.status = ? AND c.duplicate_of IS NULL) > 0"
            params.append(str(Status(status)))
        for row in self.conn.execute(sql + " ORDER BY d.id", params):
            yield row[0], row[1], row[2], dict(zip(SHOWN_STATUSES, row[3:], strict=True))

    def outline_size(
        self, *, document_id: int | None = None, status: Status | str | None = None
    ) -> tuple[int, str | None]:
        """How many rows `document_outline` yields for the same filters, and the title
        of the one document when there is one: what a report's heading needs, in one
        aggregate query instead of a first pass over the outline."""
        conditions, params = _listed_documents("d.id", document_id, status)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        count, title = self.conn.execute(
            f"SELECT count(*), min(d.title) FROM documents d{where}", params
        ).fetchone()
        return count, title if count == 1 else None

    def reviewed_claims(
        self, *, document_id: int | None = None, status: Status | str | None = None
    ) -> Iterator[tuple[int, int, str, Status, tuple[Any, ...]]]:
        """(claim id, document id, text, status, in-force rank) of each claim a report
        lists that has a verdict in force, in report order (document, then text order).
        The rank is the verdict in force's `records.in_force_key`; the status its
        status. One query over the verdicts (not the claims), for ClaimReview's choice of
        which claim of a repeated text to publish, without building the report."""
        rank = ", ".join(f"v.{name}" for name in IN_FORCE_ORDER_FIELDS)
        sql = (
            f"SELECT claims.id, claims.document_id, claims.text, v.status, {rank}"
            " FROM verdicts v JOIN claims ON claims.id = v.claim_id"
            f" WHERE {STANDING.format(v='v')} AND v.id = {in_force_id_sql('v.claim_id')}"
            f" AND {SHOWN_CLAIM} AND claims.document_id IN (SELECT id FROM documents)"
        )
        params: list[Any] = []
        if document_id is not None:
            sql += " AND claims.document_id = ?"
            params.append(document_id)
        if status is not None:
            sql += " AND claims.status = ?"
            params.append(str(Status(status)))
        sql += ' ORDER BY claims.document_id, claims."start", claims.id'
        for claim_id, document, text, verdict_status, *key in self.conn.execute(sql, params):
            yield claim_id, document, text, Status(verdict_status), tuple(key)

    def report_rows(
        self, *, document_id: int | None = None, status: Status | str | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The CSV report's data in one query (and a cursor over the documents), a
        tuple a listed claim, in report order (document, then text order): claim id,
        number, document id, title, source and url, claim text, kind, status, the
        verdict in force's id, note, reviewer and date (NULLs when undecided), how many
        verdict events the claim has, the cited evidence's source, title, url and
        revision id (NULLs when none, or deleted), then the claim's start and end.

        The number is the claim's place among its document's shown claims, as
        `stream_report` numbers them, counted here as the rows go by (a window function
        made SQLite materialize every row and sort them again: a third of the time);
        with `status`, rows of other statuses are counted, not yielded. The verdict in
        force is the store's SQL twin of `records.verdict_in_force`. No `Claim` or
        `ClaimEntry` is built: a desk's claims are mostly undecided, with nothing but
        their own columns to write."""
        conditions = [SHOWN_CLAIM]
        params: list[Any] = []
        documents_sql = "SELECT id, title, source, url FROM documents"
        if document_id is not None:
            conditions.append("claims.document_id = ?")
            params.append(document_id)
            documents_sql += " WHERE id = ?"
        sql = f"""
            SELECT claims.id, claims.document_id, claims.text,
                claims.kind, claims.status, v.id, v.note, v.reviewer, v.created_at,
                (SELECT count(*) FROM verdicts AS h WHERE h.claim_id = claims.id),
                e.source, e.title, e.url, e.revision_id, claims."start", claims."end"
            FROM claims
            LEFT JOIN verdicts AS v ON v.id = {in_force_id_sql("claims.id")}
            LEFT JOIN evidence AS e ON e.id = v.evidence_id
            WHERE {" AND ".join(conditions)}
            ORDER BY claims.document_id, claims."start", claims.id
        """
        # The documents' title, source and url come from a second cursor, merged by id
        # (both in id order), not joined into every claim's row: SQLite would copy
        # them and Python decode them again for each claim, half the query's time.
        documents = self.conn.execute(documents_sql + " ORDER BY id", params)
        wanted = str(Status(status)) if status is not None else None
        current, number, cells = None, 0, None
        document: tuple[Any, ...] | None = next(documents, None)
        for row in self.conn.execute(sql, params):
            if row[1] != current:
                current, number = row[1], 0
                while document is not None and document[0] < current:
                    document = next(documents, None)
                # a claim of no document (as the join left out) is not listed
                cells = document[1:] if document is not None and document[0] == current else None
            if cells is None:
                continue
            number += 1
            if wanted is None or row[4] == wanted:
                yield (row[0], number, current, *cells, *row[2:])

    def evidence_by_ids(self, ids: Iterable[int]) -> dict[int, Evidence]:
        """Evidence rows by id; ids that no longer exist are simply absent."""
        found: dict[int, Evidence] = {}
        for batch, marks in _id_batches(ids):
            for row in self.query(f"SELECT * FROM evidence WHERE id IN ({marks})", batch):
                found[row["id"]] = _evidence_from_row(row)
        return found


def _listed_documents(
    column: str, document_id: int | None, status: Status | str | None
) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) on `column`, a document id, that keep the
    documents a report lists: the one asked for, and with `status` those having a
    claim with it (a repeat never selects a document: reports list the claim it
    repeats). `report_totals` and `outline_size` count over the same documents."""
    conditions: list[str] = []
    params: list[Any] = []
    if document_id is not None:
        conditions.append(f"{column} = ?")
        params.append(document_id)
    if status is not None:
        conditions.append(
            f"{column} IN (SELECT document_id FROM claims"
            " WHERE status = ? AND duplicate_of IS NULL)"
        )
        params.append(str(Status(status)))
    return conditions, params
