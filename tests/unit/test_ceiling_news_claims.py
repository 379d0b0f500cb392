"""bench/ceiling_news_claims.py: how many annotated claims spans that never overlap can
find one to one (made-up text; the shared data is not needed)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from ceiling_news_claims import reachable, smallest_finders  # noqa: E402
from news_claim_matching import Annotated, Span, finds  # noqa: E402

TEXT = "The ministry admitted the error in 2019 and apologised to the 40 families."


def _at(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment))


ADMITTED = Annotated(_at("The ministry admitted the error in 2019"), _at("admitted the error"))
APOLOGISED = Annotated(
    _at("and apologised to the 40 families"), _at("apologised to the 40 families")
)


def test_every_smallest_finder_finds_its_claim_and_none_is_longer_than_needed() -> None:
    finders = smallest_finders(TEXT, ADMITTED)
    assert finders
    for span in finders:
        assert finds(span, ADMITTED, TEXT)
        assert not finds(Span(span.start + 1, span.end), ADMITTED, TEXT) or not finds(
            Span(span.start, span.end - 1), ADMITTED, TEXT
        )


def test_two_claims_side_by_side_are_both_reachable() -> None:
    assert reachable(TEXT, [ADMITTED, APOLOGISED]) == 2


def test_a_claim_nested_over_another_whole_claim_cannot_be_reached_as_well() -> None:
    # The second predicate annotated from the subject: a span finding it holds seven of
    # its thirteen words, so it reaches back to "2019", inside the first claim's core.
    whole = Annotated(_at(TEXT.rstrip(".")), _at("apologised"))
    inner = Annotated(_at("The ministry admitted the error in 2019"), _at("the error in 2019"))
    assert reachable(TEXT, [whole, inner]) == 1


def test_the_annotated_layout_keeps_disjoint_statements_and_drops_nested_ones() -> None:
    from ceiling_news_claims import annotated_layout

    whole = Annotated(_at(TEXT.rstrip(".")), _at("apologised"))
    assert annotated_layout([ADMITTED, APOLOGISED]) == 2
    assert annotated_layout([ADMITTED, whole]) == 1
