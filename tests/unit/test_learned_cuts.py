"""The learned cut points (`spans.learned_cuts`) and their trainer's labels
(bench/train_cut_points.py), on made-up sentences."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import pytest

from factcheck.claims.spans import statement_spans
from factcheck.claims.spans.learned_cuts import DECIDER
from factcheck.claims.splitter import split_claims

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from news_claim_matching import Annotated, Span  # noqa: E402
from train_cut_points import Article, label, labelled, weight  # noqa: E402

TAKEN = (
    "The study was published in the American Journal of Medicine in 2017, which found "
    "males were less likely to be born in winter."
)
"""A relative the rules leave whole and the shipped model cuts."""


@contextmanager
def deciding(decide: Callable[[int, list[str]], bool]) -> Iterator[None]:
    token = DECIDER.set(decide)
    try:
        yield
    finally:
        DECIDER.reset(token)


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in statement_spans(text, 0, len(text))]


def test_the_model_cuts_a_relative_with_its_own_verb_the_rules_left_whole() -> None:
    with deciding(lambda _offset, _names: False):
        assert spans(TAKEN) == [TAKEN.rstrip(".")]
    assert spans(TAKEN) == [
        "The study was published in the American Journal of Medicine in 2017",
        "which found males were less likely to be born in winter",
    ]


def test_the_model_refuses_to_cut_off_an_attribution() -> None:
    text = "The ice sheet lost 200 billion tons in 2019, the agency said."
    offered: list[int] = []
    with deciding(lambda offset, _names: offered.append(offset) or False):
        spans(text)
    assert offered == [text.index("the agency")]  # a candidate, and the model says no
    assert spans(text) == [text.rstrip(".")]


def test_no_candidate_inside_quotation_marks_or_after_either() -> None:
    quoted = (
        "He wrote that “the agency was founded in 1990, which funded 45 projects in "
        "its first year” last week."
    )
    paired = (
        "The post claims sperm cells contain either an X chromosome, which will lead "
        "to a girl, or a Y chromosome."
    )
    for text in (quoted, paired):
        offered: list[int] = []
        with deciding(lambda offset, _names, seen=offered: seen.append(offset) or True):
            assert spans(text) == [text.rstrip(".")]
        assert offered == []


@pytest.mark.parametrize(
    "text",
    [
        TAKEN,
        "A, b c d, e f g, h i j, k l m, n o p: q r s – t u v; w x y, and z was 5.",
        "Smith, 45, who led the agency, said it lost $3 million, which was 12% of its "
        "budget, and it cut 40 jobs, making it the smallest since 1990.",
    ],
)
def test_every_cut_leaves_disjoint_spans_of_the_text(text: str) -> None:
    with deciding(lambda _offset, _names: True):  # every candidate cut
        found = statement_spans(text, 0, len(text))
        claims = split_claims(text)
    assert len(found) > 1
    for s in found:
        assert 0 <= s.start < s.end <= len(text)
    assert all(a.end <= b.start for a, b in pairwise(found))
    assert claims
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert all(a.end <= b.start for a, b in pairwise(claims))


def test_a_cut_is_labelled_positive_when_it_alone_raises_the_one_to_one_matches() -> None:
    first = "published in the American Journal of Medicine in 2017"
    second = "males were less likely to be born in winter"

    def claim(fragment: str) -> Annotated:
        start = TAKEN.index(fragment)
        return Annotated(Span(start, start + len(fragment)), Span(start, start + len(fragment)))

    article = Article("made-up", TAKEN, [claim(first), claim(second)])
    base, rows = labelled(article)
    assert (base.claims, base.matched, base.found, base.shown) == (2, 1, 2, 1)
    [(names, matched, found, shown)] = rows
    assert (matched, found, shown) == (1, 0, 1)
    assert "punct+opener=,+which" in names
    assert label(rows[0]) == 1
    assert weight(rows[0]) == 1.0


def test_a_cut_that_changes_nothing_shown_teaches_nothing() -> None:
    assert weight((["bias"], 0, 0, 0)) == 0.0
    assert label((["bias"], 1, -1, 1)) == 0  # a match won, a found claim lost
    assert weight((["bias"], 1, -1, 1)) > 1.0
