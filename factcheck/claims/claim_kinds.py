"""The type of a claim (quantity, comparison, ranking, ...), after Full Fact's claim types.

Read from the span's text and its shape flags (`checkworthiness.shape_bits`), apart from
how the sentence was cut, so a span a reviewer set by hand gets its kind the same way.
`factcheck.claims.spans` re-exports `claim_kind`. Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.checkworthiness import FLAG_BITS, shape_bits
from factcheck.claims.spans.tokens import AUXILIARIES, DETERMINERS, ORDINAL_WORDS, TOKEN, VERB_FORMS
from factcheck.models import ClaimKind


def claim_kind(text: str, *, attribution: bool = False, bits: int | None = None) -> ClaimKind:
    """The claim's type, after Full Fact's claim types (adapted): first match wins.

    `bits` is `shape_bits(text)` (only the flags tested below matter) when the caller
    has it already.
    """
    if attribution:
        return ClaimKind.ATTRIBUTION
    if bits is None:
        bits = shape_bits(text)
    if bits & _ORDINAL and not bits & _SUPERLATIVE and _ordinals_are_adverbs(text):
        bits &= ~_ORDINAL  # "The fountain first opened in 2008": when, not a rank
    if bits & _ORDINAL and " since " in text.lower():
        return ClaimKind.TEMPORAL
    if bits & _RANKED:
        return ClaimKind.RANKING
    if bits & _COMPARATIVE and " than " in text.lower():
        return ClaimKind.COMPARISON
    if bits & _QUANTITY:
        return ClaimKind.QUANTITY
    if bits & _DATED:
        return ClaimKind.TEMPORAL
    if bits & _COMPARATIVE:
        return ClaimKind.COMPARISON
    if bits & _CAUSAL:
        return ClaimKind.CAUSAL
    if bits & _PREDICTION:
        return ClaimKind.PREDICTION
    return ClaimKind.OTHER


_ORDINAL = FLAG_BITS["ordinal"]
_SUPERLATIVE = FLAG_BITS["superlative"]


def _ordinals_are_adverbs(text: str) -> bool:
    """Whether every ordinal in `text` qualifies the verb after it ("first opened",
    "was last seen", "first took office") rather than ranking a noun ("the third
    largest", "came second", "its first results")."""
    lowers = [w.lower() for w in TOKEN.findall(text)]
    found = False
    for i, lower in enumerate(lowers):
        if lower not in ORDINAL_WORDS:
            continue
        if i and lowers[i - 1] in DETERMINERS:
            return False  # "a second cropped close-up", "the first shot": a noun's rank
        following = lowers[i + 1] if i + 1 < len(lowers) else ""
        verb = following in AUXILIARIES or following in VERB_FORMS
        if not (verb or (len(following) > 4 and following.endswith("ed"))):
            return False
        found = True
    return found


_RANKED = _SUPERLATIVE | _ORDINAL
_COMPARATIVE = FLAG_BITS["comparative"]
_QUANTITY = (
    FLAG_BITS["percent"] | FLAG_BITS["money"] | FLAG_BITS["number"] | FLAG_BITS["numberword"]
)
_DATED = FLAG_BITS["year"] | FLAG_BITS["temporal"]
_CAUSAL = FLAG_BITS["causal"]
_PREDICTION = FLAG_BITS["prediction"]
