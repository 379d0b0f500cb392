"""One word list per concept (factcheck.text.lexicon): every rule that asks "is this a
superlative / an ordinal / a date word" answers from the same list."""

from __future__ import annotations

import pytest

from factcheck.claims.checkworthiness import shape_flags
from factcheck.claims.mood import mood_shift
from factcheck.claims.spans import claim_kind
from factcheck.evidence.signals import extract_details
from factcheck.text.lexicon import MONTHS, NOT_SUPERLATIVE, ORDINAL_RANKS, STOP_WORDS, WEEKDAYS


@pytest.mark.parametrize("word", sorted(w for w in NOT_SUPERLATIVE if w.endswith("est")))
def test_no_rule_counts_a_listed_word_as_a_superlative(word: str) -> None:
    text = f"The {word} was mentioned in the report"
    assert "superlative" not in shape_flags(text)
    assert extract_details(text).superlatives == ()


def test_latest_dates_a_claim_it_does_not_rank_it() -> None:
    # the check-worthiness features once flagged "latest" while the signals did not
    assert "superlative" not in shape_flags("The latest figures show unemployment fell")
    assert extract_details("The latest figures show unemployment fell").superlatives == ()
    # a real superlative still counts, in both
    assert "superlative" in shape_flags("The deadliest storm hit the coast")
    assert extract_details("The deadliest storm hit the coast").superlatives == ("deadliest",)


def test_every_ordinal_word_ranks_in_signals_and_in_the_features() -> None:
    for word, rank in ORDINAL_RANKS.items():
        text = f"It is the world's {word}-largest economy"
        (ordinal,) = extract_details(text).ordinals
        assert (ordinal.rank, ordinal.superlative) == (rank, "largest")
        assert "ordinal" in shape_flags(f"It came {word} in the vote")


@pytest.mark.parametrize("text", ["The team finished {} in the league", "It was {} built in 1990"])
def test_eleventh_and_twelfth_read_like_the_first_ten(text: str) -> None:
    # the span rules once knew ordinals up to "tenth" only, the features up to "twelfth"
    kinds = {claim_kind(text.format(word)) for word in ORDINAL_RANKS}
    assert len(kinds) == 1


@pytest.mark.parametrize("name", [*WEEKDAYS, *(m for m in MONTHS if m != "may")])
def test_a_date_word_makes_a_prediction_concrete(name: str) -> None:
    dated = mood_shift(f"The ministry will publish the report on {name.title()}")
    undated = mood_shift("The ministry will publish the report soon")
    assert dated > undated


def test_may_the_modal_is_not_a_date() -> None:
    assert mood_shift("The ministry will publish the report in May") == mood_shift(
        "The ministry will publish the report soon"
    )


def test_stop_words_are_lower_case_single_words() -> None:
    assert all(w == w.lower() and " " not in w for w in STOP_WORDS)
    assert {"the", "said", "won't"} <= STOP_WORDS
