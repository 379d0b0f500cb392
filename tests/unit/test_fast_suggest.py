"""The suggestion path's speed work keeps its answers: batched features, late spans,
claim vectors prepared ahead (issue 14, bench/bench_rerank_speed.py)."""

from __future__ import annotations

import math

import pytest
from rapidfuzz import fuzz

from factcheck.evidence import matcher
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import Candidate, aligned_span, rank_candidates, with_spans
from factcheck.evidence.sources import local as local_source
from factcheck.evidence.sources.local import LocalReferences
from factcheck.models import SourceKind
from factcheck.store import Store
from factcheck.text import sentence_encoder
from factcheck.text.sentence_encoder import default_sentence_encoder
from factcheck.text.vectors import cosine, default_vectors, vector_bytes

FREE_TEXT = ClaimContext.free_text()
CLAIM = "South Korea is Asia's fourth-largest economy, with exports worth $600 billion in 2019."
PASSAGES = [
    ("Economy of South Korea", "South Korea has the fourth-largest economy in Asia."),
    ("Economy of South Korea", "Exports of South Korea were worth 542 billion dollars in 2019."),
    ("Penguin", "Penguins are flightless birds of the Southern Hemisphere."),
    ("Seoul", "Seoul is the capital and largest city of South Korea."),
    ("Korean War", "The Korean War began in 1950 when North Korea invaded the South."),
]


def candidates(*, vectors: bool = True) -> list[Candidate]:
    return [
        Candidate(
            source=SourceKind.REFERENCE,
            title=title,
            passage=text,
            recall=float(len(PASSAGES) - n),
            reference_id=f"r{n}",
            vector=vector_bytes(text) if vectors else None,
        )
        for n, (title, text) in enumerate(PASSAGES)
    ]


def test_meanings_in_one_product_equal_the_cosine_one_passage_at_a_time() -> None:
    found = candidates()
    # a stored vector of another width counts 0, as `vectors.cosine` has it
    found.append(Candidate(SourceKind.REFERENCE, "x", "Other width.", 0.1, vector=b"\x01\x02"))
    claim_vector = default_vectors().vector(CLAIM)
    assert claim_vector is not None
    expected = [cosine(claim_vector, c.vector or b"") for c in found]
    got = matcher._meanings(claim_vector, found).tolist()
    assert got[-1] == 0.0
    assert all(math.isclose(a, b, abs_tol=1e-12) for a, b in zip(got, expected, strict=True))
    # no vector stored: computed from the passage, the same value
    assert matcher._meanings(claim_vector, candidates(vectors=False)).tolist() == got[:-1]
    assert matcher._meanings(None, found).tolist() == [0.0] * len(found)


@pytest.mark.parametrize(
    "scorer", [fuzz.token_set_ratio, fuzz.token_sort_ratio, fuzz.partial_ratio]
)
def test_fuzzy_features_in_one_call_equal_one_call_a_passage(scorer) -> None:
    claim = CLAIM.lower()
    passages = [text.lower() for _, text in PASSAGES]
    assert matcher._fuzzy(scorer, claim, passages).tolist() == [scorer(claim, p) for p in passages]


def test_spans_left_out_then_added_give_the_same_evidence() -> None:
    full = rank_candidates(CLAIM, candidates(), limit=5)
    bare = rank_candidates(CLAIM, candidates(), limit=5, spans=False)
    assert [e.span for e in bare] == [None] * 5
    assert [(e.passage, e.score) for e in bare] == [(e.passage, e.score) for e in full]
    assert with_spans(CLAIM, bare) == full
    assert full[0].span is not None


def _library(store: Store) -> None:
    store.add_references(
        [{"id": f"r{n}", "title": title, "text": text} for n, (title, text) in enumerate(PASSAGES)]
    )


def test_the_shipped_path_aligns_spans_for_what_it_returns(store: Store) -> None:
    _library(store)
    found = LocalReferences(store).suggest(CLAIM, context=FREE_TEXT, limit=3)
    assert len(found) == 3
    assert all(e.span == aligned_span(CLAIM, e.passage) for e in found)
    assert any(e.span is not None for e in found)


def test_a_prepared_claim_is_answered_without_encoding_it_and_the_same(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _library(store)
    encoder = default_sentence_encoder()
    assert encoder is not None
    claim = "Korea's exports reached $600 billion in 2019, a claim prepared ahead."
    local = LocalReferences(store)
    unprepared = local.suggest(claim, context=FREE_TEXT)  # also caches passage vectors
    encoder._recent.pop(claim, None)

    assert local.prepare([claim, claim]) == 1
    encoded: list[str] = []
    original = type(encoder).encode

    def counting(self, texts):
        encoded.extend(texts)
        return original(self, texts)

    monkeypatch.setattr(type(encoder), "encode", counting)
    assert local.suggest(claim, context=FREE_TEXT) == unprepared
    assert encoded == []  # no transformer run: the claim's vector was ready


def test_prepare_stops_when_cancelled_and_is_a_no_op_without_the_sentence_term(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    encoder = default_sentence_encoder()
    assert encoder is not None
    local = LocalReferences(store)
    assert local.prepare(["One claim.", "Another claim."], is_cancelled=lambda: True) == 0
    assert "One claim." not in encoder._recent
    assert LocalReferences(store, sentence_weight=0.0).prepare(["One claim."]) == 0
    monkeypatch.setattr(sentence_encoder, "CLAIM_CACHE", 2)
    assert local.prepare([f"Claim number {n}." for n in range(5)]) == 2


def test_the_claim_memory_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    encoder = default_sentence_encoder()
    assert encoder is not None
    monkeypatch.setattr(sentence_encoder, "CLAIM_CACHE", 3)
    encoder._recent.clear()
    for n in range(6):
        encoder.vector(f"Bounded claim {n}.")
    assert list(encoder._recent) == [f"Bounded claim {n}." for n in (3, 4, 5)]


def test_the_matcher_reranks_only_the_index_best_recall_depth(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 40 passages the claim's words recall; the rerank sees the index's best 30 of them
    # (matcher.RECALL_DEPTH: fewer candidates, the same recall in cross-validation).
    store.add_references(
        [
            {"id": f"g{n}", "title": f"Glacier {n}", "text": f"Glacier {n} retreated {n} metres."}
            for n in range(40)
        ]
    )
    seen: list[int] = []
    original = local_source.rank_candidates

    def counting(claim, candidates, **options):
        candidates = list(candidates)
        seen.append(len(candidates))
        return original(claim, candidates, **options)

    monkeypatch.setattr(local_source, "rank_candidates", counting)
    found = LocalReferences(store, sentence_weight=0.0).suggest(
        "The glacier retreated.", context=FREE_TEXT, limit=5
    )
    assert matcher.RECALL_DEPTH == 30
    assert seen == [30]
    assert len(found) == 5
