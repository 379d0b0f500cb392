"""One rule for a clause of reason: "because" (comma or not), "since" and "as" with a
present verb, in reported speech too, cut off the statement before it; a past "since" /
"as" (a time), a comparison "as" and "because of" stay (session 30, revisit11).
Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The court ruled the seeds could not be patented because they were products of nature.",
            [
                "The court ruled the seeds could not be patented",
                "because they were products of nature",
            ],
        ),
        (
            "The clip is no longer available on the site as the account has been closed.",
            ["The clip is no longer available on the site", "as the account has been closed"],
        ),
        (
            "The mayor said the road stays closed to lorries since the bridge is too weak.",
            [
                "The mayor said the road stays closed to lorries",
                "since the bridge is too weak",
            ],
        ),
    ],
)
def test_a_clause_of_reason_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The town has grown every year since the mine opened in 1950.",
        "The town had twice as many cases as the city had in 2020.",
        "The road was closed to lorries because of heavy rain.",
    ],
)
def test_a_time_a_comparison_or_a_cause_phrase_stays(text: str) -> None:
    assert len(spans(text)) == 1


def test_a_long_unpunctuated_text_of_reason_clauses_stays_linear() -> None:
    """One 500 KB "sentence" with a reason clause every few words takes about five times
    as long as 100 KB: the clause test looks a bounded number of tokens ahead."""
    unit = "the road stays closed to lorries since the bridge is too weak and the "
    small, large = split_seconds(unit, 100_000), split_seconds(unit, 500_000)
    assert large < 15 * max(small, 1e-3)
