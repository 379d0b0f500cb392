"""Mood of a statement, as a shift of its check-worthiness: a lexicon of rule features.

A sentence scorer learns what check-worthy sentences look like; it does not know that
"is expected to announce a decision next week" cannot be checked yet while "He denied
receiving the payment" can. These rules move a statement's score (in logit units) after
the sentence score, and only by mood:

- down: predictions and plans ("will", "is expected to", "plans to", "stands to",
  "may ... next week"), promises, hypotheticals ("if", "could", "would"), questions,
  opinion ("I think", "we must") and rhetorical superlatives with no measure ("the
  greatest city on earth");
- up: reported speech and reported actions ("Xi urged ...", "... according to Chinese
  state media", "was quoted as saying"), denials ("denied", "called the report a
  fabrication") and plain past-tense actions ("We closed the border crossing").

What someone said is checkable even when what they said is a plan: a modal after a
reporting verb ("Xi assured him that Beijing would ...") is not a prediction of ours.

"Can" and "may" in the general present are not predictions either: "tetanus can be
fatal", "the spores can survive for a very long time", "smoking may increase the risk
of stroke" state what something is able or liable to do, checkable now. The cascade's
linear first pass scores such sentences as if they were debate promises ("we can do
better"), so they rarely reach the transformer; `is_generic_modal` names the class and
the cascade lets them through (`checkworthiness.scoring`). Nothing here moves their
score.

A prediction that carries a concrete fact (a figure, a date, a ranking) is lowered less:
the fact inside it can still be checked. The learned scorer stays orthogonal: this
module is the only place these rules live. Pure; no I/O.
"""

from __future__ import annotations

import re

from factcheck.text.lexicon import HEDGES, MONTHS, WEEKDAYS, words_of
from factcheck.text.words import WORD

__all__ = ["is_generic_modal", "mood_rules", "mood_shift"]


MOOD_SCALE = 1.0
"""Multiplies every shift below: 0 scores a statement by its sentence alone. Re-tune
it when the sentence scorer changes (bench/RESULTS.md, "Mood rules", has the trade-off
measured with the linear model)."""
PREDICTION_DOWN = -1.6
"""A forward-looking or hypothetical statement with no concrete fact in it."""
PREDICTION_WITH_FACT_DOWN = -0.1
HEDGED_DOWN = -0.8
"""Would / could / might with no plan word: hypothetical or hedged."""
"""The same holding a figure, a date or a ranking: that part can still be checked."""
OPINION_DOWN = -1.2
QUESTION_DOWN = -1.5
RHETORIC_DOWN = -1.5
REPORTED_UP = 1.4
"""Reported speech or action with a named speaker ("Xi urged", "according to CCTV")."""
REPORTED_BY_PRONOUN_UP = 0.5
"""The same by "he" / "she" / "they": checkable, but less often the story's claim."""
DENIAL_UP = 1.4
PAST_ACTION_UP = 0.6

_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|urged|urges|assured|assures|stated|announced|insisted|"
    r"argued|warned|admitted|promised|added|noted|reported|confirmed|claimed|accused|"
    r"quoted\s+as\s+saying|according\s+to|pledged|vowed|called\s+on|asked|demanded|"
    r"acknowledged|conceded|revealed|disclosed|testified|wrote|tweeted|posted)\b",
    re.IGNORECASE,
)
_BY_PRONOUN = re.compile(
    r"\b(?:he|she|they|we|I|it)\s+(?:\w+ly\s+)?(?:said|says|told|added|noted|insisted)\b",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|"
    r"disputed|disputes|rebuffed|refused|refuses|called\s+(?:\S+\s+){1,4}"
    r"(?:a\s+)?(?:fabrication|lie|hoax|fake|false|baseless|untrue))\b",
    re.IGNORECASE,
)
_PREDICTION = re.compile(
    r"\b(?:will|won['’]t|shall|going\s+to|gonna|"
    r"(?:is|are|was|were)\s+(?:expected|set|due|likely|unlikely|poised|slated|scheduled)"
    r"\s+to|(?:plans?|planned|planning|aims?|intends?|hopes?|wants?|seeks?|vows?|"
    r"pledges?|promises?|stands?|expects?)\s+to|imagine|envision)\b",
    re.IGNORECASE,
)
"""The future and plans: what cannot be checked yet."""
_CALENDAR_NAMES = [*WEEKDAYS, *(month for month in MONTHS if month != "may")]
"""Day and month names that date a statement ("may" is the modal far more often)."""
_HABITUAL = r"(?!\s+(?:normally|usually|typically|generally|often)\b)"
"""Not before a frequency adverb: "would normally require admission to hospital" says
what happens as a rule (habitual "would"), not what might."""
_FUTURE_TIME = (
    r"tomorrow|(?<!as\s)soon|next\s+(?:week|month|year|decade|season|term|spring|summer|autumn|"
    r"fall|winter)|(?:coming|next\s+few)\s+(?:days|weeks|months|years)|in\s+the\s+future|"
    r"by\s+(?:the\s+end\s+of|20\d\d)|one\s+day|someday|(?:this|later\s+this)\s+"
    r"(?:week|month|year|spring|summer|autumn|fall|winter)"
)
"""Times ahead of the statement (a regex alternation; "as soon as 2 days after
infection" is a duration, not a time ahead)."""
_MODAL_FUTURE = re.compile(
    r"\b(?:may|might|could|can)\b[^.;:!?]{0,80}?\b(?:" + _FUTURE_TIME + r")\b", re.IGNORECASE
)
"""A modal of possibility about a time ahead ("the ministry may announce a decision next
week"): a forecast, lowered as one, not merely hedged."""
_GENERIC_MODAL = re.compile(r"\b(?:can(?:not)?|can['’]t|may)\b")
""""Can" / "may" as modals. Cased: "May" is the month far more often than a modal that
opens a sentence ("May I ask ..." is a question anyway)."""
_NOT_GENERIC = re.compile(
    r"\b(?:I|we|you)\s+(?:\w+ly\s+)?(?:can(?:not)?|can['’]t|may)\b|"
    r"\bif\s+(?:I|we|you)\b|"
    r"\b(?:would|could|might)\b" + _HABITUAL + "|"
    r"\b(?:" + _FUTURE_TIME + "|" + "|".join(_CALENDAR_NAMES) + r")\b|"
    r"\b(?:in|into|since|until|till|from|through|early|late|mid-?)\s*may\b|"
    r"\b(?:country|world|nation|society|future|place)\s+where\b|"
    r"\bcan\s+be\s+(?:found|seen|viewed|read|accessed|downloaded|watched|heard)\b|"
    r"\b(?:can(?:not)?|can['’]t|may)\s+(?:not\s+)?have\s+\w+(?:ed|en|t)\b|"
    r"\b(?:can|may)\s+(?:\w+ly\s+|of\s+course\s+)?(?:choose|decide|determine|opt|"
    r"consult|consider|request|apply|ask|contact|call|visit)\b|"
    r"\bmay\s+(?:\w+ly\s+)?have\s+to\b|"
    r"\b(?:possible|possibly|perhaps|maybe|necessary|vital|essential|advisable|"
    r"important\s+(?:to|that))\b",
    re.IGNORECASE,
)
"""What makes a "can" / "may" sentence a plan, advice, a hypothesis, a forecast or a
vision rather than a general fact: a first- or second-person subject ("we can build",
"you can protect yourself"), a condition on one ("if we ..."), a hedge ("could",
"would", "might"; not the habitual "would normally"), a time ("next year", "in June",
"in may": a general fact holds at no date, and "may" of a dated event is a forecast or
a guess), a vision ("a country where every child can dream"), a pointer ("can be
found here"), the perfect ("may have been premature": a guess about one past event,
not a general property), a permission ("administrators can consult ...", "employers
may choose to ...": advice), an open hedge ("it is possible that", "perhaps") or a
judgement of need ("may be necessary", "may have to", "it is vital to"). Opinion ("should", "must")
and the future and plans (`_PREDICTION`) rule it out too."""
_HEDGED = re.compile(r"\b(?:" + "|".join(sorted(HEDGES)) + r")\b" + _HABITUAL, re.IGNORECASE)
"""A conditional or hedged statement ("... would bring more benefits"): weaker than a
plan, and common inside checkable sentences, so it moves the score less. The habitual
"would normally" is not one."""
_OPINION = re.compile(
    r"\b(?:I|we)\s+(?:think|believe|feel|hope|must|should|need\s+to)\b|"
    r"\b(?:should|must|ought\s+to)\b",
    re.IGNORECASE,
)
_RHETORIC = re.compile(
    r"\b(?:greatest|best|finest|most\s+beautiful|most\s+amazing|worst)\b[^.]{0,80}?"
    r"\b(?:on\s+earth|in\s+the\s+world|ever|in\s+history|of\s+all\s+time)\b",
    re.IGNORECASE,
)
_CONCRETE = re.compile(
    r"\d|\b(?:first|second|third|fourth|fifth|last\s+(?:week|month|year)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|"
    r"million|billion)s?\b|\w+-(?:largest|biggest|highest|lowest|smallest)|"
    r"(?:" + "|".join(_CALENDAR_NAMES) + "))",
    re.IGNORECASE,
)
_PAST_ACTION = re.compile(
    r"\b(?:I|we|he|she|they|it|[A-Z][\w’'-]+)\s+(?:\w+ly\s+)?"
    r"(?:[a-z]{3,}ed|closed|built|made|took|gave|sold|bought|paid|won|lost|cut|raised|"
    r"signed|met|spent|sent|left|held|began|ran|fell|rose|grew|became|led|set|put)\b"
)


# Words without which a rule cannot match: a set test on the statement's words decides
# whether its regex runs at all (most statements trigger one or two rules of seven).
_REPORTING_GATE = words_of(
    "said says told tells urged urges assured assures stated announced insisted "
    "argued warned admitted promised added noted reported confirmed claimed accused "
    "quoted according pledged vowed called asked demanded acknowledged conceded "
    "revealed disclosed testified wrote tweeted posted"
)
_DENIAL_GATE = words_of(
    "denied denies deny rejected rejects dismissed dismisses refuted refutes disputed "
    "disputes rebuffed refused refuses called"
)
_PREDICTION_GATE = words_of(
    "will won't won’t shall would could might going gonna expected set due likely "
    "unlikely poised slated scheduled may can plan plans planned planning aim aims intend "
    "intends hope hopes want wants seek seeks vow vows pledge pledges promise "
    "promises stand stands expect expects if unless imagine envision"
)
_OPINION_GATE = words_of("think believe feel hope must should need ought")
_RHETORIC_GATE = words_of("greatest best finest most worst")


def _is_question(text: str) -> bool:
    """Whether `text` ends in a question mark (closing quotes and spaces aside)."""
    return text.rstrip("”\"’' ").endswith("?")


def is_generic_modal(sentence: str) -> bool:
    """Whether `sentence` states a general capability, risk or property with "can" or
    "may" in the present ("tetanus can be fatal", "smoking may increase the risk of
    stroke"): a checkable fact, not a plan, forecast, hypothesis or piece of advice.

    Deliberately narrow: the predictions, plans and questions `mood_shift` lowers are
    never in it, so letting the class through to the transformer cannot raise them."""
    if _GENERIC_MODAL.search(sentence) is None:
        return False
    if _is_question(sentence):
        return False
    return not any(
        rule.search(sentence) is not None for rule in (_PREDICTION, _OPINION, _NOT_GENERIC)
    )


def mood_shift(statement: str) -> float:
    """Logit shift for `statement` (a claim span): negative for statements that cannot
    be checked as facts (predictions, opinion, questions, rhetoric), positive for
    reported speech, denials and past actions."""
    return MOOD_SCALE * sum(shift for _, shift in mood_rules(statement))


def mood_rules(statement: str) -> list[tuple[str, float]]:
    """The rules that move `statement`'s score, each with its shift before `MOOD_SCALE`,
    in the order `mood_shift` adds them: why a statement was lowered or raised can be
    shown (bench/lost_news_claims.py) without a second copy of the rules."""
    words = set(WORD.findall(statement.lower()))
    rules: list[tuple[str, float]] = []
    reporting = _REPORTING.search(statement) if not words.isdisjoint(_REPORTING_GATE) else None
    if not words.isdisjoint(_DENIAL_GATE) and _DENIAL.search(statement):
        rules.append(("denial", DENIAL_UP))
    elif reporting is not None:
        if _BY_PRONOUN.search(statement):
            rules.append(("reported by pronoun", REPORTED_BY_PRONOUN_UP))
        else:
            rules.append(("reported", REPORTED_UP))
    elif _PAST_ACTION.search(statement):
        rules.append(("past action", PAST_ACTION_UP))
    if not words.isdisjoint(_PREDICTION_GATE):
        prediction = _PREDICTION.search(statement) or _MODAL_FUTURE.search(statement)
        hedged = prediction is None
        if hedged:
            prediction = _HEDGED.search(statement)
        if prediction is not None and (reporting is None or prediction.start() < reporting.start()):
            name = "hedge" if hedged else "prediction"
            if _CONCRETE.search(statement) is not None:
                rules.append((f"{name} with a fact", PREDICTION_WITH_FACT_DOWN))
            elif hedged:
                rules.append((name, HEDGED_DOWN))
            else:
                rules.append((name, PREDICTION_DOWN))
    if not words.isdisjoint(_OPINION_GATE):
        opinion = _OPINION.search(statement)
        if opinion is not None and (reporting is None or opinion.start() < reporting.start()):
            rules.append(("opinion", OPINION_DOWN))
    if _is_question(statement):
        rules.append(("question", QUESTION_DOWN))
    if (
        not words.isdisjoint(_RHETORIC_GATE)
        and _RHETORIC.search(statement)
        and not re.search(r"\d", statement)
    ):
        rules.append(("rhetoric", RHETORIC_DOWN))
    return rules
