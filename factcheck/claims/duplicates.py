"""Near-duplicate statements in one document: a repeated paragraph, a restated headline.

Pasted pages repeat themselves: a paragraph printed twice, the lead repeated with an
attribution added ("..., according to state broadcaster CCTV"), a headline the body
restates. A reviewer should see each statement once. The splitter calls
`duplicate_of` on its sentences; the review screen's grouping (issue 13) can call the
same function on claims. Texts are compared after `normalise` (case, quotes, dashes,
punctuation and spacing do not count), exactly first and then with rapidfuzz, but only
among texts that share their first or last words, so a long transcript stays linear
instead of comparing every pair. Pure; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

__all__ = ["duplicate_of", "normalise"]

_NOT_WORD = re.compile(r"[^\w%$£€]+")
_BLOCK_WORDS = 4
_BLOCK_LIMIT = 50
"""Compare with at most this many earlier texts per block: a transcript where hundreds of
sentences open with "I think that we" stays linear."""
_MIN_WORDS = 6
"""Shorter texts ("He said.", "Reuters") are not grouped: repeating them means nothing."""


def normalise(text: str) -> str:
    """Lowercase words joined by single spaces; quotes, dashes and punctuation dropped
    (so `“right track,”` and `"right track"` compare equal)."""
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


def duplicate_of(texts: Sequence[str], *, score_cutoff: float = 92.0) -> list[int | None]:
    """For each text, the index of the text it repeats, or None when it is the one kept.

    Two texts are the same statement when their normalised forms are equal, or when one
    holds the other almost word for word (rapidfuzz `partial_ratio` >= `score_cutoff`
    with the shorter at least 40% of the longer and sharing its first or last words,
    so a repeat with an added attribution counts, a sentence quoting a phrase does not).
    The fuller text is kept (it carries the attribution), else the first. Each text
    points at a kept text.
    """
    keys = [normalise(text) for text in texts]
    result: list[int | None] = [None] * len(texts)
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, key in enumerate(keys):
        words = key.split()
        if len(words) < _MIN_WORDS:
            continue
        head = ("head", " ".join(words[:_BLOCK_WORDS]))
        tail = ("tail", " ".join(words[-_BLOCK_WORDS:]))
        match = None
        for block in (head, tail):
            for j in blocks.get(block, ())[-_BLOCK_LIMIT:]:
                if result[j] is None and _same_statement(keys[j], key, score_cutoff):
                    match = j
                    break
            if match is not None:
                break
        if match is None:
            blocks.setdefault(head, []).append(i)
            blocks.setdefault(tail, []).append(i)
            continue
        if len(key) > len(keys[match]):
            # The later text is the fuller one: it becomes the kept text.
            result[match] = i
            for k, target in enumerate(result):
                if target == match:
                    result[k] = i
            blocks.setdefault(head, []).append(i)
            blocks.setdefault(tail, []).append(i)
        else:
            result[i] = match
    return result


def _same_statement(a: str, b: str, score_cutoff: float) -> bool:
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < 0.4 * len(longer):
        return False
    return fuzz.partial_ratio(shorter, longer, score_cutoff=score_cutoff) >= score_cutoff
