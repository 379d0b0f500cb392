"""Candidate cut points inside a statement, their closed-class features, and the hook
that cuts there (issue 11; bench/train_cut_points.py is its user).

The hand-written rules of `factcheck.claims.spans.cuts` place the cuts they are sure
of; a statement they leave whole can still hold several claims (", which means it is
shrinking", ", but it also loses 2306 billion tons", "X lives in South Africa, is an
author of several books and ..."). Session 31 (cut11) tried a learned decision there:
this module proposes the candidates and describes each one; the trainer labels them
from the measure and fits a logistic model. It was not shipped (bench/RESULTS.md,
"Session 31, cut11"), so the hook lives here and `installed` puts it into
`factcheck.claims.spans.statements` for the length of a bench run only.

A candidate sits outside quotation marks and brackets, after a ",", ";", ":" or dash
(the later piece starts after an "and", "but" or "yet" that follows the mark, as the
rules' own cuts do); both pieces keep three tokens or more. None is offered where the
later piece has no verb the lexicon knows, where it is an insertion its statement
resumes after (", including the child making a wish, to be fully vaccinated"), or
after a word that holds the statement together up to a later comma ("either",
"while", "including", ...). Features are closed-class only: the mark, the function
word after it by name (any other word by its class: verb, "-ing", pronoun, determiner,
capitalised, figure), the classes around the cut, whether each piece has a verb, a
figure, a speech verb, a detail, a comma, and their bucketed lengths. No content word
is a feature: 7 articles a set would be memorised.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import accumulate
from typing import NamedTuple

from factcheck.claims.spans.tokens import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    Tokens,
    is_detail,
    is_figure,
)
from factcheck.text.lexicon import words_of

__all__ = ["DECIDER", "Candidate", "Key", "candidates", "installed", "learned_cuts", "may_cut"]

_PUNCTUATION = {",": ",", ";": ";", ":": ":", "—": "dash", "–": "dash", "-": "dash"}
"""Marks a candidate may follow, by the name its feature gives them."""
_DROPPED = words_of("and but yet")
"""Conjunctions the later piece starts after, as the rules' own cuts do ("... the breach"
/ "paid a $2 million penalty")."""
_OPENERS = words_of(
    "and but yet or nor so while whereas which who whom whose where when that as because "
    "although though since after before until unless if with without including "
    "meaning making leaving adding saying according despite"
)
"""Function words (and a handful of linking participles) a later statement may open
with: the only words the model sees by name (any other word by its class)."""
_HOLDING = words_of("either neither whether while although though if unless because once including")
"""Words that hold what follows them together with what comes after the next comma:
a pair ("either an X chromosome, which ..., or a Y ...") or a fronted clause that waits
for its main clause ("while families are housed in ..., this is legal"), or a list
("including misinformation about ..., and the fact that ..."). No candidate
follows one in its statement."""
_MIN_PIECE = 3
"""Fewest tokens either piece of a cut keeps: shorter pieces are never statements."""

Key = tuple[str, int]
"""A candidate's identity: its sentence's tokens joined by spaces, and the token its
later piece starts at."""

DECIDER: ContextVar[Callable[[Key, list[str]], bool] | None] = ContextVar(
    "cut_point_decider", default=None
)
"""What decides each candidate, called with its key and its features; None: no cut
(the product's own spans). bench/train_cut_points.py sets it to record the
candidates, to try one cut at a time and to apply a trained model."""


class Candidate(NamedTuple):
    """A place a statement could be cut: the token the earlier piece ends at and the one
    the later starts at, and the token that triggered it."""

    left_end: int
    right_start: int
    trigger: int


def may_cut(lowers: list[str]) -> bool:
    """Whether a sentence has any mark a candidate follows (most short ones have none)."""
    return any(w in _PUNCTUATION for w in lowers)


class _Sums:
    """Running counts over a sentence's tokens, so each candidate's features cost the
    same however long its statement is (a 400 KB unpunctuated transcript stays linear):
    `count(kind, a, b)` tokens of a kind in [a, b), and the next verb or top-level comma
    at or after a token."""

    def __init__(self, tokens: Tokens) -> None:
        words, lowers, top, verbs = tokens.words, tokens.lowers, tokens.top, tokens.verbs
        kinds = {
            "verb": verbs,
            "figure": [is_figure(w) for w in words],
            "speech": [w in SPEECH_VERBS for w in lowers],
            "comma": [w == "," for w in lowers],
            "top_comma": [w == "," and t for w, t in zip(lowers, top, strict=True)],
            "holding": [w in _HOLDING for w in lowers],
            "detail": [t and is_detail(w, lw) for w, lw, t in zip(words, lowers, top, strict=True)],
            "quoted": [not t for t in top],
        }
        self.sums = {kind: list(accumulate(flags, initial=0)) for kind, flags in kinds.items()}
        self.next_verb = _next_true(verbs)
        self.next_top_comma = _next_true(kinds["top_comma"])

    def count(self, kind: str, a: int, b: int) -> int:
        sums = self.sums[kind]
        return sums[b] - sums[a] if b > a else 0


def _next_true(flags: list[bool]) -> list[int]:
    """For each index, the first index at or after it whose flag is set (len: none)."""
    found = [len(flags)] * (len(flags) + 1)
    for j in range(len(flags) - 1, -1, -1):
        found[j] = j if flags[j] else found[j + 1]
    return found


def candidates(tokens: Tokens, first: int, last: int, sums: _Sums) -> list[Candidate]:
    """Every candidate cut inside the statement of tokens [first, last], in order."""
    lowers, top = tokens.lowers, tokens.top
    found: list[Candidate] = []
    for p in range(first + 1, last):
        if not top[p] or lowers[p] not in _PUNCTUATION:
            continue
        start = p + 1
        if lowers[start] in _DROPPED:
            start += 1
        left_end = p - 1
        if left_end - first + 1 < _MIN_PIECE or last - start + 1 < _MIN_PIECE:
            continue
        if sums.next_verb[start] > last:
            continue  # a verbless later piece is a noun phrase: no statement of its own
        if _insertion(tokens, start, last, sums):
            continue  # ", including the child ..., to be vaccinated": the clause goes on
        if sums.count("holding", first, left_end + 1):
            continue  # "either A, which ..., or B"; "while A, B": one claim the cut splits
        if not found or found[-1].right_start != start:
            found.append(Candidate(left_end, start, p))
    return found


def _insertion(tokens: Tokens, start: int, last: int, sums: _Sums) -> bool:
    """Whether the later piece is an insertion its statement resumes after: its first
    comma outside quotes is followed by "to" or a verb (", including the child making
    a wish, to be fully vaccinated"; ", who led the agency, said ...")."""
    j = sums.next_top_comma[start]
    return j < last and (tokens.lowers[j + 1] == "to" or tokens.verbs[j + 1])


def _word_class(tokens: Tokens, j: int, last: int) -> str:
    """A token as the model may see it: a function word by name, else its class."""
    if j > last:
        return "END"
    word, lower = tokens.words[j], tokens.lowers[j]
    if lower in _OPENERS or lower in _PUNCTUATION:
        return lower
    if lower in SUBJECT_PRONOUNS:
        return "pronoun"
    if lower in AUXILIARIES:
        return "aux"
    if lower in DETERMINERS:
        return "det"
    if lower in PREPOSITIONS:
        return "prep"
    if lower in SPEECH_VERBS:
        return "speech"
    if is_figure(word):
        return "figure"
    if tokens.verbs[j]:
        return "verb-ed" if lower.endswith("ed") else "verb"
    if lower.endswith("ing") and len(lower) > 4:
        return "ing"
    if word[0].isupper():
        return "cap"
    if not word[0].isalnum():
        return "mark"
    return "word"


def _bucket(count: int) -> str:
    return "<5" if count < 5 else "<10" if count < 10 else "<20" if count < 20 else "20+"


def features(tokens: Tokens, first: int, last: int, cut: Candidate, sums: _Sums) -> list[str]:
    """The closed-class features of one candidate (module docstring)."""
    p, start, left_end = cut.trigger, cut.right_start, cut.left_end
    punct = _PUNCTUATION.get(tokens.lowers[p], "none")
    opener_at = p if punct == "none" else p + 1
    opener = _word_class(tokens, opener_at, last)
    after = "same" if start == opener_at else _word_class(tokens, start, last)
    verb_at = min(sums.next_verb[start] - start, 4)
    before = _word_class(tokens, left_end, last)
    following = _word_class(tokens, start + 1, last)

    def left(kind: str) -> bool:
        return sums.count(kind, first, left_end + 1) > 0

    def right(kind: str) -> bool:
        return sums.count(kind, start, last + 1) > 0

    return [
        "bias",
        f"before+opener={before}+{opener}",
        f"opener+next={opener}+{following}",
        f"punct+right_verb_at={punct}+{verb_at}",
        f"punct={punct}",
        f"opener={opener}",
        f"punct+opener={punct}+{opener}",
        f"after={after}",
        f"next={following}",
        f"next2={_word_class(tokens, start + 2, last)}",
        f"before={before}",
        f"first={_word_class(tokens, first, last)}",
        f"left_len={_bucket(left_end - first + 1)}",
        f"right_len={_bucket(last - start + 1)}",
        f"left_verb={left('verb')}",
        f"right_verb_at={verb_at}",
        f"left_figure={left('figure')}",
        f"right_figure={right('figure')}",
        f"left_speech={left('speech')}",
        f"right_speech={right('speech')}",
        f"quotes={sums.count('quoted', first, last + 1) > 0}",
        f"ends_sentence={last == tokens.n - 1}",
        f"left_comma={sums.count('comma', first, left_end) > 0}",
        f"left_detail={left('detail')}",
        f"right_detail={right('detail')}",
        f"right_comma={right('top_comma')}",
        f"opener+right_verb_at={opener}+{verb_at}",
    ]


def probability(names: list[str], weights: dict[str, float]) -> float:
    """The model's probability that a candidate with these features should be cut."""
    z = sum(weights.get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def learned_cuts(tokens: Tokens, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`cuts` (the rules' statements as token ranges), each cut further where `DECIDER`
    says."""
    decider = DECIDER.get()
    if decider is None:
        return cuts
    sums = _Sums(tokens)
    sentence = " ".join(tokens.words)
    result: list[tuple[int, int]] = []
    for first, last in cuts:
        piece_first = first
        for cut in candidates(tokens, first, last, sums):
            if cut.left_end - piece_first + 1 < _MIN_PIECE:
                continue
            names = features(tokens, piece_first, last, cut, sums)
            if decider((sentence, cut.right_start), names):
                result.append((piece_first, cut.left_end))
                piece_first = cut.right_start
        result.append((piece_first, last))
    return result


class _AskWhenMarked(frozenset[str]):
    """The rules' trigger words, as `statements._CUT_WORDS`, except that a sentence
    holding a mark a candidate follows is never taken for one with nothing to cut."""

    def isdisjoint(self, other: Iterable[object]) -> bool:
        words = list(other)
        return super().isdisjoint(words) and not may_cut([str(w) for w in words])


@contextmanager
def installed() -> Iterator[None]:
    """The hook after the rules of `factcheck.claims.spans.statements`, for the body of
    the `with` only (nesting is harmless): with no `DECIDER` set the spans are the
    product's, word for word."""
    from factcheck.claims.spans import statements

    if isinstance(statements._CUT_WORDS, _AskWhenMarked):
        yield
        return
    rules = statements.statement_cuts
    trigger_words = statements._CUT_WORDS

    def rules_then_learned(tokens: Tokens) -> tuple[list[tuple[int, int]], set[int]]:
        if trigger_words.isdisjoint(tokens.lowers):
            cuts, verbless = [(0, tokens.n - 1)], set()  # what the fast path gives
        else:
            cuts, verbless = rules(tokens)
        return learned_cuts(tokens, cuts), verbless

    statements.statement_cuts = rules_then_learned
    statements._CUT_WORDS = _AskWhenMarked(trigger_words)
    try:
        yield
    finally:
        statements.statement_cuts = rules
        statements._CUT_WORDS = trigger_words
