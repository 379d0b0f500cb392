"""More sentence ends that lost their space (issue 11, session 27 ends11), found on the
long fact-check bodies: a full stop after a bracket, a stop glued to "A"/"I", a closing
quotation mark, a quotation mark glued to the next sentence, a subheading glued to an
opener, spaces standing for a lost paragraph break. Each rule with the cases it must
leave alone."""

from __future__ import annotations

import time

import pytest

from factcheck.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It patented a test (page 1).The court decided otherwise (page 2).However, it agreed.",
            [
                "It patented a test (page 1).",
                "The court decided otherwise (page 2).",
                "However, it agreed.",
            ],
        ),
        (
            "It was reviewed by the agency (CDC).Both vaccines use mRNA.",
            ["It was reviewed by the agency (CDC).", "Both vaccines use mRNA."],
        ),
        (
            "Gargling cannot cure Covid-19 .The World Health Organization says so.",
            ["Gargling cannot cure Covid-19 .", "The World Health Organization says so."],
        ),
        (
            'The text was altered [sic]."The claim is old," she said.',
            ["The text was altered [sic].", '"The claim is old," she said.'],
        ),
    ],
)
def test_full_stop_after_a_bracket_or_a_space_glued_to_a_capital_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The file (photo).Jpg and the site (example).Com were both shared online.",
        "The script (app).Js runs in the browser (see docs).",
        "The vote (in 2019).was close, she said.",
        "Version 2 .net and the file .Net stay in one sentence.",
    ],
)
def test_bracket_before_a_name_or_lowercase_keeps_its_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It works against fungi.A throat spray with it is sold in Thailand.",
            ["It works against fungi.", "A throat spray with it is sold in Thailand."],
        ),
        (
            "They can transmit the virus.A January 2021 study found 2,250 cases.",
            ["They can transmit the virus.", "A January 2021 study found 2,250 cases."],
        ),
        (
            "The claim is false.I think it is old.",
            ["The claim is false.", "I think it is old."],
        ),
    ],
)
def test_full_stop_glued_to_a_one_letter_word_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The U.S.A team won the cup in 2019 against Spain.",
        "He met J.A smith and e.g.A friend at the station.",
        "The Dept.A unit and Mr.A man arrived on Jan.I day.",
        "The plan.I Am Legend is a film.",
    ],
)
def test_one_letter_word_after_an_abbreviation_or_initial_keeps_its_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_unpunctuated_text_stays_linear() -> None:
    """The new patterns scan in one pass: 0.5 MB of text without a sentence end, of
    rejected glued quotation marks, or of glued subheadings takes about as long per byte
    as 100 KB. Each size's fastest of three runs, and three times the linear factor, so
    a busy spell on a shared machine does not read as a quadratic pattern (a quadratic
    one takes 25x as long for 5x the text)."""

    def seconds(unit: str, size: int) -> float:
        text = (unit * (size // len(unit) + 1))[:size]
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            split_sentences(text)
            runs.append(time.perf_counter() - started)
        return min(runs)

    for unit in ("word (x) and A b ", 'said "no."Ab "x."Ab ', "postThe  The x"):
        small, large = seconds(unit, 100_000), seconds(unit, 500_000)
        assert large < 15 * max(small, 1e-3), unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'It said: "Take this. Rinse your throat.\nUse the spray to contain the infection." '
            '"Propolis" refers to a substance from beehives.',
            [
                'It said: "Take this.',
                "Rinse your throat.",
                'Use the spray to contain the infection."',
                '"Propolis" refers to a substance from beehives.',
            ],
        ),
    ],
)
def test_closing_straight_mark_before_a_space_ends_a_sentence_whatever_the_count(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'She said: "One thing. Another thing." Then she left the room.',
        "“He won in 2019. The rest is history,” she said. The end came.",
    ],
)
def test_quotations_of_several_sentences_are_still_held(text: str) -> None:
    assert sentences(text)[0] in (
        'She said: "One thing. Another thing."',
        "“He won in 2019. The rest is history,” she said.",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'It is "not supported", said a doctor at the University."Each person is '
            'different", he told AFP.',
            [
                'It is "not supported", said a doctor at the University.',
                '"Each person is different", he told AFP.',
            ],
        ),
        (
            'Officials said people were "largely protected.""That was the point," she said.',
            ['Officials said people were "largely protected."', '"That was the point," she said.'],
        ),
        (
            'He said "it cannot treat Covid-19."Home remedies were debunked. The WHO states: '
            '"Stay at home."',
            [
                'He said "it cannot treat Covid-19."',
                "Home remedies were debunked.",
                'The WHO states: "Stay at home."',
            ],
        ),
        (
            'Carson was not a qualified astronaut."To apply, I need a degree,” she told ABC.',
            ["Carson was not a qualified astronaut.", '"To apply, I need a degree,” she told ABC.'],
        ),
        (
            "She said: “The CDC found ‘no reduction in transmission’.”The words are printed.",
            [
                "She said: “The CDC found ‘no reduction in transmission’.”",
                "The words are printed.",
            ],
        ),
        (
            "They concluded: “Carriers are a risk.”CDC: Masks reduce Covid spread",
            ["They concluded: “Carriers are a risk.”", "CDC: Masks reduce Covid spread"],
        ),
    ],
)
def test_quotation_mark_glued_to_the_next_sentence_goes_with_its_quotation(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'He said "no."and left the room with his "coat."',
        "The road sign read “Stop.”A1 was the road number.",
        "The brand “Open.”iPhone case sold out.",
    ],
)
def test_glued_quotation_marks_without_a_sentence_after_keep_their_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The StatementAn Instagram post claims it. The AnalysisThe post repeats a claim.",
            [
                "The Statement",
                "An Instagram post claims it.",
                "The Analysis",
                "The post repeats a claim.",
            ],
        ),
        (
            "Asymptomatic patients can transmit the virusIn the Facebook video, she talks.",
            ["Asymptomatic patients can transmit the virus", "In the Facebook video, she talks."],
        ),
        (
            "It cannot cure Covid-19.Home remediesAFP has debunked such claims.",
            ["It cannot cure Covid-19.", "Home remedies", "AFP has debunked such claims."],
        ),
        (
            "CDC: Masks reduce Covid spreadAnd what about the claim?",
            ["CDC: Masks reduce Covid spread", "And what about the claim?"],
        ),
    ],
)
def test_subheading_glued_to_a_sentence_opener_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He posted on LinkedIn The next day and on YouTube and his iPhone in a McDonald store.",
        "PolitiFact and WhatsApp and the GoFundMe page ran on macOS and iOS in the lab.",
        "It was shown in an Instagram postmRNA technology in vaccines is new.",
        "The handle @someoneThe and the site example.comIn were listed.",
        "The DeAndre and McThe names and AstraZeneca shots are here.",
    ],
)
def test_camel_case_names_links_and_short_prefixes_keep_their_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It is offered by the Rural Domestic Preparedness Consortium (RDPC)   There is, "
            "however, no evidence.",
            [
                "It is offered by the Rural Domestic Preparedness Consortium (RDPC)",
                "There is, however, no evidence.",
            ],
        ),
        (
            "By Victoria Knight • June 24, 2021  The lawsuit was filed in June.",
            ["By Victoria Knight • June 24, 2021", "The lawsuit was filed in June."],
        ),
        (
            "A post shared by WWF-Australia (@wwf_australia)\xa0 In response, WWF spoke.",
            ["A post shared by WWF-Australia (@wwf_australia)", "In response, WWF spoke."],
        ),
    ],
)
def test_line_without_a_stop_before_spaces_and_an_opener_ends_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The story was published in  The Guardian and  The Times on Monday.",
        "Verdict  The claim is false.",
        "The minister said  The economy grew, and the figures in  This report agree.",
        "It rose 5% in 2020 -  The figures are new.",
        "It is a long run of spaces" + " " * 5000 + "with no opener after it.",
    ],
)
def test_spaces_after_a_preposition_a_label_or_a_dash_keep_their_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("And vaccine passports don’t exist there.", True),
        ("Vaccine passports don't exist there.", True),
        ("Masks can't stop the virus.", True),
        ("Six weeks of rain.", False),
    ],
)
def test_short_sentence_with_a_negated_auxiliary_is_a_statement(sentence: str, kept: bool) -> None:
    """After its glued end is cut, a short sentence must not be lost for want of a verb:
    "don't", "isn’t", "can't" are verbs to the span rules (`spans.tokens.is_verb`)."""
    from factcheck.claims.spans import statement_spans

    assert bool(statement_spans(sentence, 0, len(sentence))) is kept
