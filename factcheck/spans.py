"""Candidate claim spans inside one sentence: short, checkable, with a kind.

A fact-checker looks things up phrase by phrase ("Asia's fourth-largest economy", "a
2017 spat over ... missile defence"), not sentence by sentence. Without a parser we get
there with anchors and a small word lexicon: an anchor (a number, year, ordinal,
superlative, "last week's", "more than") is grown left over the noun phrase it sits in
and right over nouns and prepositional phrases, stopping at verbs, conjunctions,
relative pronouns and clause punctuation. Two clause-level patterns sit beside it:
attribution ("Xi urged the two countries to ...") and a copular subject ("China is South
Korea's biggest trading partner"). `factcheck.splitter` scores and filters what this
module proposes. Pure; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import and_

from factcheck.checkworthiness import FLAG_BITS, shape_bits
from factcheck.models import ClaimKind

__all__ = ["MAX_WORDS", "Candidate", "candidate_spans", "claim_kind", "has_hint"]


def _words(spaced: str) -> frozenset[str]:
    """A word list written as one string, to keep long lexicons readable."""
    return frozenset(spaced.split())


MAX_WORDS = 20
"""A claim longer than this is cut back at a clause boundary."""

# A token: a clock time, a figure ("$1,250", "9.7%"), dotted initials ("U.S."), a word
# (with inner apostrophes and hyphens) or one other non-space character, i.e.
#   (?=[\d$])(?:\d{1,2}:\d\d|\$?\d[\d,.]*\d%?|\$?\d%?)
#   |(?=[A-Za-z]\.[A-Za-z]\.)(?:[A-Za-z]\.){2,}|\w(?:[\w'’-]*\w)?|[^\w\s]
# written to open with "\S", each branch checking by a lookbehind what that first
# character was: re then scans for the leading class in C and enters the matcher only
# at a token's start (the same split, 20% faster than a leading "(?=\S)").
_TOKEN_SPLIT = re.compile(
    r"(\S(?:(?<=\d)(?:\d?:\d\d|[\d,.]*\d%?|%?)|(?<=\$)(?:\d[\d,.]*\d%?|\d%?)"
    r"|(?<=[A-Za-z])\.(?=[A-Za-z]\.)(?:[A-Za-z]\.)+|(?<=\w)(?:[\w'’-]*\w)?|))"
)

_DETERMINERS = _words(
    "a an the this these those its their his her our your my some many several all both "
    "each every no any another"
)
_PREPOSITIONS = _words(
    "of over for in on at from between among about against during across under within per "
    "into by than"
)
_CONJUNCTIONS = _words(
    "and or but while whereas although though because if unless so yet nor whether"
)
_RELATIVES = _words("that which who whom whose where when what how why")
# Words that open a new clause or an adverbial: a noun phrase never runs across them.
_BREAKS = _words(
    "since until after before as like with without through via amid despite unlike whilst not"
)
_TRAILING = _DETERMINERS | _PREPOSITIONS | _CONJUNCTIONS | _RELATIVES | _BREAKS | {"to"}
_PRONOUNS = _words("he she it they we i you him them us me")
_COPULAS = _words("is are was were remains remained became becomes")
_VERBS = _words(
    "is are was were be been being am has have had do does did will would can could may "
    "might shall should must stands stand stood says say said tell tells told make makes "
    "made take takes took get gets got go goes went come comes came see sees saw know "
    "knows knew think thinks thought give gives gave find finds found want wants need "
    "needs use uses faces face faced seems seem seemed become becomes became keep keeps "
    "kept lead leads led show shows help helps put puts let lets hold holds held bring "
    "brings brought begin begins began run runs ran pay pays paid mean means meant "
    "remains remain include includes including"
)
# Forms that are also common nouns ("the United States", "his claims", "reports") are
# left out: after a capitalised word they would turn a noun phrase into an attribution.
_ATTRIBUTION_VERBS = _words(
    "said says told tells urged urges claimed stated announced announces insisted insists "
    "argued argues warned warns assured assures admitted denied denies promised added "
    "noted reported confirmed confirms"
)
_SPEAKER_WORDS = _words(
    "president minister prime secretary spokesman spokeswoman spokesperson official "
    "officials senator governor mayor leader chief director ceo"
)
_CLAUSE_PUNCT = frozenset(',;:()[]{}!?—–"“”')
_TEMPORAL_NOUNS = _words(
    "week week's week’s weeks month month's month’s months year year's year’s years "
    "decade decades century"
)
_NUMBER_WORDS = _words(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen "
    "dozens percent half"
)
_RANKING_WORDS = _words(
    "first second third fourth fifth sixth seventh eighth ninth tenth most least best "
    "worst biggest largest smallest highest lowest greatest fastest longest oldest "
    "richest poorest deadliest strongest top"
)
_COMPARATIVE_LEFT = _words("more less fewer")
_NOT_SUPERLATIVE = _words(
    "honest interest forest protest arrest request contest suggest invest digest harvest "
    "manifest modest latest earnest"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed claim: character offsets into the source and how it was found."""

    start: int
    end: int
    attribution: bool = False


# Per-word classes, as bit flags, memoised in `_CLASS`: the span finder then does one
# dict lookup per token instead of several function calls (it runs on every sentence).
_NP = 1  # can sit inside a noun phrase
_NP_UNLESS_PHRASE = 2  # "-ing" word: a verb when a phrase follows ("ranging from")
_NP_UNLESS_PHRASE_OR_END = 4  # "-ed" word: likewise, or at the end ("Beijing opposed.")
_ANCHOR = 8
_ANCHOR_IF_PERIOD = 16  # "last" / "past" / "next" before "week", "year", ...
_ANCHOR_IF_THAN = 32  # "more" / "less" / "fewer" before "than"
_ATTRIBUTES = 64  # said, told, urged ...
_ANY_ANCHOR = _ANCHOR | _ANCHOR_IF_PERIOD | _ANCHOR_IF_THAN
_PHRASE_STARTS = _DETERMINERS | _PREPOSITIONS | _PRONOUNS
_PHRASE_STARTS_OR_END = _PHRASE_STARTS | {"."}
_NOT_IN_NP = _CONJUNCTIONS | _RELATIVES | _PREPOSITIONS | _PRONOUNS | _BREAKS | {"to"}
_CLASS: dict[str, int] = {}
# What follows a token, as far as the -ed/-ing rule cares: 1 = a phrase start, 2 = ".".
_FOLLOWER: dict[str, int] = {**dict.fromkeys(_PHRASE_STARTS, 1), ".": 2}
_IN_NP: dict[tuple[int, int | None], bool] = {}
for _flags in range(128):
    for _follower in (None, 1, 2):
        _IN_NP[_flags, _follower] = bool(
            _flags & _NP
            or (_flags & _NP_UNLESS_PHRASE and _follower != 1)
            or (_flags & _NP_UNLESS_PHRASE_OR_END and _follower is None)
        )


def _classify(lower: str) -> int:
    """The bit-flag class of a lowercased token (see the flags above)."""
    flags = 0
    first = lower[0]
    if ":" in lower:
        flags = _NP  # a clock time ("11:23") is context, not a checkable figure
    elif first.isdigit() or first == "$":
        flags = _NP | _ANCHOR
    elif first in _CLAUSE_PUNCT or lower in ".’'`…":
        flags = 0
    elif lower in _ATTRIBUTION_VERBS:
        flags = _ATTRIBUTES
    elif lower in _VERBS or lower in _COPULAS or lower in _NOT_IN_NP:
        flags = 0
    elif lower.endswith("ed") and len(lower) > 4:
        flags = _NP_UNLESS_PHRASE_OR_END
    elif lower.endswith("ing") and len(lower) > 5:
        flags = _NP_UNLESS_PHRASE
    else:
        flags = _NP
    if lower in _NUMBER_WORDS or lower in _RANKING_WORDS:
        flags |= _ANCHOR
    elif "-" in lower and any(part in _RANKING_WORDS for part in lower.split("-")):
        flags |= _ANCHOR  # "fourth-largest", "second-biggest"
    elif lower.endswith("est") and len(lower) > 5 and lower not in _NOT_SUPERLATIVE:
        flags |= _ANCHOR  # "highest", "deadliest"
    elif lower in ("last", "past", "next"):
        flags |= _ANCHOR_IF_PERIOD
    elif lower in _COMPARATIVE_LEFT:
        flags |= _ANCHOR_IF_THAN
    if len(_CLASS) > 200_000:
        _CLASS.clear()  # bounded memo; refilled as needed
    _CLASS[lower] = flags
    return flags


# A sentence with none of these cannot hold an anchor or an attribution: skip the
# tokenising altogether. A set test on plain words is ~20x faster than one regex
# alternation of the same words (Python's re does not build a trie).
_HINT_WORDS = (
    _NUMBER_WORDS
    | _RANKING_WORDS
    | _ATTRIBUTION_VERBS
    | _COMPARATIVE_LEFT
    | {"last", "past", "next"}
)
_LOWER_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_EST = re.compile(r"est\b")


def has_hint(lowered: str, tokens: list[str] | None = None) -> bool:
    """Whether a sentence (lowercased) may hold an anchor or an attribution: a cheap
    pre-filter. `tokens`, the sentence's `checkworthiness.tokenize` tokens when the
    caller has them, spare a second tokenising: without an apostrophe in the text their
    words are exactly its runs of letters."""
    # Two plain searches beat one alternation ("\d|est\b"), which re tries at every position.
    if _DIGIT.search(lowered) or ("est" in lowered and _EST.search(lowered)):
        return True
    if tokens is not None and "'" not in lowered and "’" not in lowered:
        return not _HINT_WORDS.isdisjoint(tokens)
    return not _HINT_WORDS.isdisjoint(_LOWER_WORD.findall(lowered))


def candidate_spans(
    sentence: str, offset: int = 0, *, hinted: bool | None = None
) -> list[Candidate]:
    """Propose claim spans in `sentence`; offsets are shifted by `offset` into the source.

    Candidates may overlap; `factcheck.splitter` merges them. `hinted` is `has_hint`'s
    answer when the caller already has it.
    """
    if not (has_hint(sentence.lower()) if hinted is None else hinted):
        return []
    # re.split with a capturing group alternates gap, token, gap, ...; the offsets then
    # come from a C-level running sum of lengths instead of one match object per token.
    pieces = _TOKEN_SPLIT.split(sentence)
    words = pieces[1::2]
    lowers = list(map(str.lower, words))
    n = len(words)
    try:  # the memo is warm for almost every word of running text
        classes = list(map(_CLASS.__getitem__, lowers))
    except KeyError:
        classes = [_CLASS[w] if w in _CLASS else _classify(w) for w in lowers]
    # Only anchor and attribution tokens start a span: pick their indices with C-level
    # compress instead of a Python loop over every token. A sixth of the hinted
    # sentences have neither (the hint was a word such as "interest"): done.
    anchors = list(compress(range(n), map(and_, classes, repeat(_ANY_ANCHOR))))
    speakers = list(compress(range(n), map(and_, classes, repeat(_ATTRIBUTES))))
    if not anchors and not speakers:
        return []
    nexts = [*lowers[1:], ""]
    # Whether each token may sit in a noun phrase: a table lookup on (class, what the
    # next token is), so the whole list is built by C-level map.
    in_np = list(map(_IN_NP.__getitem__, zip(classes, map(_FOLLOWER.get, nexts), strict=True)))
    spans: list[tuple[int, int, bool]] = []

    for i in anchors:
        c = classes[i]
        if c & _ANCHOR_IF_PERIOD and nexts[i] not in _TEMPORAL_NOUNS:
            continue
        if c & _ANCHOR_IF_THAN and nexts[i] != "than":
            continue
        left = i
        while left > 0 and in_np[left - 1]:
            left -= 1
        # "more than 500 people": step over "than" and grow on from there.
        right = i + 1 if c & _ANCHOR_IF_THAN else i
        right = _grow_right(lowers, in_np, right, n)
        if lowers[i] in ("first", "last") and "since" in lowers[i + 1 : right + 3]:
            right = _clause_end(words, lowers, lowers.index("since", i + 1), n)
        elif right == left or (right - left < 2 and not words[i][0].isdigit()):
            continue  # "2024", "the two", "the first": too little to look up
        left = _copular_subject(words, lowers, in_np, left)
        left = _sentence_subject(lowers, in_np, left)
        spans.append((left, right, False))

    for i in speakers:
        if i == 0 or i + 1 >= n or not words[i][0].islower():
            continue
        if in_np[i - 1]:
            left = i - 1
            while left > 0 and in_np[left - 1] and i - left < 6:
                left -= 1
            # A named or titled speaker: "Xi", "President Lee", "Café owners",
            # "the spokesman"; not any noun phrase that happens to precede "said".
            named = words[left][0].isupper() or words[i - 1][0].isupper()
            if named or lowers[i - 1] in _SPEAKER_WORDS:
                right = _attribution_end(words, lowers, i + 1, n)
                if right > i:
                    spans.append((left, right, True))
        elif lowers[i - 1] in _PRONOUNS:
            right = _attribution_end(words, lowers, i + 1, n)
            spans.append((i - 1, right, True))

    if not spans:
        return []  # anchors that grew into nothing: no need for offsets
    gaps = pieces[0::2]
    ends = list(accumulate(map(len, pieces)))
    starts, stops = ends[0::2], ends[1::2]
    return [
        Candidate(offset + starts[a], offset + stops[_cap(words, gaps, a, b)], attr)
        for a, b, attr in spans
        if b >= a
    ]


def _grow_right(lowers: list[str], in_np: list[bool], right: int, n: int) -> int:
    """Extend over noun-phrase words and prepositional phrases; drop a dangling preposition."""
    j = right + 1
    while j < n:
        if in_np[j]:
            right = j
        elif lowers[j] in _PREPOSITIONS and j + 1 < n and in_np[j + 1]:
            pass  # keep going; `right` moves once the phrase's noun is reached
        else:
            break
        j += 1
    return right


def _clause_end(words: list[str], lowers: list[str], start: int, n: int) -> int:
    """Last token index of the clause that begins at `start` (up to a comma or the end)."""
    j = start
    while j + 1 < n and words[j + 1][0] not in _CLAUSE_PUNCT and words[j + 1] != ".":
        if lowers[j + 1] in _CONJUNCTIONS or lowers[j + 1] in _RELATIVES:
            break
        j += 1
    return j


def _copular_subject(words: list[str], lowers: list[str], in_np: list[bool], left: int) -> int:
    """Pull in "China is" before "South Korea's biggest trading partner"."""
    if left < 2 or lowers[left - 1] not in _COPULAS:
        return left
    subject = left - 2
    if not in_np[subject]:
        return left
    while subject > 0 and in_np[subject - 1] and left - subject < 6:
        subject -= 1
    head = words[subject]
    at_clause_start = subject == 0 or words[subject - 1][0] in _CLAUSE_PUNCT
    if head[0].isupper() or lowers[subject] in _DETERMINERS or at_clause_start:
        return subject
    return left


def _sentence_subject(lowers: list[str], in_np: list[bool], left: int) -> int:
    """ "Lee's decisive victory in last week's snap election stands ...": when the anchored
    phrase hangs off the sentence's opening noun phrase by a preposition, take it whole."""
    if left < 2 or lowers[left - 1] not in _PREPOSITIONS:
        return left
    j = left - 2
    while j >= 0 and (in_np[j] or (lowers[j] in _PREPOSITIONS and j > 0 and in_np[j - 1])):
        j -= 1
    return 0 if j < 0 else left


def _attribution_end(words: list[str], lowers: list[str], start: int, n: int) -> int:
    """Last token of what someone said or urged: up to a clause break or the word cap."""
    j = start
    while j < n:
        word = words[j]
        if word in ";:" or (word == "." and j == n - 1):
            break
        if word == "," and j + 1 < n:
            follow = lowers[j + 1]
            if follow in _CONJUNCTIONS or follow in _RELATIVES or follow == "according":
                break
            if follow.endswith("ing") or follow in ("as", "with", "adding", "saying"):
                break
        j += 1
    j -= 1
    while j > start and (words[j][0] in _CLAUSE_PUNCT and words[j] not in '”")'):
        j -= 1
    return j


def _cap(words: list[str], gaps: list[str], a: int, b: int) -> int:
    """Cut a span of more than MAX_WORDS words back to its last comma (else hard), and
    never let it end on a function word ("... core interests and").

    Words are whitespace-separated, as a reader counts them: `gaps[j]` is the space
    before token j, so a free-standing quote or dash counts as a word too.
    """
    end = b
    # At most one word per token: a span of MAX_WORDS tokens or fewer needs no cut
    # (most of them), so only longer ones are counted.
    if b - a >= MAX_WORDS:
        count = 0
        last_comma = -1
        for j in range(a, b + 1):
            if j == a or gaps[j]:
                count += 1
                if count > MAX_WORDS:
                    end = last_comma - 1 if last_comma > a else j - 1
                    break
            elif words[j] == ",":
                last_comma = j
    while end > a and _is_trailing(words[end]):
        end -= 1
    return end


def _is_trailing(word: str) -> bool:
    """Whether a claim may not end on `word`: function words and opening punctuation."""
    return word.lower() in _TRAILING or word in ",;:—–-(“\"'"


def claim_kind(text: str, *, attribution: bool = False, bits: int | None = None) -> ClaimKind:
    """The claim's type, after Full Fact's claim types (adapted): first match wins.

    `bits` is `shape_bits(text)` (only the flags tested below matter) when the caller
    has it already.
    """
    if attribution:
        return ClaimKind.ATTRIBUTION
    if bits is None:
        bits = shape_bits(text)
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
_RANKED = FLAG_BITS["superlative"] | _ORDINAL
_COMPARATIVE = FLAG_BITS["comparative"]
_QUANTITY = (
    FLAG_BITS["percent"] | FLAG_BITS["money"] | FLAG_BITS["number"] | FLAG_BITS["numberword"]
)
_DATED = FLAG_BITS["year"] | FLAG_BITS["temporal"]
_CAUSAL = FLAG_BITS["causal"]
_PREDICTION = FLAG_BITS["prediction"]
