"""The ends of a span: markup, closing punctuation, dangling words and a cut-off end.

`trim_markup` shrinks offsets past Markdown marks and punctuation; `drop_dangling`
gives back a final determiner, conjunction or relative; `drop_cut_off_end` gives back
the end of a body its source truncated mid-clause ("... a public health emergency in").
Each keeps what ends a clause whole ("what you were looking for", "paid $5 each").
Pure; no I/O.
"""

from __future__ import annotations

from factcheck.claims.spans.tokens import (
    AUXILIARIES,
    CHAIN_ADVERBS,
    CONJUNCTIONS,
    DETERMINERS,
    ORDINAL_WORDS,
    PREPOSITIONS,
    RELATIVES,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
)
from factcheck.text.lexicon import words_of


def trim_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past Markdown markup and closing punctuation.

    A heading's "#", a block quote's ">", a final full stop and emphasis marks that wrap
    the span or stand alone at its edge are not claim text; offsets still index the
    stored text, so emphasis inside a span stays, whole ("**Unemployment** fell").
    A closing quotation mark is kept with its full stop ("... situation.”") so the
    quotes stay balanced.
    """
    while start < end:
        char = text[start]
        following = text[start + 1 : start + 2]
        if char.isspace() or (char in "#>" and following in ("#", ">", " ", "")):
            start += 1  # a heading's "#" or a quote's ">", not a hashtag ("#MeToo")
        elif char in "*_":
            mark = start
            while mark < end and text[mark] == char:
                mark += 1
            run = text[start:mark]
            if text.find(run, mark, end) >= 0 and not text[start:end].rstrip(".,;: ").endswith(run):
                break  # "**Unemployment** fell ...": the emphasis closes inside the span
            start = mark
        else:
            break
    while end > start:
        char = text[end - 1]
        if char.isspace() or char in ".,;:—–-#":
            end -= 1
        elif char in "*_":
            mark = end
            while mark > start and text[mark - 1] == char:
                mark -= 1
            if text.find(text[mark:end], start, mark) >= 0:
                break  # "... in *May*": the emphasis opened inside the span
            end = mark
        else:
            break
    return start, end


_LOOSE_PUNCTUATION = frozenset({",", ";", ":", "-", "–", "—", ".", "!", "?", "..."})
"""Punctuation standing alone as a word: given back with a dangling article before it."""


_OPENERS_ONLY = words_of("because if although though unless whether")
"""Subordinators that cannot end a clause ("... severe illness because" in a cut-off
body); "so", "since", "before" and "once" can ("to do so", "than before")."""


_DEMONSTRATIVES = words_of("this that these those")
_PRONOUN_AFTER = (
    PREPOSITIONS | SPEECH_VERBS | words_of("is are was were be been am 's ’s do does did")
)
"""Words after which a final demonstrative stands for a noun phrase, so it ends the
statement whole: "why is that", "the problem is that", "like this", "abide by that".
Not a modal or "has": "how can that" lacks its verb."""


_EMPHASIS_MARKS = frozenset("*_")


def _dangles(lower: str) -> bool:
    """A word a claim cannot end on: a determiner, conjunction, relative or
    subordinator, or loose punctuation ("is the , the": trimmed later anyway)."""
    return (
        lower in DETERMINERS
        or lower in CONJUNCTIONS
        or lower in RELATIVES
        or lower in _OPENERS_ONLY
        or lower in _LOOSE_PUNCTUATION
    )


_FLOATING_QUANTIFIERS = words_of("each all both")
"""Determiners that also end a clause after what they quantify ("fined them €150 ($177)
each", "paid $5 each", "thanked them all")."""


def _floating_quantifier(lowers: list[str], first: int, end: int) -> bool:
    """Whether the final "each" / "all" / "both" at `end` quantifies what comes before it
    (a figure, a closing bracket or an object pronoun), so it ends the statement."""
    if end <= first or lowers[end] not in _FLOATING_QUANTIFIERS:
        return False
    before = lowers[end - 1]
    return before[:1].isdigit() or before[:1] in "$£€)" or before in ("them", "us", "you")


def drop_dangling(lowers: list[str], first: int, last: int) -> int:
    """Give back a trailing determiner, conjunction, relative or subordinator, and a
    preposition it bares ("... died on April 22 of the" in a cut-off body): a claim never
    ends on them. A preposition alone at the end is `drop_cut_off_end`'s to judge. A
    final demonstrative after a verb or preposition is a pronoun and stays."""
    end = last
    if end > first and lowers[end] in _DEMONSTRATIVES and lowers[end - 1] in _PRONOUN_AFTER:
        return end
    if _floating_quantifier(lowers, first, end):
        return end  # "fined them €150 ($177) each"
    while True:  # until stable: a bared preposition may uncover another determiner
        before = end
        behind = end  # emphasis marks standing alone, which `trim_markup` drops later
        while behind > first and lowers[behind] in _EMPHASIS_MARKS:
            behind -= 1
        if behind != end and _dangles(lowers[behind]):
            end = behind  # "the *": the mark goes, and the "the" it hid must too
        while end > first and _dangles(lowers[end]):
            end -= 1
        if end == before:
            return end
        while end > first and lowers[end] in PREPOSITIONS:
            end -= 1


_TRAILING_AUXILIARIES = AUXILIARIES - words_of("do does did 's ’s")
"""Auxiliaries and modals that leave a clause without its predicate when they end it
("the union has been", "the pool will"); "do" is also a main verb ("what they do")."""
_GAP_WORDS = RELATIVES | words_of("i you we they he she it them us me him to")
"""Words that open a clause with a gap a final preposition can fill: "the page you were
looking for", "rooms they are in", "a friend to shelter with"."""
_ELLIPSIS_WORDS = (_GAP_WORDS - {"that"}) | words_of("as than so none nor not neither too")
"""Words that make a final auxiliary an ellipsis rather than a cut: "as effective as it
once was", "how common the problem is", "yet none have"."""
_LOOK_BACK = 4
"""Tokens before a final preposition or auxiliary searched for a gap or ellipsis word."""


def drop_cut_off_end(words: list[str], lowers: list[str], first: int, last: int) -> int:
    """Give back the end of the text's last statement when the source cut it off
    mid-clause, as a truncated body is ("... is a public health emergency in", "the union
    has been"): a final lowercase preposition with no gap before it to fill, a final run
    of auxiliaries with no ellipsis before it, and an ordinal after a determiner ("in
    their first"). A stranded preposition or
    an elliptic auxiliary stays ("what you were looking for", "as it once was")."""
    end = last
    while end > first and words[end][:1].islower():
        lower = lowers[end]
        if lower in PREPOSITIONS:
            before = lowers[end - 1]
            if lower in _ADVERB_PREPOSITIONS and before in _TIME_BEFORE_ADVERB:
                return end  # "turned back on right after", "than before", "ever since"
            stacked = before in PREPOSITIONS or before in CONJUNCTIONS
            if not stacked and _gap_before(lowers, first, end):
                return end
            end = drop_dangling(lowers, first, end - 1)  # "in addition to at", "or to"
        elif lower in ORDINAL_WORDS and end > first and lowers[end - 1] in DETERMINERS:
            end = drop_dangling(lowers, first, end - 1)  # "in their first": a rank cut off
        elif lower in _TRAILING_AUXILIARIES and not (
            lower == "am" and words[end - 1][:1].isdigit()
        ):
            chain = end  # (not "at 6 am")
            while chain > first and (
                lowers[chain - 1] in _TRAILING_AUXILIARIES or lowers[chain - 1] in CHAIN_ADVERBS
            ):
                chain -= 1  # "may soon be", "has not been"
            if lowers[chain - 1] not in RELATIVES and _near(lowers, first, chain, _ELLIPSIS_WORDS):
                return end  # not "... which can": a relative subject still needs its verb
            end = drop_dangling(lowers, first, chain - 1) if chain > first else first
        else:
            return end
    return end


_ADVERB_PREPOSITIONS = words_of("after before since")
_TIME_BEFORE_ADVERB = words_of(
    "right soon shortly long just immediately straight ever than not never once day days "
    "week weeks month months year years hour hours minute minutes time"
)
"""Words after which a final "after", "before" or "since" is an adverb of time that
ends the clause ("right after", "the year before", "ever since"), not a cut-off
preposition."""


def _gap_before(lowers: list[str], first: int, at: int) -> bool:
    """Whether a word that opens a clause with a gap comes in the `_LOOK_BACK` tokens
    before the final preposition at `at`. A relative counts only before its own subject
    ("the place which the team worked at"): one followed by its verb is the subject
    itself and leaves no gap ("clinics which operate outside of" was cut off)."""
    for j in range(max(first, at - _LOOK_BACK), at):
        lower = lowers[j]
        if lower not in _GAP_WORDS:
            continue
        if lower in RELATIVES and lowers[j + 1] not in SUBJECT_PRONOUNS | DETERMINERS:
            continue
        return True
    return False


def _near(lowers: list[str], first: int, at: int, wanted: frozenset[str]) -> bool:
    """Whether one of the `_LOOK_BACK` tokens before `at` (not before `first`) is wanted."""
    return not wanted.isdisjoint(lowers[max(first, at - _LOOK_BACK) : at])
