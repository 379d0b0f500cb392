"""Statement spans inside one sentence: whole statements a fact-checker can check alone.

A claim is the smallest span that can be checked by itself: the number with its unit
and date, the subject and verb, the opening phrase that anchors it ("In Ontario, ...")
and its attribution ("..., according to Chinese state media"). That is a sentence, or a
clause of it when the sentence coordinates several statements ("The firm admitted the
breach" / "paid a $2 million penalty"; "China is ... partner" / "relations ... have
improved since ..."). So this module cuts a sentence only between statements, never
inside one: at ";" and at a coordinating conjunction that opens a new clause (a subject
and a finite verb, or a second verb phrase with its object), outside quotation marks
and brackets, and never inside reported speech ("Xi said A and B" is one statement of
what Xi said). Where statements share their subject, a second verb phrase with its
own detail ("The storm killed 1,200 people" / "left 40,000 without homes"), list items
with their own figure ("$6 billion for Moderna" / "$5 billion for Pfizer") and two
named roles after one copula are cut too; the later span starts at its verb, figure or
role. So are a clause of reason or concession after a comma or before the main clause
("..., because X did Y", "While X, Y", "..., while Z did W"), a non-restrictive relative
with its own detail ("Smith, who led the agency from 2009 to 2017, ..."; a final
", which ..." needs none), a counted part (", 56 of which
are ..."), the links of a chain of verb phrases, "and" + an auxiliary of the main
subject ("... on a 219-212 vote and is pending in the Senate"), a cause phrase
("because of ...", ", due to ...") and a consequence clause (", meaning ...", ", so
...") (docs/claims.md). Pieces that
are no statement are dropped: bare noun phrases with no verb ("the next two years")
and attribution tails alone ("he said", "the company said in a statement"). There is
no word cap. One regex tokenises the sentence and one pass over
its tokens decides, so the cost is linear in its length (transcripts come unpunctuated).
`factcheck.claims.splitter` scores what this module proposes. Pure; no I/O.

This module is the entry (`statement_spans`, what makes a piece a statement); the
rules live beside it in this package, one job a module: `tokens` (the tokeniser, word
classes, the verb guess, `Tokens`), `cuts` (the one pass that places the cuts),
`left_side` (what that pass knows of the statement so far), `clauses` (what opens
after a conjunction or comma: a clause, a reason, a fronted or "with" clause),
`relatives`, `verb_phrases`, `lists` (list items and named roles), `attribution` (who
said it), `trim` (markup and dangling or cut-off ends) and `endings` (a statement a
cut left hanging). `claim_kind` lives in `factcheck.claims.claim_kinds`; the package
re-exports it with `trim_markup`, as callers have always imported them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.claim_kinds import claim_kind
from factcheck.claims.spans.attribution import attributed, bare_attribution, is_attribution
from factcheck.claims.spans.clauses import REASON_SUBORDINATORS
from factcheck.claims.spans.cuts import statement_cuts
from factcheck.claims.spans.endings import mend_cut_ends
from factcheck.claims.spans.reasons import REASON_CUT_WORDS
from factcheck.claims.spans.relatives import (
    APPOSITIVE_RELATIVES,
    PART_RELATIVES,
    PLACE_RELATIVE,
    TIME_RELATIVE,
)
from factcheck.claims.spans.tokens import SPLITTING_CONJUNCTIONS, TOKEN, Tokens, is_verb, top_level
from factcheck.claims.spans.trim import drop_cut_off_end, drop_dangling, trim_markup

__all__ = ["Statement", "claim_kind", "is_attribution", "statement_spans", "trim_markup"]


@dataclass(frozen=True, slots=True)
class Statement:
    """A proposed claim: character offsets into the source, and whether it reports speech."""

    start: int
    end: int
    attribution: bool = False


FRAGMENT_WORDS = 7
"""A piece this short with no verb found is a bare noun phrase, not a statement. Longer
pieces are kept even when no verb is found: the verb test is a lexicon, and a missed
verb ("The bridge links ...") must not lose a claim."""
_WORD_CHAR = re.compile(r"\w")
_CUT_WORDS = (
    SPLITTING_CONJUNCTIONS | REASON_SUBORDINATORS | APPOSITIVE_RELATIVES | PART_RELATIVES
) | {";", PLACE_RELATIVE, TIME_RELATIVE, "with", *REASON_CUT_WORDS}
_HEAD_WORDS = FRAGMENT_WORDS + 2
"""Tokens the fragment test (pieces under FRAGMENT_WORDS) and the attribution-tail test
(a reporting verb within the first six words) look at."""


def statement_spans(text: str, start: int, end: int) -> list[Statement]:
    """The statements of the sentence `text[start:end]`, as offsets into `text`.

    Spans are disjoint, in order, trimmed of markup and closing punctuation, and never
    cut inside quotation marks or brackets.
    """
    start, end = trim_markup(text, start, end)
    if start >= end:
        return []
    matches = list(TOKEN.finditer(text, start, end))
    if not matches:
        return []
    words = [m.group() for m in matches]
    lowers = list(map(str.lower, words))
    n = len(words)
    # Only the text's last sentence can be a body cut off by its source mid-clause; a
    # final preposition or auxiliary anywhere else is good English ("aged 65 and over",
    # "the symptom people should look for").
    ends_text = _WORD_CHAR.search(text, end) is None
    previous = ["", *lowers[:-1]]
    if _CUT_WORDS.isdisjoint(lowers):
        # Most sentences: nothing to cut at, so one statement; the verb test is needed
        # only where the fragment and attribution-tail checks look (the first words).
        verbs = list(map(is_verb, lowers[:_HEAD_WORDS], previous[:_HEAD_WORDS]))
        cuts = [(0, n - 1)]
        verbless: set[int] = set()
    else:
        verbs = list(map(is_verb, lowers, previous))
        tokens = Tokens(words, lowers, verbs, top_level(words), n)
        cuts, verbless = statement_cuts(tokens)
    statements: list[Statement] = []
    for first, last in cuts:
        listed = first in verbless
        if not listed and last - first < FRAGMENT_WORDS and not any(verbs[first : last + 1]):
            continue  # a bare noun phrase ("six weeks"): nothing to check
        if bare_attribution(lowers, verbs, first, last):
            continue  # "he said", "the company said in a statement"
        ends_body = ends_text and last == n - 1
        whole = last
        last = drop_dangling(lowers, first, last)
        if ends_body:
            last = drop_cut_off_end(words, lowers, first, last)
        if last != whole and last - first < FRAGMENT_WORDS and not any(verbs[first : last + 1]):
            continue  # "the union has been" less its cut-off end: a bare noun phrase
        s, e = trim_markup(text, matches[first].start(), matches[last].end())
        if e <= s:
            continue
        statements.append(Statement(s, e, attributed(words, lowers, first, last)))
    return mend_cut_ends(text, statements, end)  # a cut that left a statement hanging
