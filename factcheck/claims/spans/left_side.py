"""What the cut rules know of the statement left of the current token.

Kept as the one pass goes (`LeftSide.see` per token), so no rule looks back over the
whole statement and a long unpunctuated transcript stays linear. Pure; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.spans.tokens import (
    AUXILIARIES,
    CHAIN_ADVERBS,
    SUBORDINATORS,
    VERB_FORMS,
    Tokens,
    is_detail,
    is_relative,
)
from factcheck.text.lexicon import words_of


@dataclass(slots=True)
class LeftSide:
    """What the detailed-coordination cuts need to know of the statement so far, kept
    as the one pass goes (so a long unpunctuated transcript stays linear): its first
    verb, whether a detail follows that verb, whether a relative clause may hold the
    conjunction, and whether a range ("between", "from") opened."""

    verb_at: int = -1
    detail: bool = False
    relative: bool = False
    ranged: bool = False
    participle: bool = False
    """The first verb is a participle after a comma: the subject's reduced relative."""
    started: bool = False
    """Whether a token of this statement was seen (a comma before its first token is the
    previous statement's)."""
    subordinated: bool = False
    """Whether a subordinator ("although", "because", ...) came in this statement: it is
    then a dependent clause itself, and no reason clause is cut off it."""

    @property
    def has_verb(self) -> bool:
        """Whether the statement so far has a verb outside quotes (the cuts need one
        on their left)."""
        return self.verb_at >= 0

    def see(self, tokens: Tokens, j: int) -> None:
        words, lowers, verbs = tokens.words, tokens.lowers, tokens.verbs
        lower = lowers[j]
        if self.verb_at < 0:
            if verbs[j] and not _passive_participle(tokens, j):
                self.verb_at = j
                if self.started and lowers[j - 1] == "," and lower.endswith("ed"):
                    # "Screenshots of the message, shared on Twitter and dated 15
                    # October, read: ...": a participle after the subject, a reduced
                    # relative whose "and" joins inside it; the main verb is to come
                    self.relative = self.participle = True
            elif is_relative(lower):
                self.relative = True  # "In the post, which was published ...": no main verb yet
        else:
            if not self.detail and is_detail(words[j], lower):
                self.detail = True
            if is_relative(lower) and lowers[j - 1] != ",":
                self.relative = True  # "those who had the first dose and tested ..."
        if lower in _RANGE_WORDS:
            self.ranged = True
        if lower in SUBORDINATORS:
            self.subordinated = True
        self.started = True


_CHANGE_VERBS = words_of(
    "dropped increased decreased declined jumped climbed plunged surged slipped gained "
    "soared tumbled dipped expanded contracted"
)
"""Verbs of a change in quantity, finite before "by" and its amount ("visits dropped by
a whopping 60"), not passive participles."""


def _passive_participle(tokens: Tokens, j: int) -> bool:
    """Whether the "-ed" word at `j` is a passive participle after its noun, with no
    auxiliary ("Thousands of Cubans angered by shortages protested"): it modifies the
    noun, so the clause's finite verb is still to come."""
    lowers = tokens.lowers
    lower = lowers[j]
    return (
        lower.endswith("ed")
        and lower not in VERB_FORMS
        and lower not in _CHANGE_VERBS
        and j + 1 < len(lowers)
        and lowers[j + 1] == "by"
        and j > 0
        and lowers[j - 1] not in AUXILIARIES
        and lowers[j - 1] not in CHAIN_ADVERBS
    )


_RANGE_WORDS = words_of("between from")
