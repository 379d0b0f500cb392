"""Several statements of one sentence that share a subject are several spans (issue 11,
session 26): a second verb phrase with its own detail, and list items with their own
figure. And what must stay whole. Made-up text."""

from __future__ import annotations

import pytest

from factcheck.claims.splitter import split_claims
from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The storm killed 1,200 people and left hundreds of thousands without homes.",
            ["The storm killed 1,200 people", "left hundreds of thousands without homes"],
        ),
        (
            "The post had been viewed more than 64,000 times and shared more than 70 times.",
            ["The post had been viewed more than 64,000 times", "shared more than 70 times"],
        ),
        (
            "The image was taken in 2015 and shows Castro landing in Costa Rica.",
            ["The image was taken in 2015", "shows Castro landing in Costa Rica"],
        ),
        (
            "The man was named as Tom Reed, 49, who fell ill at a cafe and was later "
            "pronounced dead in Leeds on June 21.",
            # session 27: the non-restrictive relative is cut first (its own detail,
            # "Leeds", "June 21"); session 29 (and11): its second verb phrase, "was" after
            # a plain clause with a detail of its own, is cut too, though the relative's
            # first has no detail (spans.auxiliary_phrases)
            [
                "The man was named as Tom Reed, 49",
                "who fell ill at a cafe",
                "was later pronounced dead in Leeds on June 21",
            ],
        ),
    ],
)
def test_a_second_verb_phrase_with_its_own_detail_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


def test_two_named_roles_after_one_copula_are_two_spans() -> None:
    text = "Ana Ruiz is leader of the Green Party and member of parliament for Leeds."
    assert spans(text) == [
        "Ana Ruiz is leader of the Green Party",
        "member of parliament for Leeds",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She is professor of law and dean of the faculty at Yale.",
        "He is head of research and development at Google.",
        "He is the leader of the Green Party and a member of parliament for Leeds.",
    ],
)
def test_roles_without_a_name_each_or_with_articles_stay_one_span(text: str) -> None:
    assert spans(text) == [text.rstrip(".")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The contracts were worth $6 billion for Moderna, $5 billion for Pfizer and "
            "$1.5 billion for Johnson & Johnson.",
            [
                "The contracts were worth $6 billion for Moderna",
                "$5 billion for Pfizer",
                "$1.5 billion for Johnson & Johnson",
            ],
        ),
        (
            "Official data shows there were 2,839,205 deaths in 2018, 2,813,503 deaths in "
            "2017, and 2,744,248 deaths in 2016.",
            [
                "Official data shows there were 2,839,205 deaths in 2018",
                "2,813,503 deaths in 2017",
                "2,744,248 deaths in 2016",
            ],
        ),
    ],
)
def test_list_items_with_their_own_figure_are_spans_though_they_have_no_verb(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


def test_the_product_shows_each_list_item_and_each_detailed_verb_phrase() -> None:
    text = (
        "The contracts were worth $6 billion for Moderna, $5 billion for Pfizer and "
        "$1.5 billion for Johnson & Johnson. The storm killed 1,200 people and left "
        "40,000 without homes."
    )
    found = [text[c.start : c.end] for c in split_claims(text)]
    for part in (
        "$5 billion for Pfizer",
        "$1.5 billion for Johnson & Johnson",
        "The storm killed 1,200 people",
        "left 40,000 without homes",
    ):
        assert part in found


@pytest.mark.parametrize(
    "text",
    [
        # number ranges
        "Between 5 and 10 people in Ohio died in May.",
        "The price was between $5 for adults and $9 for families.",
        "The toll rose from 5 in Ohio to 10 in Texas.",
        # coordinated subjects and names
        "Bosnia and Herzegovina and Serbia signed the deal in 2006.",
        "Johnson & Johnson and Pfizer supplied 5 million doses to Kenya.",
        "The event was covered on TV by ABC News, 7 News and 9 News.",
        # coordinated objects or modifiers without their own detail
        "The firm sold 300 cars and trucks in Ohio.",
        "He met vaccinated and infected Americans in Ohio.",
        "Patients had a five times higher risk of death and increased risk of 17 complications.",
        "The clinic in Leeds described its roles and associated skills for a team.",
        # a passive that goes on
        "The bill was voted through the Commons in May and approved by the Lords in June.",
        # figures that belong together
        "Deaths were up 24.1 per cent and 21.5 per cent in the two groups.",
        "The rates were 5% for men and 7% for women, respectively.",
        # inside a relative clause
        "Of the deaths, 17% were among those who had the first dose and tested positive in May.",
        "In the post, which was published on July 6 and shared more than 500 times, "
        "the group wrote a note.",
        # reported speech, a quotation, a "said" tail
        "He said the storm killed 300 people and left 2,000 homeless.",
        "He went further, claiming he had found 5,128 votes for Biden and 1,188 for Trump.",
        "She wrote: “The storm killed 300 people and left 2,000 homeless.”",
        # the right side has no detail of its own, only its attribution's
        "Investigators looked into fraud in Fulton County and found nothing, "
        "the office of the Georgia secretary of state told PolitiFact.",
    ],
)
def test_what_is_not_several_detailed_statements_stays_one_span(text: str) -> None:
    assert spans(text) == [text.rstrip(".")]
