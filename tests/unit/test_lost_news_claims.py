"""bench/lost_news_claims.py: why the product loses a claim "every sentence" finds one to
one (the classes are read from the product's claims; no model is loaded here)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from lost_news_claims import classify  # noqa: E402
from news_claim_matching import Annotated, Span, matching  # noqa: E402

TEXT = "In Ontario, exports rose 3% in the first quarter after a 1.5% drop. Prices fell 2%."


def _at(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment))


FIRST = Annotated(span=_at("exports rose 3% in the first quarter"), core=_at("3%"))
SECOND = Annotated(span=_at("after a 1.5% drop"), core=_at("1.5%"))
THIRD = Annotated(span=_at("Prices fell 2%"), core=_at("2%"))


def _claim(fragment: str, score: float) -> SimpleNamespace:
    span = _at(fragment)
    return SimpleNamespace(text=fragment, start=span.start, end=span.end, score=score)


def _groups(*claims: SimpleNamespace) -> SimpleNamespace:
    return SimpleNamespace(claims=list(claims), duplicate_of=[None] * len(claims))


def test_matching_gives_each_shown_span_one_claim() -> None:
    sentence = _at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop.")
    pairs = matching(TEXT, [sentence, THIRD.span], [FIRST, SECOND, THIRD])
    assert len(pairs) == 2 and pairs[2] == 1 and set(pairs.values()) == {0, 1}


def test_a_claim_whose_span_went_to_another_is_taken() -> None:
    sentence = _at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop")
    groups = _groups(
        _claim("In Ontario, exports rose 3% in the first quarter after a 1.5% drop", 0.9)
    )
    kind, _ = classify(TEXT, SECOND, groups, [sentence], {0: 0})
    assert kind == "taken"


def test_a_claim_found_by_a_claim_under_half_is_not_shown_with_its_score() -> None:
    groups = _groups(_claim("Prices fell 2%", 0.3))
    kind, note = classify(TEXT, THIRD, groups, [], {})
    assert kind == "not shown" and note.startswith("score 0.30")


def test_a_core_split_across_spans_is_a_cut() -> None:
    groups = _groups(_claim("Prices fell 2", 0.8), _claim("%.", 0.8))
    kind, _ = classify(TEXT, THIRD, groups, [], {})
    assert kind == "cut, shown: core split"


def test_a_claim_in_a_sentence_dropped_as_debris_says_so() -> None:
    text = "Exports rose 3% in May.\nPhoto: Reuters said 40 ships docked\nPrices fell."
    start = text.index("40 ships")
    claim = Annotated(span=Span(start, start + 15), core=Span(start, start + 8))
    kind, _ = classify(text, claim, _groups(), [], {})
    assert kind == "dropped: debris"
