"""The matching rules of bench/eval_news_claims.py (bench/news_claim_matching.py):
what counts as a found claim, a real shown span and a badly cut one."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from news_claim_matching import (  # noqa: E402
    Annotated,
    Span,
    finds,
    is_badly_cut,
    is_real,
    misses_core,
    tally,
)

TEXT = "In Ontario, exports rose 3% in the first quarter after a 1.5% drop, she said."


def _at(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment))


CLAIM = Annotated(
    span=_at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop"),
    core=_at("exports rose 3% in the first quarter"),
)


def test_a_span_holding_the_core_and_most_words_finds_the_claim() -> None:
    assert finds(_at("exports rose 3% in the first quarter after a 1.5% drop"), CLAIM, TEXT)


def test_a_span_holding_the_core_but_under_half_the_words_does_not_find_it() -> None:
    long_claim = Annotated(
        span=_at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop, she said"),
        core=_at("3%"),
    )
    assert not finds(_at("rose 3% in"), long_claim, TEXT)
    assert finds(_at("In Ontario, exports rose 3% in the first quarter"), long_claim, TEXT)


def test_a_span_cutting_the_core_does_not_find_it_and_is_badly_cut() -> None:
    cut = _at("In Ontario, exports rose 3")
    assert not finds(cut, CLAIM, TEXT)
    assert is_real(cut, [CLAIM])
    assert is_badly_cut(cut, [CLAIM])


def test_a_whole_span_is_real_and_not_badly_cut() -> None:
    whole = _at("In Ontario, exports rose 3% in the first quarter after a 1.5% drop, she said.")
    assert is_real(whole, [CLAIM]) and not is_badly_cut(whole, [CLAIM])


def test_a_tail_touching_the_statement_but_not_its_core_is_no_claim() -> None:
    tail = _at("after a 1.5% drop, she said")
    assert not is_real(tail, [CLAIM])
    assert not is_badly_cut(tail, [CLAIM])
    assert misses_core(tail, [CLAIM])
    assert not misses_core(_at("she said"), [CLAIM])  # outside the statement: touches nothing


def test_tally_counts_recall_precision_and_badly_cut_over_touching_spans() -> None:
    shown = [_at("In Ontario, exports rose 3"), _at("she said"), CLAIM.span]
    t = tally(TEXT, shown, [CLAIM], well_formed=2)
    assert (t.claims, t.found, t.shown, t.real, t.touching, t.badly_cut) == (1, 1, 3, 2, 2, 1)
    assert t.recall == 1.0
    assert abs(t.precision - 2 / 3) < 1e-9
    assert t.badly_cut_share == 0.5
    assert abs(t.well_formed_share - 2 / 3) < 1e-9
    pooled = t + t
    assert (pooled.found, pooled.shown, pooled.recall) == (2, 6, 1.0)
