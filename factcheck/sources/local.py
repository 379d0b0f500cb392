"""The local reference library as an evidence source.

Recall is SQLite FTS5 inside claims.db (`Store.search_references`, title weighted),
queried with the claim's informative terms; the matcher reranks, with the library's
stem counts (`Store.reference_term_stats`) for IDF. It never touches the
network, which is why `Store.suggest_evidence` uses it alone by default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.matcher import (
    RECALL_DEPTH,
    Candidate,
    content_stems,
    fts_query,
    rank_candidates,
)
from factcheck.models import Evidence, SourceKind

if TYPE_CHECKING:
    from factcheck.store import Store


class LocalReferences:
    """Evidence from passages imported with `factcheck refs add` or `add_references`."""

    name = "local"

    def __init__(self, store: Store, *, recall_depth: int | None = None) -> None:
        self.store = store
        self.recall_depth = recall_depth or RECALL_DEPTH

    def suggest(self, text: str, *, context: str = "", limit: int = 5) -> list[Evidence]:
        candidates = recalled_candidates(self.store, text, depth=max(self.recall_depth, limit))
        if not candidates:
            return []
        # IDF from the whole library, not just the recalled few (see matcher.TermStats).
        stats = self.store.reference_term_stats(content_stems(text))
        return rank_candidates(text, candidates, context=context, limit=limit, stats=stats)


def recalled_candidates(store: Store, text: str, *, depth: int = RECALL_DEPTH) -> list[Candidate]:
    """The library's passages FTS5 recalls for `text` (its informative terms), as
    candidates for the rerank: what `LocalReferences.suggest` ranks, and what
    bench/eval_retrieval.py reads each feature of."""
    query = fts_query(text)
    if query is None:
        return []
    return [
        Candidate(
            source=SourceKind.REFERENCE,
            title=hit.title,
            passage=hit.text,
            recall=hit.relevance,
            url=hit.url,
            reference_id=hit.ref_id,
            vector=hit.vector,
        )
        for hit in store.search_references(query, limit=depth)
    ]
