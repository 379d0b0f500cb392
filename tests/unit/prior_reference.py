"""The "checked before" lookup as it was before issue 15, kept as the oracle that the
faster one must match: the 100 best bm25 matches of every informative term among the
decided claims outside the claim's own document (filter every match, then rank), scored
by `similarity`, thresholded, best first.

Used by tests/unit/test_prior_same_results.py and, as its "plain lookup" anchor, by
bench/bench_scale.py (`--only prior`), so both compare against the same thing.
"""

from __future__ import annotations

from factcheck.config import PriorConfig
from factcheck.evidence.matcher import fts_query
from factcheck.evidence.sources.prior import similarity
from factcheck.store import Store
from factcheck.store.claims import in_force_id_sql
from factcheck.text.words import words

PLAIN_LOOKUP = f"""
    WITH ranked AS (
        SELECT f.rowid AS id, bm25(checked_claims_fts) AS rank
        FROM checked_claims_fts f JOIN claims c ON c.id = f.rowid
        WHERE checked_claims_fts MATCH ? AND (? IS NULL OR c.document_id != ?)
            AND EXISTS (SELECT 1 FROM verdicts WHERE claim_id = c.id)
            AND c.duplicate_of IS NULL
        ORDER BY rank, f.rowid LIMIT ?
    )
    SELECT c.id, c.text
    FROM ranked r
    JOIN claims c ON c.id = r.id
    JOIN documents d ON d.id = c.document_id
    JOIN verdicts v ON v.id = {in_force_id_sql("c.id")}
    ORDER BY r.rank, r.id
"""
"""`Store.checked_claims_matching` before issue 15; parameters: the FTS5 query, the
excluded document id twice, the limit. Rows: (claim id, claim text)."""


def plain_suggest(
    store: Store, text: str, document_id: int | None, limit: int = 5
) -> list[tuple[str, float]]:
    """Earlier verdicts as suggested before issue 15: (claim id, score), best first."""
    config = PriorConfig()
    if len(words(text)) < config.min_claim_words:
        return []
    query = fts_query(text)
    if query is None:
        return []
    found = []
    for claim_id, claim_text in store.conn.execute(
        PLAIN_LOOKUP, [query, document_id, document_id, 100]
    ):
        score = similarity(text, claim_text)
        if score >= config.suggested_threshold:
            found.append((str(claim_id), round(score, 4)))
    found.sort(key=lambda pair: -pair[1])
    return found[:limit]
