"""Relative clauses that state a fact of their own, and where they end.

A non-restrictive relative with its own detail is cut: at the end of the sentence
("..., who was killed in Kandahar in 2021"), inside the subject ("Smith, who led the
agency from 2009 to 2017, said ...") and as a counted part (", 56 of which are
threatened"). A relative of speech stays with what was said. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.clauses import opens_clause
from factcheck.claims.spans.tokens import (
    ATTRIBUTING,
    AUXILIARIES,
    CHAIN_ADVERBS,
    NUMBER_WORDS,
    PREPOSITIONS,
    RELATIVES,
    SPEECH_VERBS,
    Tokens,
    is_figure,
    is_ly_adverb,
)
from factcheck.text.lexicon import words_of

APPOSITIVE_RELATIVES = words_of("who which")
"""Relatives that open a non-restrictive clause after a comma ("Danish Siddiqui, who was
killed in 2021"); "that" is restrictive and never follows a comma in edited text."""
PLACE_RELATIVE = "where"
"""The relative of a place, cut with its own subject and verb ("Twitter, where one post
has received ...")."""
TIME_RELATIVE = "when"
"""The relative of a named time, cut with its own subject and verb after a year, date or
name ("in 1918, when it fell from 50.9 years to 39.1 years", "during World War II, when
...")."""
PART_RELATIVES = words_of("which whom")
"""Relatives of a part after a figure: ", 56 of which were found to be threatened"."""


def part_of_figure_at(tokens: Tokens, j: int) -> bool:
    """Whether the comma at `j` opens a figure of a part of what the statement counted,
    with its own verb: ", 56 of which were found to be threatened", ", two of whom
    died in hospital", ", none of whom were named Michael". Not a bare part ("...,
    56 of which", no verb) nor "some of them waving flags" (a participle, no
    relative)."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = j + 1
    if k + 3 >= n or not all(top[k : k + 4]):
        return False
    if not (is_figure(words[k]) or lowers[k] in NUMBER_WORDS or lowers[k] in _PARTS):
        return False
    if lowers[k + 1] != "of" or lowers[k + 2] not in PART_RELATIVES:
        return False
    verb = k + 3
    if lowers[verb] in CHAIN_ADVERBS:
        verb += 1
    return verb < n and verbs[verb] and not lowers[verb].endswith("ing")


_PARTS = words_of("none all most some many half both several one each")
"""Quantities of a part that state a count of their own before "of which" / "of whom"."""
_RELATIVE_REACH = 30
"""Tokens searched for the comma that closes a relative clause inside the subject."""
_RELATIVE_ADVERBS = CHAIN_ADVERBS | words_of("later then previously once")
"""Adverbs between a relative and its verb ("who later led", "which never reached")."""


def _relative_verb(tokens: Tokens, j: int) -> bool:
    """Whether the relative at `j` is the subject of a finite verb right after it (or
    after one adverb): "who was killed", "which caused", "who later led"; not "who
    he met" (an object relative) nor "which, in 2019, ...". Not a verb of speech or
    attribution ("contacted Yusuf, who said the photo was taken in Abuja"): the speaker
    is named before the comma, so a cut would leave what was said without who said it
    (issue 11's class 3)."""
    lowers, verbs, n = tokens.lowers, tokens.verbs, tokens.n
    k = j + 1
    if k < n and (lowers[k] in _RELATIVE_ADVERBS or is_ly_adverb(lowers[k])):
        k += 1  # "which frequently posts", "which reportedly shows"
    if k >= n or not verbs[k] or lowers[k].endswith("ing"):
        return False
    if k + 1 < n and lowers[k] in AUXILIARIES and lowers[k + 1] in ATTRIBUTING:
        return False  # "who has said", "which was reported"
    return lowers[k] not in SPEECH_VERBS and lowers[k] not in ATTRIBUTING


def _main_verb_after_comma(tokens: Tokens, c: int) -> bool:
    """Whether the comma at `c` is followed by a lowercase verb or "-ly" adverb: the
    main clause going on after a relative inside its subject ("The post, which was
    shared on Facebook, was flagged", "did Suluhu, who ..., really tweet")."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    k = c + 1
    if k >= n or not top[k] or not words[k][:1].islower():
        return False
    return verbs[k] or is_ly_adverb(lowers[k])


def _head_before(tokens: Tokens, j: int) -> bool:
    """Whether the word before the comma at `j - 1` can head a non-restrictive relative
    of its own: for "who", a name or an age ("Danish Siddiqui, who", "Tom Reed, 49,
    who"); for "which", a noun, not a figure or date ("in 2019, which ..." relates the
    whole clause)."""
    words, lowers = tokens.words, tokens.lowers
    if j < 2:
        return False
    head = words[j - 2]
    if lowers[j] == "who":
        return head[:1].isupper() or head[:1].isdigit()
    if lowers[j] == TIME_RELATIVE:
        return head[:1].isdigit() or (head[:1].isupper() and head[:1].isalpha())
    return head[:1].isalpha() and lowers[j - 2] not in PREPOSITIONS


def final_relative(tokens: Tokens, j: int) -> bool:
    """Whether ", who|which ..." at `j` is a non-restrictive relative that ends the
    sentence and states a fact with its own detail: "..., who was killed while covering
    fighting between Afghan forces and the Taliban". Its span starts at the relative;
    the main statement before it keeps the head ("... Danish Siddiqui")."""
    stop = _final_relative_end(tokens, j)
    return stop > 0 and tokens.has_detail(j + 2, stop)


def _final_relative_end(tokens: Tokens, j: int) -> int:
    """Where the non-restrictive relative at `j` ends when it ends the sentence (at a
    ";" or the sentence end); -1 when it is no such relative or the main verb follows
    it (`final_relative`'s tests but the detail)."""
    lowers, top, n = tokens.lowers, tokens.top, tokens.n
    if not tokens.comma_before(j) or not _head_before(tokens, j):
        return -1
    if lowers[j] in (PLACE_RELATIVE, TIME_RELATIVE):
        # "..., where demonstrations turned into riots": a subject and verb of its own
        # (a speaker inside it stays with what it said: "where she said that ...")
        if not opens_clause(tokens, j + 1):
            return -1
    elif not _relative_verb(tokens, j):
        return -1
    stop = min(n, j + 2 + _FINAL_REACH)  # bounded, so a long run-on sentence stays linear
    for i in range(j + 2, stop):
        if not top[i]:
            continue
        if lowers[i] == ";":
            stop = i
            break
        if lowers[i] == "," and _main_verb_after_comma(tokens, i):
            return -1  # the relative sits inside the subject: the main verb follows
    return stop


PLAIN_RELATIVE_WORDS = 3
"""Tokens after its verb that a final ", which ..." relative with no figure or name
needs to be cut: "which is an emergency authorisation" has three; a shorter one
("which is false", "which is not true") is a verdict, nothing to check alone."""


def plain_final_relative(tokens: Tokens, j: int) -> bool:
    """Whether ", which ..." at `j` ends the sentence with a statement of its own though
    it holds no figure or name: "... issued by the MHRA" / "which is an emergency
    authorisation", "... the Definition.org website" / "which has quite the track record
    for misleading clickbait". In edited prose a comma before "which" marks a
    non-restrictive clause, which adds a fact about its head that can be checked apart
    from the main clause, so it needs no detail of its own (`final_relative` asks one of
    "who", "where" and "when", whose heads and clauses are less certain)."""
    if tokens.lowers[j] != "which":
        return False
    stop = _final_relative_end(tokens, j)
    return stop - (j + 2) >= PLAIN_RELATIVE_WORDS


_FINAL_REACH = 60
"""Tokens of a final relative searched for its detail and for a main verb after a later
comma; a relative longer than that is taken as final."""


def medial_relative_end(tokens: Tokens, first: int, j: int) -> int:
    """The comma closing a non-restrictive relative inside the subject, when the main
    verb follows it: "Smith, who led the agency from 2009 to 2017, said ..." gives
    "Smith, who led the agency from 2009 to 2017" and "said ...". -1 when the relative
    has no detail of its own, no main verb follows its comma, or the main verb phrase has
    no detail ("In the post, which was published on July 6, the group wrote": no verb
    after the comma, so no cut)."""
    words, lowers, verbs, top, n = tokens.words, tokens.lowers, tokens.verbs, tokens.top, tokens.n
    if not tokens.comma_before(j) or j - first < 2:
        return -1
    if not _head_before(tokens, j) or not _relative_verb(tokens, j):
        return -1
    for c in range(j + 2, min(n - 1, j + _RELATIVE_REACH)):
        if not top[c]:
            continue
        if lowers[c] in (";", "and", "but") or lowers[c] in RELATIVES:
            return -1
        if lowers[c] != ",":
            continue
        verb = c + 1
        if not (top[verb] and verbs[verb] and words[verb][:1].islower()):
            return -1  # a comma inside the relative ("in Leeds, England"): no guess
        if lowers[verb].endswith("ing"):
            return -1
        if not tokens.has_detail(j + 2, c):
            return -1
        stop = next((i for i in range(verb + 1, n) if top[i] and lowers[i] == ";"), n)
        return c if tokens.has_detail(verb + 1, stop) else -1
    return -1
