"""Matching shown claim spans to hand-annotated claims (issue 11's news targets).

Kept apart from bench/eval_news_claims.py so the rules can be unit-tested without the
shared data or the model. Spans are half-open character intervals (start, end) into
one article body. An annotated claim has a `span` (the whole checkable statement:
subject, verb, figure with unit and date, anchor, attribution) and a `core` inside it
(the checkable part: the figure, the named fact).

The rules (the issue's words, made exact):

- found (recall): an annotated claim is found when one shown span contains its core
  and at least half of its span's words;
- real (precision): a shown span is a real claim when it overlaps some annotated core;
- badly cut: a shown span that touches (overlaps the span of) an annotated claim whose
  core it covers only partly (overlaps the core without containing it), as a share of
  the shown spans touching any annotated claim;
- one to one (reported beside, stricter): a shown span finds at most one claim (a
  maximum matching of shown spans to claims under "found"); since the issue counts
  "several claims in one sentence" as several spans, a whole sentence shown once
  finds one of its claims, not all. Recall 1:1 = matched claims / claims, precision
  1:1 = matched shown spans / shown spans;
- words outside (reported beside): the share of the shown spans' words lying in no
  annotated statement; the rules above do not charge a span for what it carries along;
- missed core (reported beside, not part of the issue's measure): a shown span that
  touches annotated claims but overlaps none of their cores (a "he said" tail, an
  anchor without its statement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

WORD = re.compile(r"\w+")


class Span(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True)
class Annotated:
    """One hand-annotated claim: the whole statement and its checkable core."""

    span: Span
    core: Span


def overlap(a: Span, b: Span) -> int:
    """Characters `a` and `b` share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def contains(outer: Span, inner: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def word_spans(text: str, span: Span) -> list[Span]:
    """The words (\\w+ runs) of `text` lying wholly inside `span`."""
    return [
        Span(m.start(), m.end())
        for m in WORD.finditer(text, span.start, span.end)
        if m.end() <= span.end
    ]


def finds(shown: Span, claim: Annotated, text: str) -> bool:
    """Whether `shown` finds `claim`: it holds the core and half the statement's words."""
    if not contains(shown, claim.core):
        return False
    words = word_spans(text, claim.span)
    kept = sum(contains(shown, w) for w in words)
    return 2 * kept >= len(words)


def is_real(shown: Span, claims: list[Annotated]) -> bool:
    return any(overlap(shown, c.core) for c in claims)


def touched(shown: Span, claims: list[Annotated]) -> list[Annotated]:
    return [c for c in claims if overlap(shown, c.span)]


def is_badly_cut(shown: Span, claims: list[Annotated]) -> bool:
    """Whether `shown` touches a claim whose core it covers only partly."""
    return any(
        overlap(shown, c.core) and not contains(shown, c.core) for c in touched(shown, claims)
    )


def misses_core(shown: Span, claims: list[Annotated]) -> bool:
    """Whether `shown` touches claims but overlaps none of their cores."""
    near = touched(shown, claims)
    return bool(near) and not any(overlap(shown, c.core) for c in near)


def matching(text: str, shown: list[Span], claims: list[Annotated]) -> dict[int, int]:
    """A maximum matching of claims to the shown spans that find them, each shown span
    finding at most one claim (Kuhn's augmenting paths; an article has a few dozen of
    each): {claim index: shown span index}."""
    finders = [[j for j, s in enumerate(shown) if finds(s, c, text)] for c in claims]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in finders[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(claims)):
        place(i, set())
    return {i: j for j, i in owner.items()}


def one_to_one(text: str, shown: list[Span], claims: list[Annotated]) -> int:
    """The most claims found with each shown span finding at most one (`matching`)."""
    return len(matching(text, shown, claims))


def harmonic_mean(precision: float, recall: float) -> float:
    """F1 of a precision and a recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Tally:
    """Counts for one article (or pooled: add them)."""

    claims: int = 0
    found: int = 0
    matched: int = 0
    shown: int = 0
    real: int = 0
    touching: int = 0
    badly_cut: int = 0
    missed_core: int = 0
    well_formed: int = 0
    words: int = 0
    words_outside: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__))

    @property
    def recall(self) -> float:
        return self.found / self.claims if self.claims else 0.0

    @property
    def precision(self) -> float:
        return self.real / self.shown if self.shown else 0.0

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    @property
    def recall_1to1(self) -> float:
        return self.matched / self.claims if self.claims else 0.0

    @property
    def precision_1to1(self) -> float:
        return self.matched / self.shown if self.shown else 0.0

    @property
    def f1_1to1(self) -> float:
        return harmonic_mean(self.precision_1to1, self.recall_1to1)

    @property
    def badly_cut_share(self) -> float:
        return self.badly_cut / self.touching if self.touching else 0.0

    @property
    def outside_share(self) -> float:
        """Share of the shown words lying in no annotated statement (debris carried
        along, verdict labels, the fact-checker's own method): what the lenient recall
        rule does not charge for."""
        return self.words_outside / self.words if self.words else 0.0

    @property
    def well_formed_share(self) -> float:
        return self.well_formed / self.shown if self.shown else 0.0


def tally(text: str, shown: list[Span], claims: list[Annotated], well_formed: int) -> Tally:
    """The counts of one article's shown spans against its annotated claims
    (`well_formed`: how many shown spans the form checker passed, counted by the caller)."""
    shown_words = {w for s in shown for w in word_spans(text, s)}
    return Tally(
        claims=len(claims),
        found=sum(any(finds(s, c, text) for s in shown) for c in claims),
        matched=one_to_one(text, shown, claims),
        shown=len(shown),
        real=sum(is_real(s, claims) for s in shown),
        touching=sum(bool(touched(s, claims)) for s in shown),
        badly_cut=sum(is_badly_cut(s, claims) for s in shown),
        missed_core=sum(misses_core(s, claims) for s in shown),
        well_formed=well_formed,
        words=len(shown_words),
        words_outside=sum(not any(contains(c.span, w) for c in claims) for w in shown_words),
    )
