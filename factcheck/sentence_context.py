"""`SentenceInContext`: what the splitter hands a sentence scorer, one per sentence.

A module of its own so that any scorer (the linear one in `factcheck.scoring`, a learned
one in `factcheck.checkworthiness`) can import it without importing the splitter.
Pure; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SentenceInContext"]


@dataclass(frozen=True, slots=True)
class SentenceInContext:
    """One sentence to score, with what a reader sees around it."""

    text: str
    """The sentence, markup (heading marks, list bullets, final full stop) trimmed."""
    previous: str = ""
    """The sentence before it in the article ("" at the start; page debris skipped)."""
    next: str = ""
    """The sentence after it ("" at the end)."""
    speaker: str = ""
    """Who says it, when the text is a transcript with speaker labels ("" otherwise)."""
