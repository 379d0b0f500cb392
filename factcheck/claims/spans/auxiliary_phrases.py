"""A second verb phrase after "and" that repeats the statement's auxiliary or modal.

"The nests can hold up to 400 birds" / "and can potentially last an entire century",
"Myriad Genetics had discovered the location of two genes which ... when they mutated"
/ "and had patented a method for testing ...". After "and", an auxiliary with no
subject before it can only continue a finite verb phrase; the question is whose. When
it repeats the auxiliary of the statement's first verb (and no clause in between holds
that auxiliary), the writer coordinates two predicates of the main subject, each
checkable alone: the repetition is what tells it from a verb phrase of a relative or
"that" clause in between, and from a verb governed by the first modal ("can hold A and
last B" stays one statement, `span_cuts`' modal rule). Pure; no I/O.
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
_PHRASE_ADVERBS = CHAIN_ADVERBS | words_of("later then")
"""Adverbs between the repeated auxiliary and the word it governs ("and can potentially
last", "and was later pronounced")."""
_CLAUSE_OPENERS = RELATIVES | SUBORDINATORS | words_of("that while whereas although though")
"""Words opening a clause: one before the statement's first verb makes that verb the
clause's ("Patients who had X and had Y recovered"), the main verb still to come."""


def repeated_auxiliary_phrase(tokens: Tokens, left: LeftSide, first: int, j: int) -> str | None:
    """ "finite verb phrase" when the "and" at `j` (no comma before it: `span_cuts` has
    its own rule for ", and") is followed by the same auxiliary or modal as the
    statement's first verb and at least two words it governs: "can hold up to 400 birds
    and can potentially last an entire century". None when the first verb follows a
    clause opener of the statement (it is then a subject's or fronted clause's verb,
    "Those who have had a first dose and have ..."), when the first verb is a reduced
    relative's participle, or when the auxiliary came already between the first verb
    and "and" ("has shown that the drug has cut deaths and has ...": the nearer clause
    may own it)."""
    words, lowers, top, n = tokens.words, tokens.lowers, tokens.top, tokens.n
    k = j + 1
    v = left.verb_at
    if k >= n or not top[k] or lowers[j - 1] == "," or v < first or left.participle:
        return None
    auxiliary = lowers[k]
    if auxiliary not in _REPEATABLE or lowers[v] != auxiliary or not words[k].islower():
        return None
    head = k + 1
    while head < n and (lowers[head] in _PHRASE_ADVERBS or is_ly_adverb(lowers[head])):
        head += 1
    if head + 1 >= n or not top[head] or not words[head][:1].isalpha():
        return None
    if not words[head].islower() or not words[head + 1][:1].isalnum():
        return None  # "and can." or "and is 'safe'": no verb phrase of two words
    if any(top[i] and lowers[i] in _CLAUSE_OPENERS for i in range(first, v)):
        return None
    if auxiliary in lowers[v + 1 : j]:
        return None
    return "finite verb phrase"
