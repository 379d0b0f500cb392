"""Cuts before a cause phrase or a consequence clause that states a fact of its own.

A fact-checker checks "The protests demanded that ... Sars be disbanded" and "because
of the unit's alleged extrajudicial killings, brutality and human rights abuses" apart,
and "That translates to about 0.8%" apart from "meaning 99.2% of the deaths were among
people who were not fully vaccinated". `spans.clauses.reason_clause_at` cuts ", because"
/ ", since" + a clause; the two rules here cut the other links of reason and result:

- a cause phrase, "because of" / "due to" / "owing to" + a noun phrase of at least
  `_CAUSE_MIN_WORDS` tokens (`cause_phrase_start`). "because of" needs no comma (it never
  names its noun); "due to" / "owing to" only after a comma, hedges allowed between
  (", in large part due to the effects of the COVID-19 pandemic"): without one they
  name which noun they follow ("500 deaths due to COVID-19", "patients who are
  hospitalized due to COVID-19 would cost ...");
- a consequence clause, ", meaning" / ", so" + a subject and a finite verb of its own
  (`consequence_clause_at`): a clause is a statement.

Left out after measuring (bench/RESULTS.md, "Session 29, reason11"): a causal "as" +
a clause, ", because" in reported speech, "because" with no comma (annotators keep
"ruled X could not be patented because it was a product of nature" whole) and ",
leading to" / ", resulting in" phrases. The `at_*` functions are the cut rules
`spans.cuts` asks at these words. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.clauses import clause_after
from factcheck.claims.spans.cut_state import CutState
from factcheck.claims.spans.tokens import (
    AUXILIARIES,
    SPLITTING_CONJUNCTIONS,
    SUBJECT_PRONOUNS,
    VERB_FORMS,
    Tokens,
    is_ly_adverb,
    is_relative,
)
from factcheck.text.lexicon import words_of

CAUSE_HEADS = words_of("because due owing")
"""Words that open a cause phrase with the preposition after them ("because of",
"due to", "owing to")."""
_CAUSE_PREPOSITION = {"because": "of", "due": "to", "owing": "to"}
_CAUSE_HEDGES = words_of("in large small part partly largely mainly mostly chiefly primarily")
"""Words between a comma and "due to" that hedge the cause (", in large part due to",
", largely due to"): the phrase starts at them."""
_HEDGE_REACH = 3
"""Hedge tokens allowed between the comma and "due" / "owing"."""
_CAUSE_MIN_WORDS = 5
"""Tokens a cause phrase must hold after its preposition to be a fact of its own
("the effects of the COVID-19 pandemic"; not "COVID-19")."""
MIN_LEFT = 5
"""Tokens the statement before a cause phrase or a consequence must hold: a main
clause, not a fronted phrase ("Because of X, ...")."""
CONSEQUENCE_LINKS = words_of("meaning so")
"""Words after a comma that open a consequence clause (", meaning 99.2% of the deaths
were ...", ", so the number ... doesn't appear to exceed ...")."""


_PHRASE_REACH = 60
"""Tokens of a cause phrase searched for its end and for a clause inside it; a longer
phrase is taken to run to the sentence's end. The bound keeps the pass linear: without
it every "because of" of a long unpunctuated text scanned to the text's end."""


def _phrase_end(tokens: Tokens, k: int) -> int:
    """The token after a phrase opening at `k`: the sentence's end, a top-level ";" or
    a top-level comma and splitting conjunction (", and that ..."), looked for within
    `_PHRASE_REACH` tokens (past it, the sentence's end)."""
    lowers, top, n = tokens.lowers, tokens.top, tokens.n
    for i in range(k, min(n, k + _PHRASE_REACH)):
        if top[i] and (
            lowers[i] == ";" or (lowers[i] in SPLITTING_CONJUNCTIONS and lowers[i - 1] == ",")
        ):
            return i
    return n


def _clause_in_phrase(tokens: Tokens, k: int, end: int) -> bool:
    """Whether the cause phrase from `k` to `end` runs into a clause: an auxiliary, a
    known verb form or a subject pronoun outside a relative of its own ("because of her
    work there were no candles", "because of the pandemic it ..."): the phrase then opens
    the clause after it, not a fact of its own."""
    lowers, top = tokens.lowers, tokens.top
    for i in range(k, min(end, k + _PHRASE_REACH)):
        if not top[i]:
            continue
        lower = lowers[i]
        if is_relative(lower):
            return False  # "concerns about covid-19 including 12 who reported ...": its own
        if lower in AUXILIARIES or lower in VERB_FORMS or lower in SUBJECT_PRONOUNS:
            return True
    return False


def cause_phrase_start(tokens: Tokens, first: int, j: int) -> int | None:
    """The first token of the cause phrase whose head ("because", "due", "owing") is
    at `j`, or None when it states no fact of its own: not after an auxiliary ("the
    delay was (largely) due to rain", "is because of": the cause is the predicate), not
    "due to be" (a schedule), not "due to" / "owing to" without a comma before it (and
    its hedges), not a phrase under `_CAUSE_MIN_WORDS` tokens after its preposition or
    running into a clause (`_clause_in_phrase`), not after a piece under `MIN_LEFT`
    tokens."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    head = lowers[j]
    if j + 2 >= n or lowers[j + 1] != _CAUSE_PREPOSITION.get(head) or not top[j + 1]:
        return None
    if verbs[j + 2] or lowers[j + 2] in AUXILIARIES:
        return None  # "due to be released": a schedule, not a cause
    h = j - 1
    while h > first and is_ly_adverb(lowers[h]):
        h -= 1
    if lowers[h] in AUXILIARIES:
        return None
    start = j
    if head != "because":
        h = j - 1
        while h > first and lowers[h] in _CAUSE_HEDGES and j - h <= _HEDGE_REACH:
            h -= 1
        if not tokens.comma_before(h + 1):
            return None  # "500 deaths due to COVID-19": the phrase names the deaths
        start = h + 1
    if start - first < MIN_LEFT:
        return None
    end = _phrase_end(tokens, j + 2)
    if end - (j + 2) < _CAUSE_MIN_WORDS or _clause_in_phrase(tokens, j + 2, end):
        return None
    return start


def cause_phrase_end(tokens: Tokens, j: int) -> int | None:
    """Where the cause phrase headed at `j` ends: -1 at the sentence's end or a ";";
    the conjunction of a top-level ", and" (", but", ...) that opens a clause or a
    repeated "that" clause (", in large part due to the effects of the pandemic, and
    that, remarkably, this was the largest decline ..."), which then starts the next
    statement; None when the comma and conjunction open no statement (no cut: the
    phrase is not known to end)."""
    lowers, n = tokens.lowers, tokens.n
    c = _phrase_end(tokens, j + 2)
    if c >= n - 1 or lowers[c] == ";":
        return -1
    if lowers[c + 1] == "that" or clause_after(tokens, c + 1) in ("clause", "reported"):
        return c
    return None


def consequence_clause_at(tokens: Tokens, first: int, j: int) -> bool:
    """Whether ", meaning" / ", so" at `j` opens a consequence with a subject and a
    finite verb of its own ("That translates to about 0.8%" / "meaning 99.2% of the
    deaths were among people who were not fully vaccinated"); ", meaning that" + a
    clause counts. Not the link without a clause (", meaning the spread", ", so far",
    ", so that people can ...": a purpose, whose "that" opens no subject)."""
    lowers, n = tokens.lowers, tokens.n
    if j - first < MIN_LEFT - 1 or not tokens.comma_before(j) or j + 2 >= n:
        return False
    k = j + 2 if lowers[j] == "meaning" and lowers[j + 1] == "that" else j + 1
    return clause_after(tokens, k) in ("clause", "reported")


def at_cause_phrase(state: CutState, j: int, lower: str) -> bool:
    """A cause phrase (`cause_phrase_start`) after a statement with a verb, outside
    reported speech (what follows is still what the speaker said) and with no "that"
    clause waiting for its verb: the statement ends before the phrase (and its comma),
    and the phrase is a statement kept though it has no verb. When a clause follows
    it after ", and", the phrase closes there like an aside (`appositive_end`)."""
    if not state.left.has_verb or state.speech or state.was_open:
        return False
    tokens = state.tokens
    start = cause_phrase_start(tokens, state.first, j)
    end = cause_phrase_end(tokens, j) if start is not None else None
    if start is None or end is None:
        return False
    state.cut(start - 2 if tokens.comma_before(start) else start - 1, start)
    state.verbless.add(start)
    if end > 0:
        state.appositive_end = end  # "..., and that, remarkably, ...": the next statement
    return True


def at_consequence(state: CutState, j: int, lower: str) -> bool:
    """A consequence clause (`consequence_clause_at`) outside reported speech and open
    "that" clauses: the statement ends before the comma, and the consequence starts at
    its link word. The piece before is kept when it has no verb the lexicon knows: the
    consequence's own clause shows it is a statement ("That translates to about 0.8%");
    a kept verbless piece ("with an estimated 250,000 miscarriages in the UK each
    year") may be left too."""
    if state.speech or state.was_open:
        return False
    if not consequence_clause_at(state.tokens, state.first, j):
        return False
    if not state.left.has_verb:
        state.verbless.add(state.first)
    state.cut(j - 2, j)
    return True


REASON_CUT_WORDS = CAUSE_HEADS | CONSEQUENCE_LINKS
"""Every word these rules fire at: a sentence holding none skips the cutting pass."""
