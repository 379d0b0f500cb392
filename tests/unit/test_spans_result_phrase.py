"""A result phrase (", leading to" / ", resulting in" / ", prompting" / ", causing" + a
phrase with a detail) that ends the sentence is cut off the statement before it; a
phrase with no comma, no detail or too few words stays (session 30, revisit11).
Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The river flooded the old town after a week of rain, leading to the evacuation of "
            "3,000 homes in Leeds.",
            [
                "The river flooded the old town after a week of rain",
                "leading to the evacuation of 3,000 homes in Leeds",
            ],
        ),
        (
            "The factory recalled its new model in March, prompting a review by the "
            "Transport Ministry.",
            [
                "The factory recalled its new model in March",
                "prompting a review by the Transport Ministry",
            ],
        ),
    ],
)
def test_a_result_phrase_with_a_detail_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma: the participle names the leak
        "The inspectors found a leak causing damage to 40 homes in the town.",
        # no detail in the phrase
        "The council closed the bridge last week, leading to long delays for local drivers.",
        # too few words
        "The council closed the bridge in 2019, causing chaos in York.",
        # reported speech: still what was said
        "The mayor said the council closed the bridge, leading to the loss of 200 jobs in York.",
    ],
)
def test_a_result_phrase_without_comma_detail_or_words_stays(text: str) -> None:
    assert len(spans(text)) == 1


def test_a_long_unpunctuated_text_of_result_phrases_stays_linear() -> None:
    """One 500 KB "sentence" with a result phrase every few words takes about five
    times as long as 100 KB (each phrase's end is looked for within a bounded reach)."""
    unit = "the river rose in March, leading to the closure of 40 roads in Leeds and "
    small, large = split_seconds(unit, 100_000), split_seconds(unit, 500_000)
    assert large < 15 * max(small, 1e-3)
