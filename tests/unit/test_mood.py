"""Mood shifts (factcheck.claims.mood): direction of each rule class, on made-up statements."""

from __future__ import annotations

import pytest

from factcheck.claims.mood import (
    HEDGED_DOWN,
    IMPERATIVE_DOWN,
    MOOD_SCALE,
    PLAIN_FACT_UP,
    is_generic_modal,
    is_imperative,
    mood_rules,
    mood_shift,
)


@pytest.mark.parametrize(
    "text",
    [
        "The board is expected to announce a decision next week",
        "We will build a new hospital",
        "The agency plans to hire more staff",
        "If prices rose, families would suffer",
        "Is this the end of cheap energy?",
        "We must protect our families",
        "This is the greatest city on earth",
    ],
)
def test_unverifiable_moods_go_down(text: str) -> None:
    assert mood_shift(text) < 0


@pytest.mark.parametrize(
    "text",
    [
        "He denied receiving the payment",
        "We closed the border crossing",
        "The minister called the report a fabrication",
        "Ms Diaz said the plant would close in 2026",
        "Output fell 8% last year, according to the statistics office",
    ],
)
def test_reported_speech_denials_and_past_actions_go_up(text: str) -> None:
    assert mood_shift(text) > 0


def test_prediction_with_a_concrete_fact_is_lowered_less() -> None:
    assert mood_shift("The plant will close") < mood_shift("The 1998 plant will close in March")


def test_long_text_without_full_stops_is_fast() -> None:
    text = "the greatest " + "word " * 400_000
    mood_shift(text)  # bounded patterns: returns at once instead of scanning per match


@pytest.mark.parametrize(
    "text",
    [
        "Rabies is rare in Europe, but can be fatal.",
        "The spores can survive in dry soil for decades.",
        "Smoking may increase the risk of stroke.",
        "The virus can be transmitted through contaminated water.",
        "Lead paint can cause brain damage in young children.",
        "Some patients may not develop antibodies at all.",
        "If the wound is deep, bacteria may be trapped inside it.",
        "Severe cases would normally require a stay in intensive care, and they can be fatal.",
        "Infected people can pass on the virus as soon as two days after infection.",
    ],
)
def test_general_capability_and_risk_with_can_or_may_is_a_generic_modal(text: str) -> None:
    assert is_generic_modal(text)
    assert mood_shift(text) >= 0  # a general fact is not lowered as a prediction


@pytest.mark.parametrize(
    "text",
    [
        "We can build a new hospital in every county.",  # a plan, first person
        "You can protect yourself by washing your hands.",  # advice
        "If we cut taxes, the economy could boom.",  # a hypothetical
        "The ministry may announce a decision next week.",  # a forecast
        "The plan may be approved in June.",  # a dated event: a guess
        "Cases may soon rise in the south.",
        "Our vision is a country where every child can dream.",  # a vision
        "Can masks stop the virus?",  # a question
        "The full report can be found here.",  # a pointer
        "The outbreak may have started in a market.",  # a guess about one past event
        "Employers may choose to keep paying their staff.",  # a permission
        "It is possible that cases may rise over the winter.",  # an open hedge
        "Schools may have to close again.",  # a need
        "People who may be infected should stay at home.",  # advice
        "The company will expand, and it can hire more staff.",  # the future
        "In May the agency counted 40 cases.",  # the month, no modal
        "The bridge is 40 metres long.",  # no modal at all
    ],
)
def test_plans_forecasts_hypotheticals_and_advice_are_not_generic_modals(text: str) -> None:
    assert not is_generic_modal(text)


def test_a_possibility_about_a_time_ahead_is_lowered_as_a_forecast() -> None:
    forecast = "The ministry may announce a decision next week"
    assert mood_shift(forecast) == mood_shift("The ministry plans to announce a decision") < 0
    assert mood_shift(forecast) < mood_shift("The ministry might announce a decision")
    assert mood_shift("Infected people can pass it on as soon as two days after infection") == 0


def test_a_general_risk_fact_is_shown_while_plans_and_forecasts_are_not() -> None:
    # Issue 11: "It is rare in the UK, but can be fatal" scored 0.15 (the cascade's
    # linear first pass kept it from the transformer); made-up sentences of both kinds.
    from factcheck.claims.splitter import split_claims

    def scores(text: str) -> list[float]:
        return [claim.score for claim in split_claims(text)]  # a claim, or several

    assert min(scores("Rabies is rare in Europe, but can be fatal.")) >= 0.5
    assert max(scores("The ministry may announce a decision next week.")) < 0.5
    assert max(scores("We can build a new hospital in every county.")) < 0.5
    assert max(scores("Our vision is a country where every child can dream.")) < 0.5


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Is this the end of cheap energy?", ["question"]),
        ("The board is expected to announce a decision next week", ["prediction"]),
        ("The board is expected to cut 300 jobs", ["prediction with a fact"]),
        ("We must act now, Xi urged", ["reported", "opinion"]),
        ("He denied receiving the payment", ["denial"]),
        ("Exports rose in the quarter", ["past action"]),
        ("The sky is blue", []),
    ],
)
def test_mood_rules_name_the_rules_whose_shifts_mood_shift_adds(
    text: str, names: list[str]
) -> None:
    rules = mood_rules(text)
    assert [name for name, _ in rules] == names
    assert mood_shift(text) == MOOD_SCALE * sum(shift for _, shift in rules)


@pytest.mark.parametrize(
    "text",
    [
        "Gargle salt water twice a day to kill the virus in the throat",
        "Please share this message with your family",
        "Avoid cold drinks and keep your throat warm",
        "(Click here for the full list of ratings)",
    ],
)
def test_an_instruction_is_lowered(text: str) -> None:
    assert is_imperative(text)
    assert ("imperative", IMPERATIVE_DOWN) in mood_rules(text)
    assert mood_shift(text) < 0


@pytest.mark.parametrize(
    "text",
    [
        "Help is on the way for the flooded towns",
        "Use of masks fell sharply after the summer",
        "Watch sales were up last quarter",
        "Check Your Fact found no record of the speech",
        "Drinking warm water cures the infection",
        "“Stay at home,” the mayor told residents",
        "The council said residents should stay at home",
        "use a spray to contain the infection",
    ],
)
def test_a_statement_opening_like_an_instruction_is_not_one(text: str) -> None:
    assert not is_imperative(text)
    assert all(name != "imperative" for name, _ in mood_rules(text))


def test_an_instruction_holding_a_figure_is_not_lowered() -> None:
    text = "Take the ministry's own report, which counts 4,000 deaths in March"
    assert is_imperative(text)
    assert all(name != "imperative" for name, _ in mood_rules(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("And vaccine passports don’t exist there", "negated existence"),
        ("The trip released none", "negated existence"),
        ("There is no record of the meeting in the council minutes", "negated existence"),
        ("However, the photo is doctored", "image verdict"),
        ("The video has been misleadingly edited", "image verdict"),
        (
            "Dr Jane Okafor is Kenya’s minister of health and sanitation",
            "identity",
        ),
        ("Tetanus is an infection caused by a bacterium", "identity"),
        ("Other studies suggest onions may even help prevent some cancers", "study finding"),
        ("A 2019 review of trials concluded that garlic lowers blood pressure", "study finding"),
    ],
)
def test_a_plain_fact_no_other_rule_reads_goes_up(text: str, name: str) -> None:
    assert mood_rules(text) == [(name, PLAIN_FACT_UP)]


@pytest.mark.parametrize(
    "text",
    [
        "The claim is false",
        "We rate the meme False",
        "Below is a comparison of the photo in the post and the original",
        "This is a screenshot of the post",
        "He is a very good man",
        "And has a CDC analysis found that masks don’t reduce transmission",
        "The sky is blue",
        "The post is misleading",
        "There is no way to make gatherings fully safe",
        "There is no doubt that the mayor loves this city",
    ],
)
def test_a_rating_a_pointer_a_question_or_a_pronoun_subject_is_no_plain_fact(text: str) -> None:
    names = [name for name, _ in mood_rules(text)]
    assert all(
        name not in {"negated existence", "image verdict", "identity", "study finding"}
        for name in names
    )


def test_a_plain_fact_form_inside_another_mood_is_not_raised_again() -> None:
    # Another rule reads these: a hedge, a prediction, reported speech.
    assert mood_rules("The page could have been moved or it never existed") == [
        ("hedge", HEDGED_DOWN)
    ]
    assert [n for n, _ in mood_rules("The study will show that there is no link")] == ["prediction"]
    assert [n for n, _ in mood_rules("Ms Diaz said there is no evidence of fraud")] == ["reported"]


@pytest.mark.parametrize(
    "text", ["The expedition released none.", "However, the photo is doctored."]
)
def test_the_plain_fact_rule_raises_a_plain_fact_and_shows_it(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 11's class 6: "The trip released none" scored 0.16 in long6 and "the photo
    # is doctored" 0.27 in long5 (when the cascade's debate floor kept them from the
    # transformer); made-up sentences of the same forms.
    from factcheck.claims import mood
    from factcheck.claims.splitter import split_claims

    raised = [claim.score for claim in split_claims(text)]
    assert min(raised) >= 0.5
    monkeypatch.setattr(mood, "PLAIN_FACT_UP", 0.0)
    plain = [claim.score for claim in split_claims(text)]
    assert all(r > p for r, p in zip(raised, plain, strict=True))


def _names(text: str) -> set[str]:
    return {name for name, _ in mood_rules(text)}


_LOWERING = {"hedge", "hedge with a fact", "prediction", "prediction with a fact", "opinion"}


@pytest.mark.parametrize(
    "text",
    [
        # a negated meaning, possibility or guarantee: the that-clause is what is denied
        "But this doesn’t mean that the immune system would attack the protein",
        "Nor is it biologically plausible that applying ginger to the skin would be effective",
        "When lawmakers voted, there was no guarantee that towns would fund the police",
        # a finding, or an idea under examination
        "The researchers concluded that a three-pronged approach would be most effective",
        "The idea that mixing onions with sugar will prevent colds is not supported by science",
        # a fronted concession: the main clause is what the statement asserts
        "While the agency reportedly will provide rooms, the hotel denies it",
        # the writer's aside: its "should" is no opinion
        "It should be pointed out, however, that the bill offers supplements to the police",
    ],
)
def test_a_modal_that_is_not_the_statements_own_does_not_lower_it(text: str) -> None:
    assert not _names(text) & _LOWERING
    assert mood_shift(text) >= 0


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # the modal in the main clause, before or without a clause that excuses it
        ("This means that prices will rise", "prediction"),
        ("It is possible that the virus could spread further", "hedge"),
        ("The interpretation could easily be that there is no difference", "hedge"),
        ("Analysts expect that the economy will shrink", "prediction"),
        # a relative clause: the noun is not one whose clause is a finding
        ("The claim ignores critical facts that would give a different impression", "hedge"),
        # a condition, not a concession: its main clause is the hypothetical
        ("Even if vaccines held metal, a dose could not cause a magnetic reaction", "hedge"),
        # a concession without a comma ends nowhere: the modal is still read
        ("while sheltering in place kids are going to be craving interactions", "prediction"),
        # a concession's main clause keeps its own modal
        ("While the bill cuts taxes, it will raise spending", "prediction"),
        # an opinion that is no aside
        ("It should be banned, and the finding shows that", "opinion"),
        # what the data demonstrate is a finding, but "should" inside it stays an opinion
        ("The data demonstrate that distancing should not be relaxed", "opinion"),
    ],
)
def test_a_modal_of_the_statements_own_still_lowers_it(text: str, rule: str) -> None:
    assert rule in _names(text)
    assert mood_shift(text) < 0
