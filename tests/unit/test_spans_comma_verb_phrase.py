"""A second verb phrase after ", and" / ", but" is its own statement (session 28,
stmt11). The comma closes the first statement, so the second needs no figure or name of
its own (the rule without a comma, `spans.verb_phrases.detailed_verb_phrase`, still asks for one).
Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rabies is a virus spread by bites from infected animals, and attacks the "
            "nervous system.",
            [
                "Rabies is a virus spread by bites from infected animals",
                "attacks the nervous system",
            ],
        ),
        (
            "The mill was rebuilt after the fire, but did not reopen for business.",
            ["The mill was rebuilt after the fire", "did not reopen for business"],
        ),
        (
            "The moss can grow on bare rock, and can survive long droughts.",
            ["The moss can grow on bare rock", "can survive long droughts"],
        ),
        (
            "The council denies that the report was wrong, and has refused to correct it.",
            ["The council denies that the report was wrong", "has refused to correct it"],
        ),
        (
            "The mayor was aware of the leak, and said the water is safe.",
            ["The mayor was aware of the leak", "said the water is safe"],
        ),
        (
            "The old bridge is closed to cars, but is still open to walkers.",
            ["The old bridge is closed to cars", "is still open to walkers"],
        ),
        (
            "The painter grew up on a farm, and lives in a small flat.",
            ["The painter grew up on a farm", "lives in a small flat"],
        ),
        (
            "The meter was installed in the spring, and later failed twice.",
            ["The meter was installed in the spring", "later failed twice"],
        ),
    ],
)
def test_a_verb_phrase_after_a_comma_and_conjunction_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma: the detailed rule decides, and finds no detail on the left
        "The mill was rebuilt and did not reopen for business.",
        # a bare "-ed" word before a preposition continues a passive
        "The bill was passed by the council, and approved by the mayor in June.",
        # an adjective, not a verb: no object after it
        "The drug causes nausea, and increased risk of falls.",
        # a dependent clause on the left: its main clause is still to come
        "If the mill is rebuilt, and does not reopen, the town will shrink.",
        # reported speech: still what was said
        "She said the mill was rebuilt, and would reopen in the spring.",
        # inside a quotation
        "“The mill was rebuilt after the fire, but did not reopen for business.”",
        # a noun in "-s" after "and", not a verb
        "The flood hit the town, and its farms in the valley.",
    ],
)
def test_what_is_no_verb_phrase_of_its_own_stays_one_span(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)
