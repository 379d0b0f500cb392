"""What an "and" joins when it cannot be told by the words after it alone.

Asked by the conjunction rule of `spans.cuts`: whether "and" repeats an earlier clause's
opener ("stated that A and that B": two parallel statements, `repeated_clause`) or
closes a list of nouns after the verb ("such as restaurants, bars and malls must ...":
no new subject, `closes_noun_list`). Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.clauses import clause_after
from factcheck.claims.spans.left_side import LeftSide
from factcheck.claims.spans.tokens import (
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    SUBORDINATORS,
    Tokens,
)
from factcheck.text.lexicon import words_of

_HEAD_REACH = 3
"""Tokens before a relative searched for the preposition of its head ("to a woman who")."""


def _object_head(tokens: Tokens, first: int, r: int) -> bool:
    """Whether the relative at `r` follows a preposition's object ("tracks back to a
    woman who ..."): its head is no subject, so the statement's verb came before it,
    though the lexicon did not know that verb ("tracks")."""
    lowers, top = tokens.lowers, tokens.top
    return lowers[r] != "that" and any(
        top[i] and lowers[i] in PREPOSITIONS for i in range(max(first, r - _HEAD_REACH), r)
    )


_REPEATED_OPENERS = words_of("that who which")
"""Words whose repetition after "and" opens a second clause parallel to the first."""
_OPENER_REACH = 80
"""Tokens before the "and" searched for the first clause's opener. The bound keeps the
pass linear: a long unpunctuated text repeating "and that" once scanned back to the
statement's start at every one (100 KB took 6 s, 400 KB 94 s)."""
_ASIDE_REACH = 4
"""Tokens an aside between commas may hold after the repeated opener (", remarkably,")."""


def repeated_clause(tokens: Tokens, left: LeftSide, first: int, j: int) -> bool:
    """Whether the "and" at `j` opens a second clause with the same opener as an earlier
    one of the statement, whose verb came already: "she has stated that she received the
    vaccine and that her children are vaccinated", "made the assertion that A, and that,
    remarkably, B", "a woman who did not reveal her method and who has not been publicly
    identified". The repeated "that" / "who" / "which" shows the writer states two things
    in parallel, each checkable alone; a clause (for "that") or a verb (for "who",
    "which") must follow it, past a short aside between commas. The first clause must
    follow the statement's verb (or a preposition's object, `_object_head`): clauses
    inside the subject ("patients who had X and who received Y recovered faster") or
    after a subordinator ("as soon as he learned that A and that B, his staff ...")
    leave the main clause still to come."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    opener = lowers[k] if k < n and top[k] else ""
    if opener not in _REPEATED_OPENERS:
        return False
    not_opening = DETERMINERS | PREPOSITIONS
    earlier = next(
        (
            i
            for i in range(max(first, 1, j - _OPENER_REACH), j)
            if top[i] and lowers[i] == opener and lowers[i - 1] not in not_opening
        ),
        -1,
    )
    if earlier < 0 or not any(verbs[i] for i in range(earlier + 1, j)):
        return False  # the first clause has no verb yet: "and" joins inside it
    if not (0 <= left.verb_at < earlier or _object_head(tokens, first, earlier)):
        return False  # "sources who are X and who are Y confirm ...": inside the subject
    if any(top[i] and lowers[i] in SUBORDINATORS for i in range(first, earlier)):
        return False  # "as soon as he learned that A and that B, ...": a dependent clause
    k += 1
    if k < n and lowers[k] == ",":
        close = next(
            (i for i in range(k + 1, min(n, k + 2 + _ASIDE_REACH)) if lowers[i] == ","), -1
        )
        if close < 0:
            return False
        k = close + 1  # "and that, remarkably, this was ..."
    if k + 1 >= n or not words[k][:1].isalnum():
        return False
    if opener == "that":
        return clause_after(tokens, k) in ("clause", "reported")
    while k < n and lowers[k] in _RELATIVE_ADVERBS:
        k += 1
    return k < n and verbs[k] and not lowers[k].endswith("ing")


_RELATIVE_ADVERBS = words_of("not never also still already later then")
"""Adverbs between a repeated relative and its verb ("and who later ...")."""


_LIST_REACH = 5
"""Tokens before an "and" searched for the comma of a list it closes."""


def closes_noun_list(tokens: Tokens, left: LeftSide, j: int) -> bool:
    """Whether the "and" at `j` closes a list of nouns after the statement's verb
    ("such as restaurants, bars and malls must ...", "against vaccinations, vaccine
    passports and other rules"): a comma within `_LIST_REACH` tokens before it and no
    verb between, so the noun after "and" is the list's last item, not a new subject."""
    lowers, verbs, top = tokens.lowers, tokens.verbs, tokens.top
    for i in range(j - 2, max(left.verb_at, j - 1 - _LIST_REACH), -1):
        if verbs[i] or lowers[i] in CONJUNCTIONS:
            return False  # a verb between, or a list closed already ("A, B and C, and")
        if top[i] and lowers[i] == ",":
            return True
    return False
