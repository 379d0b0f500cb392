"""claims.db: the schema, its migrations and every query (the only module that writes SQL).

The CLI, the TUI and the Python API all go through `Store`. Design choices:

- WAL mode and a busy timeout, so a reviewer in the TUI and a script running
  `factcheck mark` can share one file; writes take `BEGIN IMMEDIATE` so two writers
  queue on the lock instead of failing half-way.
- Each write is one transaction: a document and all its claims land together or not
  at all; a batch of verdicts is all-or-nothing.
- `verdicts` is append-only history; `claims.status` is the latest verdict, kept in
  the same transaction so listing by status needs no join.
- The schema version lives in `PRAGMA user_version`; `MIGRATIONS[n]` upgrades a
  database from version n to n + 1, so an older claims.db opens and upgrades.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from factcheck.errors import NotFoundError, StoreError
from factcheck.models import Claim, ClaimKind, Document, Status, Verdict

_SQLITE_HEADER = b"SQLite format 3\x00"


def utc_now() -> str:
    """A timestamp for the database: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_sha256(text: str) -> str:
    """The identity of an article's text: the same text added twice is one document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _create_core_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            added_at TEXT NOT NULL
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            score REAL NOT NULL,
            status TEXT NOT NULL DEFAULT 'unverified'
                CHECK (status IN ('supported', 'disputed', 'unverified')),
            updated_at TEXT NOT NULL
        );
        CREATE INDEX claims_status ON claims(status);
        CREATE INDEX claims_document_id ON claims(document_id, "start");
        CREATE TABLE verdicts (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('supported', 'disputed', 'unverified')),
            note TEXT,
            reviewer TEXT NOT NULL,
            evidence_id INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX verdicts_claim_id ON verdicts(claim_id);
        """
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _create_core_tables,  # 0 -> 1
]
"""`MIGRATIONS[n]` upgrades version n to n + 1. Append; never edit a released step."""

SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class AddResult:
    """What `add_document` did: the document, and whether it was new."""

    document: Document
    claim_count: int
    created: bool


@dataclass(frozen=True)
class DocumentSummary:
    """A document with its claim counts, for listings and the review picker."""

    document: Document
    counts: dict[Status, int]

    @property
    def claim_count(self) -> int:
        return sum(self.counts.values())


class Store:
    """A claims.db file. Open it once per process (or per thread) and reuse it."""

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._check_path()
        try:
            conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"cannot open database {self.path}: {error}") from None
        self.db = sqlite_utils.Database(conn)
        try:
            self._configure()
            self._migrate()
        except sqlite3.DatabaseError as error:
            conn.close()
            raise describe_sqlite_error(error, self.path) from None

    # -- opening ---------------------------------------------------------------

    def _check_path(self) -> None:
        if self.path.is_dir():
            raise StoreError(f"database path {self.path} is a directory")
        if self.path.exists() and self.path.stat().st_size > 0:
            with self.path.open("rb") as handle:
                header = handle.read(len(_SQLITE_HEADER))
            if header != _SQLITE_HEADER:
                raise StoreError(f"{self.path} is not a SQLite database (left untouched)")
        elif not self.path.parent.exists():
            raise StoreError(f"folder {self.path.parent} does not exist for database {self.path}")

    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            with self.db.ensure_autocommit_on():
                conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self) -> None:
        if self.schema_version() >= SCHEMA_VERSION:
            return
        with self.write():
            version = self.schema_version()  # another process may have migrated meanwhile
            for step in MIGRATIONS[version:]:
                step(self.db)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction, taking the write lock up front (BEGIN IMMEDIATE).

        Taking the lock first means a concurrent writer waits for the busy timeout
        instead of failing when it upgrades a read lock. Nested calls join the outer
        transaction.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise describe_sqlite_error(error, self.path) from None
        try:
            yield self.db
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    # -- documents ---------------------------------------------------------------

    def add_document(
        self,
        text: str,
        *,
        title: str,
        source: str,
        claims: Iterable[Claim] | None = None,
    ) -> AddResult:
        """Store an article and its claims in one transaction.

        `claims` defaults to `split_claims(text)`. The same text added again (same
        sha256) is not stored twice: the existing document comes back with
        `created=False`.
        """
        digest = text_sha256(text)
        existing = self._document_by_sha256(digest)
        if existing is not None:
            return AddResult(existing, self._claim_count(existing.id), created=False)
        if claims is None:
            from factcheck.splitter import split_claims

            claims = split_claims(text)
        now = utc_now()
        with self.write() as db:
            cursor = db.execute(
                "INSERT INTO documents (title, source, text, sha256, added_at)"
                " VALUES (?, ?, ?, ?, ?)",
                [title, source, text, digest, now],
            )
            document_id = int(cursor.lastrowid or 0)
            rows = (
                {
                    "document_id": document_id,
                    "text": claim.text,
                    "start": claim.start,
                    "end": claim.end,
                    "sentence_start": claim.sentence_start,
                    "sentence_end": claim.sentence_end,
                    "kind": str(claim.kind),
                    "score": float(claim.score),
                    "status": str(Status.UNVERIFIED),
                    "updated_at": now,
                }
                for claim in claims
            )
            db["claims"].insert_all(rows, batch_size=500)
        document = self.get_document(document_id)
        return AddResult(document, self._claim_count(document_id), created=True)

    def get_document(self, document_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise NotFoundError(f"no document with id {document_id}")
        return _document_from_row(rows[0])

    def list_documents(self) -> list[DocumentSummary]:
        """Every document, oldest first, with its claim counts per status."""
        counts: dict[int, dict[Status, int]] = {}
        for document_id, status, count in self.db.execute(
            "SELECT document_id, status, count(*) FROM claims GROUP BY document_id, status"
        ):
            counts.setdefault(document_id, dict.fromkeys(Status, 0))[Status(status)] = count
        return [
            DocumentSummary(
                _document_from_row(row), counts.get(row["id"], dict.fromkeys(Status, 0))
            )
            for row in self.db.query("SELECT * FROM documents ORDER BY id")
        ]

    def _document_by_sha256(self, digest: str) -> Document | None:
        rows = list(self.db.query("SELECT * FROM documents WHERE sha256 = ?", [digest]))
        return _document_from_row(rows[0]) if rows else None

    def _claim_count(self, document_id: int) -> int:
        return int(
            self.db.execute(
                "SELECT count(*) FROM claims WHERE document_id = ?", [document_id]
            ).fetchone()[0]
        )

    # -- claims ------------------------------------------------------------------

    def list_claims(
        self,
        *,
        status: Status | str | None = None,
        document_id: int | None = None,
        kind: ClaimKind | str | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Claims in document order (document, then position), optionally filtered."""
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
        sql = "SELECT * FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY document_id, "start", id'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_claim_from_row(row) for row in self.db.query(sql, params)]

    def get_claim(self, claim_id: int) -> Claim:
        rows = list(self.db.query("SELECT * FROM claims WHERE id = ?", [claim_id]))
        if not rows:
            raise NotFoundError(f"no claim with id {claim_id}")
        return _claim_from_row(rows[0])

    def counts(self, *, document_id: int | None = None) -> dict[Status, int]:
        """How many claims have each status, in one document or in all."""
        sql = "SELECT status, count(*) FROM claims"
        params: list[Any] = []
        if document_id is not None:
            sql += " WHERE document_id = ?"
            params.append(document_id)
        result = dict.fromkeys(Status, 0)
        for status, count in self.db.execute(sql + " GROUP BY status", params):
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
            _verdict_from_row(row)
            for row in self.db.query(
                "SELECT * FROM verdicts WHERE claim_id = ? ORDER BY id", [claim_id]
            )
        ]

    def recent_verdicts(self, *, limit: int = 10, document_id: int | None = None) -> list[Verdict]:
        """The latest verdict events, newest first (the review screen's strip)."""
        sql = "SELECT verdicts.* FROM verdicts"
        params: list[Any] = []
        if document_id is not None:
            sql += " JOIN claims ON claims.id = verdicts.claim_id WHERE claims.document_id = ?"
            params.append(document_id)
        sql += " ORDER BY verdicts.id DESC LIMIT ?"
        params.append(limit)
        return [_verdict_from_row(row) for row in self.db.query(sql, params)]

    def _verdict(self, verdict_id: int) -> Verdict:
        rows = list(self.db.query("SELECT * FROM verdicts WHERE id = ?", [verdict_id]))
        return _verdict_from_row(rows[0])


def describe_sqlite_error(error: sqlite3.Error, path: Path) -> StoreError:
    """Turn a sqlite3 error into the one line a user should read."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return StoreError(
            f"database {path} is locked by another process; try again in a moment"
        )
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return StoreError(f"database {path} is corrupt or not SQLite ({message}); left untouched")
    if "readonly" in message or "read-only" in message:
        return StoreError(f"database {path} is read-only")
    return StoreError(f"database {path}: {message}")


def _document_from_row(row: dict[str, Any]) -> Document:
    return Document(
        id=row["id"],
        title=row["title"],
        source=row["source"],
        text=row["text"],
        sha256=row["sha256"],
        added_at=row["added_at"],
    )


def _claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(
        id=row["id"],
        document_id=row["document_id"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        sentence_start=row["sentence_start"],
        sentence_end=row["sentence_end"],
        kind=ClaimKind(row["kind"]),
        score=row["score"],
        status=Status(row["status"]),
        updated_at=row["updated_at"],
    )


def _verdict_from_row(row: dict[str, Any]) -> Verdict:
    return Verdict(
        id=row["id"],
        claim_id=row["claim_id"],
        status=Status(row["status"]),
        note=row["note"],
        reviewer=row["reviewer"],
        evidence_id=row["evidence_id"],
        created_at=row["created_at"],
    )
