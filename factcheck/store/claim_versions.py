"""Claim spans set by hand: a new span for a claim, a claim made from a selection, and
every span a claim has had (`claim_versions`; the rules are in `factcheck.desk.span_edit`).

A claim keeps its id, verdicts and evidence when its span changes: the `claims` row is
updated and the span it had is kept as a version, in one transaction. Offsets are
checked against the stored document text in SQL, so `text == document.text[start:end]`
holds whoever calls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError, NotFoundError
from factcheck.models import Claim, ClaimKind
from factcheck.store.claims import ClaimsMixin
from factcheck.store.connection import storable_id, utc_now
from factcheck.store.documents import claim_row
from factcheck.store.text import clean_text

if TYPE_CHECKING:
    import sqlite3

SPLITTER = "splitter"
"""`set_by` of the span the splitter proposed (recorded when a reviewer first edits it)."""


@dataclass(frozen=True, slots=True)
class ClaimVersion:
    """One span a claim has had, who set it and when (the newest is the current one)."""

    id: int
    claim_id: int
    text: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    kind: ClaimKind
    score: float
    set_by: str
    """A reviewer's name, or "splitter" for the span the splitter proposed."""
    set_at: str


_VERSION_COLUMNS = (
    'id, claim_id, text, "start", "end", sentence_start, sentence_end, kind, score, set_by, set_at'
)
_SPAN_COLUMNS = 'text, "start", "end", sentence_start, sentence_end, kind, score'


def _version_from_row(row: tuple[Any, ...]) -> ClaimVersion:
    """A `ClaimVersion` from a row of `_VERSION_COLUMNS`."""
    (version_id, claim_id, text, start, end, sentence_start, sentence_end, kind, *rest) = row
    score, set_by, set_at = rest
    return ClaimVersion(
        version_id,
        claim_id,
        text,
        start,
        end,
        sentence_start,
        sentence_end,
        ClaimKind(kind),
        score,
        set_by,
        set_at,
    )


class ClaimVersionsMixin(ClaimsMixin):
    """Span edits and created claims, with the history of every span (on top of the
    claims: an edit answers with the claim as `get_claim` reads it)."""

    def claim_versions(self, claim_id: int) -> list[ClaimVersion]:
        """Every span the claim has had, oldest first; empty for a claim never edited
        (its span is the splitter's). The last one is the current span."""
        storable_id(claim_id, "claim")
        return [
            _version_from_row(row)
            for row in self.conn.execute(
                f"SELECT {_VERSION_COLUMNS} FROM claim_versions WHERE claim_id = ? ORDER BY id",
                [claim_id],
            )
        ]

    def replace_claim_span(self, claim: Claim, *, reviewer: str) -> Claim:
        """Store `claim`'s span, sentence, kind and score on claim `claim.id`, keeping
        the span it had as a version (the first edit also records the splitter's).
        Its id, status, verdicts and evidence stay. Offsets that do not index the
        document's text, or a span that overlaps another claim, are refused."""
        if claim.id is None:
            raise NotFoundError("a claim without an id cannot be edited")
        claim_id = storable_id(claim.id, "claim")
        reviewer = clean_text(reviewer) or ""
        now = utc_now()
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT c.document_id, d.added_at FROM claims c"
                " JOIN documents d ON d.id = c.document_id WHERE c.id = ?",
                [claim_id],
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no claim with id {claim_id}")
            document_id, added_at = row
            _check_offsets(conn, document_id, claim)
            _check_no_overlap(conn, document_id, claim, but=claim_id)
            if not conn.execute(
                "SELECT 1 FROM claim_versions WHERE claim_id = ? LIMIT 1", [claim_id]
            ).fetchone():
                conn.execute(  # the splitter's span, kept before it is first replaced
                    f"INSERT INTO claim_versions (claim_id, {_SPAN_COLUMNS}, set_by, set_at)"
                    f" SELECT id, {_SPAN_COLUMNS}, ?, ? FROM claims WHERE id = ?",
                    [SPLITTER, added_at, claim_id],
                )
            conn.execute(
                'UPDATE claims SET text = ?, "start" = ?, "end" = ?, sentence_start = ?,'
                " sentence_end = ?, kind = ?, score = ?, updated_at = max(updated_at, ?)"
                " WHERE id = ?",
                [*_span_values(claim), now, claim_id],
            )
            _insert_version(conn, claim_id, claim, reviewer, now)
        return self.get_claim(claim_id)

    def add_claim(self, document_id: int, claim: Claim, *, reviewer: str) -> Claim:
        """Store a claim a reviewer made (unverified), recorded as set by `reviewer`.
        A span that overlaps a claim of the document is refused."""
        storable_id(document_id, "document")
        reviewer = clean_text(reviewer) or ""
        now = utc_now()
        with self.transaction() as conn:
            if not conn.execute("SELECT 1 FROM documents WHERE id = ?", [document_id]).fetchone():
                raise NotFoundError(f"no document with id {document_id}")
            _check_offsets(conn, document_id, claim)
            _check_no_overlap(conn, document_id, claim, but=None)
            row = claim_row(document_id, claim, updated_at=now)
            columns = ", ".join(f'"{name}"' for name in row)
            cursor = conn.execute(
                f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            claim_id = int(cursor.lastrowid or 0)
            _insert_version(conn, claim_id, claim, reviewer, now)
        return self.get_claim(claim_id)


def _span_values(claim: Claim) -> list[object]:
    return [
        clean_text(claim.text),
        claim.start,
        claim.end,
        claim.sentence_start,
        claim.sentence_end,
        str(ClaimKind(claim.kind)),
        float(claim.score),
    ]


def _insert_version(
    conn: sqlite3.Connection, claim_id: int, claim: Claim, set_by: str, set_at: str
) -> None:
    conn.execute(
        f"INSERT INTO claim_versions (claim_id, {_SPAN_COLUMNS}, set_by, set_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [claim_id, *_span_values(claim), set_by, set_at],
    )


def _check_no_overlap(
    conn: sqlite3.Connection, document_id: int, claim: Claim, *, but: int | None
) -> None:
    """Refuse a span that overlaps another claim of the document: claims of a document
    never overlap (the splitter's rule, and what `import` checks of a report)."""
    row = conn.execute(
        'SELECT id, text FROM claims WHERE document_id = ? AND "start" < ? AND "end" > ?'
        ' AND id IS NOT ? ORDER BY "start" LIMIT 1',
        [document_id, claim.end, claim.start, but],
    ).fetchone()
    if row is not None:
        other = row[1] if len(row[1]) <= 40 else row[1][:39] + "…"
        raise InputError(
            f"the span overlaps claim {row[0]} (“{other}”): claims never overlap;"
            f" narrow that one first"
        )


def _check_offsets(conn: sqlite3.Connection, document_id: int, claim: Claim) -> None:
    """Refuse a span whose text is not the document's text at its offsets, or whose
    sentence does not hold it."""
    if not claim.sentence_start <= claim.start < claim.end <= claim.sentence_end:
        raise InputError(
            f"sentence {claim.sentence_start}-{claim.sentence_end} does not hold the claim"
            f" at {claim.start}-{claim.end}"
        )
    ok = conn.execute(
        "SELECT ? >= 0 AND ? < ? AND ? <= length(text) AND substr(text, ? + 1, ? - ?) = ?"
        " FROM documents WHERE id = ?",
        [
            claim.start,
            claim.start,
            claim.end,
            claim.end,
            claim.start,
            claim.end,
            claim.start,
            clean_text(claim.text),
            document_id,
        ],
    ).fetchone()
    if not ok or not ok[0]:
        raise InputError(
            f"offsets {claim.start}-{claim.end} do not hold the claim's text in document"
            f" {document_id}"
        )
