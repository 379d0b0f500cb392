"""The local library's own rerank weights (issue 14, session 26: fitted to its sentence
rerank) and the matcher's `weights` hook that applies them."""

from __future__ import annotations

import math

from factcheck.evidence import matcher
from factcheck.evidence.library_weights import LIBRARY_SENTENCE_WEIGHT, LIBRARY_WEIGHTS
from factcheck.evidence.matcher import Candidate, score_candidates
from factcheck.evidence.sources import local
from factcheck.models import SourceKind

CLAIM = "Arctic sea ice fell to a record low in 2012"


def _candidates() -> list[Candidate]:
    # "loud" is the index's best hit (recall 9) but shares one word with the claim;
    # "close" says what the claim says with a weaker bm25 (recall 2).
    return [
        Candidate(
            SourceKind.REFERENCE,
            "Ice",
            "Ice cream sales rose and rose and rose in every summer on record.",
            recall=9.0,
            reference_id="loud",
        ),
        Candidate(
            SourceKind.REFERENCE,
            "Sea ice",
            "Arctic sea ice fell to a record low extent in September 2012.",
            recall=2.0,
            reference_id="close",
        ),
    ]


def _only(feature: str) -> dict[str, float]:
    return {name: float(name == feature) for name in matcher._WEIGHTS}


def test_the_library_weights_weigh_every_matcher_feature_and_sum_to_one() -> None:
    assert set(LIBRARY_WEIGHTS) == set(matcher._WEIGHTS)
    assert all(value >= 0 for value in LIBRARY_WEIGHTS.values())
    assert math.isclose(sum(LIBRARY_WEIGHTS.values()), 1.0, abs_tol=1e-9)
    assert LIBRARY_SENTENCE_WEIGHT > 0
    assert local.SENTENCE_WEIGHT == LIBRARY_SENTENCE_WEIGHT


def test_the_weights_passed_to_the_matcher_decide_its_order() -> None:
    by_recall = score_candidates(CLAIM, _candidates(), weights=_only("recall"))
    by_words = score_candidates(CLAIM, _candidates(), weights=_only("token_set"))
    assert [s.candidate.reference_id for s in by_recall] == ["loud", "close"]
    assert by_recall[0].score == 1.0  # the best hit's recall, normalised, over weight 1
    assert [s.candidate.reference_id for s in by_words] == ["close", "loud"]


def test_without_weights_the_matcher_scores_as_with_its_own() -> None:
    plain = score_candidates(CLAIM, _candidates())
    explicit = score_candidates(CLAIM, _candidates(), weights=dict(matcher._WEIGHTS))
    assert [(s.candidate.reference_id, s.score) for s in plain] == [
        (s.candidate.reference_id, s.score) for s in explicit
    ]


def test_the_library_weights_ignore_the_index_bm25_alone() -> None:
    """Two passages alike in everything but the index's relevance score the same under
    the library's weights (its `recall` weight is 0), not under the matcher's."""
    twins = [
        Candidate(SourceKind.REFERENCE, "Sea ice", text, recall=recall, reference_id=name)
        for name, recall, text in (
            ("weak", 1.0, "Arctic sea ice fell to a record low in 2012."),
            ("strong", 5.0, "Arctic sea ice fell to a record low in 2012."),
        )
    ]
    library = {
        s.candidate.reference_id: s.score
        for s in score_candidates(CLAIM, twins, weights=LIBRARY_WEIGHTS)
    }
    own = {s.candidate.reference_id: s.score for s in score_candidates(CLAIM, twins)}
    assert library["weak"] == library["strong"]
    assert own["strong"] > own["weak"]
