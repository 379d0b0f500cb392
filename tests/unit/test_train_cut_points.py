"""bench/cut_points.py (candidate cut points, their features, the hook a bench run
installs) and bench/train_cut_points.py's labels, on made-up sentences."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import pytest

from factcheck.claims.spans import statement_spans
from factcheck.claims.splitter import split_claims

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from cut_points import DECIDER, Key, installed  # noqa: E402
from news_claim_matching import Annotated, Span  # noqa: E402
from train_cut_points import Article, label, labelled, weight  # noqa: E402

RELATIVE = (
    "The study was published in the American Journal of Medicine in 2017, which found "
    "males were less likely to be born in winter."
)
"""A relative with its own verb that the rules leave whole."""


@contextmanager
def deciding(decide: Callable[[Key, list[str]], bool] | None) -> Iterator[None]:
    token = DECIDER.set(decide)
    try:
        with installed():
            yield
    finally:
        DECIDER.reset(token)


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in statement_spans(text, 0, len(text))]


def offered(text: str) -> list[int]:
    """The token index each candidate's later piece starts at, none taken."""
    found: list[int] = []
    with deciding(lambda key, _names: found.append(key[1]) or False):
        spans(text)
    return found


def test_installed_with_no_decider_the_spans_are_the_products_and_restored_after() -> None:
    from factcheck.claims.spans import statements

    rules = statements.statement_cuts
    before = spans(RELATIVE)
    with deciding(None):
        assert statements.statement_cuts is not rules
        assert spans(RELATIVE) == before == [RELATIVE.rstrip(".")]
    assert statements.statement_cuts is rules


def test_a_cut_the_decider_takes_and_one_it_refuses() -> None:
    assert len(offered(RELATIVE)) == 1
    with deciding(lambda _key, names: "punct+opener=,+which" in names):
        assert spans(RELATIVE) == [
            "The study was published in the American Journal of Medicine in 2017",
            "which found males were less likely to be born in winter",
        ]
    with deciding(lambda _key, _names: False):
        assert spans(RELATIVE) == [RELATIVE.rstrip(".")]


def test_no_candidate_inside_quotation_marks_after_either_or_before_an_insertion() -> None:
    quoted = (
        "He wrote that “the agency was founded in 1990, which funded 45 projects in "
        "its first year” last week."
    )
    paired = (
        "The post claims sperm cells contain either an X chromosome, which will lead "
        "to a girl, or a Y chromosome."
    )
    inserted = (
        "Wishes will resume on September 15 but will require all participants, "
        "including the child making a wish, to be fully vaccinated."
    )
    for text in (quoted, paired, inserted):
        assert offered(text) == []


@pytest.mark.parametrize(
    "text",
    [
        RELATIVE,
        "A, b c d, e f g, h i j, k l m, n o p: q r s – t u v; w x y, and z was 5.",
        "Smith, 45, who led the agency, said it lost $3 million, which was 12% of its "
        "budget, and it cut 40 jobs, making it the smallest since 1990.",
    ],
)
def test_every_cut_taken_leaves_disjoint_spans_of_the_text(text: str) -> None:
    with deciding(lambda _key, _names: True):
        found = statement_spans(text, 0, len(text))
        claims = split_claims(text)
    assert len(found) > 1
    assert all(0 <= s.start < s.end <= len(text) for s in found)
    assert all(a.end <= b.start for a, b in pairwise(found))
    assert claims
    assert all(text[c.start : c.end] == c.text for c in claims)
    assert all(a.end <= b.start for a, b in pairwise(claims))


def test_a_cut_is_labelled_positive_when_it_alone_raises_the_one_to_one_matches() -> None:
    def claim(fragment: str) -> Annotated:
        start = RELATIVE.index(fragment)
        return Annotated(Span(start, start + len(fragment)), Span(start, start + len(fragment)))

    first = claim("published in the American Journal of Medicine in 2017")
    second = claim("males were less likely to be born in winter")
    base, rows = labelled(Article("made-up", RELATIVE, [first, second]))
    assert (base.claims, base.matched, base.found, base.shown) == (2, 1, 2, 1)
    [row] = rows
    assert row[1:] == (1, 0, 1)  # one match won, nothing found lost, one span more
    assert "punct+opener=,+which" in row[0]
    assert label(row) == 1
    assert weight(row) == 1.0


def test_a_cut_that_changes_nothing_shown_teaches_nothing() -> None:
    assert weight((["bias"], 0, 0, 0)) == 0.0
    assert label((["bias"], 1, -1, 1)) == 0  # a match won, a found claim lost
    assert weight((["bias"], 1, -1, 1)) > 1.0
