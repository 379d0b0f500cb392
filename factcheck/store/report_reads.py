"""Set-based reads for reports: every verdict and every piece of evidence of the claims
a report covers, in one query each instead of a few queries per claim.

`export.build_report` on a million claims made ~5 queries a claim; these give it the
same data grouped by claim id, in the same order `history` and `list_evidence` give.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factcheck.models import Evidence, Status, Verdict
from factcheck.store.claims import _VERDICT_COLUMNS, _verdict_from_tuple
from factcheck.store.connection import StoreBase
from factcheck.store.evidence import _evidence_from_row

_ID_BATCH = 500
"""Ids per `IN (...)` list: well under SQLite's bound-parameter limit."""


class ReportReadsMixin(StoreBase):
    """Bulk reads of verdicts and evidence, grouped by claim."""

    def verdicts_by_claim(
        self, *, document_id: int | None = None, status: Status | str | None = None
    ) -> dict[int, list[Verdict]]:
        """Each claim's verdict history, oldest first (as `history`), for the claims
        of one document or all, optionally only those with `status`."""
        where, params = _claims_filter(document_id, status)
        sql = f"SELECT {_VERDICT_COLUMNS} FROM verdicts{where}"
        sql += " ORDER BY verdicts.claim_id, verdicts.created_at, verdicts.id"
        found: dict[int, list[Verdict]] = {}
        for row in self.conn.execute(sql, params):
            verdict = _verdict_from_tuple(row)
            found.setdefault(verdict.claim_id, []).append(verdict)
        return found

    def evidence_by_claim(
        self, *, document_id: int | None = None, status: Status | str | None = None
    ) -> dict[int, list[Evidence]]:
        """Each claim's stored evidence, best first (as `list_evidence`)."""
        where, params = _claims_filter(document_id, status, table="evidence")
        sql = f"SELECT * FROM evidence{where} ORDER BY evidence.claim_id, score DESC, id"
        found: dict[int, list[Evidence]] = {}
        for row in self.query(sql, params):
            found.setdefault(row["claim_id"], []).append(_evidence_from_row(row))
        return found

    def evidence_by_ids(self, ids: Iterable[int]) -> dict[int, Evidence]:
        """Evidence rows by id; ids that no longer exist are simply absent."""
        wanted = sorted(set(ids))
        found: dict[int, Evidence] = {}
        for start in range(0, len(wanted), _ID_BATCH):
            batch = wanted[start : start + _ID_BATCH]
            marks = ",".join("?" * len(batch))
            for row in self.query(f"SELECT * FROM evidence WHERE id IN ({marks})", batch):
                found[row["id"]] = _evidence_from_row(row)
        return found


def _claims_filter(
    document_id: int | None, status: Status | str | None, *, table: str = "verdicts"
) -> tuple[str, list[Any]]:
    """` WHERE table.claim_id IN (claims of the document / with the status)`, if any."""
    conditions, params = [], []
    if document_id is not None:
        conditions.append("document_id = ?")
        params.append(document_id)
    if status is not None:
        conditions.append("status = ?")
        params.append(str(Status(status)))
    if not conditions:
        return "", []
    return (
        f" WHERE {table}.claim_id IN (SELECT id FROM claims WHERE {' AND '.join(conditions)})",
        params,
    )
