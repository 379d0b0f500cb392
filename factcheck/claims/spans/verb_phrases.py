"""A second verb phrase of the same subject, cut as its own statement.

"The storm killed 15,000 people" / "left hundreds of thousands without homes" (each side
with its own detail), "X is an infection caused by a bacteria" / "affects the muscles"
(after a comma and a conjunction), and the links of a chain of three or more ("raised
sugar prices by 20%, raised taxes ... and nationalized ..."). A passive or participle
that goes on is no new statement. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.left_side import LeftSide
from factcheck.claims.spans.tokens import (
    AUXILIARIES,
    CHAIN_ADVERBS,
    CONJUNCTIONS,
    NUMBER_WORDS,
    OBJECTS,
    PREPOSITIONS,
    REPORTING_VERBS,
    Tokens,
    is_figure,
    is_ly_adverb,
)
from factcheck.text.lexicon import MODALS, words_of

_PARTICIPLE_AUXILIARIES = words_of("is are was were has have had")
"""Auxiliaries that open a second verb phrase of the same subject with a participle:
"... and was later pronounced dead on June 21"."""
DETAIL_REACH = 20
"""Tokens after a conjunction searched for the second verb phrase's own detail."""


def detailed_verb_phrase(tokens: Tokens, left: LeftSide, j: int) -> str | None:
    """ "verb phrase" when the "and" at `j` opens a second verb phrase of the same
    subject and each side carries its own detail: "The storm killed 15,000 people" /
    "left hundreds of thousands without homes", "... Seng, 49, who lost consciousness" /
    "was later pronounced dead on June 21". Not a verb phrase that continues a passive
    or a participle ("voted through the Commons and approved by the Lords"), nor one
    whose left side has no detail after its verb ("He met vaccinated and infected
    Americans")."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    if k >= n or not top[k] or not words[k][:1].islower():
        return None
    if lowers[k] in _PARTICIPLE_AUXILIARIES:
        head = k + 1
        if head < n and lowers[head] in CHAIN_ADVERBS | {"later", "then"}:
            head += 1
        if head >= n or not verbs[head] or lowers[head] in AUXILIARIES:
            return None  # "and is a member": a copula, not a participle
    elif verbs[k] and lowers[k] not in AUXILIARIES and not lowers[k].endswith("ing"):
        head = k
        if not _opens_object(tokens, head + 1):
            # "and approved by the Lords": the passive goes on; "and increased risk",
            # "and associated skills": an adjective in a noun phrase, not a verb
            return None
    else:
        return None
    if left.verb_at < 0 or not left.detail:
        return None  # "He met vaccinated and infected Americans": no detail on the left
    if left.relative:
        # "In the post, which was published on July 6 and shared ...": the verbs are
        # the relative clause's, the main clause is still to come; "those who had the
        # first dose and tested positive": "and" joins inside the relative clause
        return None
    stop = min(n, head + 1 + DETAIL_REACH)
    for i in range(head + 1, stop):
        if top[i] and lowers[i] in (";", "and", ","):
            stop = i  # the detail is the verb phrase's own, not its attribution's
            break
    return "verb phrase" if tokens.has_detail(head + 1, stop) else None


_DO_FORMS = words_of("do does did don't doesn't didn't don’t doesn’t didn’t")
_NEGATIONS = words_of("not n't never")
_VP_ADVERBS = CHAIN_ADVERBS | words_of("later then")


def comma_verb_phrase(tokens: Tokens, k: int) -> str | None:
    """Whether token `k`, after ", and" or ", but", opens a finite verb phrase of the
    subject before the comma: the comma marks the end of the first statement, so the
    second needs no figure or name of its own ("X is an infection caused by a bacteria,
    and affects the muscles", "... among other things, but did not mention Y"). The
    verb must be unmistakably finite: "do" and its negation, a copula, a modal, "has" /
    "was" with a participle, a present "-s" form, or a verb opening its object; a bare
    "-ed" word before a preposition continues a passive ("was passed by the Commons,
    and approved by the Lords"). At least two words follow the verb. "finite verb
    phrase" when an auxiliary, modal or "do" opens it (no modal before the comma can
    govern it), "verb phrase" for a bare verb, None for no verb phrase."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if k >= n or not top[k] or not words[k][:1].islower():
        return None
    while k < n and (lowers[k] in _VP_ADVERBS or is_ly_adverb(lowers[k])):
        k += 1  # "and also made", "and later died", "and purportedly shows"
    if k + 2 >= n or not top[k]:
        return None
    lower = lowers[k]
    head = k
    if lower in _DO_FORMS or lower in MODALS or lower in _PARTICIPLE_AUXILIARIES:
        head = k + 1
        while head < n and lowers[head] in _NEGATIONS | _VP_ADVERBS:
            head += 1
        if head >= n or not words[head][:1].isalpha() or not words[head][:1].islower():
            return None
        if lower in _PARTICIPLE_AUXILIARIES and lower not in COPULAS and not verbs[head]:
            return None  # "and has a ..." is a verb with its object: judged below
    elif lower in AUXILIARIES or lower.endswith("ing") or not _finite_verb(tokens, k):
        return None
    if not (head + 1 < n and top[head + 1] and words[head + 1][:1].isalnum()):
        return None
    return "verb phrase" if head == k else "finite verb phrase"


def _finite_verb(tokens: Tokens, k: int) -> bool:
    """Whether the lowercase word at `k`, first after ", and", is a finite verb of the
    subject before the comma: a known verb or "-ed" form opening its object, a reporting
    verb ("and says ..."), or a present "-s" form (never a participle) before its object
    or a preposition ("and affects the muscles", "and lives in Lyon")."""
    lowers, verbs, n = tokens.lowers, tokens.verbs, tokens.n
    lower = lowers[k]
    if verbs[k] and (_opens_object(tokens, k + 1) or lower in REPORTING_VERBS):
        return True
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is", "ous")) or len(lower) < 4:
        return False
    if lower in OBJECTS or lower in NUMBER_WORDS or not lower.isalpha():
        return False
    return _opens_object(tokens, k + 1) or (k + 1 < n and lowers[k + 1] in PREPOSITIONS)


_CHAIN_REACH = 40
"""Tokens searched, from a comma, for the "and" that closes a chain of verb phrases."""


def chained_verb_phrase(tokens: Tokens, left: LeftSide, j: int) -> bool:
    """Whether the comma at `j` separates verb phrases of one subject in a chain of three
    or more that ends with "and" and a verb phrase: "The government raised sugar prices
    by 20%, raised taxes on U.S. imports and nationalized American-owned banks". Each
    phrase must be a finite verb opening an object, with its own detail (the rule of
    `detailed_verb_phrase`, which cuts at the last "and"), and the left side must have
    its detail after its verb; a comma with no "and" + verb phrase closing the chain
    within reach (an appositive, a participle, ", said ...") is no cut."""
    lowers, top, n = tokens.lowers, tokens.top, tokens.n
    if detailed_verb_phrase(tokens, left, j) is None:
        return False
    chained = LeftSide(verb_at=j + 1, detail=True)
    for i in range(j + 2, min(n - 1, j + _CHAIN_REACH)):
        if not top[i]:
            continue
        lower = lowers[i]
        if lower == ";" or (lower in CONJUNCTIONS and lower != "and"):
            return False
        if lower == "and":
            return detailed_verb_phrase(tokens, chained, i) is not None
        if lower == ",":
            if lowers[i + 1] == "and":
                continue  # the serial comma: "..., and nationalized ..."
            if detailed_verb_phrase(tokens, chained, i) is None:
                return False  # the chain's next link is no verb phrase
    return False


_QUANTIFIERS = words_of("more less fewer nearly almost about around roughly some over")


def _opens_object(tokens: Tokens, k: int) -> bool:
    """Whether token `k` can open the object of a verb before it: a determiner or
    pronoun, a figure or number word, a name, or a quantifier before one ("more than",
    "over 15,000"): "left hundreds of thousands", "shows Castro", "shared more than 70
    times"; not a preposition ("approved by") nor a lowercase noun ("increased risk")."""
    words, lowers, n = tokens.words, tokens.lowers, tokens.n
    if k >= n:
        return False
    lower, word = lowers[k], words[k]
    if lower in OBJECTS or lower in NUMBER_WORDS or is_figure(word):
        return True
    if word[0].isupper() and word[0].isalpha():
        return True
    if lower in _QUANTIFIERS and k + 1 < n:
        return lowers[k + 1] == "than" or is_figure(words[k + 1])
    return False


COPULAS = words_of("is are was were")
