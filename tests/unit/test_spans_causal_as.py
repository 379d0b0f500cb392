"""A causal "as" + a clause of its own is cut off the statement before it; "as" of a
comparison or role, "as" + a noun phrase and "as" in reported speech stay (session 30,
revisit11). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The clip is no longer available on the site as the user's account has been closed.",
            [
                "The clip is no longer available on the site",
                "as the user's account has been closed",
            ],
        ),
    ],
)
def test_a_causal_as_clause_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company is known in the region as the firm that built the bridge.",
        "The town had twice as many cases as the city had in 2020.",
        "The mayor said the clip is no longer available as the account has been closed.",
        "The clip was shared widely online as a joke about the mayor.",
        # a past verb: a time, not a reason
        "The clip was shared widely online as the city endured its worst floods.",
    ],
)
def test_a_comparison_role_noun_phrase_or_speech_as_stays(text: str) -> None:
    assert len(spans(text)) == 1


def test_a_long_unpunctuated_text_of_as_clauses_stays_linear() -> None:
    """One 500 KB "sentence" with "as" + a clause every few words takes about five times
    as long as 100 KB: the clause test looks a bounded number of tokens ahead."""
    unit = "the clip is no longer available on the site as the account has been closed and "
    small, large = split_seconds(unit, 100_000), split_seconds(unit, 500_000)
    assert large < 15 * max(small, 1e-3)
