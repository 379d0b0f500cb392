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

from factcheck.checkworthiness import shape_flags
from factcheck.models import ClaimKind

__all__ = ["MAX_WORDS", "Candidate", "candidate_spans", "claim_kind"]


def _words(spaced: str) -> frozenset[str]:
    """A word list written as one string, to keep long lexicons readable."""
    return frozenset(spaced.split())


MAX_WORDS = 20
"""A claim longer than this is cut back at a clause boundary."""

_TOKEN = re.compile(r"\$?\d[\d,.]*\d%?|\$?\d%?|(?:[A-Za-z]\.){2,}|\w(?:[\w'’-]*\w)?|[^\w\s]")

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
_ATTRIBUTION_VERBS = _words(
    "said says told tells urged urges claimed claims stated states announced announces "
    "insisted insists argued argues warned warns assured assures admitted denied denies "
    "promised promises added noted called reported reports confirmed confirms"
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


def _is_anchor(word: str, lower: str, nxt: str) -> bool:
    """Whether a token marks something checkable (a count, rank, date or comparison)."""
    if word[0].isdigit() or word[0] == "$":
        return True
    if lower in _NUMBER_WORDS or lower in _RANKING_WORDS:
        return True
    if "-" in lower and any(part in _RANKING_WORDS for part in lower.split("-")):
        return True  # "fourth-largest", "second-biggest"
    if lower.endswith("est") and len(lower) > 5 and lower not in _NOT_SUPERLATIVE:
        return True  # "highest", "deadliest"
    if lower in ("last", "past", "next") and nxt in _TEMPORAL_NOUNS:
        return True
    return lower in _COMPARATIVE_LEFT and nxt == "than"


def _is_verb(lower: str, nxt: str) -> bool:
    """A cheap part-of-speech guess: lexicon verbs, and -ed/-ing words before a phrase."""
    if lower in _VERBS or lower in _ATTRIBUTION_VERBS or lower in _COPULAS:
        return True
    if lower.endswith("ed") and len(lower) > 4:
        return nxt in _DETERMINERS or nxt in _PREPOSITIONS or nxt in _PRONOUNS or nxt == "."
    if lower.endswith("ing") and len(lower) > 5:
        return nxt in _DETERMINERS or nxt in _PREPOSITIONS or nxt in _PRONOUNS
    return False


def _noun_phrase_word(word: str, lower: str, nxt: str) -> bool:
    """Whether a token can sit inside a noun phrase (left or right of an anchor)."""
    if word[0] in _CLAUSE_PUNCT or word in ".’'`…":
        return False
    if (
        lower in _CONJUNCTIONS
        or lower in _RELATIVES
        or lower in _PREPOSITIONS
        or lower in _PRONOUNS
        or lower in _BREAKS
        or lower == "to"
    ):
        return False
    return not _is_verb(lower, nxt)


def candidate_spans(sentence: str, offset: int = 0) -> list[Candidate]:
    """Propose claim spans in `sentence`; offsets are shifted by `offset` into the source.

    Candidates may overlap; `factcheck.splitter` merges them.
    """
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    if not tokens:
        return []
    words = [sentence[a:b] for a, b in tokens]
    lowers = [w.lower() for w in words]
    nexts = [*lowers[1:], ""]
    n = len(words)
    in_np = [_noun_phrase_word(words[i], lowers[i], nexts[i]) for i in range(n)]
    spans: list[tuple[int, int, bool]] = []

    for i in range(n):
        if not _is_anchor(words[i], lowers[i], nexts[i]):
            continue
        left = i
        while left > 0 and in_np[left - 1] and lowers[left - 1] not in _ATTRIBUTION_VERBS:
            left -= 1
        # "more than 500 people": step over "than" and grow on from there.
        right = i + 1 if lowers[i] in _COMPARATIVE_LEFT else i
        right = _grow_right(lowers, in_np, right, n)
        if lowers[i] in ("first", "last") and "since" in lowers[i + 1 : right + 3]:
            right = _clause_end(words, lowers, lowers.index("since", i + 1), n)
        elif right - left < 2 and not words[i][0].isdigit():
            continue  # "the two", "the first": too little to look up
        left = _copular_subject(words, lowers, in_np, left)
        left = _sentence_subject(lowers, in_np, left)
        spans.append((left, right, False))

    for i in range(1, n):
        if lowers[i] in _ATTRIBUTION_VERBS and i + 1 < n and in_np[i - 1]:
            left = i - 1
            while left > 0 and in_np[left - 1] and i - left < 6:
                left -= 1
            if not (words[left][0].isupper() or lowers[left] in _PRONOUNS):
                continue
            if (
                lowers[i - 1] in _PRONOUNS
                or words[i - 1][0].isupper()
                or (lowers[i - 1] in _SPEAKER_WORDS)
            ):
                right = _attribution_end(words, lowers, i + 1, n)
                if right > i:
                    spans.append((left, right, True))
        elif lowers[i - 1] in _PRONOUNS and lowers[i] in _ATTRIBUTION_VERBS and i + 1 < n:
            right = _attribution_end(words, lowers, i + 1, n)
            spans.append((i - 1, right, True))

    return [
        Candidate(offset + tokens[a][0], offset + tokens[_cap(words, a, b)][1], attr)
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


def _cap(words: list[str], a: int, b: int) -> int:
    """Cut a span of more than MAX_WORDS words back to its last comma (else hard), and
    never let it end on a function word ("... core interests and")."""
    count = 0
    last_comma = -1
    end = b
    for j in range(a, b + 1):
        if words[j][0].isalnum() or words[j][0] == "$":
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
    return word.lower() in _TRAILING or word in ",;:—–(“\"'"


def claim_kind(text: str, *, attribution: bool = False) -> ClaimKind:
    """The claim's type, after Full Fact's claim types (adapted): first match wins."""
    if attribution:
        return ClaimKind.ATTRIBUTION
    flags = shape_flags(text)
    lowered = text.lower()
    if "ordinal" in flags and " since " in lowered:
        return ClaimKind.TEMPORAL
    if "superlative" in flags or "ordinal" in flags:
        return ClaimKind.RANKING
    if " than " in lowered and "comparative" in flags:
        return ClaimKind.COMPARISON
    if flags & {"percent", "money", "number", "numberword"}:
        return ClaimKind.QUANTITY
    if flags & {"year", "temporal"}:
        return ClaimKind.TEMPORAL
    if "comparative" in flags:
        return ClaimKind.COMPARISON
    if "causal" in flags:
        return ClaimKind.CAUSAL
    if "prediction" in flags:
        return ClaimKind.PREDICTION
    return ClaimKind.OTHER
