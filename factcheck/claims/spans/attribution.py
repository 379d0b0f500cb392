"""Who said it: the tests of attribution and reported speech that the statement cuts read.

A span that names its source ("said", "according to") carries the `attribution` flag;
a piece that is only an attribution tail ("the company said in a statement") is no
statement and is dropped; a verb phrase that reports again ("and later said ...")
ends what a speaker said before it. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.tokens import (
    ATTRIBUTING,
    AUXILIARIES,
    REPORTING_VERBS,
    SPEECH_VERBS,
    TOKEN,
    Tokens,
)
from factcheck.text.lexicon import WEEKDAYS, words_of

_TAIL_ADVERBIALS = frozenset(WEEKDAYS) | words_of(
    "in a an the statement on later earlier today yesterday interview told reporters "
    "briefing email press conference release news also separately"
)


def attributed(words: list[str], lowers: list[str], first: int, last: int) -> bool:
    """Whether tokens [first, last] attribute what they say ("said", "according to";
    lowercase, so "United States" is no attribution)."""
    return not ATTRIBUTING.isdisjoint(lowers[first : last + 1]) and any(
        lowers[j] in ATTRIBUTING and words[j][0].islower() for j in range(first, last + 1)
    )


def is_attribution(text: str) -> bool:
    """Whether a span reports who said or found it: the `attribution` flag that
    `statement_spans` gives, for a span a reviewer set by hand."""
    words = TOKEN.findall(text)
    return attributed(words, [w.lower() for w in words], 0, len(words) - 1)


def reports_speech(tokens: Tokens, k: int) -> bool:
    """Whether the verb phrase at `k` (after adverbs and an auxiliary) reports speech
    ("and later said ...", "and has told ..."): a new report of the sentence's speaker."""
    lowers, n = tokens.lowers, tokens.n
    return any(lowers[i] in SPEECH_VERBS for i in range(k, min(n, k + 4)))


def reported_soon(tokens: Tokens, j: int) -> bool:
    """ "Xi has said", "Lee had urged": an auxiliary followed by a reporting verb."""
    lowers, n = tokens.lowers, tokens.n
    return lowers[j] in AUXILIARIES and j + 1 < n and lowers[j + 1] in REPORTING_VERBS


_TAIL_REPORTING = words_of("reported announced confirmed")
"""Verbs of a trailing attribution that are not verbs of speech (", the Associated Press
reported"): they end a sentence as "said" does, but inside one ("cases reported each
day") they do not make what follows reported speech, so they stay out of
`REPORTING_VERBS`."""


def bare_attribution(lowers: list[str], verbs: list[bool], first: int, last: int) -> bool:
    """Whether tokens [first, last] are only an attribution tail: a short subject, a
    reporting verb and at most a few words of setting ("the company said in a
    statement on Tuesday"), with nothing said."""
    verb_at = -1
    for j in range(first, min(last + 1, first + 6)):
        if lowers[j] in REPORTING_VERBS or lowers[j] in _TAIL_REPORTING:
            verb_at = j
            break
        if verbs[j] and lowers[j] not in ("has", "had", "have"):
            return False
    if verb_at <= first:
        return False
    if last - verb_at > 8:
        return False  # checked before slicing: a long sentence must not cost O(n) per call
    rest = lowers[verb_at + 1 : last + 1]
    return all(w in _TAIL_ADVERBIALS or not w.isalnum() for w in rest)
