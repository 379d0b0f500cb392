"""List items with their own figure, and two named roles after one copula, as statements.

"worth $6 billion for Moderna" / "$5 billion for Pfizer": each item is cut, starting at
its figure, though it has no verb of its own; "Owaisi is leader of the AIMIM party" /
"member of parliament for Hyderabad" likewise. Ranges, dates and figures of one thing
are not lists. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.tokens import DETERMINERS, OBJECTS, PREPOSITIONS, Tokens, is_figure
from factcheck.claims.spans.verb_phrases import COPULAS, DETAIL_REACH
from factcheck.text.lexicon import words_of

_ITEM_BREAKS = words_of(", and ; or")
_ROLE_LINKS = words_of("of for")


def _named_role(tokens: Tokens, at: int, end: int) -> bool:
    """Whether tokens [at, end) open with a bare role noun, "of" or "for", and hold a
    name: "leader of the AIMIM party", "member of parliament for Hyderabad"."""
    words, lowers, top = tokens.words, tokens.lowers, tokens.top
    if at + 1 >= end or not words[at].isalpha() or not words[at].islower():
        return False
    if lowers[at] in DETERMINERS or lowers[at] in PREPOSITIONS or lowers[at] in OBJECTS:
        return False
    if lowers[at + 1] not in _ROLE_LINKS:
        return False
    return any(top[i] and words[i][0].isupper() for i in range(at + 2, min(end, at + 6)))


def second_role(tokens: Tokens, first: int, j: int) -> bool:
    """Whether the "and" at `j` joins two named roles after one copula: "Owaisi is leader
    of the AIMIM party" / "member of parliament for Hyderabad". Each role is a bare noun
    with "of" or "for" and a name; nothing but the roles comes between the copula and
    "and"."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    reach = range(j - 1, max(first, j - DETAIL_REACH) - 1, -1)
    copula = next((i for i in reach if verbs[i] and top[i]), None)
    if copula is None or lowers[copula] not in COPULAS:
        return False
    if not _named_role(tokens, copula + 1, j):
        return False
    stop = next((i for i in range(j + 1, n) if top[i] and lowers[i] in (",", ";", "and")), n)
    return _named_role(tokens, j + 1, stop)


def _item_words(tokens: Tokens, a: int, b: int) -> bool:
    """Whether a list item's words after its figure, tokens [a, b), say what the figure
    counts or where ("for Moderna", "in Texas"): a preposition or a capitalised word."""
    words, lowers = tokens.words, tokens.lowers
    return any(
        (lowers[i] in PREPOSITIONS and lowers[i] != "per") or words[i][:1].isupper()
        for i in range(a, b)
    )  # not "per": "24.1 per cent", "5 per 100,000" are units, not what is counted


def _figure_item(tokens: Tokens, at: int) -> bool:
    """Whether token `at` is a figure that opens a list item: not one that opens a name
    ("7 News", "10 Downing Street")."""
    words, n = tokens.words, tokens.n
    if not is_figure(words[at]):
        return False
    return at + 1 >= n or not words[at + 1][:1].isupper()


def list_item_at(tokens: Tokens, first: int, j: int) -> int | None:
    """The first token of a list item opening after the "," or "and" at `j`, when the
    items on both sides carry their own figure and say what it is: "worth $6 billion
    for Moderna" / "$5 billion for Pfizer-BioNTech" / "$1.5 billion for Johnson &
    Johnson". None for a range ("between 5 and 10 people": the caller skips a
    statement where "between" or "from" came, and a list "respectively"), a
    date ("March 3, 2021"), figures of one thing ("15, 20 and 25 cases") and a clause
    ("and 24 died")."""
    lowers, verbs, top, n = tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    if lowers[j] == "," and lowers[k] == "and":
        k += 1
    if k >= n or not top[k] or not _figure_item(tokens, k):
        return None
    right_end = k + 1
    while right_end < n and not (top[right_end] and lowers[right_end] in _ITEM_BREAKS):
        if verbs[right_end] or not top[right_end]:
            return None  # "and 24 died": a clause; a quotation: not a list item
        right_end += 1
    if not _item_words(tokens, k + 1, right_end):
        return None
    # The left item: back from the separator to the previous separator or verb.
    figure = None
    i = j - 1
    while i >= first and not verbs[i] and not (top[i] and lowers[i] in _ITEM_BREAKS):
        if not top[i]:
            return None
        if _figure_item(tokens, i):
            figure = i
        i -= 1
    if figure is None or not _item_words(tokens, figure + 1, j):
        return None
    return k
