"""Mood shifts (factcheck.claims.mood): direction of each rule class, on made-up statements."""

from __future__ import annotations

import pytest

from factcheck.claims.mood import mood_shift


@pytest.mark.parametrize(
    "text",
    [
        "The board is expected to announce a decision next week",
        "We will build a new hospital",
        "The agency plans to hire more staff",
        "If prices rose, families would suffer",
        "Is this the end of cheap energy?",
        "We must protect our families",
        "This is the greatest city on earth",
    ],
)
def test_unverifiable_moods_go_down(text: str) -> None:
    assert mood_shift(text) < 0


@pytest.mark.parametrize(
    "text",
    [
        "He denied receiving the payment",
        "We closed the border crossing",
        "The minister called the report a fabrication",
        "Ms Diaz said the plant would close in 2026",
        "Output fell 8% last year, according to the statistics office",
    ],
)
def test_reported_speech_denials_and_past_actions_go_up(text: str) -> None:
    assert mood_shift(text) > 0


def test_prediction_with_a_concrete_fact_is_lowered_less() -> None:
    assert mood_shift("The plant will close") < mood_shift("The 1998 plant will close in March")


def test_long_text_without_full_stops_is_fast() -> None:
    text = "the greatest " + "word " * 400_000
    mood_shift(text)  # bounded patterns: returns at once instead of scanning per match
