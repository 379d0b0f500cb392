"""What opens after a conjunction or comma, and the dependent clauses cut off a statement.

`clause_after` tells a new clause (a subject and a finite verb, "reported" when its
verb reports speech) from a verb phrase or a noun phrase; the other rules use it to
cut a clause of reason or concession ("..., because X did Y", "While X, Y"), a clause
after a short adverbial (", and in response, the federation fined ...") and a "with"
absolute (", with officials saying ..."). Each looks a bounded number of tokens ahead,
so the one pass of `spans.cuts` stays linear. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.attribution import reported_soon
from factcheck.claims.spans.tokens import (
    AUXILIARIES,
    CONJUNCTIONS,
    OBJECTS,
    PREPOSITIONS,
    RELATIVES,
    REPORTING_VERBS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    Tokens,
    is_ly_adverb,
)
from factcheck.text.lexicon import words_of

REASON_SUBORDINATORS = words_of("because although though whereas since")
"""Subordinators whose clause, after a comma, states a fact of its own: "..., because
people who catch it twice are not counted", "..., since some infections are
asymptomatic". Not "if", "unless", "when", "until", "before", "after", "as" (a condition
or a time of the statement before: no statement alone) and "while" (a splitting
conjunction already)."""
_PRESENT_AUXILIARIES = words_of("is are has have does do can 's ’s")
"""A "since" clause with one of these as its verb gives a reason ("since some infections
are asymptomatic"); with a past verb it gives a time ("since records began"), which
belongs to the statement before it."""


def opens_clause(tokens: Tokens, k: int) -> bool:
    """Whether a subject and a finite verb open at `k` (`clause_after` gives "clause" or
    "reported"): what a fronted, reason, adverbial or relative clause must hold."""
    return clause_after(tokens, k) in ("clause", "reported")


def _present_verb_after(tokens: Tokens, j: int) -> bool:
    """Whether the first verb after the "since" at `j` is a present auxiliary: "since"
    then gives a reason ("since some infections are asymptomatic"), not a time."""
    lowers, verbs = tokens.lowers, tokens.verbs
    verb = next((i for i in range(j + 1, tokens.n) if verbs[i]), None)
    return verb is not None and lowers[verb] in _PRESENT_AUXILIARIES


FRONTED_SUBORDINATORS = REASON_SUBORDINATORS | {"while"}
_FRONTED_REACH = 40
"""Tokens searched for the comma that closes a fronted dependent clause."""


def fronted_clause_end(tokens: Tokens, j: int) -> int:
    """The comma closing a dependent clause of concession or reason that opens the
    statement, when a clause of its own follows it: "While farmers in Denmark are not
    required to plant flowers, they can dedicate land ..." gives "While farmers ... for
    bees" and "they can dedicate ...". -1 when the subordinator opens no clause ("While
    fact checking the picture, ...", "Since November 2019, ..."), "since" has a past
    verb ("Since this check was published, the post has been updated": a time), or no
    comma followed by a subject and finite verb closes it within reach."""
    lowers, top, n = tokens.lowers, tokens.top, tokens.n
    if j + 2 >= n:
        return -1
    if not opens_clause(tokens, j + 1):
        return -1
    if lowers[j] == "since" and not _present_verb_after(tokens, j):
        return -1
    for c in range(j + 2, min(n - 2, j + _FRONTED_REACH)):
        if not top[c]:
            continue
        if lowers[c] == ";" or (lowers[c] in CONJUNCTIONS and lowers[c] != "and"):
            return -1  # "While it is true that A but B": not a fronted clause and its main
        if lowers[c] != "," or lowers[c + 1] in SUBORDINATORS:
            continue
        if opens_clause(tokens, c + 1):
            return c
    return -1


CONTRAST_MIN_LEFT = 7
"""Tokens the statement before ", while" must hold: a main clause (a shorter piece is a
fronted phrase or an aside, not a statement)."""
_CONTRAST_REACH = 12
"""Tokens after "while" searched for the contrast clause's finite verb."""


def contrast_clause_at(tokens: Tokens, first: int, j: int) -> bool:
    """Whether ", while" at `j` opens a clause of contrast with a subject and finite verb of
    its own: "Nero reportedly swore by onions as a cure for colds" / "while the claim that
    onions can treat influenza goes back to at least the 1500s", "The rules require women
    to wear bikini bottoms" / "while their male counterparts are permitted to wear
    shorts". Two facts, each checked alone. Not "while" and a participle ("while buying
    food"), a negation or adjective ("while not 100% effective"), or a preposition ("while
    in office"): a time or concession of the statement before, with no subject. The
    verb is found before the next comma within reach; the subject may hold a clause of
    its own ("the claim that ..."), which `clause_after` refuses."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if j - first < CONTRAST_MIN_LEFT or not tokens.comma_before(j):
        return False
    k = j + 1
    if k + 1 >= n or not top[k] or not words[k][:1].isalnum():
        return False
    head = lowers[k]
    if verbs[k] or head.endswith("ing") or head in PREPOSITIONS or head in _NO_SUBJECT:
        return False
    if is_ly_adverb(head) or head in SUBORDINATORS or head in CONJUNCTIONS:
        return False
    for i in range(k + 1, min(n, k + 1 + _CONTRAST_REACH)):
        if not top[i]:
            continue
        if lowers[i] in (",", ";"):
            return False
        if verbs[i] and not lowers[i].endswith("ing"):
            return True
    return False


_NO_SUBJECT = words_of("not also still only")
"""Words after "while" that open no subject ("while not 100% effective")."""


_ADVERBIAL_WORDS = words_of("then later meanwhile instead also so afterwards eventually")
_ADVERBIAL_REACH = 4
"""Tokens of a short adverbial that may open a clause after ", and" ("in response")."""


def clause_after_adverbial(tokens: Tokens, k: int) -> str | None:
    """What opens at `k` after ", and" when a short adverbial and a comma come first:
    ", and in response, the federation fined them ..." is a clause ("clause" or
    "reported"; ", and in 2019, it paid ..." too); None when the adverbial is longer than
    four tokens or holds a verb or punctuation, or no clause follows its comma."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if k >= n or not top[k]:
        return None
    if lowers[k] not in PREPOSITIONS and lowers[k] not in _ADVERBIAL_WORDS:
        return None
    for c in range(k + 1, min(n - 1, k + _ADVERBIAL_REACH + 1)):
        if lowers[c] == ",":
            if not top[c]:
                return None
            kind = clause_after(tokens, c + 1)
            return kind if kind in ("clause", "reported") else None
        if verbs[c] or not words[c].isalnum():
            return None
    return None


_WITH_SUBJECT_REACH = 6
"""Tokens of the subject of a "with" absolute ("with many of the protesters calling")."""


def with_absolute(tokens: Tokens, first: int, j: int) -> bool:
    """Whether ", with" at `j` opens an absolute clause: a subject of its own and a
    participle, which states a fact of its own ("..., with officials saying over 1
    million people have been displaced", "..., with hospitals buckling under record
    infections", "..., with the biggest drop being 0.3 years"). Not "with" and a noun
    phrase ("..., with a similar caption"), nor a subject holding a preposition or a
    verb (a longer phrase is an attachment, not a clause); at least four tokens."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if j - first < 3 or not tokens.comma_before(j) or not words[j].islower():
        return False
    k = j + 1
    for i in range(k, min(n, k + _WITH_SUBJECT_REACH + 1)):
        lower = lowers[i]
        if not top[i]:
            return False
        if i > k and len(lower) > 4 and lower.isalpha() and lower.endswith(("ing", "ed")):
            return i + 1 < n and top[i + 1] and words[i + 1][:1].isalnum()
        if (
            verbs[i]
            or lower in PREPOSITIONS
            or lower in CONJUNCTIONS
            or lower in RELATIVES
            or not (words[i][0].isalnum() or words[i][0] in "$£€")
        ):
            return False
    return False


def reason_clause_at(tokens: Tokens, first: int, j: int, subordinated: bool) -> bool:
    """Whether the subordinator at `j` opens a dependent clause with a fact of its own,
    cut off the statement before it: a comma before it, a left side of at least three
    tokens with no subordinator of its own (else it is a dependent clause too, whose
    main clause comes later), and a subject and finite verb after it ("..., because
    people who catch it twice are not counted" is no cut: its subject holds a relative
    clause, so the verb is not found within reach; "..., since some infections are
    asymptomatic" is one).
    "since" only with a present-tense verb: "..., since records began in 1850" dates
    the statement before it."""
    lowers, n = tokens.lowers, tokens.n
    if j - first < 4 or not tokens.comma_before(j):
        return False
    if subordinated:
        # "that although the risk is reduced, because so many are vaccinated, ... it is
        # expected that ...": the left piece is itself a dependent clause, whose main
        # clause is still to come
        return False
    if j + 1 >= n or lowers[j + 1] in PREPOSITIONS:
        return False  # "because of the unit's alleged killings": no clause
    if not opens_clause(tokens, j + 1):
        return False
    return lowers[j] != "since" or _present_verb_after(tokens, j)


def clause_after(tokens: Tokens, k: int) -> str | None:
    """What opens at token `k` after a conjunction: "reported" (a subject and a reporting
    verb), "clause" (a subject and a finite verb), "verb phrase" (a finite verb and its
    object: "and paid a $2 million penalty"), or None (a noun phrase, a quotation, ...)."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if not top[k]:
        return None
    if k + 1 < n and verbs[k + 1] and words[k][:1].islower() and is_ly_adverb(lowers[k]):
        # "and purportedly died", "but actually shows ...": an adverb before the same
        # subject's verb, not a subject; judged as the verb phrase it opens
        return clause_after(tokens, k + 1)
    if verbs[k] and lowers[k] not in AUXILIARIES:
        # The verb's object follows: "and paid a $2 million penalty". Not a preposition:
        # "was passed ... and approved by the Lords" continues the passive.
        following = lowers[k + 1] if k + 1 < n else ""
        if following in OBJECTS or (k + 1 < n and words[k + 1][:1].isdigit()):
            return "verb phrase"
        if k + 1 < n and words[k + 1][:1] in "$£€":
            return "verb phrase"
        return None
    # A subject: up to eight noun-phrase tokens, then a finite verb.
    j = k
    while j < n and j - k < 8:
        lower = lowers[j]
        if verbs[j] and j > k:
            if j == k + 1 and words[k][:1].isdigit():
                return None  # "and 24 died": a figure of the same people, not a subject
            return "reported" if lower in REPORTING_VERBS or reported_soon(tokens, j) else "clause"
        if (
            not top[j]
            or (j > k and lower in SUBJECT_PRONOUNS)  # "recoup revenues they lost"
            or lower in CONJUNCTIONS
            or lower in RELATIVES
            or (not words[j][0].isalnum() and words[j] not in "$£€%'’-")
            or verbs[j]
        ):
            return None
        j += 1
    return None
