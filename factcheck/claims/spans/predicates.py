"""A second predicate of one sentence that the conjunction rule of `spans.cuts` misses.

Two rules, each asked through its own row of `spans.cuts._CUT_RULES`:

- `at_unlexed_verb_phrase`: the conjunction rule cuts ", and" + a verb phrase only once
  the statement has a verb the lexicon knows (`tokens.is_verb`). Present-tense verbs
  outside it ("The course overview's five modules deal with ...", "the scheme relies
  on voluntary reporting") leave the statement verbless, so ", but did not mention
  ..." and ", and is intended to provide ..." stayed inside it. A comma, "and" or
  "but", then a verb phrase opened by an auxiliary, a modal or "do"
  (`verb_phrases.comma_verb_phrase`'s "finite verb phrase") can only continue a finite
  clause: no verbless noun phrase is followed by ", and is ...". So the piece before
  is a statement whose verb was missed, and the second predicate is another.
- `at_reported_verb_phrase`: reported speech is one statement ("Xi said A and B"), so
  the conjunction rule does not cut "and" + a verb phrase in it. Once the reported
  "that" clause has its verb, "and" + a verb opening its object, with a detail on each
  side, states a second checkable fact ("The outlet said that it came from the Coast
  Guard" / "showed the March 11 tsunami causing damage near Sendai"), as the annotators
  of issue 11 mark it, unless a modal or an infinitive may govern both verbs.

Pure; no I/O."""

from __future__ import annotations

from factcheck.claims.spans.attribution import bare_attribution
from factcheck.claims.spans.clauses import FRONTED_SUBORDINATORS
from factcheck.claims.spans.cut_state import CutState
from factcheck.claims.spans.left_side import LeftSide
from factcheck.claims.spans.tokens import DETERMINERS, SUBORDINATORS, Tokens, is_detail
from factcheck.claims.spans.verb_phrases import comma_verb_phrase, detailed_verb_phrase
from factcheck.text.lexicon import MODALS

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


REPORTED_LINKS = frozenset({"and"})
"""Words `at_reported_verb_phrase` fires at."""
REPORTED_REACH = 60
"""Tokens the statement may hold before the "and" of `at_reported_verb_phrase`."""


def reported_verb_phrase(tokens: Tokens, left: LeftSide, first: int, j: int) -> bool:
    """Whether the "and" at `j` (no comma) closes a reported "that" clause and opens a
    second verb phrase with its own detail: "The outlet said in the description that it
    came from the Japanese Coast Guard" / "showed the March 11 tsunami causing damage
    near Sendai". The "that" follows the statement's first verb (the verb of speech),
    its clause has a verb before "and", and the verb phrase after "and" passes the
    detailed coordination test (`verb_phrases.detailed_verb_phrase`: a verb opening its
    object, a detail on each side)."""
    lowers, verbs, top = tokens.lowers, tokens.verbs, tokens.top
    v = left.verb_at
    if v < first or j - first > REPORTED_REACH:
        return False
    that = next((i for i in range(v + 1, min(j, v + 8)) if top[i] and lowers[i] == "that"), -1)
    if that < 0 or not any(verbs[i] for i in range(that + 1, j)):
        return False
    if _governed(tokens, that + 1, j):
        return False  # "that the firm should have produced A and presented B": one statement
    # the "that" clause is closed, so it is no relative holding "and" inside it
    spoken = LeftSide(verb_at=v, detail=left.detail)
    return detailed_verb_phrase(tokens, spoken, j) == "verb phrase"


def _governed(tokens: Tokens, a: int, j: int) -> bool:
    """Whether a modal or an infinitive's "to" lies in [a, j): it may govern the verb
    after "and" ("should have produced A and presented B", "wanted to buy A and sold
    B"); "to" before a determiner, figure or name is a preposition ("attributable to
    the pandemic"), and a capitalised "May" the month."""
    words, lowers = tokens.words, tokens.lowers
    for i in range(a, j):
        if lowers[i] in MODALS and words[i].islower():
            return True  # not the month: "in May"
        if lowers[i] == "to" and i + 1 < j:
            after = words[i + 1]
            if lowers[i + 1] not in DETERMINERS and not is_detail(after, lowers[i + 1]):
                return True
    return False


def at_reported_verb_phrase(state: CutState, j: int, lower: str) -> bool:
    """The rule of `spans.cuts`: in reported speech, "and" + a detailed verb phrase after
    a closed "that" clause (`reported_verb_phrase`) starts a statement; outside speech
    the conjunction rule judges it."""
    if not state.speech or state.was_open or not state.detailed_ok:
        return False
    if state.left.participle or not reported_verb_phrase(state.tokens, state.left, state.first, j):
        return False
    state.cut(j - 2 if state.tokens.lowers[j - 1] == "," else j - 1, j + 1)
    return True
