"""Sentence boundaries on the things news text is full of (factcheck.text.sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Senate voted on Monday. It passed.",
            ["The U.S. Senate voted on Monday.", "It passed."],
        ),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        (
            "It opened on Jan. 5 in Seoul. Crowds came.",
            ["It opened on Jan. 5 in Seoul.", "Crowds came."],
        ),
        ("He is ranked No. 1 worldwide. Really.", ["He is ranked No. 1 worldwide.", "Really."]),
        (
            "It moved to the U.S. The move was costly.",
            ["It moved to the U.S.", "The move was costly."],
        ),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_decimals_and_thousands() -> None:
    text = "Growth was 9.7 percent. Some 1,250 people came. Prices rose 0.5%."
    assert sentences(text) == [
        "Growth was 9.7 percent.",
        "Some 1,250 people came.",
        "Prices rose 0.5%.",
    ]


def test_initials() -> None:
    text = "George W. Bush spoke first. J. K. Rowling wrote it."
    assert sentences(text) == ["George W. Bush spoke first.", "J. K. Rowling wrote it."]


def test_quotes_and_brackets() -> None:
    text = '"We will win." Then he left. "Stop!" she said. (It rained.) Next day came.'
    assert sentences(text) == [
        '"We will win."',
        "Then he left.",
        '"Stop!" she said.',
        "(It rained.)",
        "Next day came.",
    ]


def test_curly_quotes() -> None:
    text = "“It is done,” he said. “Now go.” She went."
    assert sentences(text) == ["“It is done,” he said.", "“Now go.”", "She went."]


def test_ellipses() -> None:
    text = "He paused... and went on. Then silence… Nobody spoke."
    assert sentences(text) == ["He paused... and went on.", "Then silence…", "Nobody spoke."]


def test_headline_and_byline_without_end_punctuation() -> None:
    text = "Xi Calls For Respect\nBy Jane Doe, Reuters\n\nSeoul said on Tuesday it would talk."
    assert sentences(text) == [
        "Xi Calls For Respect",
        "By Jane Doe, Reuters",
        "Seoul said on Tuesday it would talk.",
    ]


def test_bullet_lines() -> None:
    text = "Key points:\n- GDP grew 3%\n* Jobs rose\n• Debt fell\n1. First item\n2) Second item"
    assert sentences(text) == [
        "Key points:",
        "GDP grew 3%",
        "Jobs rose",
        "Debt fell",
        "First item",
        "Second item",
    ]


def test_crlf_text() -> None:
    text = "First line.\r\nSecond line\r\n\r\nThird para. Fourth."
    assert sentences(text) == ["First line.", "Second line", "Third para.", "Fourth."]


def test_hard_wrapped_paragraph_is_joined() -> None:
    text = "This sentence was wrapped\nby an editor. Next."
    assert sentences(text) == ["This sentence was wrapped\nby an editor.", "Next."]


def test_offsets_index_the_original_text() -> None:
    text = "  Leading space. Trailing space.  "
    assert split_sentences(text) == [(2, 16), (17, 32)]


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\r\n ") == []


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.text())
def test_any_text_gives_valid_nonoverlapping_spans(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip()
        previous_end = end


def test_lowercased_scraped_text() -> None:
    text = "thank you very much everyone. before i begin, dr. smith will speak. it is 9.7 percent."
    assert sentences(text) == [
        "thank you very much everyone.",
        "before i begin, dr. smith will speak.",
        "it is 9.7 percent.",
    ]


def test_full_stop_that_lost_its_space_still_ends_a_sentence() -> None:
    text = (
        "Masks do not stop the spread of Covid.In the video, a woman speaks. "
        "It was “vaccine passports”.As we found, nothing. Mr.Smith went to the U.S.Army base."
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Masks do not stop the spread of Covid.",
        "In the video, a woman speaks.",
        "It was “vaccine passports”.",
        "As we found, nothing.",
        "Mr.Smith went to the U.S.Army base.",
    ]


def test_quotation_of_several_sentences_is_one_sentence() -> None:
    text = (
        "Prof Lee said: “The claim is false. Vaccines do not alter DNA.” "
        "The post was shared 900 times. “Stray marks do not hold the rest. Next one."
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Prof Lee said: “The claim is false. Vaccines do not alter DNA.”",
        "The post was shared 900 times.",
        "“Stray marks do not hold the rest.",
        "Next one.",
    ]


def test_glued_quotation_boundary_is_a_sentence_end() -> None:
    text = "It was “legally incorrect”.“Vaccines do not alter DNA,” she said."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "It was “legally incorrect”.",
        "“Vaccines do not alter DNA,” she said.",
    ]
