""" ", and" / ", but" + a finite verb phrase after a main clause whose verb the lexicon
lacks: the second predicate is a statement of its own (session 30, verb11). Made-up
sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "deal" is no verb the lexicon knows; ", but did not" opens a predicate
            "The report's three chapters deal with matters such as school funding and "
            "teacher pay, among other things, but did not mention the closure of rural schools.",
            [
                "The report's three chapters deal with matters such as school funding and "
                "teacher pay, among other things",
                "did not mention the closure of rural schools",
            ],
        ),
        (
            # a fronted clause with its own verb, then a main clause whose verb ("relies")
            # the lexicon lacks
            "As we have written before, the reporting scheme relies on voluntary reports from "
            "doctors and members of the public, and is meant to give an early warning of "
            "unknown risks.",
            [
                "As we have written before, the reporting scheme relies on voluntary reports "
                "from doctors and members of the public",
                "is meant to give an early warning of unknown risks",
            ],
        ),
        (
            # a modal opens the second predicate
            "The blue banana belongs to the family of plants Musaceae, and can grow to a "
            "height of six metres.",
            [
                "The blue banana belongs to the family of plants Musaceae",
                "can grow to a height of six metres",
            ],
        ),
    ],
)
def test_a_second_predicate_after_an_unknown_verb_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma: "and" + auxiliary is the auxiliary rule's, which needs a known verb
        "The old farm buildings belong to the family of the first owners and are listed.",
        # a bare verb, not an auxiliary: not unmistakably finite
        "The report's three chapters deal with matters such as school funding and "
        "teacher pay, and mention the closure of rural schools.",
        # a piece under seven tokens before the comma: a fronted phrase, not a clause
        "Its three chapters deal with funding, but did not mention the closures.",
        # the statement opens with a subordinator and no comma closes its clause
        "Because the old farm buildings belong to the family of the first owners, and "
        "are listed, nothing can be built there.",
        # a known verb on the left: the conjunction rule's, whose guards hold here
        "She said the old farm buildings belong to the family, and are listed.",
        # reported speech after a participle of speech
        "The post went viral, claiming the old farm buildings belong to the family of the "
        "first owners, and are listed.",
    ],
)
def test_a_piece_that_is_no_second_predicate_stays(text: str) -> None:
    second = ("are listed", "did not mention", "mention")
    assert not any(piece.startswith(second) for piece in spans(text))


@pytest.mark.parametrize(
    "unit",
    [
        "the farm buildings belong to the family of the owners near the town, and are ",
        "the farm buildings belong to the family of the owners near the town and hold, but did ",
        "the museum said that it came from the Royal Collection and showed ",
        # no cut: each rule is asked at every "and" of one ever longer statement
        "the farm buildings near the old town, and the ",
        "he said that it was in the old town and the ",
    ],
)
def test_a_long_unpunctuated_text_of_second_predicates_stays_linear(unit: str) -> None:
    """Hostile or transcript text: one "sentence" of 400 KB in which each rule fires at
    every repetition takes about four times as long as 100 KB, not sixteen (the rules
    look back over the statement, bounded by `predicates.UNLEXED_REACH` and
    `REPORTED_REACH`). Each size's fastest of two runs, and three times the linear
    factor, so a busy spell on a shared machine does not read as a quadratic pass."""

    small, large = split_seconds(unit, 100_000), split_seconds(unit, 400_000)
    assert large < 12 * max(small, 1e-3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # reported speech: the "that" clause has its verb; "and" + a verb opening its
            # object, a detail on each side
            "The museum said in a statement that the painting came from the Royal "
            "Collection and showed the 1666 fire of London damaging St Paul's.",
            [
                "The museum said in a statement that the painting came from the Royal Collection",
                "showed the 1666 fire of London damaging St Paul's",
            ],
        ),
        (
            # after a comma, past a relative with its own verb, and a preposition "to"
            "It stated that the drop was largely due to the flood which, according to the "
            "council, destroyed almost 300 homes in the valley, and closed more than 20 "
            "schools, in 2019 alone.",
            [
                "It stated that the drop was largely due to the flood which, according to "
                "the council, destroyed almost 300 homes in the valley",
                "closed more than 20 schools, in 2019 alone",
            ],
        ),
    ],
)
def test_a_second_verb_phrase_after_a_reported_clause_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a modal in the reported clause governs both verbs
        "He said that the firm should have produced the report in May and presented it to "
        "the RPC for scrutiny.",
        # an infinitive's "to" governs both verbs
        "He said that the firm wanted to buy the farm in May and sold the house in June.",
        # no "that" clause: what he said is one statement
        "He said the firm produced the report in May and presented it to the RPC.",
        # the "that" clause has no verb yet: "and" joins inside its subject
        "He said that the report from May and the letter from June were sent to the RPC.",
        # no detail after the second verb
        "He said that the firm produced the report in May and presented it to them.",
    ],
)
def test_reported_speech_that_is_one_statement_stays(text: str) -> None:
    assert len(spans(text)) == 1


def test_the_reported_rule_cuts_a_plain_second_verb_phrase() -> None:
    """The guards above are what keep those whole: the same sentence with neither a
    modal nor an infinitive is cut."""
    text = "He said that the firm produced the report in May and presented it to the RPC."
    assert spans(text) == [
        "He said that the firm produced the report in May",
        "presented it to the RPC",
    ]
