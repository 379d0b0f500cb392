"""Cutting a reference text into passages: the unit the evidence library indexes and shows.

Called by `ingest.reference_files` (a .txt/.md/.html reference file) and by
`sources.wikipedia` (a fetched page), so a passage means the same thing wherever it
comes from. Passages are cut only where `sentences.split_sentences` sees a sentence
end, the segmenter the claim splitter uses: "the U.S. Senate" or "Dr. Lee" never ends
a passage, which a plain "full stop then capital" rule did. Pure; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.text.sentences import split_sentences

__all__ = ["PASSAGE_CHARS", "pack_sentences", "split_passages"]

PASSAGE_CHARS = 400
"""Passages are a few sentences at most: short enough to read at a glance and to
score sharply, long enough to keep a sentence with the one that explains it."""

# A paragraph ends at a blank line, or where a heading line starts.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*(?:={2,}|#{1,6}\s))")
_SECTION_HEADING = re.compile(r"^\s*(={2,})\s*(.+?)\s*\1\s*$|^\s*#{1,6}\s+(.+?)\s*#*\s*$")


def split_passages(text: str, *, max_chars: int = PASSAGE_CHARS) -> list[str]:
    """Paragraphs, cut at sentence ends into passages of at most ~`max_chars`.

    Whitespace inside a paragraph is collapsed (a hard-wrapped paragraph reads as one),
    and nothing else is dropped: every word of a paragraph is in one of its passages,
    in order. A single sentence longer than `max_chars` is a passage of its own, never
    cut mid-sentence. Section headings (`== History ==`, `# History`) are dropped: they
    are titles, not statements a claim could match.
    """
    passages: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        lines = [ln for ln in paragraph.splitlines() if not _SECTION_HEADING.match(ln)]
        paragraph = " ".join(" ".join(lines).split())
        if not paragraph:
            continue
        passages.extend(pack_sentences(_sentences(paragraph), max_chars=max_chars))
    return passages


def pack_sentences(sentences: Iterable[str], *, max_chars: int) -> list[str]:
    """Consecutive sentences joined by a space into passages of at most ~`max_chars`;
    a sentence longer than that is a passage of its own."""
    passages: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + 1 + len(sentence) > max_chars:
            passages.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        passages.append(current)
    return passages


def _sentences(paragraph: str) -> list[str]:
    """The paragraph cut at each sentence end, keeping what the segmenter trims
    (a leading bullet marker) with the sentence it belongs to."""
    cuts = [end for _start, end in split_sentences(paragraph, hold_quotations=False)][:-1]
    pieces = []
    start = 0
    for cut in [*cuts, len(paragraph)]:
        piece = paragraph[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    return pieces
