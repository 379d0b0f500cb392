"""Earlier checks as evidence: verdicts in other documents, and published fact-checks.

A newsroom checks the same claims again and again; the first thing a reviewer wants is
"checked before: disputed on 2026-11-02". Matching follows Meedan Check: a similarity
in [0, 1] (rapidfuzz over the normalised texts), shown from a "suggested" threshold,
flagged from a "strong" one, and claims under a minimum length are not matched at all
because short texts look alike whatever they say. Thresholds live in config.toml
[prior].

Recall is narrowed to the claims sharing one of the query's rarest terms (issue 15):
bm25 scores every row an OR of all the claim's words matches, and at 100,000 decided
claims "covid" or "says" match tens of thousands of them; ranking those cost 40-120 ms a
lookup. A claim alike enough to pass the threshold nearly always shares a rare word
too: 300 of 300 top-5 lists were identical on the bench (bench/RESULTS.md, issue 15).
Where they can differ: claims that match only in common words, differing in every
rare one (a narrow, templated vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from factcheck.config import PriorConfig
from factcheck.evidence.matcher import aligned_span, fts_query
from factcheck.evidence.signals import compare, extract_details
from factcheck.models import Evidence, SourceKind
from factcheck.text.words import words

if TYPE_CHECKING:
    from factcheck.evidence.context import ClaimContext
    from factcheck.store import Store
    from factcheck.store.factchecks import CheckedClaim


_Scored = tuple[float, Callable[[], Evidence]]
"""A candidate's similarity, and how to build its evidence if it is shown."""

RAREST_TERMS = 3
"""At least this many of the query's rarest terms gate recall (a recalled claim shares
one of them): the ones fewest decided claims contain."""

GATE_POSTINGS = 5_000
"""More gate terms, rarest first, while the decided claims containing them add up to no
more than this: bm25 then ranks at most a few thousand rows. Below it (a small
desk, or a claim of rare words only) every term gates and recall is exactly the plain
OR of all terms."""

TERM_COUNT_CACHE = 50_000
"""Distinct terms whose decided-claim counts are remembered before the memo starts over:
a count costs a pass over the term's postings (0.5 ms for a common word), and a desk
asks about the same common words all day."""


def similarity(a: str, b: str) -> float:
    """How alike two claims are, in [0, 1]: word order and extra words cost a little."""
    return _similarity_lowered(a.lower(), b.lower())


def _similarity_lowered(a: str, b: str) -> float:
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 200


class PriorChecks:
    """Evidence from claims already decided here and from imported fact-checks.

    The claim's own document (`context.document_id`) is left out of the earlier
    verdicts: a claim is not evidence for itself, nor for its neighbours.
    """

    name = "prior"

    def __init__(
        self,
        store: Store,
        config: PriorConfig | None = None,
    ) -> None:
        self.store = store
        self.config = config or PriorConfig()
        self._term_counts: dict[str, int] = {}

    def suggest(self, text: str, *, context: ClaimContext, limit: int = 5) -> list[Evidence]:
        if len(words(text)) < self.config.min_claim_words:
            return []
        query = fts_query(text)
        if query is None:
            return []  # no informative word: nothing to recall by
        found = self._earlier_verdicts(text, query, context.document_id, limit)
        found += self._published(text, query)
        # Scored first, built after: only the shown few get their span and agreement
        # signals (50-100 repeats of a common claim can all pass the threshold).
        found.sort(key=lambda pair: -round(pair[0], 4))
        return [build() for _, build in found[:limit]]

    def _earlier_verdicts(
        self, text: str, query: str, own_document_id: int | None, limit: int
    ) -> list[_Scored]:
        """The best `limit` earlier verdicts above the threshold, by similarity (ties in
        bm25 order): what `suggest` could show of them."""
        # bm25 recall of the 100 likeliest decided claims, then the similarity score:
        # a claim alike enough to pass the thresholds shares its informative words.
        # Only texts are read for the 100; verdicts and titles for the shown few.
        candidates = self.store.checked_claim_texts_matching(
            self._narrowed(query), limit=100, exclude_document_id=own_document_id
        )
        lowered = text.lower()
        threshold = self.config.suggested_threshold
        passing = []
        for claim_id, claim_text in candidates:
            score = _similarity_lowered(lowered, claim_text.lower())
            if score >= threshold:
                passing.append((score, claim_id))
        # the order `suggest` sorts in (stable: bm25 order among equal scores)
        passing.sort(key=lambda pair: -round(pair[0], 4))
        results: list[_Scored] = []
        start = 0
        while len(results) < limit and start < len(passing):
            # a claim whose verdicts were all withdrawn has no verdict in force: dropped
            # here, as it was when every candidate's verdict was read first
            batch = passing[start : start + limit]
            start += limit
            checked = {c.claim_id: c for c in self.store.checked_claims([i for _, i in batch])}
            for score, claim_id in batch:
                if claim_id in checked and len(results) < limit:
                    results.append((score, self._earlier_evidence(text, score, checked[claim_id])))
        return results

    def _earlier_evidence(
        self, text: str, score: float, checked: CheckedClaim
    ) -> Callable[[], Evidence]:
        note = f", note: {checked.note}" if checked.note else ""
        return partial(
            self._evidence,
            text,
            checked.text,
            score,
            source=SourceKind.PRIOR,
            title=f"checked before: {checked.status} on {checked.decided_at[:10]}"
            f" ({checked.document_title}){note}",
            url=None,
            reference_id=str(checked.claim_id),
        )

    def _narrowed(self, query: str) -> str:
        """`query` (quoted terms OR-ed, from `fts_query`) restricted to the claims that
        share one of its rarest terms (`RAREST_TERMS`, `GATE_POSTINGS`); bm25 still
        weighs every term.

        The counts may lag the index by the verdicts given since they were taken: they
        only choose which terms gate recall, not what a claim scores.
        """
        terms = query.split(" OR ")  # fts_query strips quotes inside terms: a safe split
        gate: list[str] = []
        postings = 0
        for term in sorted(terms, key=self._decided_claims_with):
            postings += self._decided_claims_with(term)
            if len(gate) >= RAREST_TERMS and postings > GATE_POSTINGS:
                break
            gate.append(term)
        if len(gate) == len(terms):
            return query
        return f"({query}) AND ({' OR '.join(gate)})"

    def _decided_claims_with(self, term: str) -> int:
        count = self._term_counts.get(term)
        if count is None:
            if len(self._term_counts) >= TERM_COUNT_CACHE:
                self._term_counts.clear()
            count = self._term_counts[term] = self.store.checked_claims_count(term)
        return count

    def _published(self, text: str, query: str) -> list[_Scored]:
        results: list[_Scored] = []
        for check in self.store.search_factchecks(query, limit=30):
            score = similarity(text, check.claim)
            if score < self.config.suggested_threshold:
                continue
            date = f" on {check.reviewed_at[:10]}" if check.reviewed_at else ""
            results.append(
                (
                    score,
                    partial(
                        self._evidence,
                        text,
                        check.claim,
                        score,
                        source=SourceKind.FACTCHECK,
                        title=f"{check.publisher or 'fact-checker'}:"
                        f" {check.rating or 'unrated'}{date}",
                        url=check.url,
                        reference_id=check.url,
                    ),
                )
            )
        return results

    def _evidence(
        self,
        claim: str,
        passage: str,
        score: float,
        *,
        source: SourceKind,
        title: str,
        url: str | None,
        reference_id: str,
    ) -> Evidence:
        agreements, contradictions = compare(extract_details(claim), passage)
        return Evidence(
            source=source,
            title=title,
            passage=passage,
            score=round(score, 4),
            url=url,
            span=aligned_span(claim, passage),
            agreements=agreements,
            contradictions=contradictions,
            reference_id=reference_id,
        )
