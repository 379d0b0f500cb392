"""A second verb phrase after "and" (no comma) opened by an auxiliary is its own
statement when it repeats the statement's first auxiliary or modal, or when a form of
"be" / "have" follows a plain clause and opens a phrase with a detail (session 29,
and11: `spans.auxiliary_phrases`); otherwise the sentence keeps its old cut. Made-up
sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The old oaks can live for centuries and can often reach a great height.",
            ["The old oaks can live for centuries", "can often reach a great height"],
        ),
        (
            "The firm had built a plant which made the parts when they were scarce and had "
            "sold it within a year.",
            [
                "The firm had built a plant which made the parts when they were scarce",
                "had sold it within a year",
            ],
        ),
        (
            "The patient was moved to a ward and was later sent home.",
            ["The patient was moved to a ward", "was later sent home"],
        ),
        (
            "The mill is closed on Sundays and is not open on holidays.",
            ["The mill is closed on Sundays", "is not open on holidays"],
        ),
    ],
)
def test_and_with_the_first_verbs_auxiliary_opens_a_statement(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a modal governing both verbs: one statement
        "The old oaks can live for centuries and reach a great height.",
        # another auxiliary: the repetition is what ties the phrase to the main verb
        "The patient was moved to a ward and has been sent home.",
        # the first verb is a subject's relative clause's: the main verb is still to come
        "Patients who have had a first dose and have waited a month can book a second.",
        # the auxiliary came between, in a clause that may own it
        "The study has shown that the drug has cut deaths and has lowered costs.",
        # a speaker's words: one reported statement
        "The mayor said the road was closed and was flooded.",
        # nothing the auxiliary governs
        "The mill is closed on Sundays and is.",
    ],
)
def test_without_a_repeated_auxiliary_of_the_main_verb_the_sentence_is_not_cut_there(
    text: str,
) -> None:
    assert len(spans(text)) == 1, spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bill passed the Senate on a 51-49 vote and is awaiting a vote in the House.",
            ["The bill passed the Senate on a 51-49 vote", "is awaiting a vote in the House"],
        ),
        (
            "The bridge was built by a local firm and has carried 5,000 cars a day since 1990.",
            ["The bridge was built by a local firm", "has carried 5,000 cars a day since 1990"],
        ),
        (
            "The driver was named as John Smith, 52, who fell ill while driving to work and "
            "was later taken to a hospital in Leeds on May 3.",
            [
                "The driver was named as John Smith, 52",
                "who fell ill while driving to work",
                "was later taken to a hospital in Leeds on May 3",
            ],
        ),
    ],
)
def test_be_or_have_after_a_plain_clause_opens_a_statement_with_its_own_detail(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no detail after the auxiliary: a method and its finding stay one claim
        "The team reviewed the old files and was unable to find any record of the sale.",
        # a relative clause in between: "and" may continue it
        "The firm built the bridge which carried 5,000 cars a day and was paid $5 million in 2019.",
        # a subordinate clause in between
        "The council fined the firm when it missed the deadline and was given until May to pay.",
    ],
)
def test_be_or_have_after_no_plain_clause_or_without_detail_is_not_cut_there(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)
