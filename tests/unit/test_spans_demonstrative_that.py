"""A "that" after a preposition ("at that time", "by that much") is a demonstrative, not a
relative: it opens no clause, so a later "and" + a verb phrase is still cut (session
30, revisit11, span11's E). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The agency closed 40 offices at that time and sold 12 buildings in London.",
            ["The agency closed 40 offices at that time", "sold 12 buildings in London"],
        ),
        (
            "The agency cut its budget by that much in 2020 and sold 12 buildings in London.",
            ["The agency cut its budget by that much in 2020", "sold 12 buildings in London"],
        ),
    ],
)
def test_that_after_a_preposition_opens_no_clause(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_a_that_clause_still_holds_its_conjunction() -> None:
    # "that" after a verb opens a clause: "and" joins inside its subject
    text = "The agency found that offices in Leeds and 12 buildings in London were empty."
    assert len(spans(text)) == 1
