"""Guards of the clause cut at "and" (session 28, stmt11): a noun after "and" is a new
subject only when a clause can start there. Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    "text",
    [
        # "and" closes a list of nouns after the verb: its last item is no subject
        "The mayor said that from May, visitors to places such as museums, cafes and "
        "parks must show a ticket.",
        "Crowds in Oslo marched against new taxes, toll roads and other car-related fees, "
        "the paper reported.",
        # a hyphenated "-ed" word is an adjective, not a verb
        "Officials cited the flood and storm-related damage in the north.",
        # a passive participle after its noun is no finite verb: the left has no verb yet
        "Hundreds of farmers angered by low prices and rising costs marched in Lyon.",
        "A study funded by the city and the county council has found higher rents.",
    ],
)
def test_no_clause_cut_inside_a_list_or_after_a_participle(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


@pytest.mark.parametrize(
    "text",
    [
        # a clause after a list that has its own verb still cuts
        "The team won in Rome, Paris and Berlin, and fans celebrated in 40 cities.",
        # a verb of change before "by" and an amount is finite
        "Ticket sales dropped by a third in March and the theatre closed its doors.",
        # "but" closes no list
        "The first photo shows a rally in Lyon, in May, but the second photo is from 2017.",
    ],
)
def test_clauses_after_lists_and_amounts_still_cut(text: str) -> None:
    assert len(spans(text)) == 2, spans(text)
