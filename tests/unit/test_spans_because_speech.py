"""A ", because" clause is cut off the statement before it in reported speech too, and
when its subject holds a relative; "because of", a fronted or subordinate piece and an
open "that" clause are not cut (session 30, revisit11). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said in a tweet that the count was far below the number of "
            "cases, because people who catch the virus twice are not counted.",
            [
                "The minister said in a tweet that the count was far below the number of cases",
                "because people who catch the virus twice are not counted",
            ],
        ),
        (
            "The museum closed its west wing in 2019, because visitors who used the old "
            "stairs were often hurt.",
            [
                "The museum closed its west wing in 2019",
                "because visitors who used the old stairs were often hurt",
            ],
        ),
    ],
)
def test_a_because_clause_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a short left piece
        "He left, because the trains were late on Monday.",
        # subordinate already: the main clause comes after
        "Although the museum closed its west wing in 2019, because visitors were hurt, "
        "it stayed open.",
    ],
)
def test_a_because_clause_after_a_short_or_subordinate_piece_stays(text: str) -> None:
    assert not any(span.startswith("because") for span in spans(text))


def test_a_long_unpunctuated_text_of_because_clauses_stays_linear() -> None:
    """One 500 KB "sentence" with ", because" every few words takes about five times as
    long as 100 KB: the clause's verb is looked for within a bounded reach."""
    unit = "the minister said the figure was wrong in the report, because the people who "
    small, large = split_seconds(unit, 100_000), split_seconds(unit, 500_000)
    assert large < 15 * max(small, 1e-3)
