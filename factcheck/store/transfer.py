"""Merging documents, claims, verdict histories and evidence from another database.

`factcheck import report.json` parses the file (in `factcheck.export.json_report`) into
the bundles below and hands them to `Store.merge_bundles`, which writes everything in
one transaction. Merging is idempotent: a document is matched by the sha256 of its
text, a claim by its offsets in that text, evidence and verdicts by their content, so
importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.models import Claim, Document, Evidence, Verdict
from factcheck.records import in_force_key
from factcheck.store.claims import parse_timestamp, set_status_in_force
from factcheck.store.connection import StoreBase, utc_now
from factcheck.store.documents import claim_row, insert_document_row, text_sha256
from factcheck.store.evidence import insert_evidence_row

if TYPE_CHECKING:
    import sqlite_utils  # hints only: Store makes its Database lazily


@dataclass(frozen=True)
class ClaimBundle:
    """A claim with its full verdict history and evidence, as exported.

    Ids inside a bundle are the exporting database's: a verdict's `evidence_id`
    refers to the `id` of one of `evidence`, an undo event's `undoes` to the `id` of
    another verdict of `history`, and `claim.duplicate_of` to the `claim.id` of another
    claim of the same document; the merge maps them to new ids.
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


FUTURE_TOLERANCE = timedelta(days=1)
"""How far ahead of this machine's clock an imported date may lie (clocks and time zones
are often wrong by hours, never by days). A verdict dated further ahead would stay "in
force" over every verdict recorded here until that date, so such a report is refused."""


def normalize_timestamp(value: str) -> str | None:
    """An ISO 8601 date-time as stored here (UTC, to the second, `...Z`), None if it
    is not one. One form for every recorded date keeps them ordered as text."""
    parsed = parse_timestamp(value)
    # isoformat pads the year to four digits (strftime's %Y may not, for years < 1000).
    return parsed.replace(microsecond=0, tzinfo=None).isoformat() + "Z" if parsed else None


def validate_bundles(bundles: Iterable[DocumentBundle], *, name: str = "report") -> None:
    """Check what a JSON schema cannot say; raise `InputError` at the first problem.

    Types, ranges, enums and text without NUL or lone surrogates are the schema's
    (`factcheck.export.json_report.parse_json_report` validates a report against it
    first). Left for here: offsets inside the text (`sentence_start <= start < end <=
    sentence_end`), claims that do not overlap, `text == document[start:end]`, dates
    that parse and are not more than `FUTURE_TOLERANCE` ahead, and references inside a
    document (a repeat names a claim, an undo event a verdict, a verdict the claim's own
    evidence; ids are unique where they are referred to). Paths in messages
    (`documents[0].claims[2].start`) follow bundle order, which is the order of the
    report file.
    """
    latest = datetime.now(UTC) + FUTURE_TOLERANCE
    check = _Checker(name, latest)
    for i, bundle in enumerate(bundles):
        check.document(bundle, f"documents[{i}]")


class _Checker:
    def __init__(self, name: str, latest: datetime) -> None:
        self.name = name
        self.latest = latest

    def fail(self, where: str, problem: str) -> InputError:
        return InputError(f"{self.name}: {where}: {problem}")

    def date(self, value: str | None, where: str, *, recorded: bool = True) -> None:
        """A date the schema's pattern let through that does not parse (`2026-13-45`)
        or, if it was recorded, lies in the future (it would stay in force)."""
        if value is None:
            return
        parsed = parse_timestamp(value)
        if parsed is None:
            raise self.fail(where, f"{value[:40]!r} is not an ISO 8601 date")
        if recorded and parsed > self.latest:
            raise self.fail(where, f"{value[:40]} is more than a day in the future (clock wrong?)")

    def document(self, bundle: DocumentBundle, where: str) -> None:
        d = bundle.document
        self.date(d.published_at, f"{where}.published_at", recorded=False)
        self.date(d.added_at or None, f"{where}.added_at")
        taken: list[tuple[int, int, str]] = []
        for j, claim_bundle in enumerate(bundle.claims):
            here = f"{where}.claims[{j}]"
            self.claim(claim_bundle, here, d.text)
            taken.append((claim_bundle.claim.start, claim_bundle.claim.end, here))
        self.groups(bundle, where)
        taken.sort()
        for (_, end, first), (start, _, second) in itertools.pairwise(taken):
            if start < end:
                raise self.fail(second, f"overlaps {first} (claims of a document are disjoint)")

    def groups(self, bundle: DocumentBundle, where: str) -> None:
        """A repeat names a claim of the same document that repeats no other."""
        claims = [claim_bundle.claim for claim_bundle in bundle.claims]
        if all(claim.duplicate_of is None for claim in claims):
            return
        heads: dict[int, bool] = {}
        for j, claim in enumerate(claims):
            if claim.id is not None:
                if claim.id in heads:
                    raise self.fail(f"{where}.claims[{j}].id", f"{claim.id} is used twice")
                heads[claim.id] = claim.duplicate_of is None
        for j, claim in enumerate(claims):
            if claim.duplicate_of is None:
                continue
            if claim.duplicate_of == claim.id or not heads.get(claim.duplicate_of, False):
                raise self.fail(
                    f"{where}.claims[{j}].duplicate_of",
                    f"{claim.duplicate_of} is not the id of another claim of this document"
                    " that repeats no other",
                )

    def withdrawals(self, history: tuple[Verdict, ...], where: str) -> None:
        """An undo event names another verdict of the history, not an undo, once."""
        if all(verdict.undoes is None for verdict in history):
            return
        plain: set[int] = set()
        for k, verdict in enumerate(history):
            if not verdict.id:  # optional in the schema, needed once undo events refer to ids
                raise self.fail(f"{where}.history[{k}].id", "is missing (the history has undos)")
            if verdict.undoes is None:
                if verdict.id in plain:
                    raise self.fail(f"{where}.history[{k}].id", f"{verdict.id} is used twice")
                plain.add(verdict.id)
        undone: set[int] = set()
        for k, verdict in enumerate(history):
            if verdict.undoes is None:
                continue
            here = f"{where}.history[{k}].undoes"
            if verdict.undoes not in plain:
                raise self.fail(here, f"{verdict.undoes} is not a verdict of this history")
            if verdict.undoes in undone:
                raise self.fail(here, f"verdict {verdict.undoes} is undone twice")
            undone.add(verdict.undoes)

    def claim(self, bundle: ClaimBundle, where: str, text: str) -> None:
        c = bundle.claim
        if not c.sentence_start <= c.start < c.end <= c.sentence_end <= len(text):
            raise self.fail(
                where,
                f"offsets must satisfy sentence_start <= start < end <= sentence_end <="
                f" {len(text)} (the text's length); got {c.sentence_start}, {c.start},"
                f" {c.end}, {c.sentence_end}",
            )
        if text[c.start : c.end] != c.text:
            raise self.fail(where, "text does not match the document text at start:end")
        self.date(c.updated_at, f"{where}.updated_at")
        known = set()
        for k, item in enumerate(bundle.evidence):
            self.evidence(item, f"{where}.evidence[{k}]")
            if item.id in known:
                raise self.fail(f"{where}.evidence[{k}].id", f"{item.id} is used twice")
            known.add(item.id)
        for k, verdict in enumerate(bundle.history):
            here = f"{where}.history[{k}]"
            self.date(verdict.created_at, f"{here}.created_at")
            if verdict.evidence_id is not None and verdict.evidence_id not in known:
                raise self.fail(
                    f"{here}.evidence_id",
                    f"cites evidence {verdict.evidence_id}, which is not in this claim's evidence",
                )
        self.withdrawals(bundle.history, where)

    def evidence(self, item: Evidence, where: str) -> None:
        self.date(item.fetched_at, f"{where}.fetched_at")
        if item.span is not None:
            start, end = item.span
            if not start <= end <= len(item.passage):
                raise self.fail(f"{where}.span", "must lie inside the passage (start <= end)")


class TransferMixin(StoreBase):
    """Writes for `factcheck import`: merge exported bundles into this database."""

    def merge_bundles(self, bundles: Iterable[DocumentBundle]) -> MergeResult:
        """Merge documents with their claims, verdicts and evidence, all or nothing.

        A document already here (same text) keeps its title and metadata, gaining only
        fields it lacks; its claims are matched by offsets, new ones added, and a
        repeat joins its group unless the claim here is already grouped. Verdicts
        already present (same status, note, reviewer, date and cited evidence) are
        skipped, so history is never duplicated, and so is an undo event whose verdict
        is already undone here; each claim's status then follows its verdict in force.
        """
        bundles = list(bundles)
        validate_bundles(bundles)
        result = MergeResult()
        with self.write() as db:
            for bundle in bundles:
                document_id = self._merge_document(db, bundle.document, result)
                result.document_ids.append(document_id)
                merged = {
                    claim_bundle.claim.id: self._merge_claim(db, document_id, claim_bundle, result)
                    for claim_bundle in bundle.claims
                }
                for claim_bundle in bundle.claims:
                    head = claim_bundle.claim.duplicate_of
                    if head is not None and head in merged:
                        _join_group(db, merged[claim_bundle.claim.id], merged[head])
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
    ) -> int:
        claim = bundle.claim
        row = db.execute(
            'SELECT id FROM claims WHERE document_id = ? AND "start" = ? AND "end" = ?'
            " ORDER BY id LIMIT 1",
            [document_id, claim.start, claim.end],
        ).fetchone()
        if row is None:
            _refuse_overlap(db, document_id, claim)
            updated_at = claim.updated_at or utc_now()
            claim_id = int(
                db.table("claims")
                .insert(claim_row(document_id, claim, updated_at=updated_at))
                .last_rowid
                or 0
            )
            result.claims_added += 1
        else:
            claim_id = int(row[0])
            result.claims_matched += 1
        evidence_ids = {
            item.id: self._merge_evidence(db, claim_id, item, result) for item in bundle.evidence
        }
        verdict_ids: dict[int, int] = {}
        for verdict in sorted(bundle.history, key=in_force_key):
            if verdict.undoes is None:
                verdict_ids[verdict.id] = self._merge_verdict(
                    db, claim_id, verdict, evidence_ids, result
                )
        for verdict in bundle.history:
            if verdict.undoes is not None and verdict.undoes in verdict_ids:
                self._merge_undo(db, claim_id, verdict, verdict_ids[verdict.undoes], result)
        set_status_in_force(db, claim_id)
        return claim_id

    def _merge_evidence(
        self, db: sqlite_utils.Database, claim_id: int, item: Evidence, result: MergeResult
    ) -> int:
        # The claim's own evidence, or evidence of another claim that one of this claim's
        # verdicts cites (an export lists it with the claim): either way the passage is
        # already here, and importing a database's own export must add nothing.
        content = [str(item.source), item.title, item.passage, item.url, item.reference_id]
        row = db.execute(
            "SELECT id FROM evidence WHERE source = ? AND title = ? AND passage = ?"
            " AND url IS ? AND reference_id IS ? AND revision_id IS ?"
            " AND (claim_id = ? OR id IN"
            " (SELECT evidence_id FROM verdicts WHERE claim_id = ? AND evidence_id IS NOT NULL))"
            " ORDER BY claim_id != ?, id LIMIT 1",
            [*content, item.revision_id, claim_id, claim_id, claim_id],
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
    ) -> int:
        """The verdict's id here: the one already present, or the one added."""
        evidence_id = evidence_ids.get(verdict.evidence_id) if verdict.evidence_id else None
        values = [claim_id, str(verdict.status), verdict.note, verdict.reviewer, evidence_id]
        present = db.execute(
            "SELECT id FROM verdicts WHERE claim_id = ? AND status = ? AND note IS ?"
            " AND reviewer = ? AND evidence_id IS ? AND created_at = ? AND undoes IS NULL"
            " ORDER BY id LIMIT 1",
            [*values, verdict.created_at],
        ).fetchone()
        if present:
            result.verdicts_present += 1
            return int(present[0])
        cursor = db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [*values, verdict.created_at],
        )
        result.verdicts_added += 1
        return int(cursor.lastrowid or 0)

    def _merge_undo(
        self,
        db: sqlite_utils.Database,
        claim_id: int,
        event: Verdict,
        undone_id: int,
        result: MergeResult,
    ) -> None:
        """An undo event, unless the verdict it withdraws is already undone here."""
        if db.execute("SELECT 1 FROM verdicts WHERE undoes = ?", [undone_id]).fetchone():
            result.verdicts_present += 1
            return
        db.execute(
            "INSERT INTO verdicts (claim_id, status, note, reviewer, evidence_id, created_at,"
            " undoes) VALUES (?, ?, ?, ?, NULL, ?, ?)",
            [claim_id, str(event.status), event.note, event.reviewer, event.created_at, undone_id],
        )
        result.verdicts_added += 1


def _refuse_overlap(db: sqlite_utils.Database, document_id: int, claim: Claim) -> None:
    """Refuse a new claim that overlaps a claim of the document here: claims of a
    document never overlap, and matching is by exact offsets, so a span edited in only
    one of two databases would otherwise come back as a second, overlapping claim (the
    whole import is one transaction: nothing of it is kept)."""
    here = db.execute(
        'SELECT id, "start", "end" FROM claims WHERE document_id = ? AND "start" < ?'
        ' AND "end" > ? ORDER BY "start" LIMIT 1',
        [document_id, claim.end, claim.start],
    ).fetchone()
    if here is not None:
        raise InputError(
            f"the report's claim at characters {claim.start}-{claim.end} of document"
            f" {document_id} overlaps claim {here[0]} here ({here[1]}-{here[2]}): a span"
            " edited in one database only; make the two spans the same, then import again"
        )


def _join_group(db: sqlite_utils.Database, claim_id: int, head_id: int) -> None:
    """Make `claim_id` a repeat of `head_id` (both of this database), unless either is
    grouped here already (a claim here keeps its own grouping) or they are one claim."""
    if claim_id == head_id:
        return
    db.execute(
        "UPDATE claims SET duplicate_of = ? WHERE id = ? AND duplicate_of IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM claims WHERE duplicate_of = ?)"
        " AND (SELECT duplicate_of FROM claims WHERE id = ?) IS NULL",
        [head_id, claim_id, claim_id, head_id],
    )
