"""Several statements of one sentence that are not coordinated are several spans too
(issue 11, session 27): a dependent clause of reason or concession after a comma. And
what must stay whole. Made-up text."""

from __future__ import annotations

import pytest

from factcheck.claims.spans import statement_spans


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in statement_spans(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The county closed its schools on Monday, because two teachers tested positive.",
            ["The county closed its schools on Monday", "because two teachers tested positive"],
        ),
        (
            "The daily count is lower than the real number of infections, since many "
            "infections are mild.",
            [
                "The daily count is lower than the real number of infections",
                "since many infections are mild",
            ],
        ),
        (
            "The bill passed the Senate, although 12 senators voted against it.",
            ["The bill passed the Senate", "although 12 senators voted against it"],
        ),
    ],
)
def test_a_reason_or_concession_clause_after_a_comma_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma: the clause is the statement's focus
        "The county closed its schools because two teachers tested positive.",
        # "since" with a past verb dates the statement before it
        "Temperatures were the highest on record in 2023, since records began in 1850.",
        # "because of" opens no clause
        "The squad was disbanded in 2020, because of the unit's alleged killings.",
        # reported speech: the reason is part of what was said
        "He said the county closed its schools, because two teachers tested positive.",
        # a trailing attribution governs the whole sentence
        "The county closed its schools, because two teachers tested positive, officials said.",
        # the left piece is itself dependent: its main clause comes later
        "It is clear that although the risk is lower with vaccination, because so many "
        "people have been vaccinated, most deaths will be among them.",
        # a condition or a time belongs to its statement
        "The county will close its schools, if two teachers test positive.",
        "The county closed its schools, after two teachers tested positive.",
        # inside a quotation
        "“The county closed its schools, because two teachers tested positive.”",
        # the subject's relative clause hides the verb: no cut rather than a guess
        "The count understates the number, because people who catch it twice are not counted.",
    ],
)
def test_a_subordinate_clause_that_belongs_to_its_statement_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)
