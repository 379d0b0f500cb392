"""A cause phrase ("because of", ", due to" + a noun phrase) and a consequence clause
(", meaning" / ", so" + a clause) state facts of their own and are cut off the statement
before them; the guards keep a cause that names its noun, is the predicate or opens a
clause, and a link with no clause after it (session 29, reason11). Made-up sentences."""

from __future__ import annotations

import pytest

from tests.unit.statement_texts import spans, split_seconds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "because of" needs no comma; the phrase holds a list
            "The council voted that the city's traffic unit be closed because of the unit's "
            "repeated speeding fines, complaints and unpaid overtime.",
            [
                "The council voted that the city's traffic unit be closed",
                "because of the unit's repeated speeding fines, complaints and unpaid overtime",
            ],
        ),
        (
            # "due to" after a comma, hedged; a clause after ", and that" still starts
            # the next statement
            "Several outlets reported that the harvest in Kenya had fallen by 12% between "
            "2019 and 2020, largely due to the effects of the long drought in the region, "
            "and that this was the worst harvest since 1984.",
            [
                "Several outlets reported that the harvest in Kenya had fallen by 12% between "
                "2019 and 2020",
                "largely due to the effects of the long drought in the region",
                "that this was the worst harvest since 1984",
            ],
        ),
    ],
)
def test_a_cause_phrase_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "due to" with no comma names which deaths
        "The ministry counted 512 deaths due to the new strain of the virus in March.",
        # the cause is the predicate
        "The delay in the count was largely due to a shortage of trained staff in the region.",
        # too short to be checked alone
        "The endocrine society has canceled its annual meeting because of the virus.",
        # the phrase runs into a clause: it opens that clause
        "The shops stayed shut all week because of the storm there were no deliveries at all.",
        # a schedule, not a cause
        "The new report on the outbreak in the region is due to be published in May 2022.",
    ],
)
def test_a_cause_phrase_that_is_no_fact_of_its_own_stays(text: str) -> None:
    assert len(spans(text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # "translates" is not in the verb lexicon: the piece before is kept anyway
            "That works out to about 0.8%, meaning 99.2% of the cases were among people "
            "who were not vaccinated.",
            [
                "That works out to about 0.8%",
                "meaning 99.2% of the cases were among people who were not vaccinated",
            ],
        ),
        (
            "The mayor left the budget meeting in May, so the council members have asked "
            "for a vote in June.",
            [
                "The mayor left the budget meeting in May",
                "so the council members have asked for a vote in June",
            ],
        ),
    ],
)
def test_a_consequence_clause_is_its_own_span(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no clause after the link
        "The agency has published 14 reports so far, meaning the early ones from 2019.",
        # a purpose, not a consequence
        "The clinic opened on Sundays in 2021, so that more workers could get a dose.",
        # inside reported speech: still what the minister said
        "The minister told reporters the deficit had doubled, so the country was in trouble.",
    ],
)
def test_a_link_with_no_consequence_clause_stays(text: str) -> None:
    assert len(spans(text)) == 1


@pytest.mark.parametrize(
    "unit",
    [
        "The council delayed the vote because of the long delays in the new city plan and the ",
        "officials closed the road, largely due to the damage caused by the heavy storm and ",
    ],
)
def test_a_long_unpunctuated_text_of_cause_phrases_stays_linear(unit: str) -> None:
    """Hostile or transcript text: one "sentence" of 500 KB holding a cause phrase every
    few words takes about five times as long as 100 KB, not twenty-five (each phrase's
    end was once looked for up to the text's end). Each size's fastest of two runs, and
    three times the linear factor, so a busy spell on a shared machine does not read as
    a quadratic pass."""

    small, large = split_seconds(unit, 100_000), split_seconds(unit, 500_000)
    assert large < 15 * max(small, 1e-3)
