"""A final non-restrictive ", which ..." is its own statement though it holds no figure or
name (session 29, span11: "issued by the MHRA, which is an emergency authorisation").
Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The licence was issued by the regulator, which is an emergency authorisation.",
            ["The licence was issued by the regulator", "which is an emergency authorisation"],
        ),
        (
            "It was paid for by a marketing website, which has a record of misleading adverts.",
            ["It was paid for by a marketing website", "which has a record of misleading adverts"],
        ),
        (
            # no detail on the left either
            "The figure came from an anonymous blog, which has published false stories for years.",
            [
                "The figure came from an anonymous blog",
                "which has published false stories for years",
            ],
        ),
        (
            # an "-ly" adverb between the relative and its verb
            "The clip first appeared on a small blog, which frequently published hoaxes online.",
            ["The clip first appeared on a small blog", "which frequently published hoaxes online"],
        ),
    ],
)
def test_a_final_which_clause_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # too short to state anything checkable: a verdict
        "The licence was issued by the regulator, which is not true.",
        # no comma: a restrictive relative, part of the statement
        "The licence was issued by the regulator which is an emergency body.",
        # the relative sits inside the subject: the main verb follows its comma
        "The licence, which is an emergency authorisation, was issued by the regulator.",
        # a relative of speech stays with the speaker
        "The licence was issued by the regulator, which said it was an emergency step.",
        # "who" with a lowercase head still needs a detail (final_relative's rule)
        "The figure was made up by a woman, who did not reveal her method.",
    ],
)
def test_a_which_clause_that_is_part_of_its_statement_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)
