"""An absolute clause after ", with" (a subject of its own and a participle) is its own
statement (session 28, stmt11). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Heavy snow closed the pass on Friday, with police saying 40 cars were stranded.",
            ["Heavy snow closed the pass on Friday", "with police saying 40 cars were stranded"],
        ),
        (
            "The river burst its banks in May, with the worst flooding recorded in Ely.",
            ["The river burst its banks in May", "with the worst flooding recorded in Ely"],
        ),
        (
            "The clip shows a crowded square, with many people waving red flags.",
            ["The clip shows a crowded square", "with many people waving red flags"],
        ),
    ],
)
def test_a_with_absolute_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "with" and a noun phrase: an attachment, not a clause
        "The photo was posted on a page, with a similar caption in Greek.",
        # no comma: part of the statement
        "The river burst its banks with the worst flooding recorded in Ely.",
        # a preposition inside the would-be subject
        "The clip shows a square, with flags of many colours waving.",
        # reported speech
        "He said the clip shows a crowded square, with many people waving red flags.",
        # inside a quotation
        "“The clip shows a crowded square, with many people waving red flags.”",
    ],
)
def test_with_and_no_clause_of_its_own_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)
