"""Evidence suggested for claims, stored so a verdict can cite the exact passage."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from factcheck.errors import NotFoundError
from factcheck.models import Evidence, SourceKind
from factcheck.store.claims import ClaimsMixin
from factcheck.store.connection import storable_id, utc_now
from factcheck.store.text import clean_text

if TYPE_CHECKING:
    import sqlite_utils  # hints only: Store makes its Database lazily


class EvidenceMixin(ClaimsMixin):
    """Queries on `evidence`."""

    def save_evidence(self, claim_id: int, items: Iterable[Evidence]) -> list[Evidence]:
        """Store suggestions for a claim, replacing its earlier uncited suggestions
        from the same sources (cited evidence stays: a verdict points at it)."""
        items = list(items)
        self.get_claim(claim_id)
        now = utc_now()
        ids = []
        with self.write() as db:
            for source in {str(item.source) for item in items}:
                db.execute(
                    "DELETE FROM evidence WHERE claim_id = ? AND source = ? AND id NOT IN"
                    " (SELECT evidence_id FROM verdicts WHERE evidence_id IS NOT NULL)",
                    [claim_id, source],
                )
            for item in items:
                cursor = insert_evidence_row(db, claim_id, item, created_at=now)
                ids.append(int(cursor.lastrowid or 0))
        return [self.get_evidence(evidence_id) for evidence_id in ids]

    def list_evidence(self, claim_id: int) -> list[Evidence]:
        """A claim's stored evidence, best first."""
        return [
            _evidence_from_row(row)
            for row in self.query(
                "SELECT * FROM evidence WHERE claim_id = ? ORDER BY score DESC, id",
                [claim_id],
            )
        ]

    def get_evidence(self, evidence_id: int) -> Evidence:
        storable_id(evidence_id, "evidence")
        rows = list(self.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]))
        if not rows:
            raise NotFoundError(f"no evidence with id {evidence_id}")
        return _evidence_from_row(rows[0])


def _evidence_from_row(row: dict[str, Any]) -> Evidence:
    span = None
    if row["span_start"] is not None and row["span_end"] is not None:
        span = (row["span_start"], row["span_end"])
    return Evidence(
        id=row["id"],
        claim_id=row["claim_id"],
        source=SourceKind(row["source"]),
        title=row["title"],
        url=row["url"],
        passage=row["passage"],
        score=row["score"],
        span=span,
        agreements=tuple(json.loads(row["agreements"])),
        contradictions=tuple(json.loads(row["contradictions"])),
        reference_id=row["reference_id"],
        revision_id=row["revision_id"],
        fetched_at=row["fetched_at"],
    )


def insert_evidence_row(
    db: sqlite_utils.Database, claim_id: int, item: Evidence, *, created_at: str
) -> sqlite3.Cursor:
    """Write one evidence row for `claim_id` (inside the caller's transaction)."""
    return db.execute(
        "INSERT INTO evidence (claim_id, source, title, url, passage, score, span_start,"
        " span_end, agreements, contradictions, reference_id, revision_id, fetched_at,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            claim_id,
            str(item.source),
            clean_text(item.title),
            clean_text(item.url),
            clean_text(item.passage),
            float(item.score),
            item.span[0] if item.span else None,
            item.span[1] if item.span else None,
            json.dumps([clean_text(a) for a in item.agreements], ensure_ascii=False),
            json.dumps([clean_text(c) for c in item.contradictions], ensure_ascii=False),
            clean_text(item.reference_id),
            item.revision_id,
            item.fetched_at,
            created_at,
        ],
    )
