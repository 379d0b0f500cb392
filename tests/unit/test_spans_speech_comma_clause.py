"""A comma and a conjunction with a clause of its own end a report (session 28,
stmt11b): "X told Y that A, and B is ..." is two statements, the speech frame staying
with the first, as fact-checkers annotate it. Without the comma ("X said A and B"), or
when what follows has no subject of its own (", and would rise again"), the report goes
on. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The clerk told reporters in an email that the ferry has run since May 2014, "
            "and the current timetable is from June 2020.",
            [
                "The clerk told reporters in an email that the ferry has run since May 2014",
                "the current timetable is from June 2020",
            ],
        ),
        (
            "The leaflet suggests residents may park on the green, while visitors have "
            "been told to use the car park.",
            [
                "The leaflet suggests residents may park on the green",
                "visitors have been told to use the car park",
            ],
        ),
    ],
)
def test_a_comma_and_a_clause_end_the_report(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma: both clauses are what the clerk said
        "The clerk said the ferry has run since May 2014 and the timetable is from June 2020.",
        # no subject of its own after the comma: still the report
        "The clerk said fares rose in 2019, and would rise again in 2021.",
    ],
)
def test_the_report_goes_on_without_a_comma_or_a_subject(text: str) -> None:
    assert spans(text) == [text.rstrip(".")]
