"""A trailing attribution stays with the last statement it ends (session 28, stmt11).

Made-up sentences. Fact-checkers annotate "A rose and B fell, the agency said" as two
claims, the attribution ending the second; the splitter used to keep such a sentence
whole, which shows one claim where the reader checks two.
"""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The flood killed 300 people and destroyed 2,000 homes, according to the Red Cross.",
            ["The flood killed 300 people", "destroyed 2,000 homes, according to the Red Cross"],
        ),
        (
            "Gunmen killed the mayor and injured his wife on July 7, the Associated Press "
            "reported.",
            [
                "Gunmen killed the mayor",
                "injured his wife on July 7, the Associated Press reported",
            ],
        ),
        (
            "The county closed its schools, because two teachers tested positive, officials said.",
            [
                "The county closed its schools",
                "because two teachers tested positive, officials said",
            ],
        ),
        (
            "The dam, which flooded the valley in 1962, holds 40 million cubic metres, the "
            "agency said.",
            [
                "The dam, which flooded the valley in 1962",
                "holds 40 million cubic metres, the agency said",
            ],
        ),
        (
            "There are 90 lakes in the park, 12 of which were found to be “dry,” according "
            "to a survey.",
            [
                "There are 90 lakes in the park",
                "12 of which were found to be “dry,” according to a survey",
            ],
        ),
        (
            "Sales rose 5% and profits fell to “record lows,” the company said.",
            ["Sales rose 5%", "profits fell to “record lows,” the company said"],
        ),
        (
            "While the bridge is safe, it is not yet open, the council said.",
            ["While the bridge is safe", "it is not yet open, the council said"],
        ),
    ],
)
def test_a_trailing_attribution_ends_the_last_statement(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # reported speech up front still governs what follows it
        "The council said the bridge is safe and the road is open.",
        # one statement: nothing to cut, the attribution stays with it
        "The flood destroyed 2,000 homes, according to the Red Cross.",
        # an attribution alone is no statement
        "The flood destroyed 2,000 homes and the agency said.",
    ],
)
def test_an_attribution_cuts_nothing_by_itself(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The claim comes from a blog that is labelled satire, but it is being shared as news.",
            ["The claim comes from a blog that is labelled satire", "it is being shared as news"],
        ),
        (
            "Posts repeat a claim it shows the ship of Captain Ana Ruiz, who sailed from "
            "Lisbon in 1990.",
            [
                "Posts repeat a claim it shows the ship of Captain Ana Ruiz",
                "who sailed from Lisbon in 1990",
            ],
        ),
    ],
)
def test_a_speech_word_after_a_determiner_is_a_noun_and_reports_nothing(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


def test_a_speech_verb_still_makes_what_follows_reported() -> None:
    text = "Posts claim it shows the ship of Captain Ana Ruiz, who sailed from Lisbon in 1990."
    assert len(spans(text)) == 1, spans(text)
