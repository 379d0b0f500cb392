"""`score_sentences`: the check-worthiness of every sentence of a document at once.

The cascade: the linear model (plain Python, ~0.05 ms a sentence) scores every
sentence; those it finds clearly not claims (probability below `cascade_floor`, 0.18
in checkworthiness_onnx.json: the highest floor at which no check-worthy sentence the
transformer shows on the tuning set is lost; 0.25 was faster but cost recent-debate F1)
keep that low score, and the transformer (~5-7 ms a sentence alone on one busy core,
less a sentence in batches) scores the rest in length-sorted batches. The transformer
is loaded on the first call; if its file or onnxruntime is missing (a broken install),
the linear model scores everything and a warning says so once.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from factcheck.claims.checkworthiness.encoding import SentenceInContext
from factcheck.claims.checkworthiness.linear import CheckworthinessModel, default_model, sigmoid

if TYPE_CHECKING:
    from factcheck.claims.checkworthiness.transformer import TransformerScorer

__all__ = ["cascade_floor", "preload", "score_sentences"]

_DEFAULT_FLOOR = 0.0
"""Without a calibration file the cascade lets every sentence through."""


def score_sentences(items: Sequence[SentenceInContext], *, use_cascade: bool = True) -> list[float]:
    """Check-worthiness of each sentence in [0, 1]; 0.5 is the shown threshold
    (calibrated so). `use_cascade=False` sends every sentence to the transformer
    (for evaluation)."""
    if not items:
        return []
    linear = default_model()
    scores = [linear.probability(item.text) for item in items]
    floor = cascade_floor() if use_cascade else 0.0
    chosen = [i for i, score in enumerate(scores) if score >= floor]
    if not chosen:
        return scores  # nothing for the transformer: a short text never loads it
    transformer = _transformer()
    if transformer is None:
        return scores
    for i, score in zip(chosen, transformer.scores([items[i] for i in chosen]), strict=True):
        scores[i] = score
    return scores


@lru_cache(maxsize=1)
def cascade_floor() -> float:
    """The linear probability below which a sentence skips the transformer."""
    try:
        meta = resources.files("factcheck.data").joinpath("checkworthiness_onnx.json")
        return float(json.loads(meta.read_text(encoding="utf-8"))["cascade_floor"])
    except (OSError, ValueError, KeyError, TypeError):
        return _DEFAULT_FLOOR


def preload() -> None:
    """Load the transformer now (from a thread), so the first score does not wait."""
    _transformer()


@lru_cache(maxsize=1)
def _transformer() -> TransformerScorer | None:
    from factcheck.claims.checkworthiness.transformer import load_transformer

    scorer = load_transformer()
    if scorer is None:
        warnings.warn(
            "factcheck: the check-worthiness transformer (factcheck/data/checkworthiness.onnx)"
            " or onnxruntime is missing; scoring with the linear model only",
            RuntimeWarning,
            stacklevel=3,
        )
    return scorer


def linear_sentence_scores(
    items: Sequence[SentenceInContext], *, model: CheckworthinessModel | None = None
) -> list[float]:
    """Each sentence's check-worthiness from the linear model alone (context unused).

    The evaluation of the linear model passes one trained without the held-out debate;
    the cascade above uses the packaged one as its first pass.
    """
    model = model or default_model()
    return [sigmoid(model.logit(item.text)) for item in items]
