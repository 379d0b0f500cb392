"""A participle phrase that ends the sentence with its own figure or name is its own
statement (session 29, rel11: ", stretching from Norfolk ... through Franklin",
"-- approved by the kingdom's Food and Drug Administration"). Made-up sentences."""

from __future__ import annotations

import pytest

from factcheck.claims.spans.participles import might_hold_final_participle
from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ruiz represents the 4th district, stretching from Leeds north through York.",
            ["Ruiz represents the 4th district", "stretching from Leeds north through York"],
        ),
        (
            # short and verbless, kept: it has its own figure
            "The clip was found on a blog in Lagos, circulating on Facebook since June 2021.",
            [
                "The clip was found on a blog in Lagos",
                "circulating on Facebook since June 2021",
            ],
        ),
        (
            # a phrase of result, kept whole: its "and" joins two participles
            "The storm hit Texas on Monday, killing 5 people and leaving 2,000 homeless.",
            ["The storm hit Texas on Monday", "killing 5 people and leaving 2,000 homeless"],
        ),
        (
            "The spray is sold in Peru under the name Orix -- approved by the Health Ministry.",
            ["The spray is sold in Peru under the name Orix", "approved by the Health Ministry"],
        ),
        (
            "The drug is sold in Peru as Orix, approved by the Health Ministry in 2019.",
            ["The drug is sold in Peru as Orix", "approved by the Health Ministry in 2019"],
        ),
    ],
)
def test_a_final_participle_phrase_with_its_own_detail_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no figure or name in the phrase: nothing to check alone
        "Ruiz represents the 4th district, stretching from the coast to the hills.",
        # a participle of speech or attribution stays with what it reports
        "Denmark signed the treaty in 2016, pledging to protect bees, the Post reported.",
        "We found a video of a woman named Ana Ruiz, speaking on 13 April.",
        "Prices rose in May, citing figures from the Office for National Statistics.",
        # prepositions and list openers in "-ing"
        "Many symptoms were reported in 2021, including fever in Leeds and York.",
        "He faces many challenges in 2025, ranging from inflation to trade with China.",
        # inside the subject: the main verb follows a later comma
        "The twins, portrayed by Ana Ruiz, were born on October 11.",
        # no verb on the left, or no detail on the left
        "A small blog, stretching its claims about Leeds.",
        "It was odd, stretching from Leeds to York.",
        # reported speech keeps its parts
        "She said prices rose in May, reaching a peak in June.",
        # a list item between commas, not a phrase
        "Tagged in 2021 Olympics, marijuana, running, Ana Ruiz, twitter.",
    ],
)
def test_no_cut_without_a_final_detailed_participle(text: str) -> None:
    assert len(spans(text)) == 1


def test_the_fast_path_is_left_only_for_sentences_with_no_participle_aside() -> None:
    assert might_hold_final_participle(["it", "runs", ",", "stretching", "far"])
    assert might_hold_final_participle(["sold", "-", "approved", "by", "x"])
    assert not might_hold_final_participle(["approved", "by", "x"])
    assert not might_hold_final_participle(["a", ",", "b", "long"])
    assert not might_hold_final_participle([",", "x"])
