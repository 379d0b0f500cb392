"""Span form rules of issue 11 (session 21): whole statements with no dangling end, no cut
inside a quotation, several statements of a sentence as several spans. Made-up text."""

from __future__ import annotations

import pytest

from factcheck.claims.spans import statement_spans
from factcheck.claims.splitter import join_open_quotations, split_claims
from factcheck.text.sentences import split_sentences
from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    "text",
    [
        "Workers who were exposed to and infected with the virus stayed home for ten days.",
        "The share of adults who had their first and second doses by June was 81 per cent.",
        "The clinic treated 40 patients on Monday, of whom 12 were admitted and 3 left.",
    ],
)
def test_no_cut_at_a_conjunction_that_would_leave_a_dangling_word(text: str) -> None:
    found = spans(text)
    assert found == [text.rstrip(".")]


def test_no_cut_before_a_dependent_clause() -> None:
    text = "The council reviews the rules every spring and as new figures become available."
    assert spans(text) == [text.rstrip(".")]


def test_two_statements_in_one_sentence_are_still_two_spans() -> None:
    text = "The mill closed in 1998 and the town lost a third of its jobs."
    assert spans(text) == ["The mill closed in 1998", "the town lost a third of its jobs"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A body cut off by its source: the end is given back, not shown dangling.
        (
            "The county declared a measles outbreak a public health emergency in.",
            "The county declared a measles outbreak a public health emergency",
        ),
        (
            "The regional board said the average waiting time was reduced by.",
            "The regional board said the average waiting time was reduced",
        ),
        (
            "Most patients in the ward will develop a fever which can.",
            "Most patients in the ward will develop a fever",
        ),
        (
            "Ferry tickets for the island route may soon be.",
            None,  # less its cut-off end a bare noun phrase: nothing to check
        ),
    ],
)
def test_a_cut_off_end_is_given_back(text: str, expected: str | None) -> None:
    assert spans(text) == ([] if expected is None else [expected])


@pytest.mark.parametrize(
    "text",
    [
        "Nobody at the archive could find the ledger you were asking for.",
        "The old pump may not be as reliable as it once was.",
        "The survey does not tell us how common the problem is.",
        "The mayor promised a new bridge, yet none has been built so far, and none will.",
    ],
)
def test_a_stranded_preposition_or_elliptic_auxiliary_stays(text: str) -> None:
    assert " ".join(spans(text)).rstrip(".").endswith(text.rstrip(".").split()[-1])


FUNCTION_ENDS = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "can", "may",
    "first", "second", "third",
}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors found rust on the bridge and.",
        "The new ward opened in March with 30 beds for.",
        "Rents in the city rose by 9% in the year to.",
        "The panel met twice and its chair has.",
        "The school reported that its enrolment was the.",
        "Doctors saw the patients in their first and.",
    ],
)
def test_no_span_ends_on_a_determiner_preposition_auxiliary_or_ordinal(text: str) -> None:
    for span in spans(text):
        assert span.split()[-1].lower() not in FUNCTION_ENDS, span


def test_a_quotation_of_several_sentences_is_one_unit() -> None:
    text = "“Prices rose in May. Wages did not,” the finance minister said on Tuesday."
    assert join_open_quotations(text, split_sentences(text)) == [(0, len(text))]


def test_a_quotation_is_not_joined_across_a_line_break_or_a_reopened_quotation() -> None:
    across_lines = "“Prices rose in May.\nWages did not,” the minister said."
    assert join_open_quotations(across_lines, split_sentences(across_lines)) == split_sentences(
        across_lines
    )
    reopened = "“Prices rose in May. “Wages did not,” she said."
    assert join_open_quotations(reopened, split_sentences(reopened)) == split_sentences(reopened)


def test_a_stray_quotation_mark_does_not_swallow_the_page() -> None:
    text = "He wrote “hello. " + " ".join(f"Line {n} follows here." for n in range(10))
    assert join_open_quotations(text, split_sentences(text)) == split_sentences(text)


def test_a_quoted_statement_of_two_sentences_gives_balanced_claims_with_their_speaker() -> None:
    """Whole or cut at its sentences (session 29, docs/claims.md "Quotations"), a quoted
    claim's marks balance and its sentence is the whole quotation with its speaker."""
    text = (
        "The harbour authority reported record traffic. “Cargo volumes rose 12% in 2023. "
        "Passenger numbers fell by a third,” its director told the council."
    )
    quoted = [c for c in split_claims(text) if c.start > text.index("“")]
    assert quoted and any("Cargo" in c.text for c in quoted)
    for claim in quoted:
        assert claim.text.count("“") == claim.text.count("”")
        assert text[claim.sentence_start : claim.sentence_end].endswith("told the council.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The clinic on the corner closed early because.", "The clinic on the corner closed early"),
        (
            "Officials said they would close the bridge if.",
            "Officials said they would close the bridge",
        ),
        ("Rescuers will stop searching the lake once it is dark, to do so.", None),
    ],
)
def test_a_subordinator_that_cannot_end_a_clause_is_given_back(
    text: str, expected: str | None
) -> None:
    found = spans(text)
    if expected is None:
        assert found[-1].endswith("do so")  # "so" can end a clause
    else:
        assert found == [expected]


def test_only_the_text_s_last_sentence_is_taken_for_a_cut_off_body() -> None:
    text = (
        "Most of the patients were aged 65 and over. Fever is not the only sign doctors "
        "look for. The night curfew in the town lasts until 6 am"
    )
    found = [
        text[s.start : s.end] for a, b in split_sentences(text) for s in statement_spans(text, a, b)
    ]
    assert found == [
        "Most of the patients were aged 65 and over",
        "Fever is not the only sign doctors look for",
        "The night curfew in the town lasts until 6 am",  # a time, not a cut-off auxiliary
    ]


def test_a_joined_quotation_scores_as_its_most_check_worthy_sentence(monkeypatch) -> None:
    from factcheck.claims import splitter

    def scorer(items):  # check-worthy: the figure, read without the small talk
        return [0.9 if "percent" in i.text and "lovely" not in i.text else 0.1 for i in items]

    monkeypatch.setattr(splitter, "score_sentences", scorer)
    text = "“What a lovely morning. Prices rose 4 percent in May,” the minister said on Tuesday."
    (claim,) = split_claims(text)  # the quotation is held together: one unit
    assert claim.text.startswith("“What a lovely morning.")
    assert claim.score > 0.5  # the unit alone reads 0.1; its second sentence 0.9


# Session 22: classes read from the failing spans of the CoAID tune half.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tests found that washing masks with soap and water cut their filtering by half.",
            ["Tests found that washing masks with soap and water cut their filtering by half"],
        ),
        (
            "The office confirmed that the mayor and two of her aides have tested positive.",
            ["The office confirmed that the mayor and two of her aides have tested positive"],
        ),
        (
            "The survey indicated that students and teachers were most likely to walk.",
            ["The survey indicated that students and teachers were most likely to walk"],
        ),
    ],
)
def test_no_cut_inside_the_subject_of_a_that_clause(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_a_pronoun_after_the_conjunction_still_opens_a_statement() -> None:
    text = "They add that men ignore the rules more often and they take symptoms less seriously."
    assert spans(text) == [
        "They add that men ignore the rules more often",
        "they take symptoms less seriously",
    ]


def test_the_who_in_lowercased_text_opens_no_clause() -> None:
    text = "on tuesday trump accused the who of mismanaging the outbreak and he made a speech."
    assert spans(text) == [
        "on tuesday trump accused the who of mismanaging the outbreak",
        "he made a speech",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He said the problem is that.",
        "Why is that.",
        "Nobody in the village had seen anything like this.",
    ],
)
def test_a_final_demonstrative_after_a_verb_or_preposition_stays(text: str) -> None:
    assert spans(text) == [text.rstrip(".")]


def test_a_final_demonstrative_after_a_modal_is_no_pronoun() -> None:
    assert spans("How can that.") == []  # its verb is missing: nothing to check


@pytest.mark.parametrize(
    "text",
    [
        "The turbines can be turned back on right after.",
        "The queue at the clinic was longer than before.",
        "The bridge has been closed to lorries ever since.",
        "The firm paid its staff late the year before.",
    ],
)
def test_a_final_after_before_or_since_of_time_stays(text: str) -> None:
    assert spans(text) == [text.rstrip(".")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two prepositions, or a conjunction and a preposition: nothing is stranded.
        (
            "The ministry is working with the regional health offices to in.",
            "The ministry is working with the regional health offices",
        ),
        (
            "Fourteen cases were found that were not linked to the plant or to.",
            "Fourteen cases were found that were not linked to the plant",
        ),
        # A relative followed by its verb is the subject: it leaves no gap to fill.
        (
            "The county board approved the trial which will be held at.",
            "The county board approved the trial which will be held",
        ),
    ],
)
def test_a_cut_off_preposition_without_a_gap_is_given_back(text: str, expected: str) -> None:
    assert spans(text) == [expected]


def test_a_preposition_stranded_by_a_relative_and_its_subject_stays() -> None:
    text = "The council finally sold the hall which the band played in."
    assert spans(text) == [text.rstrip(".")]
