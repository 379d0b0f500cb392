"""The derived verb lexicon (factcheck/data/verb_forms.txt, bench/build_verb_lexicon.py):
present-tense "-s" verbs after a noun subject are seen as verbs, so a clause after ", and"
or ", while" is seen as a statement; the same words after a determiner, a preposition,
a number or a possessive stay nouns."""

from __future__ import annotations

import pytest

from factcheck.claims.spans import statement_spans
from factcheck.claims.spans.tokens import DERIVED_S_FORMS, VERB_FORMS, is_verb


def test_the_packaged_lexicon_loads_verbs_and_leaves_out_frequent_plural_nouns() -> None:
    assert {"requires", "offers", "relies", "provides"} <= DERIVED_S_FORMS
    # nouns far more often than verbs in news text, or plurals of a frequent noun base
    # ("the cause", "a share"): the derivation keeps them out
    assert DERIVED_S_FORMS.isdisjoint(
        {"posts", "updates", "orders", "states", "results", "causes", "shares", "notes"}
    )
    # the hand list is not repeated, and no comment line of the file is read as a word
    assert DERIVED_S_FORMS.isdisjoint(VERB_FORMS)
    assert all(word.isalpha() and word.islower() for word in DERIVED_S_FORMS)


@pytest.mark.parametrize(
    ("lower", "previous", "verb"),
    [
        ("requires", "law", True),
        ("offers", "vaccine", True),
        ("relies", "which", True),
        ("provides", "and", False),
        ("requires", "the", False),
        ("offers", "of", False),
        ("starts", "3", False),
        ("shares", "three", False),
        ("shares", "company's", False),
        ("relies", ",", False),
        ("relies", "", False),
    ],
)
def test_a_derived_s_form_is_a_verb_only_after_a_word_that_can_end_a_subject(
    lower: str, previous: str, verb: bool
) -> None:
    assert is_verb(lower, previous) is verb


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "The state closed 40 schools in March, and the new law requires masks in "
            "every classroom.",
            2,
        ),
        (
            "The agency approved 3 vaccines in 2021, while the policy offers free shots "
            "to 2 million people.",
            2,
        ),
        ("The new offers of 40 schools in March drew 3 bids.", 1),
    ],
)
def test_a_clause_with_a_derived_verb_is_cut_as_its_own_statement(
    sentence: str, parts: int
) -> None:
    assert len(statement_spans(sentence, 0, len(sentence))) == parts
