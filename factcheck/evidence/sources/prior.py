"""Earlier checks as evidence: verdicts in other documents, and published fact-checks.

A newsroom checks the same claims again and again; the first thing a reviewer wants is
"checked before: disputed on 2026-11-02". Matching follows Meedan Check: a similarity
in [0, 1] (rapidfuzz over the normalised texts), shown from a "suggested" threshold,
flagged from a "strong" one, and claims under a minimum length are not matched at all
because short texts look alike whatever they say. Thresholds live in config.toml
[prior].
"""

from __future__ import annotations

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


def similarity(a: str, b: str) -> float:
    """How alike two claims are, in [0, 1]: word order and extra words cost a little."""
    a, b = a.lower(), b.lower()
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

    def suggest(self, text: str, *, context: ClaimContext, limit: int = 5) -> list[Evidence]:
        if len(words(text)) < self.config.min_claim_words:
            return []
        query = fts_query(text)
        if query is None:
            return []  # no informative word: nothing to recall by
        found = self._earlier_verdicts(text, query, context.document_id)
        found += self._published(text, query)
        found.sort(key=lambda e: -e.score)
        return found[:limit]

    def _earlier_verdicts(
        self, text: str, query: str, own_document_id: int | None
    ) -> list[Evidence]:
        results = []
        # bm25 recall of the 100 likeliest decided claims, then the similarity score:
        # a claim alike enough to pass the thresholds shares its informative words.
        candidates = self.store.checked_claims_matching(
            query, limit=100, exclude_document_id=own_document_id
        )
        for checked in candidates:
            score = similarity(text, checked.text)
            if score < self.config.suggested_threshold:
                continue
            note = f", note: {checked.note}" if checked.note else ""
            results.append(
                self._evidence(
                    text,
                    checked.text,
                    score,
                    source=SourceKind.PRIOR,
                    title=f"checked before: {checked.status} on {checked.decided_at[:10]}"
                    f" ({checked.document_title}){note}",
                    url=None,
                    reference_id=str(checked.claim_id),
                )
            )
        return results

    def _published(self, text: str, query: str) -> list[Evidence]:
        results = []
        for check in self.store.search_factchecks(query, limit=30):
            score = similarity(text, check.claim)
            if score < self.config.suggested_threshold:
                continue
            date = f" on {check.reviewed_at[:10]}" if check.reviewed_at else ""
            results.append(
                self._evidence(
                    text,
                    check.claim,
                    score,
                    source=SourceKind.FACTCHECK,
                    title=f"{check.publisher or 'fact-checker'}: {check.rating or 'unrated'}{date}",
                    url=check.url,
                    reference_id=check.url,
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
