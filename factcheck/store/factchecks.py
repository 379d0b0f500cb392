"""Published fact-checks (imported ClaimReview) and earlier verdicts, for prior matching.

Called by `factcheck import-claimreview` and by the prior source (`sources.prior`),
which asks "has this claim, or one like it, been checked before?".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.errors import InputError
from factcheck.models import Status
from factcheck.store.claims import in_force_id_sql
from factcheck.store.connection import StoreBase, utc_now
from factcheck.store.text import clean_text


@dataclass(frozen=True, slots=True)
class FactCheck:
    """A published fact-check: the claim it reviewed and the publisher's own rating."""

    id: int
    claim: str
    rating: str | None
    publisher: str | None
    url: str
    reviewed_at: str | None
    claimant: str | None
    title: str | None
    relevance: float = 0.0


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    """A claim of this database that has a verdict, with its latest verdict."""

    claim_id: int
    document_id: int
    document_title: str
    text: str
    status: Status
    note: str | None
    decided_at: str


class FactChecksMixin(StoreBase):
    """Queries on `factchecks`/`factcheck_fts`, and on claims already decided."""

    def add_factchecks(
        self, rows: Iterable[Mapping[str, Any]], *, origin: str = ""
    ) -> tuple[int, int]:
        """Store fact-checks (`claim`, `url`, `rating`, `publisher`, `reviewed_at`,
        `claimant`, `title`) in one transaction; the same url and claim again is an
        update. Returns (added, updated)."""
        added = updated = 0
        now = utc_now()
        with self.write() as db:
            for number, row in enumerate(rows, start=1):
                claim = clean_text(str(row.get("claim") or "")).strip()
                url = clean_text(str(row.get("url") or "")).strip()
                if not claim or not url:
                    raise InputError(f"fact-check {number}: needs both a claim and a url")
                values = [
                    clean_text(row[k]) if isinstance(row.get(k), str) else row.get(k)
                    for k in ("rating", "publisher", "reviewed_at", "claimant", "title")
                ]
                old = db.execute(
                    "SELECT id FROM factchecks WHERE url = ? AND claim = ?", [url, claim]
                ).fetchone()
                if old:
                    db.execute(
                        "UPDATE factchecks SET rating = ?, publisher = ?, reviewed_at = ?,"
                        " claimant = ?, title = ?, origin = ?, added_at = ? WHERE id = ?",
                        [*values, clean_text(origin), now, old[0]],
                    )
                    updated += 1
                    continue
                cursor = db.execute(
                    "INSERT INTO factchecks (claim, url, rating, publisher, reviewed_at,"
                    " claimant, title, origin, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [claim, url, *values, clean_text(origin), now],
                )
                db.execute(
                    "INSERT INTO factcheck_fts (rowid, claim) VALUES (?, ?)",
                    [cursor.lastrowid, claim],
                )
                added += 1
        return added, updated

    def factcheck_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM factchecks").fetchone()[0])

    def search_factchecks(self, match: str, *, limit: int = 20) -> list[FactCheck]:
        """Fact-checks whose claim matches an FTS5 expression, best bm25 first."""
        sql = """
            SELECT f.*, -bm25(factcheck_fts) AS relevance FROM factcheck_fts
            JOIN factchecks f ON f.id = factcheck_fts.rowid
            WHERE factcheck_fts MATCH ? ORDER BY bm25(factcheck_fts) LIMIT ?
        """
        return [
            FactCheck(
                id=row["id"],
                claim=row["claim"],
                rating=row["rating"],
                publisher=row["publisher"],
                url=row["url"],
                reviewed_at=row["reviewed_at"],
                claimant=row["claimant"],
                title=row["title"],
                relevance=row["relevance"],
            )
            for row in self.db.query(sql, [match, limit])
        ]

    def checked_claims_count(self, match: str) -> int:
        """How many decided claims match an FTS5 expression (one quoted term: its
        document frequency among the earlier verdicts)."""
        sql = "SELECT count(*) FROM checked_claims_fts WHERE checked_claims_fts MATCH ?"
        row = self.conn.execute(sql, [match]).fetchone()
        return int(row[0])

    def checked_claims_matching(
        self, match: str, *, limit: int = 100, exclude_document_id: int | None = None
    ) -> list[CheckedClaim]:
        """Decided claims (supported or disputed) whose text matches an FTS5 expression,
        best bm25 first, each with its verdict in force; `exclude_document_id` leaves one
        document's claims out."""
        found = self.checked_claim_texts_matching(
            match, limit=limit, exclude_document_id=exclude_document_id
        )
        return self.checked_claims([claim_id for claim_id, _ in found])

    def checked_claim_texts_matching(
        self, match: str, *, limit: int = 100, exclude_document_id: int | None = None
    ) -> list[tuple[int, str]]:
        """(claim id, text) of `checked_claims_matching`'s claims, in the same order,
        before their verdicts and titles are read (`checked_claims`): the prior source
        scores the texts and reads the rest for the few it shows. May hold a claim
        whose verdicts are all withdrawn, which `checked_claims` then drops."""
        # Rank in the index alone, then look rows up: bm25 orders the matches inside
        # FTS5 and only the best `fetch` of them are probed in `claims` (a random page
        # read each; probing every match before ranking cost 13 ms of 23 at 100k decided
        # claims). The filters then run on those few, in bm25 order; when they leave
        # fewer than `limit` and the index had more, the next, larger batch is ranked.
        # Same rows as filtering first: the order (bm25, then rowid) is total.
        # Left out: `exclude_document_id`'s claims; a claim decided without any verdict
        # row (never written by the store), as the old inner join did; a repeat (its
        # group's first claim stands for it: one result, not two).
        ranked_sql = """
            SELECT rowid FROM checked_claims_fts WHERE checked_claims_fts MATCH ?
            ORDER BY bm25(checked_claims_fts), rowid LIMIT ?
        """
        fetch = limit * 2
        while True:
            ranked = [row[0] for row in self.conn.execute(ranked_sql, [match, fetch])]
            kept = self._checked_claims_kept(ranked, exclude_document_id)[:limit]
            if len(kept) >= limit or len(ranked) < fetch:
                break
            fetch *= 4
        return kept

    def _checked_claims_kept(
        self, ranked: list[int], exclude_document_id: int | None
    ) -> list[tuple[int, str]]:
        """(id, text) of the `ranked` claim ids, in their order, less those
        `checked_claims_matching` leaves out. One statement whatever the count (the ids
        go in as one JSON array), so SQLite prepares it once per connection."""
        sql = """
            SELECT c.id, c.text FROM claims c
            WHERE c.id IN (SELECT value FROM json_each(?))
                AND (? IS NULL OR c.document_id != ?)
                AND EXISTS (SELECT 1 FROM verdicts WHERE claim_id = c.id)
                AND c.duplicate_of IS NULL
        """
        arguments = [json.dumps(ranked), exclude_document_id, exclude_document_id]
        kept = dict(self.conn.execute(sql, arguments).fetchall())
        return [(claim_id, kept[claim_id]) for claim_id in ranked if claim_id in kept]

    def checked_claims(self, ids: list[int]) -> list[CheckedClaim]:
        """The claims `ids`, in that order, with their document title and the verdict in
        force (a claim without one is dropped)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = f"""
            SELECT c.id, c.document_id, d.title, c.text, c.status, v.note, v.created_at
            FROM claims c
            JOIN documents d ON d.id = c.document_id
            JOIN verdicts v ON v.id = {in_force_id_sql("c.id")}
            WHERE c.id IN ({marks})
        """
        found = {
            row[0]: CheckedClaim(row[0], row[1], row[2], row[3], Status(row[4]), row[5], row[6])
            for row in self.conn.execute(sql, ids)
        }
        return [found[claim_id] for claim_id in ids if claim_id in found]
