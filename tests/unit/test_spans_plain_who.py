"""A final non-restrictive ", who ..." is its own statement after any head, with no
figure or name, like a plain ", which" (session 30, revisit11, span11's A2). Made-up
sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


def test_a_plain_final_who_after_a_lowercase_head_is_its_own_span() -> None:
    assert spans("The minister met the teachers, who had complained about the new timetable.") == [
        "The minister met the teachers",
        "who had complained about the new timetable",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # too short: a verdict-like remark
        "The minister met the teachers, who were angry.",
        # a speaker: what was said stays with who said it
        "The minister met the teachers, who said the timetable was too long.",
        # the main verb follows the relative: it sits inside the subject
        "The teachers, who had complained about the timetable, met the minister.",
    ],
)
def test_a_short_speaking_or_medial_who_stays(text: str) -> None:
    assert not any(span.startswith("who") for span in spans(text))
