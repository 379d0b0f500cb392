"""Text -> claims with exact offsets (pure, no I/O).

A plain sentence-level splitter: every sentence with letters in it becomes one claim.
The claim-splitter issue replaces this with short spans, kinds and a learned score.
Called by `store.add_document` (through the CLI's `add`) and by `factcheck split`.
"""

from __future__ import annotations

import re

from factcheck.models import Claim, ClaimKind

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*\n|\r?\n(?=\s*\S)")
_HAS_WORD = re.compile(r"\w{2,}")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            trimmed.append((start, end))
    return trimmed


def split_claims(text: str) -> list[Claim]:
    """Split `text` into claims; here one claim per sentence that has words."""
    return [
        Claim(
            text=text[start:end],
            start=start,
            end=end,
            sentence_start=start,
            sentence_end=end,
            kind=ClaimKind.OTHER,
            score=0.5,
        )
        for start, end in split_sentences(text)
        if _HAS_WORD.search(text, start, end)
    ]
