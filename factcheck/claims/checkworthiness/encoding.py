"""A sentence in its context -> the token ids the check-worthiness transformer reads.

Shared by training (`bench/train_checkworthiness.py`) and inference
(`factcheck.claims.checkworthiness.transformer`), so the model sees at run time exactly the
layout it was trained on:

    [CLS] sentence (<= 64 pieces) [SEP] end of previous (<= 16) [SEP] start of next (<= 8) [SEP]

The sentence is segment 0, the context segment 1. Context is cut short on purpose: the
model mostly needs to know whether the sentence answers a question, continues a list or
follows "he said", and every extra piece costs run time on every sentence. The speaker is
not encoded: debate transcripts name speakers, news text and recent debate test sets do
not, and names would teach the model who speaks rather than what is said. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.text.wordpiece import WordPiece

__all__ = [
    "MAX_NEXT",
    "MAX_PREVIOUS",
    "MAX_SENTENCE",
    "MAX_TOKENS",
    "Encoded",
    "SentenceInContext",
    "encode",
]

MAX_SENTENCE = 64
"""Word pieces kept of the sentence itself (its start: the subject and verb)."""
MAX_PREVIOUS = 16
"""Word pieces kept of the previous sentence (its end, nearest to this one)."""
MAX_NEXT = 8
"""Word pieces kept of the next sentence (its start)."""
MAX_TOKENS = MAX_SENTENCE + MAX_PREVIOUS + MAX_NEXT + 4
"""The longest input: the three parts and four special tokens."""


@dataclass(frozen=True)
class SentenceInContext:
    """One sentence to score, with its neighbours in the document ("" at the edges)."""

    text: str
    previous: str = ""
    """The sentence before it."""
    next: str = ""
    """The sentence after it."""
    speaker: str = ""
    """Who says it, when known (accepted for callers, not encoded: see module doc)."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """Model inputs for one sentence: ids and segment ids (the attention mask is all 1s
    up to the length, then padding)."""

    ids: list[int]
    segments: list[int]


def encode(item: SentenceInContext, tokenizer: WordPiece, *, context: bool = True) -> Encoded:
    """The model input for `item` (see the module doc for the layout).

    `context=False` (the shipped runtime setting) gives `[CLS] sentence [SEP]`: the two
    [SEP]s that would close empty context are dropped, ~8% fewer pieces a news sentence
    (each piece costs run time) with the held-out figures unchanged within their spread
    (bench/RESULTS.md, "Check-worthiness speed").
    """
    cls, sep = tokenizer.special("[CLS]"), tokenizer.special("[SEP]")
    sentence = tokenizer.pieces(item.text)[:MAX_SENTENCE]
    if not context:
        return Encoded([cls, *sentence, sep], [0] * (len(sentence) + 2))
    previous = tokenizer.pieces(item.previous)[-MAX_PREVIOUS:] if item.previous else []
    following = tokenizer.pieces(item.next)[:MAX_NEXT] if item.next else []
    first = [cls, *sentence, sep]
    second = [*previous, sep, *following, sep]
    return Encoded(first + second, [0] * len(first) + [1] * len(second))
