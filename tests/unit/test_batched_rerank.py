"""The rerank's batched paths (issue 14 speed, session 26): `signals.compare_each` and
the features weighed for all candidates at once give, to the bit, what one call a
passage and the candidate-by-candidate sum gave."""

from __future__ import annotations

import itertools
import math

import pytest
from rapidfuzz import fuzz

from factcheck.evidence import matcher
from factcheck.evidence.matcher import Candidate, score_candidates
from factcheck.evidence.signals import compare, compare_each, extract_details
from factcheck.models import SourceKind
from factcheck.text.words import TermStats, content_stems
from tests.unit import korea_passages

PASSAGES = [
    *korea_passages.PASSAGES,
    ("Penguin", "Emperor penguins breed in the Antarctic winter."),
    ("", "the economy grew by 3.4 percent, the fastest since 2010."),
]
CLAIMS = [
    # years, quantities, an ordinal with a superlative and names
    "South Korea is Asia's fourth-largest economy, with exports worth $600 billion in 2019.",
    "Seoul is the capital of South Korea.",  # names only
    "the economy grew fast last year",  # no detail at all
    "penguins breed in winter, the largest of them at 1,000 metres",  # superlative, quantity
]


@pytest.mark.parametrize("claim", CLAIMS)
def test_compare_each_is_compare_for_each_passage(claim: str) -> None:
    details = extract_details(claim)
    texts = [text for _, text in PASSAGES]
    expected = [compare(details, text) for text in texts]
    assert compare_each(details, texts, [text.lower() for text in texts]) == expected
    assert any(agreements for agreements, _ in expected) or claim == CLAIMS[2]


def _per_candidate(
    claim: str, candidates: list[Candidate], context: str, stats: TermStats
) -> list[tuple[float, str | None]]:
    """The rerank as it was written before it was batched: each candidate's features
    summed one candidate at a time, in `_WEIGHTS` order, then the min-max `saturated`
    term, then a stable sort."""
    weights = matcher._WEIGHTS
    details = extract_details(claim)
    detail_count = matcher._detail_count(details)
    # (sets built as the rerank builds them, so that a sum over one runs in its order)
    claim_stems = frozenset(content_stems(claim))
    claim_pairs = set(itertools.pairwise(content_stems(claim)))
    terms = set(matcher.informative_terms(claim, limit=50)) | set(
        matcher.informative_terms(context, limit=50)
    )
    best = max(c.recall for c in candidates) or 1.0
    idf = {stem: stats.idf(stem) for stem in claim_stems}
    rarest = max(idf.values(), default=0.0) or 1.0
    meanings = matcher._meanings(matcher.claim_features(claim).vector, candidates)
    partial = []
    for n, c in enumerate(candidates):
        stems = content_stems(c.passage)
        title_stems = content_stems(c.title)
        in_passage = claim_stems.intersection(stems)
        shared = in_passage | claim_stems.intersection(title_stems)
        agreements, _ = compare(details, c.passage)
        saturation = sum(
            math.log1p(
                (stems.count(s) + title_stems.count(s))
                * stats.stems
                / (matcher._SMOOTHING * stats.stem_freq[s])
            )
            for s in shared
            if stats.stem_freq.get(s)
        )
        features = {
            "recall": max(c.recall, 0.0) / best,
            "token_set": fuzz.token_set_ratio(claim.lower(), c.passage.lower()) / 100,
            "token_sort": fuzz.token_sort_ratio(claim.lower(), c.passage.lower()) / 100,
            "coverage": len(in_passage) / (len(claim_stems) or 1),
            "title": matcher._title_match(c.title, terms),
            "phrase": len(claim_pairs & set(itertools.pairwise(stems))) / len(claim_pairs)
            if claim_pairs
            else 0.0,
            "agreement": min(len(agreements) / detail_count, 1.0) if detail_count else 0.0,
            "rarest": max((idf[s] for s in shared), default=0.0) / rarest,
            "meaning": meanings[n],
        }
        partial.append((sum(weights[name] * value for name, value in features.items()), saturation))
    low = min(value for _, value in partial)
    high = max(value for _, value in partial)
    scored = [
        (
            (score + weights["saturated"] * (value - low) / ((high - low) or 1.0))
            / sum(weights.values()),
            c.reference_id,
        )
        for (score, value), c in zip(partial, candidates, strict=True)
    ]
    return sorted(scored, key=lambda item: -item[0])


@pytest.mark.parametrize("claim", CLAIMS)
@pytest.mark.parametrize("context", ["", "Trade news from Seoul\nKorea's economy"])
@pytest.mark.parametrize("kept_stems", [True, False])
def test_the_batched_rerank_scores_every_candidate_as_one_at_a_time(
    claim: str, context: str, kept_stems: bool
) -> None:
    candidates = [
        Candidate(
            SourceKind.REFERENCE,
            title,
            text,
            float((n * 7) % 5),  # ties in the recall, and a zero
            reference_id=f"r{n}",
            stems=tuple(content_stems(text)) if kept_stems else None,
        )
        for n, (title, text) in enumerate(PASSAGES)
    ]
    stats = TermStats.of_texts(f"{title} {text}" for title, text in PASSAGES * 3)
    matcher.forget()
    got = [
        (item.score, item.candidate.reference_id)
        for item in score_candidates(claim, candidates, context=context, stats=stats)
    ]
    assert got == _per_candidate(claim, candidates, context, stats)
    # the signals reach the ranked items as `compare` gives them
    details = extract_details(claim)
    for item in score_candidates(claim, candidates, context=context, stats=stats):
        assert (item.agreements, item.contradictions) == compare(details, item.candidate.passage)
