"""The local reference library as an evidence source.

Recall is the library's impact index inside claims.db (`Store.impact_hits`,
`store.impact_index`: BM25 impacts per stem, title weighted, pruned, built at the first
recall and cached), queried with the claim's stems; FTS5 (`Store.search_references`,
`fts_recalled_hits`) recalls the same way it did before, for callers that ask it. The
matcher reranks, with the library's
stem counts (`Store.reference_term_stats`) for IDF. Then the best `SENTENCE_DEPTH` of
that ranking are reranked once more with MiniLM sentence embeddings
(`factcheck.text.sentence_encoder`): the cosine of claim and passage, weighted by
`SENTENCE_WEIGHT`, added to the matcher's score. Only those few need a passage vector,
so vectors are computed the first time a passage gets there and cached in claims.db:
`refs add` stays as fast as before, and a warm library pays one claim encoding a query,
none for a claim `LocalReferences.prepare` encoded ahead (bench/RESULTS.md, issue 14).
It never touches the network, which is why `factcheck search` asks it alone by default.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from factcheck.errors import StoreError
from factcheck.evidence.matcher import (
    CLAIM_MEMO,
    RECALL_DEPTH,
    Candidate,
    aligned_span,
    as_evidence,
    claim_features,
    fts_query,
    rank_candidates,
    score_candidates,
    shown_score,
    with_spans,
)
from factcheck.models import Evidence, SourceKind

if TYPE_CHECKING:
    from factcheck.evidence.context import ClaimContext
    from factcheck.store import Store
    from factcheck.store.references import ReferenceHit

SENTENCE_DEPTH = 20
"""How many of the matcher's best passages the sentence embeddings rerank. Reranking all
50 passages then recalled (`matcher.RECALL_DEPTH` was 50) scored higher still on FM2
(recall@5 1.50x bm25s instead of 1.44x, full set), but costs 2.5x the transformer runs
on a library not yet embedded (each passage first seen costs one), so the
cross-validation grid is bounded at 20 for cost (bench/eval_retrieval.py --max-depth 20;
bench/RESULTS.md, issue 14)."""
SENTENCE_WEIGHT = 1.5
"""Weight of the claim-passage cosine against 1.0 for the matcher's score (in [0, 1]):
chosen by 5-fold cross-validation over claims (bench/eval_retrieval.py), so meaning
leads and the lexical score breaks its near-ties. Since the impact-index recall and the
matcher without `partial_ratio` (session 24) the folds choose 1.5 (four folds; 4 in
one), where they chose 3 before; the same procedure on all claims picks 1.5 too."""


class LocalReferences:
    """Evidence from passages imported with `factcheck refs add` or `add_references`."""

    name = "local"

    def __init__(
        self,
        store: Store,
        *,
        recall_depth: int | None = None,
        sentence_weight: float = SENTENCE_WEIGHT,
        sentence_depth: int = SENTENCE_DEPTH,
    ) -> None:
        self.store = store
        self.recall_depth = recall_depth or RECALL_DEPTH
        self.sentence_weight = sentence_weight
        """0 turns the sentence-embedding rerank off (no model is loaded)."""
        self.sentence_depth = sentence_depth

    def suggest(self, text: str, *, context: ClaimContext, limit: int = 5) -> list[Evidence]:
        hits = recalled_hits(self.store, text, depth=max(self.recall_depth, limit))
        if not hits:
            return []
        # IDF from the whole library, not just the recalled few (see matcher.TermStats).
        stats = self.store.reference_term_stats(claim_features(text).stems)
        if not self.sentence_weight:
            return rank_candidates(
                text, map(_candidate, hits), context=context.text, limit=limit, stats=stats
            )
        # Spans are aligned, and `Evidence` made, only for the `limit` the second
        # rerank keeps.
        candidates = [_candidate(hit) for hit in hits]
        hit_of = {id(candidate): hit for candidate, hit in zip(candidates, hits, strict=True)}
        scored = score_candidates(text, candidates, context=context.text, stats=stats)
        scored = scored[: max(limit, self.sentence_depth)]
        kept = _meaning_order(
            self.store,
            text,
            [hit_of[id(item.candidate)] for item in scored],
            [shown_score(item.score) for item in scored],
            self.sentence_weight,
            limit=limit,
        )
        if kept is None:  # no model: the matcher's order
            return [as_evidence(text, item) for item in scored[:limit]]
        return [as_evidence(text, scored[i], score=score) for i, score in kept]

    def prepare(
        self, texts: Iterable[str], *, is_cancelled: Callable[[], bool] | None = None
    ) -> int:
        """Work out claims' own features ahead of their suggestions: the matcher's
        `claim_features` (stems, recall stems, details, terms, static vector; the
        matcher's memo of `CLAIM_MEMO`) and their sentence vectors, each encoded alone
        as `suggest` would (the same vector, so the same ranking), into the encoder's
        memory of recent claims (`sentence_encoder.CLAIM_CACHE` of them, the last
        ones kept): `suggest` for a prepared claim then runs no transformer on a warm
        library and reads the claim's features instead of computing them (bench/RESULTS.md,
        session 25). For a caller that knows the claims before it asks (the review screen
        prepares the next claims while one is read; a batch); stops when
        `is_cancelled()`. Returns how many sentence vectors it holds now (0 without the
        sentence rerank)."""
        from factcheck.text.sentence_encoder import CLAIM_CACHE, default_sentence_encoder

        encoder = default_sentence_encoder() if self.sentence_weight else None
        done = 0
        for text in itertools.islice(dict.fromkeys(texts), min(CLAIM_CACHE, CLAIM_MEMO)):
            if is_cancelled is not None and is_cancelled():
                break
            claim_features(text)
            if encoder is not None:
                encoder.vector(text)
                done += 1
        return done


def rerank_by_meaning(
    store: Store,
    claim: str,
    ranked: list[Evidence],
    hits: list[ReferenceHit],
    weight: float,
    *,
    limit: int | None = None,
    spans: bool = False,
) -> list[Evidence]:
    """The best `limit` (default all) of `ranked` by `meaning_order`, each with its
    `aligned_span` when `spans` (aligned only for those kept); without the model (a
    broken install) `ranked` comes back in its order. (`LocalReferences.suggest` does
    the same from the matcher's `Scored` items, making `Evidence` of the kept only.)"""
    kept = meaning_order(
        store,
        claim,
        [(item.reference_id or "", item.passage) for item in ranked],
        [item.score for item in ranked],
        hits,
        weight,
        limit=limit,
    )
    if kept is None:
        return with_spans(claim, ranked[:limit]) if spans else ranked[:limit]
    return [
        dataclasses.replace(ranked[i], score=score, span=aligned_span(claim, ranked[i].passage))
        if spans
        else dataclasses.replace(ranked[i], score=score)
        for i, score in kept
    ]


def meaning_order(
    store: Store,
    claim: str,
    passages: list[tuple[str, str]],
    scores: list[float],
    hits: list[ReferenceHit],
    weight: float,
    *,
    limit: int | None = None,
) -> list[tuple[int, float]] | None:
    """The best `limit` (default all) of `passages` ((reference id, text) of recalled
    `hits`, in the matcher's order, with its `scores`) by (score + weight * cosine) /
    (1 + weight), the cosine of the claim's and each passage's sentence embeddings
    (the passage with its title: `sentence_encoder.passage_text`; negative cosines
    count 0), rounded to 4 decimals: (position, new score) pairs, best first, equal
    scores in the matcher's order. Passage vectors missing from claims.db are computed
    and cached. None without the model (a broken install)."""
    by_passage = {(hit.ref_id, hit.text): hit for hit in hits}
    return _meaning_order(
        store, claim, [by_passage[key] for key in passages], scores, weight, limit=limit
    )


def _meaning_order(
    store: Store,
    claim: str,
    chosen: list[ReferenceHit],
    scores: list[float],
    weight: float,
    *,
    limit: int | None = None,
) -> list[tuple[int, float]] | None:
    """`meaning_order` of the recalled `chosen` themselves (`LocalReferences.suggest`
    knows which hit each candidate was made of)."""
    from factcheck.text.sentence_encoder import cosines, default_sentence_encoder

    encoder = default_sentence_encoder()
    if encoder is None:
        return None
    if not chosen:
        return []
    vectors = {hit.id: hit.sentence_vector for hit in chosen if hit.sentence_vector}
    missing = list({hit.id: hit for hit in chosen if hit.id not in vectors}.values())
    if missing:
        new = encoder.passage_vector_bytes([(hit.title, hit.text) for hit in missing])
        vectors.update((hit.id, blob) for hit, blob in zip(missing, new, strict=True))
        # A read-only or busy library keeps none: they are computed again next time
        # (sqlite3.Error: a caller's read transaction this write joined could not upgrade).
        with contextlib.suppress(StoreError, sqlite3.Error):
            store.save_sentence_vectors((hit.id, vectors[hit.id]) for hit in missing)
    claim_vector = encoder.vector(claim)
    similarity = cosines(claim_vector, [vectors[hit.id] for hit in chosen])
    final = [
        round((score + weight * max(value, 0.0)) / (1 + weight), 4)
        for score, value in zip(scores, similarity, strict=True)
    ]
    # Stable: equal scores keep the matcher's order.
    order = sorted(range(len(final)), key=lambda i: -final[i])[:limit]
    return [(i, final[i]) for i in order]


def recalled_hits(store: Store, text: str, *, depth: int = RECALL_DEPTH) -> list[ReferenceHit]:
    """The library's passages the impact index recalls for `text`: its stems and those
    of its `equivalent_phrases` ("CO2" -> "carbon dioxide"), as FTS5's query had them.
    At 54k passages this costs ~0.35x a bm25s query by CPU (FTS5's 1.4-2.1x); after the
    rerank, 5-fold CV recall@5 is 1.39x / 1.299x bm25s on FM2 / Climate-FEVER against
    FTS5's 1.43x / 1.32x (bench/RESULTS.md, session 24, impact). A library too large
    to build the index in memory (`IMPACT_MAX_PASSAGES`) recalls with FTS5."""
    hits = store.impact_hits(recall_stems(text), limit=depth)
    return fts_recalled_hits(store, text, depth=depth) if hits is None else hits


def recall_stems(text: str) -> list[str]:
    """The stems a claim is recalled by, in its order (repeats kept: the index counts
    each once)."""
    return list(claim_features(text).recall_stems)


def fts_recalled_hits(store: Store, text: str, *, depth: int = RECALL_DEPTH) -> list[ReferenceHit]:
    """The library's passages FTS5 recalls for `text` (its informative terms): the
    recall stage before the impact index, kept for benches and comparisons."""
    query = fts_query(text)
    if query is None:
        return []
    return store.search_references(query, limit=depth)


def recalled_candidates(store: Store, text: str, *, depth: int = RECALL_DEPTH) -> list[Candidate]:
    """`recalled_hits` as candidates for the matcher's rerank: what
    `LocalReferences.suggest` ranks, and what bench/eval_retrieval.py reads each
    feature of."""
    return [_candidate(hit) for hit in recalled_hits(store, text, depth=depth)]


def _candidate(hit: ReferenceHit) -> Candidate:
    # (positional: 30 a suggestion, and keywords cost more to pass)
    return Candidate(
        SourceKind.REFERENCE,  # source
        hit.title,
        hit.text,  # passage
        hit.relevance,  # recall
        hit.url,
        hit.ref_id,  # reference_id
        None,  # revision_id
        None,  # fetched_at
        None,  # note
        hit.vector,
        hit.stems,
    )
