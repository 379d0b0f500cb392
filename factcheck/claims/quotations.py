"""A quotation of several sentences, cut into the pieces the statement splitter cuts.

The segmenter holds a quotation of several sentences together (`text.sentences`,
`splitter.join_open_quotations`) so that no claim ends inside it mid-sentence. A
fact-checker checks a quotation statement by statement, though ("“Nearly 500 people were
exposed. Zero got sick.”" is two things to check), so the splitter cuts the held unit at
its own sentences (the unit's `parts`). Each quoted sentence is one statement (the
splitter does not cut inside it, as no sentence is cut inside its quotation marks); a
stretch outside the marks (a sentence glued before the opening mark, words after the
closing one) is cut as any sentence is. A span must still be well formed: a quotation
mark whose partner lies in another quoted sentence is left outside every span, so each
quoted sentence is shown without the mark it does not close, and the speaker stays in
the claim's sentence (the whole quotation with its attribution, the context every view
shows a claim in). The attribution around the marks is no claim of its own: an
introduction ("She said:") before the opening mark is dropped, a trailing "she said" is
dropped by the statement splitter as any bare attribution tail. A cut must not hide what
the whole quotation showed (`shown_as_the_whole_showed`): a statement not check-worthy
alone joins a shown neighbour, and an introduction holding a figure goes with the first
quoted claim (past quoted words that make no statement, such as a quoted heading).
Straight marks are paired by their neighbours where these tell the way (a nested straight
quotation), by their count where they do not. Pure; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from factcheck.claims.spans.tokens import SPEECH_VERBS
from factcheck.models import Claim
from factcheck.text.lexicon import words_of

__all__ = ["QuotedPiece", "quoted_pieces", "shown_as_the_whole_showed"]

_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
_MARKS = (_OPEN, _CLOSE, _STRAIGHT)
_STOPS = ".!?…"
_LEADING_PUNCTUATION = ",.;:—–-"
"""What a piece after a closing mark starts with and no statement does (',” she said')."""


class QuotedPiece(NamedTuple):
    """A stretch of a held quotation unit to cut into statements: its offsets and the
    index of the quoted sentence (of the unit's parts) it lies in."""

    start: int
    end: int
    part: int
    attributes: bool = False
    """Whether the piece follows the closing mark with no stop between (',” she said in
    a statement'): where the quotation's own attribution stands."""
    quoted: bool = False
    """Whether the piece lies inside the quotation marks: a quoted sentence (or the part
    of one that lies in this quotation), not an introduction or an attribution."""


def quoted_pieces(
    text: str, start: int, end: int, parts: tuple[tuple[int, int], ...]
) -> list[QuotedPiece]:
    """The pieces of the quotation unit `text[start:end]`, whose sentences are `parts`.

    Each part is cut at its unpaired quotation marks (a mark whose partner lies in
    another part): the stretches inside the quotation are pieces, and so is a stretch
    outside it that ends with a stop (a sentence glued before the opening mark) or
    follows a closing mark (a trailing attribution, or a sentence glued after it). A
    stretch outside that leads into an opening mark is the quotation's introduction
    ("The post adds:"): not a claim, it stays in every quoted claim's sentence.
    """
    pieces: list[QuotedPiece] = []
    straight_seen = text.count(_STRAIGHT, start, parts[0][0]) if parts else 0
    inside = False
    for k, (part_start, part_end) in enumerate(parts):
        low = max(part_start, start)
        high = end if k == len(parts) - 1 else part_end
        unpaired, straight_seen = _unpaired_marks(text, low, high, straight_seen)
        edge, closed = low, False
        for position, opens in [*unpaired, (high, None)]:
            leads_in = opens is True and not inside
            if inside or not leads_in or not _introduces(text, edge, position):
                piece = _trimmed(text, edge, position)
                if piece is not None:
                    attributes = closed and not any(c in _STOPS for c in text[edge : piece[0]])
                    pieces.append(QuotedPiece(*piece, k, attributes, inside))
            if opens is not None:
                inside = opens
            edge, closed = position + 1, opens is False
    return pieces


def _unpaired_marks(
    text: str, start: int, end: int, straight_seen: int
) -> tuple[list[tuple[int, bool]], int]:
    """The quotation marks of `text[start:end]` with no partner inside it, in order, each
    with whether it opens a quotation, and the count of straight marks seen after it. A
    straight mark opens when an even number of straight marks came before it in the
    unit."""
    opened: list[tuple[int, str]] = []
    unpaired: list[tuple[int, bool]] = []
    for position in range(start, end):
        mark = text[position]
        if mark not in _MARKS:
            continue
        if mark == _STRAIGHT:
            evident = _straight_direction(text, position)
            opens = straight_seen % 2 == 0 if evident is None else evident
            straight_seen = 1 if opens else 0  # only the count's parity is read
        else:
            opens = mark == _OPEN
        if opens:
            opened.append((position, mark))
        elif opened and opened[-1][1] == (_STRAIGHT if mark == _STRAIGHT else _OPEN):
            opened.pop()
        else:
            unpaired.append((position, False))
    unpaired += [(position, True) for position, _ in opened]
    unpaired.sort()
    return unpaired, straight_seen


def _straight_direction(text: str, position: int) -> bool | None:
    """Whether the straight mark at `position` opens (True) or closes (False) a
    quotation, read from its neighbours, or None when they do not tell. A space (or the
    text's edge) before it and a word after it opens ('called "Empaquetados'); a word or
    stop before it and a space or punctuation after it closes ('Empaquetados" [Packed]').
    A glued mark ('Medellin."This') is read by the count of marks before it. Nested
    straight quotations ('saying: "Today is ... Medellin."') are why the count alone
    fails: it reads the inner pair's marks the wrong way round and every mark after."""
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before.isspace() and (after.isalnum() or after in "[(…'’"):
        return True
    if (before.isalnum() or before in ".!?…,;:)]'’") and (after.isspace() or after in ".,;:!?)]—–"):
        return False
    return None


_INTRODUCING = SPEECH_VERBS | words_of(
    "reads read reading stating state translates translated writes wrote tweets"
)
"""Verbs that introduce a quotation after them ("The post reads:", "stating:")."""
_INTRODUCING_REACH = 5
"""Last words of the text before an opening mark searched for an introducing verb ("The
caption translates to English as:", "She also stated in the video,")."""
_WORD = re.compile(r"[A-Za-z’'-]+")


def _introduces(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, before an opening mark, only introduces the quotation:
    an introducing verb among its last words ("In a media statement sent to AFP on July
    26, Assistant Commissioner Beh Eng Lai said:"), not a sentence of its own that ends
    with a stop ('... on June 28, 2021."WE’VE ...') or a statement that names its
    quotation in passing ("The photos were also posted on a Facebook page, with a
    similar caption:")."""
    before = text[start:end].rstrip()
    if before.rstrip(")]’'")[-1:] in tuple(_STOPS):
        return False
    last = [w.lower() for w in _WORD.findall(before)][-_INTRODUCING_REACH:]
    return len(last) < _INTRODUCING_REACH or not _INTRODUCING.isdisjoint(last)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) less spaces and the punctuation a closing mark leaves before a
    trailing attribution, or None when no word is left."""
    while start < end and (text[start].isspace() or text[start] in _LEADING_PUNCTUATION):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


_INTRODUCTION_GLUE = " \u00a0:,;—–-"
"""What may stand between an introduction's last word and the quotation's opening mark."""


def shown_as_the_whole_showed(
    text: str, claims: list[Claim], quoted: list[bool], whole: list[Claim], threshold: float
) -> list[Claim] | None:
    """The claims of a quotation cut at its sentences, changed so that the shown ones
    cover what the quotation, shown whole, showed: None when they cannot (the
    quotation is then shown whole, as before the cut).

    `claims` are the cut's statements in order (`quoted`: whether each lies inside the
    marks), `whole` the quotation's statements scored as one unit, shown from
    `threshold`. A cut must not hide what the whole showed (a claim found by the whole
    quotation is lost when its sentence, alone, scores under the threshold), so:

    - the quotation's introduction goes with its first quoted sentence ('The chief
      said: "A post-mortem was conducted on June 22'), as a fact-checker quotes it and
      as it stood in the whole: dropped as no claim of its own, or shown as the end of
      the claim before the opening mark, it joins the first quoted claim;
    - a statement under the threshold inside what the whole showed joins a shown
      neighbour, the claim before it or, when there is none or a quotation mark stands
      between them, the one after; the shown claim keeps its score and kind. A join
      never crosses a quotation mark (the span would not balance): a statement no
      neighbour can take leaves the quotation whole.

    Nothing changes when the whole showed nothing."""
    shown_whole = [(c.start, c.end) for c in whole if c.score >= threshold]
    if not shown_whole:
        return claims
    claims = _introduced(text, claims, quoted, shown_whole)
    shown = [n for n, claim in enumerate(claims) if claim.score >= threshold]
    owner = {n: n for n in shown}
    runs: list[list[int]] = []
    for n, claim in enumerate(claims):
        if claim.score >= threshold:
            continue
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    for run in runs:
        if not any(s < claims[n].end and claims[n].start < e for n in run for s, e in shown_whole):
            continue  # hidden in the whole too
        left = run[0] - 1 if run[0] - 1 in owner else None
        right = run[-1] + 1 if run[-1] + 1 in owner else None
        if left is None and right is None:
            return None
        chain = [claims[n] for n in [left, *run, right] if n is not None]
        marked = [_marked(text, a, b) for a, b in pairwise(chain)]
        if left is None:
            marked = [True, *marked]
        if right is None:
            marked.append(True)
        # marked[k]: a mark (or no shown claim) before the run's k-th claim
        to_left = sum(not any(marked[: k + 1]) for k in range(len(run)))
        to_right = sum(not any(marked[k + 1 :]) for k in range(len(run)))
        if to_left + to_right < len(run):  # a mark on every way: join across it
            to_left = len(run) if left is not None else 0
        for k, n in enumerate(run):
            target = left if k < to_left and left is not None else right
            assert target is not None  # to_right > 0 only with a claim on the right
            owner[n] = target
    for n in set(range(len(claims))) - set(owner):
        owner[n] = n  # a hidden claim the whole hid too stays as it is
    kept: list[Claim] = []
    groups: dict[int, list[int]] = {}
    for n in range(len(claims)):
        groups.setdefault(owner[n], []).append(n)
    for head, members in sorted(groups.items(), key=lambda item: min(item[1])):
        start, end = claims[members[0]].start, claims[members[-1]].end
        kept.append(_joined(text, claims[head], start, end))
    return kept


_DATED = re.compile(r"\d")
"""A figure in an introduction: it says when, how or to whom the words were said ("In
a media statement sent to AFP on July 26, 2021, ... said:"), which is part of what a
fact-checker checks of a quotation; a bare one ("She says:") is not."""


def _introduced(
    text: str, claims: list[Claim], quoted: list[bool], shown_whole: list[tuple[int, int]]
) -> list[Claim]:
    """`claims` with the quotation's introduction joined to the first quoted claim: the
    words before its opening mark that the cut dropped, or the claim before the mark
    when nothing but the mark (and a colon or comma) stands between them."""
    first = next((n for n, inside in enumerate(quoted) if inside), None)
    if first is None:
        return claims
    claim = claims[first]
    if first == 0:
        lead = min((s for s, e in shown_whole if s < claim.start < e), default=claim.start)
    else:
        lead = claims[first - 1].end
    stretch = text[lead : claim.start].rstrip(" \u00a0")
    marks = [k for k, ch in enumerate(stretch) if ch in _MARKS]
    if len(marks) != 1 or stretch[marks[0]] == _CLOSE:
        return claims
    # quoted words before the first quoted claim that make no statement of their own
    # ('“Giant mushroom, Oregon ……… Armillaria ...') lie between the mark and the claim
    words = stretch[: marks[0]].strip(_INTRODUCTION_GLUE + ".!?…")
    if not words:
        if first == 0 or quoted[first - 1] or not _DATED.search(claims[first - 1].text):
            return claims
        before = claims[first - 1]
        owner = claim if claim.score >= before.score else before
        joined = _joined(text, owner, before.start, claim.end)
        return [*claims[: first - 1], joined, *claims[first + 1 :]]
    start = lead + stretch.index(words)
    if not _DATED.search(words) or not any(s <= start < e for s, e in shown_whole):
        return claims
    return [*claims[:first], _joined(text, claim, start, claim.end), *claims[first + 1 :]]


def _marked(text: str, a: Claim, b: Claim) -> bool:
    """Whether a quotation mark stands between neighbouring claims `a` and `b`."""
    return any(mark in text[a.end : b.start] for mark in _MARKS)


def _joined(text: str, owner: Claim, start: int, end: int) -> Claim:
    """`owner` stretched over `text[start:end]`, keeping its score and kind."""
    return replace(owner, text=text[start:end], start=start, end=end)
