"""Dated photo and screenshot captions are debris even inside a paragraph (issue 11,
session 26 glue11): the segmenter now ends them at their year, so they stand as
sentences of their own, and none is a claim. Claims that look like captions stay."""

from __future__ import annotations

import pytest

from factcheck import split_claims
from factcheck.claims.debris import is_debris, is_speaker_line


@pytest.mark.parametrize(
    "line",
    [
        "Screenshot of the misleading Facebook post taken on July 13, 2021",
        "A screenshot of the misleading post taken on July 25, 2021",
        "Screenshot of a CrowdTangle search for “Publix Israel” taken on July 23, 2021",
        "A photo of the event shared by Faisal bin Latif on 26 November, 2019",
        "Video filmed on 16 July 2021",
    ],
)
def test_dated_caption_is_debris_even_inside_a_paragraph(line: str) -> None:
    assert is_debris(line, alone_on_line=False)


@pytest.mark.parametrize(
    "line",
    [
        "Photo shows the rally that was posted on July 13, 2021",
        "The screenshot was taken on July 13, 2021",
        "Screenshot of the misleading Facebook post taken on July 13, 2021.",
        "Video posted by the ministry shows 300 troops crossing in 2021",
        "Images shared on social media in 2020 were taken in 2015",
    ],
)
def test_caption_like_statements_are_not_debris(line: str) -> None:
    assert not is_debris(line, alone_on_line=False)


def test_glued_caption_gives_no_claim_and_the_next_sentence_stays() -> None:
    text = (
        "The post has been shared more than 4,100 times. Screenshot of the misleading post, "
        "taken on July 22, 2021The post circulated online in Thailand after 300 cases."
    )
    claims = [c.text for c in split_claims(text)]
    assert not any("Screenshot" in c for c in claims)
    assert any(c.startswith("The post circulated online in Thailand") for c in claims)


def test_caption_credit_must_be_a_name() -> None:
    assert is_debris("Photo taken by Jane Doe on 3 May 2020", alone_on_line=False)
    assert not is_debris("Photo taken by the ministry shows troops in 2020", alone_on_line=False)


@pytest.mark.parametrize(
    "line",
    [
        "Matt Thistlethwaite, Labor MP, February 9, 2021",
        "Scott Morrison, Australian prime minister and Liberal Party leader, February 1, 2021",
        "Peter Singer, bioethics professor, January 31, 2021",
        "Anthony Albanese, Labor Party leader, February 2, 2021.",
    ],
)
def test_speaker_line_under_a_quoted_claim_is_recognised(line: str) -> None:
    assert is_speaker_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Scott Morrison, the prime minister, said the cap was lifted in 2021",
        "Joe Biden, then vice president, was elected in 2020",
        "In Sydney, the limit was raised, in March 2021",
    ],
)
def test_sentences_like_speaker_lines_are_not_speaker_lines(line: str) -> None:
    assert not is_speaker_line(line)


def test_quoted_claim_keeps_its_speaker_line_and_the_next_sentence_stands_alone() -> None:
    text = (
        "“Net zero by 2050 will create 250,000 jobs in the next decade.”Matt Thistlethwaite, "
        "Labor MP, February 9, 2021.The report was published by the Climate Council in 2020."
    )
    claims = [c.text for c in split_claims(text)]
    assert any(c.startswith("“Net zero") and "Matt Thistlethwaite" in c for c in claims)
    assert any(c.startswith("The report was published") for c in claims)
    assert not any(c.startswith("Matt Thistlethwaite") for c in claims)
