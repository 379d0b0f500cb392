"""A reviewer's hand on a claim's span: move an edge by one word, or mark a new claim.

The splitter proposes spans; a reviewer who sees one cut short ("The fountain first")
or too long widens or narrows it a word at a time, or selects text the splitter missed
and makes a claim of it. The review screen's keys, `factcheck edit-span` and
`factcheck add-claim` all come here, and the store keeps every span a claim has had
(`Store.claim_versions`).

The rules, so an edit never yields a span the rest of factcheck cannot trust:

- Spans start and end on word boundaries: a move never cuts a word, and a selection
  that starts or ends inside a word takes the whole word. A word is a figure with its
  unit ("$1,250,000", "9.7%"), dotted initials ("U.S."), or a run of letters and digits
  with inner apostrophes, hyphens and dots ("fourth-largest", "don't"); punctuation and
  Markdown marks at the edges are left out, except a quotation mark, bracket or
  emphasis mark just outside the span whose partner is inside it (a quotation is
  taken whole once its last word is in; "**Unemployment fell** to 3.5%" keeps its
  opening "**").
- A span never leaves its paragraph (a blank line ends one), but it may cross a
  sentence boundary: the splitter's sentence boundaries are a guess too ("Jan. 12").
  The claim's sentence offsets grow to cover the sentences it touches.
- A span never shrinks below one word, and an edit that would change nothing is None.
- Claims of a document never overlap (the splitter's rule, and what `import` checks of
  a report): a span that would reach into another claim is refused, naming it
  (`overlapping`); narrow that one first.
- `text == document.text[start:end]` always holds.
- An edited or created span is scored as itself, with its neighbouring sentences as
  context, by the splitter's scorer and mood rules (`splitter.claim_for_span`): the
  reviewer has said this is the statement, so "The fountain first" and "The fountain
  first opened in 2008" score differently. Its kind is re-derived the same way.

The claim keeps its id, verdicts and evidence; only its span, sentence, kind and score
change. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from factcheck.errors import InputError
from factcheck.models import Claim

if TYPE_CHECKING:
    from factcheck.store import Store

__all__ = [
    "SpanMove",
    "create_claim",
    "edit_claim_span",
    "move_span",
    "overlapping",
    "snap_to_words",
]


class SpanMove(StrEnum):
    """One step of a span edit: which edge moves, and which way."""

    START_LEFT = "start-left"
    """Widen at the start: take the word before."""
    START_RIGHT = "start-right"
    """Narrow at the start: give back the first word."""
    END_LEFT = "end-left"
    """Narrow at the end: give back the last word."""
    END_RIGHT = "end-right"
    """Widen at the end: take the next word."""


class _Word(NamedTuple):
    start: int
    end: int


_WORD = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S.
    r"|[$£€]?\w+(?:[’'.,:/-]\w+)*%?"  # $1,250,000  9.7%  fourth-largest  don't  11:30
)
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_PAIRS = (("“", "”"), ("‘", "’"), ("(", ")"), ("[", "]"), ("«", "»"))
_CONTEXT_CHARS = 4000
"""How far either side of a span to look for its paragraph's edges; a paragraph longer
than this is cut there (a transcript with no blank lines stays cheap to edit)."""


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the paragraph around [start, end): blank lines end one."""
    low = max(0, start - _CONTEXT_CHARS)
    before = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, low, start)]
    high = min(len(text), end + _CONTEXT_CHARS)
    after = _PARAGRAPH_BREAK.search(text, end, high)
    # where no blank line is near, cut at a space, never inside a word
    if before:
        para_start = before[-1]
    elif low == 0:
        para_start = 0
    else:
        para_start = min(start, _after_space(text, low))
    if after:
        para_end = after.start()
    elif high == len(text):
        para_end = high
    else:
        para_end = max(end, text.rfind(" ", end, high))
    return para_start, para_end


def _after_space(text: str, at: int) -> int:
    found = text.find(" ", at)
    return len(text) if found < 0 else found + 1


def _words(text: str, low: int, high: int) -> list[_Word]:
    return [_Word(m.start(), m.end()) for m in _WORD.finditer(text, low, high)]


def move_span(text: str, start: int, end: int, move: SpanMove | str) -> tuple[int, int] | None:
    """[start, end) with one edge moved by one word, or None when it cannot move
    (the paragraph's edge, or a one-word span asked to shrink)."""
    move = SpanMove(move)
    para_start, para_end = paragraph_bounds(text, start, end)
    start, end = snap_to_words(text, start, end)
    words = _words(text, para_start, para_end)
    inside = [w for w in words if w.start >= start and w.end <= end]
    if move is SpanMove.END_RIGHT:
        following = [w for w in words if w.start >= end]
        moved = (start, following[0].end) if following else None
    elif move is SpanMove.START_LEFT:
        preceding = [w for w in words if w.end <= start]
        moved = (preceding[-1].start, end) if preceding else None
    elif len(inside) < 2:
        moved = None
    elif move is SpanMove.START_RIGHT:
        moved = (inside[1].start, end)
    else:
        moved = (start, inside[-2].end)
    if moved is None:
        return None
    moved = _balance(text, *moved, para_start, para_end)
    return None if moved == (start, end) else moved


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) grown to whole words and trimmed to its first and last word.

    A range inside a word takes the word; a range holding no word at all is an
    `InputError`. Quotation marks and brackets whose partner is inside are kept.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end < start:
        start, end = end, start
    para_start, para_end = paragraph_bounds(text, start, max(start, end - 1))
    low = max(para_start, text.rfind(" ", para_start, start) + 1, start - 200)
    high = min(para_end, end + 200)
    words = [w for w in _words(text, low, high) if w.end > start and w.start < end]
    if not words and start == end:
        words = [w for w in _words(text, low, high) if w.start <= start <= w.end]
    if not words:
        raise InputError("no word in that range: a claim needs at least one word")
    return _balance(text, words[0].start, words[-1].end, para_start, para_end)


def _balance(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Take in the quotation mark or bracket just outside the span whose partner is
    inside it, so a span never holds half a quotation."""
    span = text[start:end]
    for opening, closing in _PAIRS:
        opened = span.count(opening) - span.count(closing)
        if opened > 0 and end < high and text[end : end + 1] == closing:
            end += 1
        elif opened < 0 and start > low and text[start - 1 : start] == opening:
            start -= 1
    for mark in ('"', "**", "*"):  # straight quotes and Markdown emphasis pair alike
        inside = text[start:end]
        count = inside.count(mark) - (2 * inside.count("**") if mark == "*" else 0)
        if count % 2 == 0:
            continue
        if end + len(mark) <= high and text[end : end + len(mark)] == mark:
            end += len(mark)
        elif start - len(mark) >= low and text[start - len(mark) : start] == mark:
            start -= len(mark)
    return start, end


def overlapping(claims: Iterable[Claim], start: int, end: int, *, but: int | None) -> Claim | None:
    """The first claim among `claims` (other than claim `but`) that [start, end) overlaps."""
    hits = [c for c in claims if c.id != but and c.start < end and c.end > start]
    return min(hits, key=lambda c: c.start, default=None)


def _checked_range(text: str, start: int, end: int) -> None:
    if start >= end:
        raise InputError(f"empty range {start}-{end}: START must be below END")
    if end > len(text):
        raise InputError(f"offsets {start}-{end} pass the document's end ({len(text)} characters)")
    if _PARAGRAPH_BREAK.search(text, start, end):
        raise InputError("a claim stays within one paragraph: the range crosses a blank line")


def claim_at(text: str, start: int, end: int, *, like: Claim | None = None) -> Claim:
    """The claim `text[start:end]` (snapped to words), scored and classified as itself;
    id, document and status taken from `like` when given."""
    from factcheck.claims.splitter import claim_for_span  # the scorer: loaded on an edit only

    _checked_range(text, start, end)
    start, end = snap_to_words(text, start, end)
    fresh = claim_for_span(text, start, end)
    if like is None:
        return fresh
    return replace(
        like,
        text=fresh.text,
        start=fresh.start,
        end=fresh.end,
        sentence_start=fresh.sentence_start,
        sentence_end=fresh.sentence_end,
        kind=fresh.kind,
        score=fresh.score,
    )


def edit_claim_span(store: Store, claim_id: int, start: int, end: int, *, reviewer: str) -> Claim:
    """Give a stored claim the span [start, end) (snapped to words), re-scored, as a new
    version; the earlier span stays in `store.claim_versions(claim_id)`. Returns the
    claim as stored. A span equal to the current one changes nothing."""
    claim = store.get_claim(claim_id)
    assert claim.document_id is not None
    text = store.get_document(claim.document_id).text
    _checked_range(text, start, end)
    start, end = snap_to_words(text, start, end)
    if (start, end) == (claim.start, claim.end):
        return claim
    return store.replace_claim_span(claim_at(text, start, end, like=claim), reviewer=reviewer)


def create_claim(store: Store, document_id: int, start: int, end: int, *, reviewer: str) -> Claim:
    """Make a claim of `document.text[start:end]` (snapped to words), scored, unverified,
    recorded as created by `reviewer`. A span overlapping a claim is refused."""
    text = store.get_document(document_id).text
    claim = claim_at(text, start, end)
    return store.add_claim(document_id, claim, reviewer=reviewer)
