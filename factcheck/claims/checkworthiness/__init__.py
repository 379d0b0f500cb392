"""Check-worthiness: how much a sentence holds a claim a fact-checker would check.

Two models live here. `linear` is the cheap hashed-feature logistic regression (plain
Python, always available). `transformer` is all-MiniLM-L6-v2 fine-tuned for the task,
run with onnxruntime from an int8 file in the package; it is loaded lazily, on the
first sentence scored, so commands that never split text never import onnxruntime.
`score_sentences` is what the splitter calls: a cascade in which the linear model
settles the sentences that are clearly not claims, or clearly are, and the transformer
scores the rest
(see docs/checkworthiness.md for how both were trained and measured).
"""

from __future__ import annotations

from factcheck.claims.checkworthiness.encoding import SentenceInContext
from factcheck.claims.checkworthiness.linear import (
    FLAG_BITS,
    HASH_BITS,
    CheckworthinessModel,
    default_model,
    feature_buckets,
    shape_bits,
    shape_bits_of_tokens,
    shape_flags,
    sigmoid,
    tokenize,
)
from factcheck.claims.checkworthiness.scoring import linear_sentence_scores, score_sentences

__all__ = [
    "FLAG_BITS",
    "HASH_BITS",
    "CheckworthinessModel",
    "SentenceInContext",
    "default_model",
    "feature_buckets",
    "linear_sentence_scores",
    "score_sentences",
    "shape_bits",
    "shape_bits_of_tokens",
    "shape_flags",
    "sigmoid",
    "tokenize",
]
