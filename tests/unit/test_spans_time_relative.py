"""A non-restrictive ", when" after a named time is its own statement, as ", where" after
a place is (session 28, stmt11). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The record fall came in 1936, when rainfall dropped to 12 inches.",
            ["The record fall came in 1936", "when rainfall dropped to 12 inches"],
        ),
        (
            "The letter has been online since 2011, when Ana Ruiz ran the Lisbon office.",
            ["The letter has been online since 2011", "when Ana Ruiz ran the Lisbon office"],
        ),
        (
            "Prices last fell this fast during the Great Depression, when wages dropped by 30%.",
            [
                "Prices last fell this fast during the Great Depression",
                "when wages dropped by 30%",
            ],
        ),
    ],
)
def test_a_when_clause_after_a_named_time_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma: a restrictive time, part of the statement
        "Prices fell in 1936 when rainfall dropped to 12 inches.",
        # a fronted condition or time
        "When rainfall dropped to 12 inches in 1936, prices fell.",
        # the word before the comma names no time
        "Prices fell sharply, when rainfall dropped to 12 inches.",
        # no subject and verb of its own
        "The record fall came in 1936, when in Lisbon.",
        # no detail of its own
        "The record fall came in 1936, when it rained.",
    ],
)
def test_a_when_clause_that_is_part_of_its_statement_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)
