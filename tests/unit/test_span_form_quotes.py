"""Well-formed claim spans on quotations and cut ends (issue 11, session 28): print-style
quotations of several paragraphs, a quotation opened far into a long run of glued
sentences, a statement left hanging by a dropped word, a stranded elliptical clause;
and checker v3 of bench/eval_span_form.py, which reads print style as print style."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from factcheck.claims.spans import Statement, statement_spans
from factcheck.claims.spans.endings import mend_cut_ends
from factcheck.text.sentences import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from eval_span_form import balanced_v3, problems

PRINT_STYLE = (
    "The mayor spoke at noon. She said: “The bridge cost $4 million. It opened in 2019.\n\n"
    "“We built it in two years. It carries 9,000 cars a day.”\nThe council agreed."
)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def _statements(text: str) -> list[str]:
    (start, end), *_ = split_sentences(text)
    return [text[s.start : s.end] for s in statement_spans(text, start, end)]


def _span(text: str, fragment: str) -> SimpleNamespace:
    start = text.index(fragment)
    end = start + len(fragment)
    return SimpleNamespace(
        text=fragment, start=start, end=end, sentence_start=start, sentence_end=end
    )


def test_a_print_style_paragraph_is_held_to_its_end() -> None:
    assert _sentences(PRINT_STYLE) == [
        "The mayor spoke at noon.",
        "She said: “The bridge cost $4 million. It opened in 2019.",
        "“We built it in two years. It carries 9,000 cars a day.”",
        "The council agreed.",
    ]


def test_a_quotation_left_open_without_a_reopening_paragraph_is_not_held() -> None:
    text = "She said: “The bridge cost $4 million. It opened in 2019.\n\nThe council agreed."
    assert _sentences(text)[:2] == ["She said: “The bridge cost $4 million.", "It opened in 2019."]


def test_a_straight_print_style_paragraph_is_held_too() -> None:
    text = 'He said: "Sales fell 4%. Costs rose.\n"We cut 30 jobs."'
    assert _sentences(text) == ['He said: "Sales fell 4%. Costs rose.', '"We cut 30 jobs."']


def test_a_quotation_opened_far_into_a_glued_run_is_held() -> None:
    # A long run of sentences glued without spaces: the sentence that holds the quotation
    # starts more than the quotation's reach (1,500 characters) before the cut.
    run = "".join(f"The council met on day {n} and voted.The" for n in range(60))
    text = (
        run + " report was read aloud.“Rents rose 12% in a year. Wages did not.“We "
        "need 4,000 homes.” The meeting closed."
    )
    assert "“Rents rose 12% in a year. Wages did not.“We need 4,000 homes.”" in _sentences(text)


def test_a_statement_hanging_on_a_dropped_word_is_joined_to_what_follows() -> None:
    text = "A local study, which is yet to be peer reviewed, found that 12 of 40 wells held lead."
    assert _statements(text) == [text[:-1]]


def test_a_final_preposition_gets_back_the_word_the_cut_dropped() -> None:
    text = "The fund is similar to the county scheme, which we have written about before."
    assert _statements(text) == [text[:-1]]


def test_a_stranded_elliptical_clause_joins_the_clause_it_borrows_from() -> None:
    text = "Had the mayor resigned, local papers would have reported it, yet none have."
    assert _statements(text) == [text[:-1]]


def test_a_clause_ending_on_a_preposition_before_a_comma_stays_apart() -> None:
    text = "Because the grant depends on what a family is eligible for, some may pay it back."
    cut = text.index(",")
    clauses = [Statement(0, cut), Statement(cut + 2, len(text) - 1)]
    assert mend_cut_ends(text, clauses, len(text) - 1) == clauses
    # Only the dropped word between them: one statement.
    hanging_text = "The plan, which is yet to pass, cuts 40 jobs."
    after = hanging_text.index("to pass")
    hanging = [Statement(0, hanging_text.index(" yet")), Statement(after, len(hanging_text) - 1)]
    mended = mend_cut_ends(hanging_text, hanging, len(hanging_text) - 1)
    assert mended == [Statement(0, len(hanging_text) - 1)]


def test_checker_v3_reads_a_print_style_paragraph_as_balanced() -> None:
    first = _span(PRINT_STYLE, "She said: “The bridge cost $4 million. It opened in 2019")
    assert "unbalanced quotes" in problems(first, PRINT_STYLE, checker=2)
    assert "unbalanced quotes" not in problems(first, PRINT_STYLE, checker=3)


def test_checker_v3_reads_a_glued_reopening_as_a_paragraph() -> None:
    text = "He said.“Rents rose 12%.“We need 4,000 homes.” The meeting closed."
    start = text.index("“Rents")
    end = text.index("”") + 1
    assert balanced_v3(text, start, end)
    assert text[start:end].count("“") != text[start:end].count("”")  # v2 fails it


def test_checker_v3_still_fails_what_print_style_does_not_explain() -> None:
    text = PRINT_STYLE.replace("\n\n“We built", "\n\nWe built")  # no reopening paragraph
    span = _span(text, "She said: “The bridge cost $4 million. It opened in 2019")
    assert "unbalanced quotes" in problems(span, text, checker=3)
    inside = "She said: “The bridge cost $4 million"  # ends inside its paragraph
    at = PRINT_STYLE.index(inside)
    assert not balanced_v3(PRINT_STYLE, at, at + len(inside))
    stray = "It carries 9,000 cars a day.” The end."  # a close with no opening mark
    assert not balanced_v3(stray, 0, len(stray))
    mixed = 'The title reads: "Rents rose 12%.” It was read.'  # straight and curly mixed
    assert not balanced_v3(mixed, 0, mixed.index("”") + 1)
    nested = "She said: “He told me “no” twice. It was 2019.”"  # a mark opening mid-paragraph
    assert not balanced_v3(nested, 0, nested.index("“no"))


def test_a_straight_mark_reopening_a_glued_paragraph_is_held_and_balanced() -> None:
    text = (
        'The caption reads: "Stay home.Rest well."During this time, rinse your throat. '
        'Drink warm water." "Propolis" is a resin.'
    )
    unit = text[: text.index(' "Propolis')]
    assert _sentences(text) == [unit, '"Propolis" is a resin.']
    assert balanced_v3(text, 0, len(unit))
    closed = 'He said "Masks work."This is it "true" now.'  # the glued mark closes here
    assert balanced_v3(closed, 0, len(closed))


def test_a_month_or_a_splitting_conjunction_is_no_hanging_end() -> None:
    text = "A road was named after him in May and he thanked the council for it."
    cut = text.index(" and")
    clauses = [Statement(0, cut), Statement(cut + 5, len(text) - 1)]
    assert mend_cut_ends(text, clauses, len(text) - 1) == clauses
    lower = text.replace("in May and", "in may and")
    assert mend_cut_ends(lower, clauses, len(lower) - 1) == clauses  # "and" splits


def test_a_word_given_back_never_leaves_the_statement_hanging_again() -> None:
    text = "The plan is the."
    hanging = [Statement(0, text.index(" the"))]
    assert mend_cut_ends(text, hanging, len(text) - 1) == hanging


def test_the_sentence_end_diagnostic_tells_the_source_s_end_from_a_cut() -> None:
    from eval_span_form import ends_sentence

    text = "We got the grant. That's what we wanted to. Rents rose by 12% over the year."
    assert ends_sentence(_span(text, "That's what we wanted to"), text)
    assert ends_sentence(_span(text, "That's what we wanted to."), text)
    assert not ends_sentence(_span(text, "Rents rose by 12% over"), text)


def test_a_mark_after_a_colon_inside_a_quotation_is_quoted_speech_not_a_paragraph() -> None:
    text = 'The caption reads: "A woman can be heard saying: "We are here." It ends."'
    assert balanced_v3(text, 0, len(text))  # four straight marks, two quotations


def test_a_quotation_left_open_before_another_that_closes_is_not_print_style() -> None:
    text = "Deaths were put down to “hunger’ but few children “starve to death”.“But most do not."
    assert not balanced_v3(text, 0, text.index("”.") + 1)


QUOTED = (
    "The minister told reporters: “Exports rose 4% in May and imports fell by half. "
    "Ten ports closed in June. No ship was lost,” she said on Monday."
)
"""One sentence for the splitter (a held quotation of three sentences), made up."""


def _in_quotation(fragment: str, checker: int = 3) -> bool:
    """Whether `fragment` of QUOTED, a claim whose sentence is all of QUOTED, is read as
    cut inside a quotation."""
    start = QUOTED.index(fragment)
    claim = SimpleNamespace(
        text=fragment,
        start=start,
        end=start + len(fragment),
        sentence_start=0,
        sentence_end=len(QUOTED),
    )
    return "cut inside a quotation" in problems(claim, QUOTED, checker=checker)


def test_a_whole_quoted_sentence_ending_at_its_own_stop_is_not_cut_inside() -> None:
    # From the opening mark to the first stop, and from a stop to the next one: each
    # is one of the quotation's own sentences, its marks left out.
    assert not _in_quotation("Exports rose 4% in May and imports fell by half")
    assert not _in_quotation("Ten ports closed in June")
    # v2 reads any end inside the quotation as a cut (its figures stay comparable).
    assert _in_quotation("Ten ports closed in June", checker=2)


def test_a_span_ending_or_starting_inside_a_quoted_sentence_is_still_cut_inside() -> None:
    assert _in_quotation("Exports rose 4% in May")  # ends at "and", mid-sentence
    assert _in_quotation("imports fell by half")  # starts mid-sentence
    assert _in_quotation("Ten ports closed")  # ends before "in June"
    # The last quoted sentence ends at the comma before the closing mark and its
    # speaker: no stop of the segmenter's, so a span ending there mid-way is still cut.
    assert _in_quotation("No ship")


def test_a_span_across_quoted_sentences_to_a_stop_is_not_cut_inside() -> None:
    assert not _in_quotation(
        "Exports rose 4% in May and imports fell by half. Ten ports closed in June"
    )


def test_exclude_blind_leaves_out_every_blind_news_set() -> None:
    """`eval_span_form --exclude-blind` leaves out the bodies of every set of the blind
    group "blind32" (long3, long4, long7, long9, xl2, long10, xl3, long13, xl4, each by its own
    selection rule), and none of a readable set's (long2, long5 since round 6, long6, xl1)."""
    import eval_span_form
    from eval_news_claims import GROUPS, SELECTIONS, select_rows

    if not eval_span_form.CLAIMREVIEW.exists():
        pytest.skip("shared ClaimReview data absent")
    blind = eval_span_form.blind_bodies()
    for name in GROUPS[eval_span_form.BLIND_GROUP]:
        bodies = {b for _, _, b in select_rows(eval_span_form.CLAIMREVIEW, SELECTIONS[name])}
        assert bodies and bodies <= blind, name
    for name in ("long2", "long5", "long6", "xl1"):
        bodies = {b for _, _, b in select_rows(eval_span_form.CLAIMREVIEW, SELECTIONS[name])}
        assert bodies and not bodies & blind, name
    blind_sets = {"long3", "long4", "long7", "long9", "xl2", "long10", "xl3", "long13", "xl4"}
    assert blind_sets <= set(GROUPS[eval_span_form.BLIND_GROUP])
