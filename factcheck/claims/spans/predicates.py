"""A second predicate after ", and" / ", but" whose first verb the lexicon lacks.

The conjunction rule of `spans.cuts` cuts ", and" + a verb phrase only once the
statement has a verb the lexicon knows (`tokens.is_verb`). Present-tense verbs outside
the lexicon ("The course overview's five modules deal with ...", "the scheme relies on
voluntary reporting") leave the statement verbless, so ", but did not mention ..." and
", and is intended to provide ..." stayed inside it. A comma, "and" or "but", then a verb
phrase opened by an auxiliary, a modal or "do" (`verb_phrases.comma_verb_phrase`'s
"finite verb phrase") can only continue a finite clause: no verbless noun phrase is
followed by ", and is ...". So the piece before is a statement whose verb was missed,
and the second predicate is a statement of the same subject. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.attribution import bare_attribution
from factcheck.claims.spans.clauses import FRONTED_SUBORDINATORS
from factcheck.claims.spans.cut_state import CutState
from factcheck.claims.spans.tokens import SUBORDINATORS, Tokens
from factcheck.claims.spans.verb_phrases import comma_verb_phrase

UNLEXED_LINKS = frozenset({"and", "but"})
"""Words `at_unlexed_verb_phrase` fires at (after a comma)."""
UNLEXED_MIN_LEFT = 7
"""Tokens the piece before the comma must hold: a piece this long is kept as a
statement though no verb is found in it (`statements.FRAGMENT_WORDS`), so the cut
loses nothing; a shorter one is a fronted phrase or an aside."""
UNLEXED_REACH = 60
"""Tokens the statement may hold before the comma: the rule looks back over it, so the
bound keeps the pass linear on a long unpunctuated transcript."""


def unlexed_verb_phrase(tokens: Tokens, first: int, j: int) -> bool:
    """Whether the "and" / "but" at `j`, after a comma, opens a finite verb phrase (an
    auxiliary, modal or "do" and at least two words: "but did not mention quarantining
    unvaccinated individuals", "and is intended to provide an early warning") of the
    subject of a main clause with no verb the lexicon knows: the statement since
    `first`, or, when a subordinator opens it, the piece after the comma that closes
    its fronted clause ("As we have written before, the scheme relies on ..."). That
    piece holds at least `UNLEXED_MIN_LEFT` tokens."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if j + 1 >= n or not tokens.comma_before(j):
        return False
    if j - 1 - first > UNLEXED_REACH:
        return False
    main = first
    if lowers[first] in SUBORDINATORS or lowers[first] in FRONTED_SUBORDINATORS:
        main = _fronted_clause_close(tokens, first, j - 1) + 1
        if main <= first:
            return False  # no comma closes a fronted clause: the verbs are its own
    if j - 1 - main < UNLEXED_MIN_LEFT:
        return False
    if any(verbs[i] for i in range(main, j - 1) if top[i]):
        return False  # a verb the lexicon knows: the conjunction rule's to judge
    if bare_attribution(lowers, verbs, j + 1, n - 1):
        return False  # ", and he said": a tail
    return comma_verb_phrase(tokens, j + 1) == "finite verb phrase"


def _fronted_clause_close(tokens: Tokens, first: int, end: int) -> int:
    """The first comma before `end` after the fronted clause opened at `first` has
    found its verb ("As we have written before,"), or -1."""
    lowers, verbs, top = tokens.lowers, tokens.verbs, tokens.top
    verb = False
    for i in range(first + 1, end):
        if not top[i]:
            continue
        if lowers[i] == "," and verb:
            return i
        verb = verb or verbs[i]
    return -1


def at_unlexed_verb_phrase(state: CutState, j: int, lower: str) -> bool:
    """The rule of `spans.cuts`: ", and" / ", but" + a finite verb phrase
    (`unlexed_verb_phrase`) after a main clause with no verb the lexicon knows, outside
    reported speech and open "that" clauses: the statement ends before the comma and
    the next starts at the verb phrase; the piece before is kept though verbless."""
    if state.speech or state.was_open or not state.detailed_ok:
        return False
    if not unlexed_verb_phrase(state.tokens, state.first, j):
        return False
    state.verbless.add(state.first)
    state.cut(j - 2, j + 1)
    return True
