"""The rerank's memos (issue 14, session 24): a passage's features, a claim's details and
a context's terms are computed once and remembered, and the rankings do not depend on
what is remembered (bench/bench_rerank_speed.py, bench/check_suggest_identity.py)."""

from __future__ import annotations

from factcheck.evidence import matcher, signals
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import Candidate, fts_query, informative_terms, rank_candidates
from factcheck.evidence.signals import compare, extract_details
from factcheck.evidence.sources.local import LocalReferences
from factcheck.models import SourceKind
from factcheck.store import Store
from factcheck.text.words import content_stems
from tests.unit.korea_passages import PASSAGES

CLAIM = "South Korea is Asia's fourth-largest economy, with exports worth $600 billion in 2019."


def candidates() -> list[Candidate]:
    return [
        Candidate(SourceKind.REFERENCE, title, text, float(len(PASSAGES) - n), reference_id=f"r{n}")
        for n, (title, text) in enumerate(PASSAGES)
    ]


def test_rankings_are_the_same_with_the_memos_empty_and_full() -> None:
    matcher.forget()
    first = rank_candidates(CLAIM, candidates(), context="Trade news", limit=5)
    again = rank_candidates(CLAIM, candidates(), context="Trade news", limit=5)
    matcher.forget()
    after_forget = rank_candidates(CLAIM, candidates(), context="Trade news", limit=5)
    assert first == again == after_forget
    assert first[0].passage == PASSAGES[0][1]
    # the agreement and contradiction signals come through the memo of passage details
    exports = next(item for item in first if item.passage == PASSAGES[2][1])
    assert "claim: 2019; passage: 2018" in exports.contradictions
    assert "$600 billion" in exports.agreements


def test_a_passage_seen_before_with_another_claim_is_scored_for_the_new_claim() -> None:
    matcher.forget()
    rank_candidates("Seoul is the capital of South Korea.", candidates(), limit=5)
    ranked = rank_candidates(CLAIM, candidates(), limit=5)
    matcher.forget()
    assert ranked == rank_candidates(CLAIM, candidates(), limit=5)
    seoul = rank_candidates("Seoul is the capital of South Korea.", candidates(), limit=1)
    assert seoul[0].title == "Seoul"


def test_compare_reads_the_same_details_from_memory() -> None:
    details = extract_details(CLAIM)
    signals.forget_passages()
    fresh = [compare(details, text) for _, text in PASSAGES]
    remembered = [compare(details, text) for _, text in PASSAGES]
    assert fresh == remembered
    assert fresh[1] == (("2019", "South Korea"), ("claim: $600 billion; passage: 542 billion",))


def test_a_caller_changing_the_terms_it_got_does_not_change_the_next_answer() -> None:
    terms = informative_terms(CLAIM)
    terms.append("penguin")
    terms.clear()
    assert informative_terms(CLAIM) == informative_terms(CLAIM)
    assert "korea" in informative_terms(CLAIM)
    query = fts_query("CO2 levels rose in 2019")
    assert fts_query("CO2 levels rose in 2019") == query
    assert query is not None and '"carbon dioxide"' in query


def _library(store: Store) -> LocalReferences:
    """The PASSAGES as `store`'s reference library, ranked by words alone."""
    store.add_references(
        [{"id": f"p{n}", "title": t, "text": x} for n, (t, x) in enumerate(PASSAGES)]
    )
    return LocalReferences(store, sentence_weight=0.0)


def test_the_library_suggests_the_same_before_and_after_the_memos_are_emptied(tmp_path) -> None:
    with Store(tmp_path / "claims.db") as store:
        source = _library(store)
        free = ClaimContext.free_text()
        matcher.forget()
        first = source.suggest(CLAIM, context=free, limit=3)
        second = source.suggest(CLAIM, context=free, limit=3)
        assert first == second
        assert first[0].title == "Economy of South Korea"
        assert first[0].span is not None


def test_a_prepared_claim_is_suggested_from_its_remembered_features(tmp_path) -> None:
    with Store(tmp_path / "claims.db") as store:
        source = _library(store)
        free = ClaimContext.free_text()
        matcher.forget()
        unprepared = source.suggest(CLAIM, context=free, limit=3)
        matcher.forget()
        source.prepare([CLAIM])
        computed = matcher.claim_features.cache_info().misses
        prepared = source.suggest(CLAIM, context=free, limit=3)
        # the suggestion read the claim's features prepare() worked out, computing none
        assert matcher.claim_features.cache_info().misses == computed
        assert prepared == unprepared
        assert prepared[0].title == "Economy of South Korea"


def test_a_claims_features_are_what_the_recall_and_rerank_computed_from_it() -> None:
    matcher.forget()
    features = matcher.claim_features("CO2 levels in the U.S. rose in 2019")
    assert features.stems == tuple(content_stems("CO2 levels in the U.S. rose in 2019"))
    # the recall stems add what the abbreviations stand for
    assert {"carbon", "dioxid", "united", "states"} <= set(features.recall_stems)
    assert features.details.years == ("2019",)
    assert features.stem_set == frozenset(features.stems)


def test_words_after_the_aligned_stretch_do_not_move_the_span() -> None:
    passage = "South Korea has the fourth-largest economy in Asia."
    longer = passage + " Penguins waddle across the ice near the pole every winter."
    span = matcher.aligned_span(CLAIM, passage)
    assert span is not None
    assert matcher.aligned_span(CLAIM, longer) == span
    assert passage[span[0] : span[1]].startswith("South Korea")
