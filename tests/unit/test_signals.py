"""Agreement and contradiction signals, and FTS query building."""

from __future__ import annotations

from factcheck.evidence.matcher import (
    Candidate,
    equivalent_phrases,
    fts_query,
    informative_terms,
    rank_candidates,
)
from factcheck.evidence.signals import compare, extract_details
from factcheck.models import SourceKind


def signals(claim: str, passage: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return compare(extract_details(claim), passage)


def test_a_different_year_is_a_possible_contradiction() -> None:
    agree, contra = signals("The plant opened in 2017.", "The plant opened in 2016 near Busan.")
    assert contra == ("claim: 2017; passage: 2016",)
    agree, contra = signals("The plant opened in 2017.", "The plant opened in 2017.")
    assert "2017" in agree and contra == ()


def test_a_year_of_something_else_is_not_a_contradiction() -> None:
    claim = "a 2017 spat over South Korea's installation of a U.S. missile defence system"
    passage = "China has been South Korea's largest trading partner since 2004."
    assert signals(claim, passage)[1] == ()
    _, contra = signals(claim, "The spat over the missile defence system began in 2016.")
    assert contra == ("claim: 2017; passage: 2016",)


def test_a_passage_silent_on_the_year_neither_agrees_nor_contradicts() -> None:
    assert signals("It opened in 2017.", "It opened after a long delay.") == ((), ())


def test_numbers_compare_by_unit_and_tolerate_formatting() -> None:
    agree, contra = signals("Unemployment rose to 3.4%.", "Unemployment was 3.4 percent.")
    assert "3.4%" in agree and contra == ()
    _, contra = signals("Exports hit $1.5 trillion.", "Exports hit $1.2 trillion in total.")
    assert contra == ("claim: $1.5 trillion; passage: $1.2 trillion",)
    _, contra = signals("It employs 1,000 workers.", "It has 12 factories.")
    assert contra == ()  # different units: not the same quantity


def test_ordinals_and_superlatives() -> None:
    agree, contra = signals("Asia's fourth-largest economy", "the 4th-largest economy in Asia")
    assert "fourth-largest" in agree and contra == ()
    _, contra = signals("Asia's fourth-largest economy", "Asia's third-largest economy")
    assert contra == ("claim: fourth-largest; passage: third-largest",)
    _, contra = signals("the fourth-largest economy", "It is the largest economy in Asia.")
    assert contra == ("claim: fourth-largest; passage: the largest",)


def test_names_in_the_passage_count_as_agreement() -> None:
    agree, _ = signals(
        "Xi Jinping called Lee Jae-myung.", "Lee Jae-myung took a call from Xi Jinping."
    )
    assert {"Xi Jinping", "Lee Jae-myung"} <= set(agree)


def test_fts_query_keeps_informative_terms_quoted() -> None:
    assert fts_query("Is the of and") is None
    query = fts_query('South Korea\'s "NOT" economy grew 3% in 2017')
    assert query is not None
    assert '"korea"' in query and '"2017"' in query and '"the"' not in query
    assert query.count('"') % 2 == 0
    assert informative_terms("Seoul Seoul seoul")[:1] == ["seoul"]


def test_abbreviations_recall_what_they_stand_for() -> None:
    assert '"carbon dioxide"' in (fts_query("CO2 is plant food") or "")
    assert "co2" in equivalent_phrases("Carbon dioxide levels rose")
    assert "united states" in equivalent_phrases("The U.S. emits less than China")
    assert equivalent_phrases("They tell us it is warming") == []  # the pronoun, not the US
    assert equivalent_phrases("Climate change is real") == []


def test_rank_prefers_the_passage_that_repeats_the_claim() -> None:
    candidates = [
        Candidate(SourceKind.REFERENCE, "Cats", "Cats sleep a lot during the day.", recall=1.0),
        Candidate(SourceKind.REFERENCE, "Seoul", "Seoul hosted the Olympics in 1988.", recall=1.0),
    ]
    ranked = rank_candidates("Seoul hosted the Olympic Games in 1988", candidates)
    assert [e.title for e in ranked] == ["Seoul", "Cats"]
    assert ranked[0].score > ranked[1].score
    assert rank_candidates("anything", []) == []
