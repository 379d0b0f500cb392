"""A second verb phrase of the main subject opened by "and" and an auxiliary.

After "and" (no comma: `spans.cuts` has its own rule for ", and"), an auxiliary with no
subject before it can only continue a finite verb phrase; the question is whose. Two
cases tie it to the statement's main verb, so that it states a second fact of the main
subject, checkable alone:

- it repeats the auxiliary or modal of the statement's first verb, past whatever lies
  between: "The nests can hold up to 400 birds" / "can potentially last an entire
  century", "Myriad Genetics had discovered the location of two genes which ... when
  they mutated" / "had patented a method ..." (`repeated_auxiliary`);
- a form of "be" or "have" follows a plain clause (no other verb, relative or
  subordinate clause after the first verb that could own it) and opens a phrase with a
  detail of its own, a figure or a name: "The measure passed the House on a 219-212
  vote" / "is pending in the Senate", "who lost consciousness while buying food at a
  restaurant" / "was later pronounced dead at a hospital in Kuala Lumpur on June 21"
  (`plain_clause_auxiliary`). The detail is what a fact-checker checks; "Check Your
  Fact reviewed the overview and materials and did not find any mention of ..." (the
  checker's method and its finding, one claim) has none after "and" and stays whole.

A modal that is not repeated still governs both verbs ("can hold A and last B" stays
one statement, `spans.cuts`' modal rule). Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.left_side import LeftSide
from factcheck.claims.spans.tokens import (
    CHAIN_ADVERBS,
    RELATIVES,
    SUBORDINATORS,
    Tokens,
    is_ly_adverb,
)
from factcheck.text.lexicon import MODALS, words_of

_REPEATABLE = words_of("is are was were has have had do does did") | MODALS
"""Auxiliaries and modals whose repetition after "and" opens a parallel verb phrase."""
_BE_HAVE = words_of("is are was were has have had")
"""Finite forms of "be" and "have" that open a verb phrase after a plain clause."""
_PHRASE_ADVERBS = CHAIN_ADVERBS | words_of("later then")
"""Adverbs between the auxiliary and the word it governs ("and can potentially last",
"and was later pronounced")."""
_CLAUSE_OPENERS = RELATIVES | SUBORDINATORS | words_of("that while whereas although though")
"""Words opening a clause: one before the statement's first verb makes that verb the
clause's ("Patients who had X and had Y recovered"), the main verb still to come; one
after it may own the auxiliary after "and"."""
DETAIL_REACH = 20
"""Tokens after the auxiliary searched for the phrase's own detail."""
STATEMENT_REACH = 60
"""Tokens the statement may hold before "and": the rules look back over it, so the
bound keeps the one pass linear on a long unpunctuated transcript."""


def auxiliary_verb_phrase(tokens: Tokens, left: LeftSide, first: int, j: int) -> str | None:
    """ "finite verb phrase" when the "and" at `j`, with no comma before it, opens a
    verb phrase of the statement's main subject with an auxiliary (`repeated_auxiliary`
    or `plain_clause_auxiliary`), else None. Not after a reduced relative's participle,
    nor when a clause opener comes before the statement's first verb (that verb is then
    the clause's), nor with fewer than two words after the auxiliary ("and is."), nor
    past `STATEMENT_REACH` tokens of statement."""
    words, lowers, top, n = tokens.words, tokens.lowers, tokens.top, tokens.n
    k = j + 1
    v = left.verb_at
    if k >= n or not top[k] or lowers[j - 1] == "," or v < first or left.participle:
        return None
    if j - first > STATEMENT_REACH:
        return None
    if lowers[k] not in _REPEATABLE or not words[k].islower():
        return None
    head = k + 1
    while head < n and (lowers[head] in _PHRASE_ADVERBS or is_ly_adverb(lowers[head])):
        head += 1
    if head + 1 >= n or not top[head] or not words[head][:1].isalpha():
        return None
    if not words[head].islower() or not words[head + 1][:1].isalnum():
        return None
    if not _first_verb_is_main(tokens, first, v):
        return None
    if repeated_auxiliary(tokens, v, j) or plain_clause_auxiliary(tokens, v, j, head):
        return "finite verb phrase"
    return None


def _first_verb_is_main(tokens: Tokens, first: int, v: int) -> bool:
    """Whether the statement's first verb at `v` is its main verb: no clause opener
    before it, bar a relative that opens the statement after a comma ("..., who lost
    consciousness ...": the relative was cut off as a statement of its own, so its verb
    is the statement's)."""
    lowers, top = tokens.lowers, tokens.top
    opening = first if first > 0 and lowers[first - 1] == "," else -1
    return not any(
        top[i] and lowers[i] in _CLAUSE_OPENERS and not (i == opening and lowers[i] in RELATIVES)
        for i in range(first, v)
    )


def repeated_auxiliary(tokens: Tokens, v: int, j: int) -> bool:
    """Whether the auxiliary after the "and" at `j` repeats the first verb at `v` and
    does not occur between them ("has shown that the drug has cut deaths and has ...":
    the "that" clause may own it)."""
    lowers = tokens.lowers
    auxiliary = lowers[j + 1]
    return lowers[v] == auxiliary and auxiliary not in lowers[v + 1 : j]


def plain_clause_auxiliary(tokens: Tokens, v: int, j: int, head: int) -> bool:
    """Whether a form of "be" or "have" after the "and" at `j` follows a plain clause
    (after the first verb's own group, no verb and no clause opener up to "and"; a
    "while" before an "-ing" participle is no clause) and opens a phrase whose detail
    (`Tokens.has_detail`) comes before the next ",", ";" or "and"."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if lowers[j + 1] not in _BE_HAVE:
        return False
    group = v + 1
    while group < j and (verbs[group] or lowers[group] in CHAIN_ADVERBS):
        group += 1  # "has not been shown": the first verb's own group
    for i in range(group, j):
        if not top[i]:
            continue
        if lowers[i] == "while" and lowers[i + 1].endswith("ing"):
            continue  # "while buying food": a participle, no clause
        if verbs[i] or lowers[i] in _CLAUSE_OPENERS:
            return False
    reach = min(n, head + DETAIL_REACH)
    stop = next((i for i in range(head, reach) if top[i] and lowers[i] in (",", ";", "and")), reach)
    return tokens.has_detail(head, stop)
