"""List items counted in number words ("six reports of X, four reports of Y") and items
holding a bracketed aside are cut like items with figures (session 30, revisit11,
span11's F). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The agency received six reports of stillbirths, four reports of foetal death "
            "and 339 reports of pain.",
            [
                "The agency received six reports of stillbirths",
                "four reports of foetal death",
                "339 reports of pain",
            ],
        ),
        (
            "The fund paid $5 billion for Pfizer (a US firm), $3 billion for Moderna and "
            "$1 billion for Novavax.",
            [
                "The fund paid $5 billion for Pfizer (a US firm)",
                "$3 billion for Moderna",
                "$1 billion for Novavax",
            ],
        ),
    ],
)
def test_count_items_and_items_with_an_aside_are_their_own_spans(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # number words of one thing, nothing said of what each counts
        "The agency received six, seven and nine reports.",
        # a range
        "The agency received between six reports of pain and nine reports of fever.",
        # an unclosed bracket: no aside to skip
        "The fund paid $5 billion for Pfizer (a US firm, $3 billion for Moderna.",
    ],
)
def test_counts_of_one_thing_ranges_and_open_brackets_stay(text: str) -> None:
    assert len(spans(text)) == 1


def test_a_long_unpunctuated_text_of_bracketed_items_stays_linear() -> None:
    """One 500 KB "sentence" of bracketed count items takes about five times as long as
    100 KB: each bracket's pair is looked for within a bounded reach."""
    unit = "six reports of pain (in 2021, " * 3 + "paid $5 billion for Pfizer (a firm) and "
    small, large = split_seconds(unit, 100_000), split_seconds(unit, 500_000)
    assert large < 15 * max(small, 1e-3)
