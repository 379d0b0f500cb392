"""A quotation of several sentences, cut at its sentences (issue 11, session 29):
each quoted sentence is its own statement, shown without the marks it does not close,
inside the whole quotation with its speaker. Made-up text."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from factcheck.claims import splitter
from factcheck.claims.quotations import quoted_pieces
from factcheck.claims.spans import statement_spans
from factcheck.claims.splitter import join_open_quotations, split_claims
from factcheck.text.sentences import split_sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from eval_span_form import balanced_v3


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The pieces of `text` taken as one held quotation unit, with their `attributes`
    flag."""
    parts = tuple(split_sentences(text, hold_quotations=False))
    return [(text[p.start : p.end], p.attributes) for p in quoted_pieces(text, 0, len(text), parts)]


def test_an_introduction_and_the_marks_stay_outside_the_quoted_sentences() -> None:
    text = "She says: “Nearly 500 people were exposed. Zero got sick. Carriers do not spread it.”"
    assert _pieces(text) == [
        ("Nearly 500 people were exposed.", False),
        ("Zero got sick.", False),
        ("Carriers do not spread it.", False),
    ]


def test_a_trailing_attribution_is_a_piece_that_names_the_speaker() -> None:
    text = "“Prices rose in May. Wages did not,” the finance minister said on Tuesday."
    assert _pieces(text) == [
        ("Prices rose in May.", False),
        ("Wages did not,", False),  # the statement splitter trims the comma
        ("the finance minister said on Tuesday.", True),
    ]


def test_a_sentence_glued_before_or_after_the_quotation_is_a_piece_of_its_own() -> None:
    before = 'The post was published on June 28, 2021."We are done. It is over," the text reads.'
    assert _pieces(before)[0] == ("The post was published on June 28, 2021.", False)
    after = 'It reads: "Crowds met in Moradabad. Think of it"."UP" refers to Uttar Pradesh.'
    assert _pieces(after)[-1] == ('"UP" refers to Uttar Pradesh.', False)  # no stop: no speaker


@pytest.mark.parametrize(
    ("lead", "kept"),
    [
        ("The post adds: ", False),
        ("In a statement sent to AFP on July 26, the police chief said: ", False),
        ("The caption translates to English as: ", False),
        ("The photos were also posted on a Facebook page in Australia, with a caption: ", True),
    ],
)
def test_an_introduction_is_dropped_and_a_statement_naming_its_quotation_kept(
    lead: str, kept: bool
) -> None:
    text = f"{lead}“Thousands rallied in Athens. Police counted 4,000.”"
    first = _pieces(text)[0][0]
    assert (first == lead.rstrip()) is kept  # the statement splitter trims the colon
    assert first.startswith("Thousands") is not kept


def _scorer(items: list) -> list[float]:
    """Check-worthy: a figure, read without small talk around it (made-up scorer)."""
    return [
        0.9 if any(c.isdigit() for c in i.text) and "lovely" not in i.text else 0.1 for i in items
    ]


def test_a_quotation_of_two_check_worthy_sentences_gives_two_balanced_claims(monkeypatch) -> None:
    monkeypatch.setattr(splitter, "score_sentences", _scorer)
    text = (
        "The harbour authority reported record traffic. “Cargo volumes rose 12% in 2023. "
        "Passenger numbers fell by 30%,” its director told the council."
    )
    quoted = [c for c in split_claims(text) if c.start > text.index("“")]
    assert [c.text for c in quoted] == [
        "Cargo volumes rose 12% in 2023",
        "Passenger numbers fell by 30%",
    ]
    for claim in quoted:
        assert claim.score > 0.5
        assert balanced_v3(text, claim.start, claim.end)
        # Shown in the whole quotation, its speaker included.
        sentence = text[claim.sentence_start : claim.sentence_end]
        assert sentence.startswith("“Cargo") and sentence.endswith("told the council.")


def test_small_talk_in_a_quotation_stays_with_the_claim_before_it(monkeypatch) -> None:
    monkeypatch.setattr(splitter, "score_sentences", _scorer)
    text = (
        "Lee said: “Exports rose 4% in May. The weather is lovely today. Imports fell 2% in June.”"
    )
    claims = {c.text: c.score for c in split_claims(text)}
    # Not shown as a claim of its own, not hidden from the claim it was said after; the
    # claim keeps its own score.
    assert list(claims) == [
        "Exports rose 4% in May. The weather is lovely today",
        "Imports fell 2% in June",
    ]
    assert all(score > 0.5 for score in claims.values())
    lone = split_claims("Lee said: “Exports rose 4% in May. Imports fell 2% in June.”")
    assert lone[0].score == claims["Exports rose 4% in May. The weather is lovely today"]


def _shown(text: str, threshold: float = 0.5) -> dict[str, float]:
    return {c.text: c.score for c in split_claims(text) if c.score >= threshold}


def _words_shown(text: str, claims: dict[str, float]) -> set[str]:
    return {word for claim in claims for word in re.findall(r"\w+", claim)}


def test_small_talk_before_the_first_claim_joins_the_claim_after_it(monkeypatch) -> None:
    """The whole quotation was shown: its first sentence, not check-worthy alone, is
    not hidden by the cut but shown with the claim after it, which keeps its score."""
    monkeypatch.setattr(splitter, "score_sentences", _scorer)
    text = (
        "Lee said: “The weather is lovely today. Exports rose 4% in May. Imports fell 2% in June.”"
    )
    claims = _shown(text)
    assert list(claims) == [
        "The weather is lovely today. Exports rose 4% in May",
        "Imports fell 2% in June",
    ]
    lone = _shown("Lee said: “Exports rose 4% in May. Imports fell 2% in June.”")
    assert (
        claims["The weather is lovely today. Exports rose 4% in May"]
        == lone["Exports rose 4% in May"]
    )


def test_small_talk_after_a_reopening_mark_joins_the_claim_after_it(monkeypatch) -> None:
    """Print style: a paragraph of the quotation reopens with a mark. A join with the
    claim before would hold an unpaired mark; the claim after takes it instead."""
    monkeypatch.setattr(splitter, "score_sentences", _scorer)
    text = (
        "Lee said: “Exports rose 4% in May. Imports fell 2% in June.\u00a0 “The weather is "
        "lovely today. Rain fell 3 mm on Monday.”"
    )
    claims = _shown(text)
    assert list(claims) == [
        "Exports rose 4% in May",
        "Imports fell 2% in June",
        "The weather is lovely today. Rain fell 3 mm on Monday",
    ]
    for claim in split_claims(text):
        assert balanced_v3(text, claim.start, claim.end), claim.text


def test_a_quotation_with_no_claim_check_worthy_alone_stays_whole_when_it_was_shown(
    monkeypatch,
) -> None:
    """Every quoted sentence scores low alone, the quotation high as one unit: nothing
    is cut, the whole is shown with its whole score, as before the cut."""
    monkeypatch.setattr(
        splitter,
        "score_sentences",
        lambda items: [0.9 if "Lee" in i.text or "“" in i.text else 0.1 for i in items],
    )
    text = "Lee said: “The weather is lovely today. It rained on the coast.”"
    claims = split_claims(text)
    assert [c.text for c in claims] == [text]
    assert claims[0].score > 0.5


def test_a_quotation_hidden_as_a_whole_keeps_its_low_sentences_apart(monkeypatch) -> None:
    """The whole quotation scored under 0.5 (here: every item holding a mark or its
    speaker is low): the cut shows more than the whole, and has nothing to cover, so
    its low sentence stays a claim of its own, under the threshold."""
    monkeypatch.setattr(
        splitter,
        "score_sentences",
        lambda items: [
            0.1 if "“" in i.text or "”" in i.text or "Lee" in i.text else s
            for i, s in zip(items, _scorer(items), strict=True)
        ],
    )
    text = (
        "Lee said: “Exports rose 4% in May. The weather is lovely today. Imports fell 2% in June.”"
    )
    claims = {c.text: c.score for c in split_claims(text)}
    assert claims["Exports rose 4% in May"] > 0.5
    assert claims["Imports fell 2% in June"] > 0.5
    assert claims["The weather is lovely today"] < 0.5


@pytest.mark.parametrize(
    ("lead", "joined"),
    [
        ("In a statement sent to AFP on July 26, 2021, the police chief said: ", True),
        ("The police chief said: ", False),
    ],
)
def test_an_introduction_with_a_date_goes_with_the_first_quoted_sentence(
    monkeypatch, lead: str, joined: bool
) -> None:
    """When and to whom it was said is part of the quoted claim; a bare "X said:" is
    none (dropped, as the statement splitter drops a bare attribution)."""
    monkeypatch.setattr(splitter, "score_sentences", lambda items: [0.9] * len(items))
    text = f'{lead}"A post-mortem was done on June 22. The case is classified as sudden death."'
    first = split_claims(text)[0].text
    assert (first == f'{lead}"A post-mortem was done on June 22') is joined
    assert (first == "A post-mortem was done on June 22") is not joined


_QUOTATIONS = (
    "Lee said: “The weather is lovely today. Exports rose 4% in May. Imports fell 2% in June.”",
    "Lee said: “Exports rose 4% in May. The weather is lovely today. Imports fell 2% in June.”",
    "“Exports rose 4% in May. Imports fell 2% in June. The weather is lovely today,” Lee said.",
    "Lee said: “Exports rose 4% in May. Imports fell 2% in June.\u00a0 “The weather is lovely "
    "today. It is sunny. Rain fell 3 mm on Monday.”",
    "On May 3, Lee said: “It is sunny. Exports rose 4% in May. It is warm. It is lovely. "
    "Imports fell 2% in June. It is late.”",
)


@pytest.mark.parametrize("text", _QUOTATIONS)
def test_the_cut_shows_every_word_the_whole_quotation_showed(monkeypatch, text: str) -> None:
    """The invariant: a quotation shown whole stays shown, cut or not. Each word of
    the whole's shown span is in a shown claim of the cut (a bare "Lee said" aside)."""
    monkeypatch.setattr(splitter, "score_sentences", _scorer)
    cut = _shown(text)
    monkeypatch.setattr(splitter, "_several_claims", lambda *_: False)
    whole = _shown(text)
    assert whole, "the made-up whole quotation is shown"
    assert len(cut) >= 2  # and cut
    assert _words_shown(text, whole) - {"Lee", "said"} <= _words_shown(text, cut)


def test_a_quotation_with_one_check_worthy_sentence_stays_whole(monkeypatch) -> None:
    monkeypatch.setattr(splitter, "score_sentences", _scorer)
    text = "“What a lovely morning. Prices rose 4 percent in May,” the minister said on Tuesday."
    (claim,) = split_claims(text)
    assert claim.text == text.rstrip(".") and claim.score > 0.5


def test_straight_marks_pair_by_their_count() -> None:
    text = 'The post reads: "Do not eat durian. A friend died the next day." Police denied it.'
    (unit, rest) = join_open_quotations(text, split_sentences(text))
    parts = tuple(split_sentences(text[: unit[1]], hold_quotations=False))
    pieces = [text[p.start : p.end] for p in quoted_pieces(text, *unit, parts)]
    assert pieces == ["Do not eat durian.", "A friend died the next day."]
    assert text[slice(*rest)] == "Police denied it."


def test_every_claim_of_a_cut_quotation_is_balanced(monkeypatch) -> None:
    monkeypatch.setattr(splitter, "score_sentences", lambda items: [0.9] * len(items))
    text = (
        "The site adds a caveat, stating: “Anyone can submit 12 reports. Reports cannot prove "
        "a cause.\u00a0 “The reports may be incomplete in 2021. Most are voluntary.” "
        '"Since 2020, 6,500 wishes were granted. Wishes will go on in 2022," the statement reads.'
    )
    claims = split_claims(text)
    assert len(claims) >= 6
    for claim in claims:
        assert balanced_v3(text, claim.start, claim.end), claim.text
        assert not claim.text.endswith(("“", '"', "”"))
        assert "statement reads" not in claim.text


def test_the_checker_sees_a_quoted_sentence_as_a_whole_statement() -> None:
    """Sanity of the helper the tests above use: a span with an unpaired mark fails."""
    text = "She says: “Zero got sick. Nobody died.”"
    assert not balanced_v3(text, 0, text.index(" Nobody"))
    assert balanced_v3(text, text.index("Zero"), text.index(". Nobody"))


def test_a_quoted_sentence_is_one_statement(monkeypatch) -> None:
    """Cut at its stops only: no cut inside a quoted sentence, as none is made inside a
    quotation within any sentence ("... in 2020 and this is what it found" stays whole,
    "this is what it found" alone would say nothing)."""
    monkeypatch.setattr(splitter, "score_sentences", lambda items: [0.9] * len(items))
    first = "The agency tested every batch of the vaccine in 2020 and this is what it found"
    assert len(statement_spans(first, 0, len(first))) == 2  # cut when not quoted
    text = f"She went on: “{first}. Not one of the 400 batches failed its test.”"
    texts = [c.text for c in split_claims(text)]
    assert texts == [first, "Not one of the 400 batches failed its test"]


def test_only_the_stretches_inside_the_marks_are_quoted_pieces() -> None:
    text = "“Cargo rose 12% in 2023. Fares fell,” the director said, and the port closed in May."
    parts = tuple(split_sentences(text, hold_quotations=False))
    pieces = quoted_pieces(text, 0, len(text), parts)
    assert [p.quoted for p in pieces] == [True, True, False]


def test_a_straight_quotation_nested_in_a_straight_one_keeps_its_sentences_whole() -> None:
    """Nested straight marks read by their count alone turn the inner pair round, and
    every mark after it ('called "Rainbow" [Arc]' became a closing and an opening mark,
    and "Rainbow" an introduction, dropped). A mark with a space on one side and a word
    on the other says which way it goes; only a glued one ('May."This') is counted."""
    text = (
        'The caption reads: "A march in Lyon on May 2, 2021. A man can be heard saying: '
        '"Today is Sunday in Lyon."This is a show called "Rainbow" [Arc] for the 40 missing. '
        'It is a cry for help from 12 families".'
    )
    parts = tuple(split_sentences(text, hold_quotations=False))
    pieces = [text[p.start : p.end] for p in quoted_pieces(text, 0, len(text), parts)]
    assert 'This is a show called "Rainbow" [Arc] for the 40 missing.' in pieces
    assert 'A man can be heard saying: "Today is Sunday in Lyon."' in pieces
    assert all(p.quoted for p in quoted_pieces(text, 0, len(text), parts))


@pytest.mark.parametrize(
    ("tail", "own"),
    [
        ("reads the caption of a video posted on Facebook on July 21, 2021", True),
        ("reads the caption of a video posted on Facebook by a user", False),
    ],
)
def test_a_trailing_attribution_with_a_date_is_a_claim_of_its_own(
    monkeypatch, tail: str, own: bool
) -> None:
    """When or where the words were posted is checked as a dated introduction is; a
    bare speaker ("the user wrote") is no claim of its own."""
    monkeypatch.setattr(splitter, "score_sentences", lambda items: [0.9] * len(items))
    text = f'"Exports rose 4% in May. Imports fell 2% in June," {tail}.'
    texts = [c.text for c in split_claims(text)]
    assert (tail in texts) is own
    assert not any(tail in t for t in texts) or own


def test_an_introduction_with_a_date_goes_with_the_first_claim_after_a_quoted_heading(
    monkeypatch,
) -> None:
    """Quoted words that make no statement ("Giant fern, Kent ...") stand between the
    introduction and the first quoted claim: the introduction still goes with that claim,
    and the heading with it, as the whole quotation showed them."""
    monkeypatch.setattr(splitter, "score_sentences", lambda items: [0.9] * len(items))
    lead = "The photos come with a text that went viral when posted in May 2021: "
    text = f"{lead}“Giant fern, Kent ……… The fern is 300 years old. It covers 12 hectares.”"
    first = split_claims(text)[0].text
    assert first == f"{lead}“Giant fern, Kent ……… The fern is 300 years old"


def test_a_dated_attribution_does_not_make_a_quotation_of_one_claim_several(monkeypatch) -> None:
    """Only quoted sentences count towards cutting: one check-worthy quoted sentence and a
    dated attribution stay one claim, the whole quotation with its speaker."""
    monkeypatch.setattr(splitter, "score_sentences", _scorer)
    text = "“What a lovely morning. Prices rose 4 percent in May,” wrote the authors in 2018."
    (claim,) = split_claims(text)
    assert claim.text == text.rstrip(".") and claim.score > 0.5
