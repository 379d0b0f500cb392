"""Mood of a statement, as a shift of its check-worthiness: a lexicon of rule features.

A sentence scorer learns what check-worthy sentences look like; it does not know that
"is expected to announce a decision next week" cannot be checked yet while "He denied
receiving the payment" can. These rules move a statement's score (in logit units) after
the sentence score, and only by mood:

- down: predictions and plans ("will", "is expected to", "plans to", "stands to",
  "may ... next week"), promises, hypotheticals ("if", "could", "would"), questions,
  opinion ("I think", "we must"), rhetorical superlatives with no measure ("the
  greatest city on earth") and instructions (an imperative: "Drink warm water or use
  a throat spray", "Share this post"), which tell the reader what to do and state
  nothing;
- up: reported speech and reported actions ("Xi urged ...", "... according to Chinese
  state media", "was quoted as saying"), denials ("denied", "called the report a
  fabrication") and plain past-tense actions ("We closed the border crossing");
- up, when no other rule reads the statement: four plain forms a fact-checker checks,
  which the sentence scorer often leaves low (issue 11's class 6): a negated existence
  ("vaccine passports don't exist there", "The trip released none"), a verdict on an
  image ("the photo is doctored"), a named subject's identity ("Dr X is South Africa's
  minister of ...") and a study's finding ("Other studies suggest onions may ...").

What someone said is checkable even when what they said is a plan: a modal after a
reporting verb ("Xi assured him that Beijing would ...") is not a prediction of ours.
Nor is a modal in another clause the statement only examines: the that-clause of a
finding or of a negated meaning ("this doesn't mean that the immune system would
attack ...", "nor is it plausible that ... would be effective"), a fronted concession
("While ginger may ..., experts say ..."), the writer's aside ("It should be pointed
out that ..."): a debunking is a plain finding, not a hedge (`_own`).

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

__all__ = ["is_generic_modal", "is_imperative", "mood_rules", "mood_shift"]


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
IMPERATIVE_DOWN = -1.5
"""An instruction: a bare verb first, no subject ("Drink warm water ..."). The claim a
fact-checker would check in advice ("warm water kills the virus") is rarely written in
it, and annotators do not mark the instruction itself. One holding a figure, a date or
a number ("Take Europe, where 60 per cent of ...") is not lowered: that can be checked."""
REPORTED_UP = 1.4
"""Reported speech or action with a named speaker ("Xi urged", "according to CCTV")."""
REPORTED_BY_PRONOUN_UP = 0.5
"""The same by "he" / "she" / "they": checkable, but less often the story's claim."""
DENIAL_UP = 1.4
PAST_ACTION_UP = 0.6
PLAIN_FACT_UP = 2.0
"""A plain statement of fact that no other rule reads, in one of the `_PLAIN_FACTS`
forms. On the readable news sets 35 of the 36 statements it raises overlap an annotated
claim (the other, a question in reported form, is shown already at 0.99); most score
high without it, and the few the sentence scorer leaves low sit at 0.07-0.36, hence a
large shift: 2.0 is the smallest that shows the six annotated ones at 0.16-0.36 (one at
0.07 stays under), and from 1.0 to 3.0 it shows nothing on those sets that is not a
claim (bench/RESULTS.md, session 31, plain11)."""

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
_NEGATION = r"(?:not|no|nor|never|neither|nothing|[a-z]+n['’]t)"
_FOUND = (
    r"(?:found|finds?|show(?:s|ed|n)?|conclude[sd]?|determined?|established?|prove[sdn]?|"
    r"demonstrate[sd]?|evidence|proof|idea|notion|myth|belief|rumou?r|theory)"
)
"""Words whose that-clause is a finding or a belief under examination, not our own
forecast: "a report found that there would have been ...", "the idea that onions will
prevent colds (is not supported)"."""
_DENIED = r"(?:mean|means|meant|guarantee[sd]?|plausible|possible|true|the\s+case)"
"""Words whose that-clause is a possibility only under a negation: "this doesn't mean
that the immune system would attack ...", "nor is it plausible that ... would be
effective", "there was no guarantee that localities would ...". Without one ("this
means that prices will rise", "it is possible that it could") the clause stays ours."""
_COMPLEMENT = re.compile(
    r"\b(?:" + _FOUND + r"|" + _NEGATION + r"\b(?:\s+[\w’'-]+){0,4}?\s+" + _DENIED + r")"
    r"\s+(?:that|whether)\b[^;–—]*",
    re.IGNORECASE,
)
"""A that/whether clause a modal inside of is not the statement's own: the clause of a
finding, or of a negated meaning, guarantee or possibility, to the next semicolon or
dash. Not a relative clause ("facts that would give a different impression": a noun
not named here) and not a reporting verb's (`_REPORTING` has its own rule)."""
_CONCESSION = re.compile(
    r"^\W*(?:While|Whilst|Although|Though|Even\s+though)\b[^,;–—]*[,;–—]", re.IGNORECASE
)
"""A fronted concession up to its comma: "While ginger may have beneficial properties,
...", "While ICE reportedly will provide access to ...,"; the main clause after it is
what the statement asserts. Not "Even if" (a condition, whose main clause is the
hypothetical), and not without a comma, where the concession's end is unknown."""
_FRAMING = re.compile(
    r"\b(?:should|must)\s+(?:also\s+)?be\s+(?:\w+ly\s+)?(?:noted|pointed\s+out|stressed|"
    r"emphasi[sz]ed|remembered|mentioned|recalled|underlined|highlighted|clarified)\b",
    re.IGNORECASE,
)
"""The writer's aside before a statement ("It should be pointed out, however, that the
bill would offer ...", "it must be noted that ..."): its modal tells the reader what to
notice, it is no opinion of what ought to be."""


def _scopes(statement: str) -> list[tuple[int, int]]:
    """Where in `statement` a hedge or a prediction is not the statement's own: a
    that/whether clause (`_COMPLEMENT`) and a fronted concession (`_CONCESSION`)."""
    scopes = [m.span() for m in _COMPLEMENT.finditer(statement)]
    concession = _CONCESSION.match(statement)
    if concession is not None:
        scopes.append(concession.span())
    return scopes


def _own(
    statement: str,
    found: re.Match[str] | None,
    rule: re.Pattern[str],
    scopes: re.Pattern[str] | None = None,
) -> re.Match[str] | None:
    """The first match of `rule` in `statement` outside the spans of `scopes` (by
    default `_scopes`), `found` being its first match anywhere: the scopes are only
    looked for when the rule matched."""
    if found is None:
        return None
    spans = _scopes(statement) if scopes is None else [m.span() for m in scopes.finditer(statement)]
    for match in rule.finditer(statement):
        if not any(start <= match.start() < end for start, end in spans):
            return match
    return None


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
_IMPERATIVE_VERBS = words_of(
    "add apply avoid beware boil breathe bring buy call check chew click consult contact "
    "cover don't don’t drink eat follow forward gargle get give go help inhale keep "
    "leave let look make mix note please put read remember rinse rub see send share soak "
    "spray stay stop subscribe take tell try turn use visit wait wash watch wear"
)
"""Base forms that open instructions (health advice, calls to share or click). A list,
not a tagger: a word here opens an imperative only when what follows it is no verb
(`is_imperative`), so "Help is on the way" and "Use of masks rose" are statements."""
_NOT_AFTER_IMPERATIVE = words_of(
    "is are was were has have had will would can could may might should must 's ’s of"
)
"""A word that, second or third, makes the first a noun in a subject ("Help is on the
way", "Watch sales were up", "Use of masks ...")."""
_FIRST_WORDS = re.compile(r"[\s(\[]*([A-Z][\w’']*)\s+([\w’']+)(?:\s+([\w’']+))?")
"""The first three words, after spaces and an opening bracket but not after a quotation
mark: a quoted instruction ("“Don’t go out without your magnet,” says a post") is
reported speech, and the post saying it is the claim."""


def is_imperative(statement: str) -> bool:
    """Whether `statement` is an instruction: it opens, capitalised, with the base form
    of a verb of advice or action and goes on with an object or a modifier ("Drink warm
    water ...", "Please share"). Not when a verb or "of" follows ("Help is on the way",
    "Use of masks ..."), nor a capitalised word (a name: "Check Your Fact found ..."),
    nor a statement that starts in lowercase (cut after "and", its verb first)."""
    first = _FIRST_WORDS.match(statement)
    if first is None or first.group(1).lower() not in _IMPERATIVE_VERBS:
        return False
    if first.group(2)[0].isupper():
        return False
    following = {word.lower() for word in first.groups()[1:] if word}
    return following.isdisjoint(_NOT_AFTER_IMPERATIVE)


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

_NEGATED_EXISTENCE = re.compile(
    r"\b(?:do(?:es)?n['’]t|do(?:es)?\s+not|did(?:n['’]t|\s+not)|never)\s+(?:\w+ly\s+)?"
    r"exist(?:ed)?\b|"
    r"\b(?:released|found|contains?|contained|has|had|showed|shows|recorded|reported)\s+none\b|"
    r"\bthere\s+(?:is|are|was|were|has\s+been|have\s+been)\s+no\b"
    r"(?!\s+(?:way|words|doubt|question)\b)",
    re.IGNORECASE,
)
"""That something does not exist or did not happen ("vaccine passports don't exist
there", "The trip released none", "there is no evidence that ..."). Not the idioms
"there is no way to ...", "no words to describe", "no doubt", "no question": emphasis
or advice ("there is no way to make gatherings fully safe"), not an absence."""
_IMAGE_VERDICT = re.compile(
    r"\b(?:photo|photograph|image|picture|video|footage|clip|screenshot)s?\b[^.;]{0,30}?"
    r"\b(?:is|was|are|were|has\s+been|have\s+been)\s+(?:not\s+|also\s+)?(?:\w+ly\s+)?"
    r"(?:doctored|altered|edited|manipulated|fake|fabricated|genuine|authentic|photoshopped|"
    r"real|a\s+fake|a\s+composite|old)\b",
    re.IGNORECASE,
)
"""What an image or a video is ("the photo is doctored", "The video has been
misleadingly edited", "That photograph was genuine"). Not a verdict on a claim or a
post ("the claim is false", "We rate the meme False"): those are the fact-checker's
rating, which annotators do not mark."""
_IDENTITY = re.compile(
    r"(?:(?:But|And|However|Meanwhile),?\s+)?(?:(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?\s+)?"
    r"(?!(?:This|That|These|Those|It|There|Here|Below|Above|Pictured|What|Which|Who|He|She|"
    r"They|We|I|You|The|A|An|Nor|Neither)\b)"
    r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'.-]+\s+(?:is|was)\s+"
    r"(?:also\s+|currently\s+|now\s+|still\s+)?"
    r"(?:the|a|an|(?:[A-Z][\w.-]+\s+)?[A-Z][\w.-]+(?:’s|'s))\s"
)
"""A named subject and what it is ("Dr Nkosazana Dlamini-Zuma is South Africa's
minister of ...", "Tetanus is an infection caused by ...", "Nafdac is Nigeria's
National Agency for ..."), from the statement's start: capitalised words, not a
pronoun, a determiner or a page pointer ("Below is a comparison of the photos")."""
_STUDY_FINDING = re.compile(
    r"\b(?:study|studies|research|review|trial|trials|findings|data|analysis|survey|paper|"
    r"papers)\b[^.;]{0,60}?\b(?:suggest(?:s|ed)?|show(?:s|ed)?|found|finds?|"
    r"conclude(?:s|d)?|indicate(?:s|d)?)\b",
    re.IGNORECASE,
)
"""What a study or data found ("Other studies suggest onions may even help prevent
some types of cancer", "The findings suggested that ..."): reported speech whose
speaker is a piece of research."""
_QUESTION_ORDER = re.compile(
    r"(?:(?:And|But|So|Or)\s+)?(?:has|have|had|did|does|do|is|are|was|were)\b", re.IGNORECASE
)
"""An auxiliary first: a question in its word order, whatever its last mark ("And has a
CDC analysis found that masks don't reduce transmission")."""
_PLAIN_FACTS = (
    ("negated existence", _NEGATED_EXISTENCE, words_of("exist existed none no")),
    (
        "image verdict",
        _IMAGE_VERDICT,
        words_of(
            "photo photos photograph photographs image images picture pictures video "
            "videos footage clip clips screenshot screenshots"
        ),
    ),
    ("identity", _IDENTITY, words_of("is was")),
    (
        "study finding",
        _STUDY_FINDING,
        words_of(
            "study studies research review trial trials findings data analysis survey paper papers"
        ),
    ),
)
"""Each form with the words without which it cannot match (as the gates below)."""


def _plain_fact(statement: str, words: set[str]) -> str | None:
    """The name of the first `_PLAIN_FACTS` form `statement` (its lowercased `words`)
    takes, or None. `_IDENTITY` reads from the start, the others anywhere; a statement
    in question order takes none."""
    if _QUESTION_ORDER.match(statement):
        return None
    for name, form, gate in _PLAIN_FACTS:
        if words.isdisjoint(gate):
            continue
        found = form.match(statement) if form is _IDENTITY else form.search(statement)
        if found is not None:
            return name
    return None


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
    reported speech, denials, past actions and the plain facts no other rule reads."""
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
        prediction = _own(statement, _PREDICTION.search(statement), _PREDICTION) or _own(
            statement, _MODAL_FUTURE.search(statement), _MODAL_FUTURE
        )
        hedged = prediction is None
        if hedged:
            prediction = _own(statement, _HEDGED.search(statement), _HEDGED)
        if prediction is not None and (reporting is None or prediction.start() < reporting.start()):
            name = "hedge" if hedged else "prediction"
            if _CONCRETE.search(statement) is not None:
                rules.append((f"{name} with a fact", PREDICTION_WITH_FACT_DOWN))
            elif hedged:
                rules.append((name, HEDGED_DOWN))
            else:
                rules.append((name, PREDICTION_DOWN))
    if not words.isdisjoint(_OPINION_GATE):
        opinion = _own(statement, _OPINION.search(statement), _OPINION, _FRAMING)
        if opinion is not None and (reporting is None or opinion.start() < reporting.start()):
            rules.append(("opinion", OPINION_DOWN))
    if _is_question(statement):
        rules.append(("question", QUESTION_DOWN))
    if is_imperative(statement) and _CONCRETE.search(statement) is None:
        rules.append(("imperative", IMPERATIVE_DOWN))
    if (
        not words.isdisjoint(_RHETORIC_GATE)
        and _RHETORIC.search(statement)
        and not re.search(r"\d", statement)
    ):
        rules.append(("rhetoric", RHETORIC_DOWN))
    if not rules:
        plain = _plain_fact(statement, words)
        if plain is not None:
            rules.append((plain, PLAIN_FACT_UP))
    return rules
