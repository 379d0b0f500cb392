"""A ", while" clause of contrast with its own subject and verb is its own statement, even
when its subject holds a clause or the verb before the comma is one the lexicon lacks
(session 29, span11). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the subject of the contrast holds a "that" clause
            "In the 1800s, doctors reportedly swore by garlic as a cure for colds, while the "
            "idea that garlic can treat flu goes back to the 1500s.",
            [
                "In the 1800s, doctors reportedly swore by garlic as a cure for colds",
                "the idea that garlic can treat flu goes back to the 1500s",
            ],
        ),
        (
            # "require" is not in the verb lexicon: the left side has no verb found
            "The club rules require girls to wear long skirts on the court, while boys are "
            "permitted to wear shorts.",
            [
                "The club rules require girls to wear long skirts on the court",
                "boys are permitted to wear shorts",
            ],
        ),
    ],
)
def test_a_contrast_clause_after_while_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a participle: the time of the statement before
        "The driver lost consciousness at the wheel of the bus, while buying food.",
        # a negation: a concession with no subject
        "The vaccines have saved many lives in the country, while not 100% effective.",
        # a preposition: no subject
        "The senator voted against the bill three times, while in office.",
        # no verb before the next comma: a phrase, not a clause
        "The rules require girls to wear long skirts on the court, while boys in shorts, "
        "the club said.",
        # the piece before the comma is too short to be a main clause
        "In short, while prices rose wages fell.",
    ],
)
def test_a_while_that_opens_no_clause_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)
