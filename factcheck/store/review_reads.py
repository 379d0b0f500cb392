"""Reads that let the review screen paint a long document's first screenful first.

Opening a 10,000-claim document, the review screen used to read and build every claim
before its first frame; the reviewer sees a screenful. `review_head` reads the claims
from the top of the document down to the claim the screen opens on (the first
undecided listed one, where the reviewer stopped), plus a page: those the list shows
first, in the same order and so at the same rows as in the whole list. `list_counts`
gives the list's title the counts of the whole document in one aggregate query. The
screen reads the rest (`ClaimsMixin.list_claims`) once the first frame is out.

Plain functions over an open store (the review screen's own reads, kept out of the
`Store` class every command imports).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import Claim
from factcheck.store.claims import _CLAIM_COLUMNS, SHOWN_CLAIM, claim_from_row
from factcheck.store.connection import StoreBase


@dataclass(frozen=True)
class ReviewHead:
    """The first claims of a document in document order (repeats and dismissed ones
    included, as `list_claims(include_hidden=True)` gives them)."""

    claims: list[Claim]
    complete: bool
    """Whether these are all the document's claims (nothing left to read)."""
    occurrences: dict[int, int]
    """How often each claim of the head occurs in the whole document (1 + its repeats,
    which may lie past the head), by id."""


@dataclass(frozen=True)
class ListCounts:
    """The review list's counts under its opening view (no filter, no search): listed
    claims and those the check-worthiness threshold hides (groups once, dismissed
    claims not at all)."""

    listed: int
    hidden_low: int

    @property
    def total(self) -> int:
        return self.listed + self.hidden_low


def opening_claim(
    store: StoreBase, document_id: int, *, threshold: float
) -> tuple[int, int] | None:
    """(start, id) of the claim the review screen opens on: the first listed claim
    (shown, scoring at least `threshold`) nobody has decided, else the first listed
    one; None when nothing is listed."""
    listed = f"document_id = ? AND {SHOWN_CLAIM} AND score >= ?"
    for decided in (" AND NOT decided", ""):
        row = store.conn.execute(
            f'SELECT "start", id FROM claims WHERE {listed}{decided} ORDER BY "start", id LIMIT 1',
            [document_id, threshold],
        ).fetchone()
        if row is not None:
            return int(row[0]), int(row[1])
    return None


def review_head(store: StoreBase, document_id: int, *, threshold: float, page: int) -> ReviewHead:
    """The document's claims up to the opening claim (`opening_claim`) and `page` more
    after it; every claim when nothing is listed. A reviewer who stopped deep in a long
    document gets a long head: the rows before the opening claim are what place it."""
    opening = opening_claim(store, document_id, threshold=threshold)
    repeats = "(SELECT count(*) FROM claims AS again WHERE again.duplicate_of = claims.id)"
    sql = (
        f"SELECT {_CLAIM_COLUMNS}, 1 + {repeats} FROM claims"
        ' WHERE document_id = ? ORDER BY "start", id'
    )
    params: list[int] = [document_id]
    limit = None
    if opening is not None:
        (before,) = store.conn.execute(
            'SELECT count(*) FROM claims WHERE document_id = ? AND ("start", id) <= (?, ?)',
            [document_id, *opening],
        ).fetchone()
        limit = int(before) + page
        sql += " LIMIT ?"
        params.append(limit)
    rows = store.conn.execute(sql, params).fetchall()
    claims = [claim_from_row(row[:-1]) for row in rows]
    return ReviewHead(
        claims,
        complete=limit is None or len(rows) < limit,
        occurrences={c.id: row[-1] for c, row in zip(claims, rows, strict=True) if c.id},
    )


def list_counts(store: StoreBase, document_id: int, *, threshold: float) -> ListCounts:
    """The review list's counts for the whole document, in one grouped query."""
    listed, low = store.conn.execute(
        f"SELECT coalesce(sum(score >= ?), 0), coalesce(sum(score < ?), 0) FROM claims"
        f" WHERE document_id = ? AND {SHOWN_CLAIM}",
        [threshold, threshold, document_id],
    ).fetchone()
    return ListCounts(int(listed), int(low))
