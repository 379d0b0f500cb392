"""Every word list more than one module needs, defined once.

The splitter's features (`checkworthiness.linear`), its statement rules (`spans`,
`mood`), the matcher's query building and the agreement signals (`signals`) each once
kept their own copy of the same list ("not a superlative" existed three times, with
different words, and "latest" counted as a superlative in one). A list used by a single
module for a single rule stays there, next to the rule. Pure data; no imports.
"""

from __future__ import annotations

__all__ = [
    "HEDGES",
    "MODALS",
    "MONTHS",
    "NOT_SUPERLATIVE",
    "ORDINAL_RANKS",
    "STOP_WORDS",
    "WEEKDAYS",
    "words_of",
]


def words_of(spaced: str) -> frozenset[str]:
    """A word list written as one string, to keep long lexicons readable."""
    return frozenset(spaced.split())


STOP_WORDS = words_of(
    """a about above after again against all also am an and any are aren't as at be
    because been before being below between both but by can can't cannot could couldn't
    did didn't do does doesn't doing don't down during each few for from further had
    hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
    let's me more most mustn't my myself no nor not of off on once only or other ought
    our ours ourselves out over own same shan't she she'd she'll she's should shouldn't
    so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to too under until up
    very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's will with won't would wouldn't you you'd
    you'll you're you've your yours yourself yourselves said says say just like many
    much one ever also been will would may might must shall s t"""
)
"""Words that say nothing about what a claim is about (the English list of the
snowball stemmer plus reporting verbs and "s"/"t" left by split contractions): kept out
of search queries, stems and title matches (`words.content_stems`, `matcher`)."""

NOT_SUPERLATIVE = words_of(
    """interest honest rest test west guest forest protest arrest request contest suggest
    invest digest chest nest pest quest modest harvest manifest conquest priest unrest
    earnest vest zest crest everest budapest bucharest midwest southwest northwest almost
    utmost latest"""
)
"""Words ending in "-est" (or "-most") that rank nothing, so no rule counts them as
superlatives. "latest" is one: "the latest figures" dates a claim, it does not rank
anything."""

ORDINAL_RANKS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
"""Ordinal words and the rank each states ("fourth-largest" ranks 4)."""

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
"""Month names, lowercase, in calendar order. "may" is also the modal: rules reading
cased text leave it out (`mood`)."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Day names, lowercase."""

HEDGES = words_of("would could might")
"""Modals that hedge a statement rather than predict it ("... would bring benefits")."""

MODALS = words_of("will would can could may might shall should must")
"""Modal verbs: a clause's finite verb when nothing else is."""
