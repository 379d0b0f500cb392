"""Several statements of one sentence that are not coordinated are several spans too
(issue 11, session 27): a dependent clause of reason or concession after a comma. And
what must stay whole. Made-up text."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The county closed its schools on Monday, because two teachers tested positive.",
            ["The county closed its schools on Monday", "because two teachers tested positive"],
        ),
        (
            "The daily count is lower than the real number of infections, since many "
            "infections are mild.",
            [
                "The daily count is lower than the real number of infections",
                "since many infections are mild",
            ],
        ),
        (
            "The bill passed the Senate, although 12 senators voted against it.",
            ["The bill passed the Senate", "although 12 senators voted against it"],
        ),
    ],
)
def test_a_reason_or_concession_clause_after_a_comma_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma: the clause is the statement's focus
        "The county closed its schools because two teachers tested positive.",
        # "since" with a past verb dates the statement before it
        "Temperatures were the highest on record in 2023, since records began in 1850.",
        # "because of" opens no clause
        "The squad was disbanded in 2020, because of the unit's alleged killings.",
        # reported speech: the reason is part of what was said
        "He said the county closed its schools, because two teachers tested positive.",
        # the left piece is itself dependent: its main clause comes later
        "It is clear that although the risk is lower with vaccination, because so many "
        "people have been vaccinated, most deaths will be among them.",
        # a condition or a time belongs to its statement
        "The county will close its schools, if two teachers test positive.",
        "The county closed its schools, after two teachers tested positive.",
        # inside a quotation
        "“The county closed its schools, because two teachers tested positive.”",
        # the subject's relative clause hides the verb: no cut rather than a guess
        "The count understates the number, because people who catch it twice are not counted.",
    ],
)
def test_a_subordinate_clause_that_belongs_to_its_statement_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The photo shows the veteran Ana Ruiz, who died in Madrid in 2019.",
            ["The photo shows the veteran Ana Ruiz", "who died in Madrid in 2019"],
        ),
        (
            "The group has been fighting the Land Act, which calls for a ban on Foreign buyers.",
            ["The group has been fighting the Land Act", "which calls for a ban on Foreign buyers"],
        ),
        (
            "Tom Reed, who led the agency from 2009 to 2017, left the party in 2020.",
            ["Tom Reed, who led the agency from 2009 to 2017", "left the party in 2020"],
        ),
        (
            "The tweet, which did not name Gates, has garnered over 42,000 likes.",
            ["The tweet, which did not name Gates", "has garnered over 42,000 likes"],
        ),
    ],
)
def test_a_non_restrictive_relative_with_its_own_detail_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # restrictive: no comma
        "The photo shows the veteran who died in Madrid in 2019.",
        # no detail of its own in the relative
        "The photo shows the veteran Ana Ruiz, who died at home.",
        # the relative reports speech: the speaker is named before the comma
        "Reporters contacted Ana Ruiz, who said the photo was taken in Madrid in 2019.",
        # a sentence-level anchor, not a subject: no verb right after the closing comma
        "In the post, which was published on July 6, the group wrote that 300 people died.",
        # the relative sits inside the subject of a question: the main verb follows
        "But did Ana Ruiz, who succeeded Reed in March, really tweet that?",
        # "which" after a year relates the whole clause
        "Cases rose to 500 in 2019, which was the highest since 1990.",
        # an object relative, not a subject one
        "The photo shows Ana Ruiz, whom Reed met in Madrid in 2019.",
        # inside a quotation
        "“The photo shows the veteran Ana Ruiz, who died in Madrid in 2019.”",
    ],
)
def test_a_relative_that_belongs_to_its_statement_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


def test_a_reported_by_alone_is_no_claim_but_reporting_inside_a_sentence_is() -> None:
    assert spans("The Associated Press reported.") == []
    text = "Cases reported each day rose to 5,000 and deaths fell to 20 in May."
    assert len(spans(text)) == 2, spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "There are 292 bee species in Denmark, 56 of which are threatened.",
            ["There are 292 bee species in Denmark", "56 of which are threatened"],
        ),
        (
            "The ship carried 40 passengers to Lisbon, two of whom died in hospital.",
            ["The ship carried 40 passengers to Lisbon", "two of whom died in hospital"],
        ),
        (
            "Kennedy had four children, none of whom were named Michael.",
            ["Kennedy had four children", "none of whom were named Michael"],
        ),
    ],
)
def test_a_counted_part_with_its_own_verb_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no verb: the part is a detail of the count
        "The ship carried 40 passengers to Lisbon, two of whom.",
        # a participle and "them", not a relative
        "More than 5,000 protesters rallied in Athens, some of them waving flags.",
        # reported speech
        "He said there are 292 bee species in Denmark, 56 of which are threatened.",
        # no detail in the statement before the comma
        "The ship carried passengers, two of whom died.",
    ],
)
def test_a_counted_part_that_belongs_to_its_statement_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The storm hit Texas on Monday, killed 5 people and left 2,000 homeless.",
            ["The storm hit Texas on Monday", "killed 5 people", "left 2,000 homeless"],
        ),
        (
            "The state raised prices by 20%, taxed 300 U.S. firms, and seized 12 Banks.",
            ["The state raised prices by 20%", "taxed 300 U.S. firms", "seized 12 Banks"],
        ),
    ],
)
def test_each_verb_phrase_of_a_chain_of_three_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # participles: the storm's consequences, not finite statements
        "The storm hit Texas on Monday, killing 5 people and leaving 2,000 homeless.",
        # a reporting verb after the comma: an attribution, not a link of a chain
        "Officials closed the border on Monday, said the Interior Ministry and others.",
        # no "and" + verb phrase closes the chain
        "The storm hit Texas on Monday, killed 5 people.",
        # the middle link has no detail of its own
        "The storm hit Texas on Monday, killed people and left 2,000 homeless.",
        # governed by a modal: one planned statement
        "The state will raise prices by 20%, tax 300 U.S. firms and seize 12 Banks.",
    ],
)
def test_a_comma_that_closes_no_chain_of_verb_phrases_is_no_cut(text: str) -> None:
    assert len(spans(text)) <= 2, spans(text)
    assert not any(s.startswith(("killed", "killing", "said", "tax ")) for s in spans(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "While farmers in Denmark are not required to plant flowers, they can rent "
            "land to the state for a grant.",
            [
                "While farmers in Denmark are not required to plant flowers",
                "they can rent land to the state for a grant",
            ],
        ),
        (
            "Although the risk to young people is very low, it is not zero.",
            ["Although the risk to young people is very low", "it is not zero"],
        ),
        (
            "Since Denmark is part of the EU, Danish farmers are eligible for the grant.",
            ["Since Denmark is part of the EU", "Danish farmers are eligible for the grant"],
        ),
    ],
)
def test_a_fronted_concession_or_reason_and_its_main_clause_are_two_spans(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no clause after the subordinator
        "While fact checking the same picture, Check Your Fact contacted the zoo.",
        "Since November 2019, a coalition of three parties has governed the state.",
        # "since" with a past verb: a time
        "Since this fact check was published, the post has been updated.",
        # a condition or a time: not a statement alone
        "If the vaccine is approved, the state will open its schools.",
        "When the vaccine was approved, the state opened its schools.",
        # no clause after the comma
        "While the vaccine is safe, according to the agency in 2021.",
        # inside a quotation
        "“While the vaccine is safe, it is not yet approved.”",
    ],
)
def test_a_fronted_clause_without_a_statement_on_each_side_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


def test_a_final_where_clause_with_its_own_subject_and_detail_is_its_own_span() -> None:
    text = "The image went viral on Twitter, where one post has received over 1,200 likes."
    assert spans(text) == [
        "The image went viral on Twitter",
        "where one post has received over 1,200 likes",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no detail of its own
        "The protests spread to Paris, where demonstrations turned into riots.",
        # no subject and verb after "where"
        "The image went viral on Twitter, where over 1,200 likes.",
        # no verb before: "where" in a subject or anchor
        "In Paris, where protests began in 2019, the police made 300 arrests.",
        # reported speech before it
        "He said the image went viral on Twitter, where one post has received 1,200 likes.",
    ],
)
def test_a_where_clause_that_belongs_to_its_statement_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


def test_a_participle_after_the_subject_keeps_its_and_inside() -> None:
    text = (
        "Screenshots of the message from Mr Reed, shared on Twitter and dated 15 October "
        "2020, show a list of 12 names."
    )
    assert len(spans(text)) == 1, spans(text)


def test_a_statement_whose_subject_holds_the_who_still_cuts_its_verb_phrases() -> None:
    text = (
        "with the help of who the government had already created four response teams "
        "and established a treatment unit at kenyatta national hospital."
    )
    assert len(spans(text)) == 2, spans(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The federation fined them €150 ($177) each.", "fined them €150 ($177) each"),
        ("The players were paid $5 each.", "The players were paid $5 each"),
    ],
)
def test_a_floating_each_after_a_figure_stays_with_it(text: str, expected: str) -> None:
    assert spans(text)[0].endswith(expected)


def test_a_final_determiner_without_a_figure_before_it_is_still_given_back() -> None:
    text = "The council said it would fine each"
    assert not spans(text)[0].endswith("each")


def test_two_ly_adverbs_of_one_verb_are_no_cut() -> None:
    text = "A post on Reddit purported to neatly and starkly illustrate the rules of 2021."
    assert len(spans(text)) == 1, spans(text)


def test_the_form_checker_takes_a_floating_each_for_a_whole_end() -> None:
    import sys
    from pathlib import Path
    from types import SimpleNamespace

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from eval_span_form import problems

    text = "The federation fined them €150 ($177) each. They paid each"
    whole = SimpleNamespace(text=text[:42], start=0, end=42, sentence_start=0, sentence_end=43)
    cut = SimpleNamespace(
        text=text[44:], start=44, end=len(text), sentence_start=44, sentence_end=len(text)
    )
    assert "dangling last word" not in problems(whole, text, checker=2)
    assert "dangling last word" in problems(cut, text, checker=2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The players refused to wear the kit on July 18, and in response, the "
            "federation fined them €150 each.",
            [
                "The players refused to wear the kit on July 18",
                "in response, the federation fined them €150 each",
            ],
        ),
        (
            "Macedonia is a former Yugoslav republic, but for most Greeks, Macedonia is "
            "the name of a province.",
            [
                "Macedonia is a former Yugoslav republic",
                "for most Greeks, Macedonia is the name of a province",
            ],
        ),
    ],
)
def test_a_clause_after_a_conjunction_and_a_short_adverbial_is_its_own_span(
    text: str, expected: list[str]
) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no comma before the conjunction
        "The players refused to wear the kit and in response, the federation fined them.",
        # the adverbial holds punctuation
        "The players refused to wear the kit, and in response (again), the federation fined them.",
        # the adverbial is too long to be one
        "The players refused to wear the kit, and in response to the long list of rules "
        "set out, the federation fined them.",
        # no clause after the adverbial's comma
        "The players refused to wear the kit in 2021, and in response, fines of €150.",
    ],
)
def test_a_conjunction_before_an_adverbial_without_a_clause_is_no_cut(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Posts claim it shows the man who was vaccinated and purportedly died in 2021.",
        "The waiver must follow the rules of contract law, being clear and easily understood.",
        "The study covered infected and potentially infected people in 12 states.",
    ],
)
def test_an_ly_adverb_after_and_is_no_subject(text: str) -> None:
    assert len(spans(text)) == 1, spans(text)


def test_an_ly_adverb_before_a_verb_phrase_with_its_object_still_cuts() -> None:
    text = "The photo is not of the river in India, but actually shows the bay of Manila."
    assert spans(text) == [
        "The photo is not of the river in India",
        "actually shows the bay of Manila",
    ]


def test_a_noun_ending_in_ly_still_opens_a_clause() -> None:
    text = "Spain closed its borders in March and italy reported 500 deaths in April."
    assert len(spans(text)) == 2, spans(text)
