"""The claim splitter on the sample article and on arbitrary text (factcheck.splitter)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import split_claims
from factcheck.models import Claim, ClaimKind
from factcheck.spans import MAX_WORDS

SEED = Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_claims(seed_text: str) -> list[Claim]:
    return split_claims(seed_text)


def find(claims: list[Claim], *key_words: str) -> Claim:
    """The claim whose text holds all `key_words`; it must be short (<= ~20 words)."""
    for claim in claims:
        if all(word in claim.text for word in key_words):
            assert len(claim.text.split()) <= 21, claim.text
            return claim
    raise AssertionError(f"no claim contains {key_words}: {[c.text for c in claims]}")


@pytest.mark.parametrize(
    ("key_words", "kind"),
    [
        (("Asia’s fourth-largest economy",), ClaimKind.RANKING),
        (("2017 spat", "missile defence"), ClaimKind.TEMPORAL),
        (("China is South Korea’s biggest trading partner",), ClaimKind.RANKING),
        (("their first phone call since Lee took office last week",), ClaimKind.TEMPORAL),
        (
            ("the most daunting set of challenges for a South Korean leader", "three decades"),
            ClaimKind.RANKING,
        ),
        (("Lee’s decisive victory in last week’s snap election",), ClaimKind.TEMPORAL),
    ],
)
def test_seed_isolates_short_checkable_spans(
    seed_claims: list[Claim], key_words: tuple[str, ...], kind: ClaimKind
) -> None:
    claim = find(seed_claims, *key_words)
    assert claim.kind is kind


@pytest.mark.parametrize(
    "key_words",
    [
        ("Xi said", "conducive to regional and world peace"),
        ("Xi Jinping told", "respect one another’s core interests"),
        ("Lee urged China", "constructive role"),
        ("Xi urged the two countries", "strengthen exchanges"),
        ("Xi assured him", "Beijing would actively engage"),
    ],
)
def test_seed_attributed_statements(seed_claims: list[Claim], key_words: tuple[str, ...]) -> None:
    assert find(seed_claims, *key_words).kind is ClaimKind.ATTRIBUTION


def test_seed_claim_is_span_not_sentence(seed_text: str, seed_claims: list[Claim]) -> None:
    claim = find(seed_claims, "Asia’s fourth-largest economy")
    assert claim.text == "Asia’s fourth-largest economy"
    sentence = seed_text[claim.sentence_start : claim.sentence_end]
    assert sentence.startswith("Lee’s decisive victory") and sentence.endswith("economy.")


@pytest.mark.parametrize(
    "key_words",
    [
        ("Asia’s fourth-largest economy",),
        ("2017 spat", "missile defence"),
        ("China is South Korea’s biggest trading partner",),
        ("their first phone call since Lee took office last week",),
        ("the most daunting set of challenges",),
        ("Lee’s decisive victory in last week’s snap election",),
        ("Lee urged China", "constructive role"),
    ],
)
def test_seed_facts_score_as_check_worthy(
    seed_claims: list[Claim], key_words: tuple[str, ...]
) -> None:
    assert find(seed_claims, *key_words).score >= 0.5


def test_rhetoric_is_not_offered(seed_claims: list[Claim]) -> None:
    for claim in seed_claims:
        if "necessary to respect" in claim.text:
            assert claim.score < 0.5


def test_claims_are_ordered_and_disjoint(seed_text: str, seed_claims: list[Claim]) -> None:
    previous_end = 0
    for claim in seed_claims:
        assert previous_end <= claim.start < claim.end
        assert claim.sentence_start <= claim.start and claim.end <= claim.sentence_end
        assert seed_text[claim.start : claim.end] == claim.text
        previous_end = claim.end


def test_min_score_filters() -> None:
    text = "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years. I love you."
    claims = split_claims(text, min_score=0.5)
    assert claims and all(c.score >= 0.5 for c in claims)
    assert not any("love" in c.text for c in claims)


def test_quantity_and_comparison_kinds() -> None:
    claims = split_claims(
        "The city spent $4.2 million on roads. Crime fell by more than 20 percent."
    )
    kinds = {c.text: c.kind for c in claims}
    assert ClaimKind.QUANTITY in kinds.values()
    assert any(k in (ClaimKind.COMPARISON, ClaimKind.QUANTITY) for k in kinds.values())


def test_empty_text() -> None:
    assert split_claims("") == []
    assert split_claims("  \n\n ") == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_never_raises_and_offsets_hold(text: str) -> None:
    check_invariants(text, split_claims(text))


words = st.sampled_from(
    [
        "the",
        "U.S.",
        "Mr.",
        "2017",
        "9.7",
        "1,250",
        "first",
        "biggest",
        "said",
        "urged",
        ",",
        ".",
        "!",
        "?",
        "“",
        "”",
        "(",
        ")",
        "-",
        "*",
        "is",
        "was",
        "China",
        "Lee’s",
        "economy",
        "since",
        "last",
        "week’s",
        "than",
        "more",
        "percent",
        "$5",
        "fourth-largest",
        "and",
        "that",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(words, max_size=60).map(" ".join))
def test_newsy_text_offsets_hold(text: str) -> None:
    check_invariants(text, split_claims(text))


def check_invariants(text: str, claims: list[Claim]) -> None:
    previous_end = 0
    for claim in claims:
        assert 0 <= claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
        assert claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        assert isinstance(claim.kind, ClaimKind)
        assert claim.start >= previous_end
        assert len(claim.text.split()) <= MAX_WORDS + 1  # short spans, never paragraphs
        previous_end = claim.end


def test_attribution_by_a_group_and_no_bare_years() -> None:
    text = "Café owners said prices rose “sharply” in 2024."
    claims = split_claims(text)
    assert [c.text for c in claims] == ["Café owners said prices rose “sharply” in 2024"]
    assert claims[0].kind is ClaimKind.ATTRIBUTION


def test_claim_length_counts_free_standing_quotes_and_dashes() -> None:
    # Found by hypothesis: the cap counted only alphanumeric tokens, so a loose “ ” or
    # -- let a claim run past MAX_WORDS whitespace-separated words.
    text = "the the the the the U.S. said the the the the the the the the the the the the the “ ”"
    claims = split_claims(text)
    check_invariants(text, claims)
    assert all(not c.text.endswith(("-", "“")) for c in claims)
    dashed = "Sales -- which fell in 2019 -- rose by 9.7 percent in 2020 -- a record."
    assert all(not c.text.endswith("-") for c in split_claims(dashed))
