"""The claim splitter on the sample article and on arbitrary text (factcheck.claims.splitter)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import split_claims
from factcheck.models import Claim, ClaimKind

SEED = Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_claims(seed_text: str) -> list[Claim]:
    return split_claims(seed_text)


def find(claims: list[Claim], *key_words: str) -> Claim:
    """The claim whose text holds all `key_words`."""
    for claim in claims:
        if all(word in claim.text for word in key_words):
            return claim
    raise AssertionError(f"no claim contains {key_words}: {[c.text for c in claims]}")


@pytest.mark.parametrize(
    ("key_words", "kind"),
    [
        (("Asia’s fourth-largest economy", "Lee’s decisive victory"), ClaimKind.RANKING),
        (("relations between the two have improved since a 2017 spat",), ClaimKind.QUANTITY),
        (("China is South Korea’s biggest trading partner",), ClaimKind.RANKING),
        (
            ("their first phone call since Lee took office last week", "Xi said"),
            ClaimKind.ATTRIBUTION,
        ),
    ],
)
def test_seed_statements_keep_their_checkable_core(
    seed_claims: list[Claim], key_words: tuple[str, ...], kind: ClaimKind
) -> None:
    claim = find(seed_claims, *key_words)
    assert claim.kind is kind
    assert claim.score >= 0.5


@pytest.mark.parametrize(
    "key_words",
    [
        ("Xi said", "conducive to regional and world peace", "according to state broadcaster CCTV"),
        (
            "Xi Jinping told",
            "respect one another’s core interests",
            "according to Chinese state media",
        ),
        ("Lee urged China", "constructive role"),
        ("Xi urged the two countries", "strengthen exchanges"),
        ("Xi assured him", "Beijing would actively engage"),
    ],
)
def test_seed_attributed_statements(seed_claims: list[Claim], key_words: tuple[str, ...]) -> None:
    claim = find(seed_claims, *key_words)
    assert claim.kind is ClaimKind.ATTRIBUTION
    assert claim.score >= 0.5


def test_seed_quotation_is_one_whole_attributed_claim(seed_claims: list[Claim]) -> None:
    """The CCTV quote stays whole, with its attribution. Its score is the scorer's call:
    the transformer rates the quoted exhortation below 0.5 (bench/eval_seed_claims.py
    counts it as the one seed statement not shown)."""
    claim = find(seed_claims, "It is necessary to respect", "Xi was quoted as saying by CCTV")
    assert claim.kind is ClaimKind.ATTRIBUTION
    assert claim.text.startswith("“It is necessary") and claim.text.endswith("by CCTV")


def test_seed_sentence_with_two_statements_gives_two_claims(seed_claims: list[Claim]) -> None:
    partner = find(seed_claims, "China is South Korea’s biggest trading partner")
    spat = find(seed_claims, "2017 spat")
    assert partner.text == "China is South Korea’s biggest trading partner"
    assert partner.sentence_start == spat.sentence_start and partner is not spat
    assert spat.text.endswith("missile defence system that Beijing opposed")


def test_seed_page_debris_and_headline_are_not_claims(seed_claims: list[Claim]) -> None:
    texts = " ".join(c.text for c in seed_claims)
    assert "Home China" not in texts
    assert "WhatsApp" not in texts
    assert "With inputs from Reuters" not in texts
    assert "Calls For Mutual Respect" not in texts  # the headline the body restates


def test_seed_repeated_paragraph_is_one_claim(seed_claims: list[Claim]) -> None:
    repeated = [c for c in seed_claims if "conducive to regional and world peace" in c.text]
    assert len(repeated) == 1
    assert repeated[0].text.endswith("according to state broadcaster CCTV")  # the fuller copy


def test_seed_prediction_without_attribution_is_not_shown(seed_claims: list[Claim]) -> None:
    claim = find(seed_claims, "would bring more benefits")
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
# found by this test: a bared preposition ("than") uncovered another article
@example("the the the the the the than the")
@example("is the , the")
@example("U.S. is the . the")
@example("the the the the the the * the")  # an emphasis mark hid the "the" before it
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
        assert claim.text == claim.text.strip()
        words = claim.text.split()
        if len(words) > 1:  # a claim never ends on an article or a conjunction
            assert words[-1].lower() not in {"a", "an", "the", "and", "or", "but"}, claim.text
        previous_end = claim.end


def test_attribution_by_a_group_and_no_bare_years() -> None:
    text = "Café owners said prices rose “sharply” in 2024."
    claims = split_claims(text)
    assert [c.text for c in claims] == ["Café owners said prices rose “sharply” in 2024"]
    assert claims[0].kind is ClaimKind.ATTRIBUTION


def test_claims_never_end_on_a_dash_or_open_quote() -> None:
    # Found by hypothesis with the old word cap: loose quotes and dashes at a span's end.
    text = "the the the the the U.S. said the the the the the the the the the the the the the “ ”"
    claims = split_claims(text)
    check_invariants(text, claims)
    assert all(not c.text.endswith(("-", "“")) for c in claims)
    dashed = "Sales -- which fell in 2019 -- rose by 9.7 percent in 2020 -- a record."
    assert all(not c.text.endswith("-") for c in split_claims(dashed))
