"""Documents: adding an article with its claims in one transaction, and reading them back."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from factcheck.errors import NotFoundError
from factcheck.models import SHOWN_STATUSES, Claim, Document, Status
from factcheck.store.claims import SHOWN_CLAIM
from factcheck.store.connection import StoreBase, describe_sqlite_error, storable_id, utc_now
from factcheck.store.text import clean_text

if TYPE_CHECKING:
    import sqlite_utils  # hints only: Store makes its Database lazily


def text_sha256(text: str) -> str:
    """The identity of an article's text: the same text added twice is one document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AddResult:
    """What `add_document` did: the document, and whether it was new."""

    document: Document
    claim_count: int
    created: bool


@dataclass(frozen=True)
class DocumentSummary:
    """A document with its claim counts, for listings and the review picker: shown
    claims only (a group of repeats once, dismissed claims not at all)."""

    document: Document
    counts: dict[Status, int]
    undecided: int = 0
    """Shown claims nobody has decided yet (all have status unverified)."""

    @property
    def claim_count(self) -> int:
        return sum(self.counts.values())


class DocumentCounts(NamedTuple):
    """A document's id and title with its claim counts: what a listing of every
    document needs, without the article text."""

    id: int
    title: str
    unverified: int
    supported: int
    disputed: int
    assigned_to: str | None = None

    @property
    def claim_count(self) -> int:
        return self.unverified + self.supported + self.disputed


class DocumentsMixin(StoreBase):
    """Queries on `documents` (and the claims written with them)."""

    def add_document(
        self,
        text: str,
        *,
        title: str,
        source: str,
        claims: Iterable[Claim],
        duplicate_of: Sequence[int | None] | None = None,
        url: str | None = None,
        author: str | None = None,
        publisher: str | None = None,
        published_at: str | None = None,
        scores_pending: bool = False,
    ) -> AddResult:
        """Store an article and the claims found in it, in one transaction.

        The store never splits: `claims` come from the caller (`ingest.add_article`
        splits an article and calls this), their offsets into `text`. `duplicate_of`
        may group them: per claim, the index of the claim it repeats
        (`Claim.duplicate_of`). The same text added again (same sha256) is not stored
        twice: the existing document comes back with `created=False`.
        `scores_pending` marks the claims' scores as a first pass that
        `finish_scores` replaces (`ingest.pending_scores`).
        """
        text = clean_text(text)
        digest = text_sha256(text)
        existing = self.added_before(text)
        if existing is not None:
            return existing
        claims = list(claims)
        repeats = _repeat_starts(claims, duplicate_of)
        now = utc_now()
        with self.transaction() as conn:
            # Checked again under the write lock: another process may have added the same
            # text since the check above (or while its caller split it); both then report
            # "already added".
            stored = self._document_by_sha256(digest)
            if stored is not None:
                return AddResult(stored, self._claim_count(stored.id), created=False)
            document_id = insert_document_row(
                conn,
                Document(
                    id=0,
                    title=title,
                    source=source,
                    text=text,
                    sha256=digest,
                    added_at=now,
                    url=url,
                    author=author,
                    publisher=publisher,
                    published_at=published_at,
                ),
            )
            rows = [claim_row(document_id, claim, updated_at=now) for claim in claims]
            if rows:
                columns = ", ".join(f'"{name}"' for name in rows[0])
                marks = ", ".join("?" * len(rows[0]))
                conn.executemany(
                    f"INSERT INTO claims ({columns}) VALUES ({marks})",
                    [tuple(row.values()) for row in rows],
                )
            if repeats:
                # Spans of one document never overlap, so a start names its claim.
                conn.executemany(
                    "UPDATE claims SET duplicate_of = (SELECT id FROM claims AS shown"
                    ' WHERE shown.document_id = ? AND shown."start" = ?)'
                    ' WHERE document_id = ? AND "start" = ?',
                    [(document_id, shown, document_id, start) for start, shown in repeats],
                )
            if scores_pending:
                conn.execute("INSERT INTO pending_scores (document_id) VALUES (?)", [document_id])
        document = self.get_document(document_id)
        return AddResult(document, self._claim_count(document_id), created=True)

    def added_before(self, text: str) -> AddResult | None:
        """What `add_document(text, ...)` would answer if `text` is stored already
        (`created=False`), else None: lets `ingest.add_article` skip splitting an
        article it has seen."""
        existing = self._document_by_sha256(text_sha256(clean_text(text)))
        if existing is None:
            return None
        return AddResult(existing, self._claim_count(existing.id), created=False)

    def get_document(self, document_id: int) -> Document:
        storable_id(document_id, "document")
        row = self.conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [document_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no document with id {document_id}")
        return Document(*row)

    def list_documents(self) -> list[DocumentSummary]:
        """Every document, oldest first, with its shown claims' counts per status and
        how many of them are undecided."""
        counts: dict[int, dict[Status, int]] = {}
        undecided: dict[int, int] = {}
        for document_id, status, decided, count in self.db.execute(
            "SELECT document_id, status, decided, count(*) FROM claims"
            f" WHERE {SHOWN_CLAIM} GROUP BY document_id, status, decided"
        ):
            per_status = counts.setdefault(document_id, dict.fromkeys(SHOWN_STATUSES, 0))
            per_status[Status(status)] += count
            if not decided:
                undecided[document_id] = undecided.get(document_id, 0) + count
        return [
            DocumentSummary(
                _document_from_row(row),
                counts.get(row["id"], dict.fromkeys(SHOWN_STATUSES, 0)),
                undecided.get(row["id"], 0),
            )
            for row in self.db.query("SELECT * FROM documents ORDER BY id")
        ]

    def iter_documents(self) -> Iterator[Document]:
        """Every document, oldest first, read from the cursor as consumed."""
        for row in self.conn.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY id"):
            yield Document(*row)

    def document_counts(self, *, assigned_to: str | None = None) -> Iterator[DocumentCounts]:
        """Every document (or those assigned to `assigned_to`), oldest first, with its
        claim counts per status and its assignee, read from the cursor as consumed. Counts
        are of shown claims (repeats and dismissed claims left out).

        Reads `document_tallies`, one small row per document that triggers keep exact
        on every write (schema step 12 -> 13), so `factcheck documents` costs the
        number of documents, not of claims, and never touches the article text.
        """
        where, params = ("WHERE a.reviewer = ?", [assigned_to]) if assigned_to else ("", [])
        sql = f"""
            SELECT t.document_id, t.title, t.unverified, t.supported, t.disputed, a.reviewer
            FROM document_tallies t
            LEFT JOIN assignments a ON a.document_id = t.document_id
            {where}
            ORDER BY t.document_id
        """
        for row in self.conn.execute(sql, params):
            yield DocumentCounts._make(row)

    # -- scores `add` left to finish (ingest.pending_scores) ------------------------

    def has_pending_scores(self) -> bool:
        """Whether any document's scores are still a first pass: one lookup in a table
        that is empty once they are finished, so a read pays nothing for the check."""
        return self.conn.execute("SELECT 1 FROM pending_scores LIMIT 1").fetchone() is not None

    def pending_score_documents(self) -> list[int]:
        """The documents whose scores are pending, oldest first."""
        return [
            row[0] for row in self.conn.execute("SELECT document_id FROM pending_scores ORDER BY 1")
        ]

    def document_text(self, document_id: int) -> str | None:
        """A document's stored text (None if there is no such document): the one column
        finishing its scores needs, not the whole row."""
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", [document_id]).fetchone()
        return None if row is None else str(row[0])

    def is_read_only(self) -> bool:
        """Whether this connection cannot write (a read-only file, folder or mount, or
        `PRAGMA query_only`): asked by writing nothing, so SQLite itself answers.
        Waits like any write when another process holds the write lock."""
        conn = self.conn
        outer = conn.in_transaction
        conn.execute("SAVEPOINT probe_writable")
        try:
            conn.execute("DELETE FROM pending_scores WHERE 0")
        except sqlite3.OperationalError as error:
            code = getattr(error, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == sqlite3.SQLITE_READONLY:
                return True
            raise describe_sqlite_error(error, self.path) from None
        finally:
            conn.execute("ROLLBACK TO probe_writable")
            conn.execute("RELEASE probe_writable")
            if not outer and conn.in_transaction:
                conn.execute("ROLLBACK")
        return False

    def finish_scores(self, document_id: int, scores: Iterable[tuple[int, int, float]]) -> bool:
        """Store the final score of each claim of the document with that span
        (`(start, end, score)`) and clear its pending mark, in one transaction; False,
        with nothing written, when it is no longer pending (another process finished
        it first: checked under the write lock). A claim whose span is not among
        `scores` (its span edited, or made by hand) keeps its score."""
        with self.transaction() as conn:
            if not conn.execute(
                "SELECT 1 FROM pending_scores WHERE document_id = ?", [document_id]
            ).fetchone():
                return False
            conn.executemany(
                'UPDATE claims SET score = ? WHERE document_id = ? AND "start" = ? AND "end" = ?',
                [(float(score), document_id, start, end) for start, end, score in scores],
            )
            conn.execute("DELETE FROM pending_scores WHERE document_id = ?", [document_id])
        return True

    def _document_by_sha256(self, digest: str) -> Document | None:
        row = self.conn.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE sha256 = ?", [digest]
        ).fetchone()
        return Document(*row) if row else None

    def _claim_count(self, document_id: int) -> int:
        """The document's claims as listings count them (`SHOWN_CLAIM`)."""
        return int(
            self.conn.execute(
                f"SELECT count(*) FROM claims WHERE document_id = ? AND {SHOWN_CLAIM}",
                [document_id],
            ).fetchone()[0]
        )


def _repeat_starts(
    claims: list[Claim], duplicate_of: Sequence[int | None] | None
) -> list[tuple[int, int]]:
    """(start of the repeat, start of the claim it repeats) per grouped claim; a group
    points at one claim shown for it, never at another repeat."""
    if duplicate_of is None:
        return []
    if len(duplicate_of) != len(claims):
        raise ValueError("duplicate_of needs one entry per claim")
    pairs = []
    for claim, shown in zip(claims, duplicate_of, strict=True):
        if shown is None:
            continue
        if not 0 <= shown < len(claims) or duplicate_of[shown] is not None:
            raise ValueError("duplicate_of must name a claim that repeats no other")
        pairs.append((claim.start, claims[shown].start))
    return pairs


def insert_document_row(db: sqlite_utils.Database | sqlite3.Connection, document: Document) -> int:
    """Write one document row (inside the caller's transaction); its new id.

    `document.id` is ignored: the database assigns it. Shared by `add_document` and
    the JSON import, so both write the same columns. Text fields are cleaned of lone
    surrogates (`clean_text`); the caller hashes the cleaned text.
    """
    cursor = db.execute(
        "INSERT INTO documents (title, source, text, sha256, added_at, url, author,"
        " publisher, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            clean_text(document.title),
            clean_text(document.source),
            clean_text(document.text),
            document.sha256,
            document.added_at,
            clean_text(document.url),
            clean_text(document.author),
            clean_text(document.publisher),
            clean_text(document.published_at),
        ],
    )
    return int(cursor.lastrowid or 0)


def claim_row(document_id: int, claim: Claim, *, updated_at: str) -> dict[str, Any]:
    """A new, unverified claim as a `claims` row (its verdicts come separately)."""
    return {
        "document_id": document_id,
        "text": clean_text(claim.text),
        "start": claim.start,
        "end": claim.end,
        "sentence_start": claim.sentence_start,
        "sentence_end": claim.sentence_end,
        "kind": str(claim.kind),
        "score": float(claim.score),
        "status": str(Status.UNVERIFIED),
        "updated_at": updated_at,
    }


_DOCUMENT_COLUMNS = ", ".join(field.name for field in dataclasses.fields(Document))
"""The documents columns in `Document` field order: `Document(*row)` builds one."""


def _document_from_row(row: dict[str, Any]) -> Document:
    return Document(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        text=row["text"],
        sha256=row["sha256"],
        added_at=row["added_at"],
        url=row["url"],
        author=row["author"],
        publisher=row["publisher"],
        published_at=row["published_at"],
    )
