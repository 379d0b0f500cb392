"""Sentence ends that lost their space (issue 11, session 26 glue11): a full stop after a
figure, a figure run into the next sentence, a colon and a paragraph break lost in
extraction. Each rule with the cases it must leave alone."""

from __future__ import annotations

import pytest

from factcheck.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The photo shows a march in 2019.The image was shared on July 19.The caption is new.",
            [
                "The photo shows a march in 2019.",
                "The image was shared on July 19.",
                "The caption is new.",
            ],
        ),
        (
            "More than 609,000 people have died from COVID-19.The Associated Press reported it.",
            [
                "More than 609,000 people have died from COVID-19.",
                "The Associated Press reported it.",
            ],
        ),
        (
            "The alliance is NATO.In the end, it agreed.",
            ["The alliance is NATO.", "In the end, it agreed."],
        ),
        ("Sales rose 5%.Profits fell.", ["Sales rose 5%.", "Profits fell."]),
    ],
)
def test_full_stop_after_a_figure_or_word_glued_to_a_capital_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "J.R.R.Tolkien wrote the book in 1937 for children.",
        "The U.S.Army base was closed in 2019 after a review.",
        "Mr.Smith and Dr.Jones met on Jan.Monday for talks.",
        "See pic.twitter.com/onVjuvhvy2 and the Node.js docs for more.",
        "Inflation was 3.5 percent and the team was No.1 in version 2.0.1 of the list.",
        "The shop Amazon.Com and the site BBC.Co.Uk both ran the story.",
        "He met A.Smith at the station in the morning.",
    ],
)
def test_abbreviations_initials_domains_and_decimals_keep_their_full_stop(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Screenshot of the post taken on July 13, 2021The claim was also shared here.",
            ["Screenshot of the post taken on July 13, 2021", "The claim was also shared here."],
        ),
        (
            "Deaths from COVID-19This year fell.",
            ["Deaths from COVID-19", "This year fell."],
        ),
        (
            "Caption dated 12 March 2020In Nigeria, the rules changed.",
            ["Caption dated 12 March 2020", "In Nigeria, the rules changed."],
        ),
    ],
)
def test_figure_glued_to_a_sentence_opener_ends_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Type 2A diabetes affects people in Flat 12A every day.",
        "The Boeing 737Max and the 4Runner were both recalled.",
        "She got 4As and 2Bs at school in 2019.",
        "Buy 2For 1 deals ended in 2020.",
        "The Theatre of 1984Thereafter was staged.",
        "Room No.5The was a typo in the sign.",
    ],
)
def test_figure_before_other_capitals_is_not_a_sentence_end(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The COVID-19 vaccines have saved lives:  A report published July 7 found fewer.",
            [
                "The COVID-19 vaccines have saved lives:",
                "A report published July 7 found fewer.",
            ],
        ),
        (
            "It can be seen in its original context, below:  Norway’s men lost their encounter.",
            [
                "It can be seen in its original context, below:",
                "Norway’s men lost their encounter.",
            ],
        ),
    ],
)
def test_colon_before_a_lost_paragraph_break_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister told reporters on Monday that he said:  The economy grew by 3%.",
        "The caption of the viral post reads:  Bill Gates owns the patent.",
        "The figures for the last quarter are:  Exports up 3%, imports down 2%.",
        "Fact Check:   There are 292 known bee species in Denmark.",
        "SENATOR KENNEDY:  We have to act now on the budget.",
        "The post was shared widely with this text: The vaccine is unsafe.",
        "The post was shared widely with this text:  “The vaccine is unsafe.”",
        "The post was shared widely with this text:  DNA is altered by vaccines.",
    ],
)
def test_colon_introducing_speech_a_list_or_a_label_keeps_its_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_glued_end_inside_a_quotation_is_held() -> None:
    text = "“He won in 2019.The rest is history,” she said. Taken on 5 May 2021The end."
    assert sentences(text) == [
        "“He won in 2019.The rest is history,” she said.",
        "Taken on 5 May 2021",
        "The end.",
    ]


def test_glued_spans_keep_exact_offsets() -> None:
    text = "  It rose in 2019.The image dates from 2021The claim is very old:   A study found it.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "It rose in 2019.",
        "The image dates from 2021",
        "The claim is very old:",
        "A study found it.",
    ]
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)


def test_claims_do_not_run_across_a_glued_end_and_speech_keeps_its_anchor() -> None:
    from factcheck import split_claims

    text = (
        "More than 609,000 people in the U.S. have died from COVID-19.The Associated Press "
        "reported that 150 of 18,000 deaths in May were in vaccinated people. "
        "The health minister told parliament on Monday that he said:  The economy grew 3% in 2020."
    )
    claims = [c.text for c in split_claims(text)]
    assert not any("COVID-19.The" in c for c in claims)
    assert any(c.startswith("The Associated Press reported") for c in claims)
    assert any(c.startswith("The health minister told parliament") and "3%" in c for c in claims)
