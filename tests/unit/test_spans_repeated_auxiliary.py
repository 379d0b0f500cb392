"""A second verb phrase after "and" (no comma) that repeats the statement's auxiliary or
modal is its own statement (session 29, and11: `spans.auxiliary_phrases`). The
repetition ties it to the main verb, past a relative clause in between; without it, or
when a clause could own the auxiliary, the sentence keeps its old cut. Made-up
sentences."""

from __future__ import annotations

import pytest

from factcheck.claims.spans import statement_spans


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in statement_spans(text, 0, len(text))]


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
