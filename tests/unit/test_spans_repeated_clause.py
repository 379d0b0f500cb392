"""A repeated "that", "who" or "which" after "and" opens a second parallel clause, cut as
its own statement (session 28, stmt11c): "X stated that A and that B" reports two
statements, each checkable alone. Not when the first clause still waits for its verb,
sits inside the subject before the main verb, or follows a subordinator. Made-up
sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor has stated that she rode the new tram and that her sons rode it daily.",
            [
                "The mayor has stated that she rode the new tram",
                "that her sons rode it daily",
            ],
        ),
        (
            "The bakery said that the oven was built in 1952, and that it still sells bread.",
            [
                "The bakery said that the oven was built in 1952",
                "that it still sells bread",
            ],
        ),
        (
            "Several papers made the assertion that rents had risen by 4% in 2020 and that, "
            "remarkably, this was the largest rise since 1990.",
            [
                "Several papers made the assertion that rents had risen by 4% in 2020",
                "that, remarkably, this was the largest rise since 1990",
            ],
        ),
        (
            "The figure traces back to a farmer who did not give his name and who has not "
            "been found by the police.",
            [
                "The figure traces back to a farmer who did not give his name",
                "who has not been found by the police",
            ],
        ),
    ],
)
def test_a_repeated_opener_opens_a_second_statement(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the relatives sit inside the subject: the main verb ("won") is still to come
        "Riders who trained in the hills and who slept at altitude won the race.",
        # a subordinator: the main clause ("the council voted") follows
        "When the clerk learned that the bridge had cracked and that the ferry had stopped, "
        "the council voted.",
        # one "that" only: "and" joins inside what was said
        "The clerk said that the ferry runs daily and the tram runs weekly.",
        # "and that" with no clause after it
        "The report names the river and that bridge.",
    ],
)
def test_no_cut_without_a_completed_parallel_clause(text: str) -> None:
    assert not any(s.startswith(("that", "who")) for s in spans(text)[1:])


@pytest.mark.parametrize(
    "unit",
    [
        "he said that the mill was rebuilt, and that it would reopen in 2021 and that ",
        "a woman who did not reveal her method and who has not been identified and who ",
    ],
)
def test_a_long_unpunctuated_text_of_repeated_openers_stays_linear(unit: str) -> None:
    """Hostile or transcript text: 400 KB repeating "and that" / "and who" takes about
    four times as long as 100 KB, not sixteen (each "and" once looked back to the
    statement's start for the first opener). Each size's fastest of two runs, and about
    twice the linear factor, so a busy spell does not read as a quadratic pass."""

    small, large = split_seconds(unit, 100_000), split_seconds(unit, 400_000)
    assert large < 9 * max(small, 1e-3)
