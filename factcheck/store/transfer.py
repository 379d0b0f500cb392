"""Merging documents, claims, verdict histories and evidence from another database.

`factcheck import report.json` parses the file (in `factcheck.export.json_report`) into
the bundles below and hands them to `Store.merge_bundles`, which writes everything in
one transaction. Merging is idempotent: a document is matched by the sha256 of its
text, a claim by its offsets in that text, evidence and verdicts by their content, so
importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from factcheck.models import Claim, Document, Evidence, Verdict
from factcheck.store.connection import StoreBase, utc_now
from factcheck.store.documents import claim_row, insert_document_row, text_sha256
from factcheck.store.evidence import insert_evidence_row

if TYPE_CHECKING:
    import sqlite_utils  # hints only: Store makes its Database lazily


@dataclass(frozen=True)
class ClaimBundle:
    """A claim with its full verdict history and evidence, as exported.

    Ids inside a bundle are the exporting database's: a verdict's `evidence_id`
    refers to the `id` of one of `evidence`; the merge maps them to new ids.
    """

    claim: Claim
    history: tuple[Verdict, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class DocumentBundle:
    document: Document
    claims: tuple[ClaimBundle, ...] = ()


@dataclass
class MergeResult:
    """What a merge added, and what it found already present."""

    documents_added: int = 0
    documents_matched: int = 0
    claims_added: int = 0
    claims_matched: int = 0
    verdicts_added: int = 0
    verdicts_present: int = 0
    evidence_added: int = 0
    document_ids: list[int] = field(default_factory=list)
    """Ids, in this database, of the documents merged (in bundle order)."""


class TransferMixin(StoreBase):
    """Writes for `factcheck import`: merge exported bundles into this database."""

    def merge_bundles(self, bundles: Iterable[DocumentBundle]) -> MergeResult:
        """Merge documents with their claims, verdicts and evidence, all or nothing.

        A document already here (same text) keeps its title and metadata, gaining only
        fields it lacks; its claims are matched by offsets, new ones added. Verdicts
        already present (same status, note, reviewer, date and cited evidence) are
        skipped, so history is never duplicated; each claim's status then follows its
        newest verdict.
        """
        result = MergeResult()
        with self.write() as db:
            for bundle in bundles:
                document_id = self._merge_document(db, bundle.document, result)
                result.document_ids.append(document_id)
                for claim_bundle in bundle.claims:
                    self._merge_claim(db, document_id, claim_bundle, result)
        return result

    def _merge_document(
        self, db: sqlite_utils.Database, document: Document, result: MergeResult
    ) -> int:
        digest = text_sha256(document.text)
        row = db.execute(
            "SELECT id, url, author, publisher, published_at FROM documents WHERE sha256 = ?",
            [digest],
        ).fetchone()
        if row is None:
            document_id = insert_document_row(
                db,
                replace(document, sha256=digest, added_at=document.added_at or utc_now()),
            )
            result.documents_added += 1
            return document_id
        document_id, *current = row
        incoming = [document.url, document.author, document.publisher, document.published_at]
        pairs = zip(current, incoming, strict=True)
        merged = [old if old is not None else new for old, new in pairs]
        if merged != current:
            db.execute(
                "UPDATE documents SET url = ?, author = ?, publisher = ?, published_at = ?"
                " WHERE id = ?",
                [*merged, document_id],
            )
        result.documents_matched += 1
        return int(document_id)

    def _merge_claim(
        self, db: sqlite_utils.Database, document_id: int, bundle: ClaimBundle, result: MergeResult
    ) -> None:
        claim = bundle.claim
        row = db.execute(
            'SELECT id FROM claims WHERE document_id = ? AND "start" = ? AND "end" = ?'
            " ORDER BY id LIMIT 1",
            [document_id, claim.start, claim.end],
        ).fetchone()
        if row is None:
            updated_at = claim.updated_at or utc_now()
            claim_id = int(
                db["claims"].insert(claim_row(document_id, claim, updated_at=updated_at)).last_rowid
                or 0
            )
            result.claims_added += 1
        else:
            claim_id = int(row[0])
            result.claims_matched += 1
        evidence_ids = {
            item.id: self._merge_evidence(db, claim_id, item, result) for item in bundle.evidence
        }
        for verdict in sorted(bundle.history, key=lambda v: (v.created_at, v.id)):
            self._merge_verdict(db, claim_id, verdict, evidence_ids, result)
        newest = db.execute(
            "SELECT status, created_at FROM verdicts WHERE claim_id = ?"
            " ORDER BY created_at DESC, id DESC LIMIT 1",
            [claim_id],
        ).fetchone()
        if newest is not None:
            db.execute(
                "UPDATE claims SET status = ?, updated_at = max(updated_at, ?) WHERE id = ?",
                [newest[0], newest[1], claim_id],
            )

    def _merge_evidence(
        self, db: sqlite_utils.Database, claim_id: int, item: Evidence, result: MergeResult
    ) -> int:
        key = [claim_id, str(item.source), item.title, item.passage, item.url, item.reference_id]
        row = db.execute(
            "SELECT id FROM evidence WHERE claim_id = ? AND source = ? AND title = ?"
            " AND passage = ? AND url IS ? AND reference_id IS ? AND revision_id IS ?"
            " ORDER BY id LIMIT 1",
            [*key, item.revision_id],
        ).fetchone()
        if row is not None:
            return int(row[0])
        cursor = insert_evidence_row(db, claim_id, item, created_at=utc_now())
        result.evidence_added += 1
        return int(cursor.lastrowid or 0)

    def _merge_verdict(
        self,
        db: sqlite_utils.Database,
        claim_id: int,
        verdict: Verdict,
        evidence_ids: dict[Any, int],
        result: MergeResult,
    ) -> None:
        evidence_id = evidence_ids.get(verdict.evidence_id) if verdict.evidence_id else None
        values = [claim_id, str(verdict.status), verdict.note, verdict.reviewer, evidence_id]
        present = db.execute(
            "SELECT 1 FROM verdicts WHERE claim_id = ? AND status = ? AND note IS ?"
            " AND reviewer = ? AND evidence_id IS ? AND created_at = ?",
            [*values, verdict.created_at],
        ).fetchone()
        if present:
            result.verdicts_present += 1
            return
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [*values, verdict.created_at],
        )
        result.verdicts_added += 1
