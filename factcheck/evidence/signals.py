"""Agreement and contradiction signals between a claim and a passage.

The matcher calls `compare` on every passage it ranks. A fact-checker's first question
about a passage is "does it say the same number, year, rank and name as the claim?";
a passage that talks about the same thing but states a different year or figure is
the most useful evidence of all ("claim: 2017; passage: 2016"), and no keyword score
surfaces it. Everything here is plain regular expressions over the text: no I/O, no
models, fast enough to run on a few hundred candidates per claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factcheck.text.lexicon import NOT_SUPERLATIVE, ORDINAL_RANKS
from factcheck.text.words import WORD

_YEAR = re.compile(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d.,]*\d)")
_NUMBER = re.compile(
    r"(?<![\w.])[$£€]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(%|percent|per cent))?"
    r"(?:\s+(thousand|million|billion|trillion))?",
    re.IGNORECASE,
)
_UNIT_WORD = re.compile(r"\s*([a-z][a-z-]{2,})", re.IGNORECASE)
_ORDINAL = re.compile(
    r"\b(" + "|".join(ORDINAL_RANKS) + r"|\d+(?:st|nd|rd|th))\b(?:[- ](\w+est|most|biggest))?",
    re.IGNORECASE,
)
_SUPERLATIVE = re.compile(
    r"\b(\w{2,}est|most|least|biggest|best|worst|largest|smallest)\b", re.IGNORECASE
)
# What any match of the patterns above must hold, searched first: most passages hold
# none, and these scan far faster than the patterns they guard (a lookbehind or `\b`
# first lets `re` try every position; a literal or plain character class first lets it
# skip ahead in C). A year holds a year's digits; a number a digit; an ordinal a digit
# followed by its suffix or an ordinal word; a superlative "est", "most", "least" or
# "worst". The last two are searched in the lower-cased text, which is what
# IGNORECASE matches only for ASCII text ("ſ" matches "s" under IGNORECASE): other
# text is always read with the full pattern.
_YEAR_HINT = re.compile(r"1[5-9]\d\d|20\d\d")
_DIGIT = re.compile(r"\d")
_ORDINAL_HINT = re.compile(r"\d(?:st|nd|rd|th)|" + "|".join(ORDINAL_RANKS))
_SUPERLATIVE_HINT = re.compile(r"est|most|least|worst")
_ENTITY = re.compile(r"\b([A-Z][\w'’.-]*(?:\s+(?:of|the|de|and|for)?\s*[A-Z][\w'’.-]*)*)")
_ENTITY_STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "Or",
    "If",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "As",
    "By",
    "For",
    "From",
    "With",
    "After",
    "Before",
    "When",
    "While",
    "There",
    "Some",
    "Most",
    "Many",
    "According",
    "Also",
    "However",
}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written ("$3.5 billion") and as compared (3.5e9, unit "billion")."""

    text: str
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Ordinal:
    """A rank as written ("fourth-largest") and as compared (4, "largest")."""

    text: str
    rank: int
    superlative: str


@dataclass(frozen=True, slots=True)
class Details:
    """The checkable details of a text: what a passage should repeat to agree with it."""

    years: tuple[str, ...]
    year_contexts: dict[str, frozenset[str]]
    """For each year, the content words around it: what the year is the date of."""
    quantities: tuple[Quantity, ...]
    ordinals: tuple[Ordinal, ...]
    superlatives: tuple[str, ...]
    entities: tuple[str, ...]


def extract_details(text: str) -> Details:
    """Years, quantities, ordinal ranks, superlatives and capitalised names in `text`."""
    years = _years(text)
    return Details(
        years=years,
        year_contexts={year: _context_words(text, year) for year in years},
        quantities=_quantities(text, set(years)),
        ordinals=_ordinals(text),
        superlatives=_superlatives(text),
        entities=extract_entities(text),
    )


def _years(text: str) -> tuple[str, ...]:
    if not _YEAR_HINT.search(text):
        return ()
    return tuple(dict.fromkeys(_YEAR.findall(text)))


_CONTEXT_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "since",
        "after",
        "before",
        "during",
        "until",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "its",
        "it",
        "their",
        "his",
        "her",
        "as",
        "than",
        "over",
        "said",
        "says",
        "year",
        "years",
    }
)
_CONTEXT_WINDOW = 60
"""Characters either side of a year that say what it dates (about ten words)."""


def _context_words(text: str, year: str) -> frozenset[str]:
    """Lower-case content words near each mention of `year`, cut to a 5-letter stem.

    Capitalised names are left out: related passages share them whatever they date
    ("South Korea"), so they cannot tell a 2017 spat from a 2004 trade figure.
    """
    words: set[str] = set()
    for match in re.finditer(re.escape(year), text):
        window = text[max(0, match.start() - _CONTEXT_WINDOW) : match.end() + _CONTEXT_WINDOW]
        words.update(
            w[:5]
            for w in WORD.findall(window)
            if len(w) > 1 and w[0].isalpha() and w.islower() and w not in _CONTEXT_STOP
        )
    return frozenset(words)


def _quantities(text: str, years: set[str]) -> tuple[Quantity, ...]:
    if not _DIGIT.search(text):
        return ()
    quantities = []
    for match in _NUMBER.finditer(text):
        whole, fraction, percent, scale = match.groups()
        digits = whole.replace(",", "")
        if digits in years and not (fraction or percent or scale):
            continue
        value = float(digits + ("." + fraction if fraction else ""))
        if percent:
            unit = "percent"
        elif scale:
            unit = scale.lower()
        else:
            following = _UNIT_WORD.match(text, match.end())
            unit = following.group(1).lower() if following else ""
        quantities.append(Quantity(match.group(0).strip(), value, unit))
    return tuple(quantities)


def _ordinals(text: str) -> tuple[Ordinal, ...]:
    if text.isascii() and not _ORDINAL_HINT.search(text.lower()):
        return ()
    ordinals = []
    for match in _ORDINAL.finditer(text):
        word, superlative = match.group(1).lower(), (match.group(2) or "").lower()
        # IGNORECASE matches "firſt" (long s) as "first": its rank is the case-folded
        # word's (looked up lower-cased only, it raised ValueError: no digits)
        rank = ORDINAL_RANKS.get(word.casefold())
        if rank is None:
            digits = re.sub(r"\D", "", word)
            if not digits:  # a match no rank folds to: none is known, kept safe
                continue
            rank = int(digits)
        ordinals.append(Ordinal(match.group(0), rank, superlative))
    return tuple(dict.fromkeys(ordinals))


def _superlatives(text: str) -> tuple[str, ...]:
    if text.isascii() and not _SUPERLATIVE_HINT.search(text.lower()):
        return ()
    found = [w.lower() for w in _SUPERLATIVE.findall(text) if w.lower() not in NOT_SUPERLATIVE]
    return tuple(dict.fromkeys(found))


def extract_entities(text: str) -> tuple[str, ...]:
    """Capitalised word runs ("South Korea", "Xi Jinping"), minus sentence-initial words."""
    found = []
    for match in _ENTITY.finditer(text):
        words = match.group(1).split()
        while words and words[0] in _ENTITY_STOP:
            words = words[1:]
        while words and words[-1].lower() in {"of", "the", "de", "and", "for"}:
            words = words[:-1]
        if words:
            found.append(" ".join(words).rstrip(".'’").removesuffix("'s").removesuffix("’s"))
    return tuple(dict.fromkeys(name for name in found if len(name) > 1))


def compare(
    claim: Details, passage_text: str, *, lowered: str | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What the passage repeats from the claim, and what it states differently.

    A year or quantity counts as contradicted only when the passage states another one
    of the same kind (another year; another number with the same unit), since a passage
    silent on the figure neither supports nor disputes it. `lowered` is the passage
    lower-cased, when the caller has it already (the matcher does).
    """
    # Only the kinds of detail the claim has are looked for in the passage: this runs
    # on every recalled passage, so it must stay cheap.
    if lowered is None:
        lowered = _lowered(passage_text)
    agreements: list[str] = []
    contradictions: list[str] = []
    passage_years = _passage_years(passage_text) if claim.years or claim.quantities else ()
    for year in claim.years:
        if year in passage_years:
            agreements.append(year)
            continue
        # Another year contradicts only when it dates the same thing: the words around
        # it overlap the words around the claim's year ("2017 spat" vs "2016 spat", not
        # "2017 spat" vs "trading partner since 2004"). A bare year has no context.
        context = claim.year_contexts.get(year, frozenset())
        rivals = [
            other
            for other in passage_years
            if not context or context & _passage_context_words(passage_text, other)
        ]
        if rivals:
            nearest = min(rivals, key=lambda other: abs(int(other) - int(year)))
            contradictions.append(f"claim: {year}; passage: {nearest}")
    passage_quantities = _passage_quantities(passage_text) if claim.quantities else ()
    for quantity in claim.quantities:
        same_unit = [q for q in passage_quantities if q.unit == quantity.unit]
        if any(_close(q.value, quantity.value) for q in same_unit):
            agreements.append(quantity.text)
        elif same_unit and quantity.unit:
            other = min(same_unit, key=lambda q: abs(q.value - quantity.value))
            contradictions.append(f"claim: {quantity.text}; passage: {other.text}")
    passage_ordinals = _passage_ordinals(passage_text) if claim.ordinals else ()
    passage_superlatives = (
        _passage_superlatives(passage_text) if claim.ordinals or claim.superlatives else ()
    )
    for ordinal in claim.ordinals:
        same = [o for o in passage_ordinals if o.superlative == ordinal.superlative]
        if any(o.rank == ordinal.rank for o in same):
            agreements.append(ordinal.text)
        elif same and ordinal.superlative:
            contradictions.append(f"claim: {ordinal.text}; passage: {same[0].text}")
        elif ordinal.superlative and ordinal.rank != 1:
            plain = [s for s in passage_superlatives if s == ordinal.superlative]
            preceded = re.search(r"\bthe " + re.escape(ordinal.superlative), lowered)
            if plain and preceded and not passage_ordinals:
                contradictions.append(f"claim: {ordinal.text}; passage: the {plain[0]}")
    for superlative in claim.superlatives:
        if superlative in passage_superlatives:
            agreements.append(superlative)
    for entity in claim.entities:
        if entity.lower() in lowered:
            agreements.append(entity)
    return tuple(dict.fromkeys(agreements)), tuple(dict.fromkeys(contradictions))


def compare_each(
    claim: Details, passages: Sequence[str], lowered: Sequence[str]
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """`compare(claim, passage, lowered=...)` for each of `passages` (with `lowered`, each
    lower-cased): what the matcher asks of every recalled passage. The claim's side is
    looked at once: a claim with no detail agrees or disagrees with no passage, and one
    with names only (the commonest case after none) needs only a lower-cased search a
    name, not `compare`'s walk through every kind of detail for each passage."""
    if claim.years or claim.quantities or claim.ordinals or claim.superlatives:
        return [
            compare(claim, passage, lowered=text)
            for passage, text in zip(passages, lowered, strict=True)
        ]
    if not claim.entities:
        return [((), ())] * len(passages)
    names = [(entity, entity.lower()) for entity in claim.entities]
    return [
        (tuple(dict.fromkeys([entity for entity, name in names if name in text])), ())
        for text in lowered
    ]


PASSAGE_MEMO = 2048
"""Passages whose details `compare` remembers: the matcher compares each recalled passage
with each claim, and a desk's related claims recall the same passages again."""


@lru_cache(maxsize=PASSAGE_MEMO)
def _lowered(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=PASSAGE_MEMO)
def _passage_years(text: str) -> tuple[str, ...]:
    return _years(text)


@lru_cache(maxsize=PASSAGE_MEMO)
def _passage_context_words(text: str, year: str) -> frozenset[str]:
    """`_context_words` of a passage's year: each passage year a claim's year is held
    against, for every claim with a year that recalls the passage."""
    return _context_words(text, year)


@lru_cache(maxsize=PASSAGE_MEMO)
def _passage_quantities(text: str) -> tuple[Quantity, ...]:
    return _quantities(text, set(_passage_years(text)))


@lru_cache(maxsize=PASSAGE_MEMO)
def _passage_ordinals(text: str) -> tuple[Ordinal, ...]:
    return _ordinals(text)


@lru_cache(maxsize=PASSAGE_MEMO)
def _passage_superlatives(text: str) -> tuple[str, ...]:
    return _superlatives(text)


def forget_passages() -> None:
    """Empty the memo of passage details (a bench timing passages never seen before)."""
    for memo in (
        _lowered,
        _passage_years,
        _passage_context_words,
        _passage_quantities,
        _passage_ordinals,
        _passage_superlatives,
    ):
        memo.cache_clear()


def _close(a: float, b: float) -> bool:
    """Equal within rounding: "3.4%" agrees with "3.42%", "1,000" with "1000"."""
    return abs(a - b) <= max(abs(a), abs(b)) * 0.01
