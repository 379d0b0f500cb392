"""`score_sentences`: the check-worthiness of every sentence of a document at once.

The cascade: the linear model (plain Python, ~0.05 ms a sentence) scores every
sentence, and only those in its unsettled band go on to the transformer. At or above
`cascade_ceiling` (chosen by cross-validation over held-out debates and files so that
the shown / not-shown decision almost never differs from the transformer's:
bench/eval_checkworthiness_gate.py) a sentence is clearly a claim and keeps its linear
score. Below `cascade_floor` it would be clearly none; the shipped floor is 0.0
(checkworthiness_onnx.json), so nothing is settled from below. The linear model was
trained on debates, and on news prose it scores plain facts far too low ("Mosquitoes
bite during the day and night ..." 0.16, where the transformer gives 0.95): the debate
floor of 0.20 hid them from the transformer, and leave-one-set-out over the annotated
news sets chose no floor at all (bench/choose_cascade_floor.py; bench/RESULTS.md,
"Session 32, coordinator"), at ~13% more time for a 5 KB article
(bench/bench_cascade_floor.py). The transformer (~3-7 ms a sentence on one core, less in
batches) scores the band in length-sorted batches. Under a floor above 0 one class
still goes to the transformer from below it: sentences stating a general capability or
risk with "can" / "may" ("tetanus can be fatal", `mood.is_generic_modal`; bench/
RESULTS.md, "Session 28, mood11").
The transformer is loaded on the first call; if its file or
onnxruntime is missing (a broken install), the linear model scores everything and a
warning says so once.
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
from factcheck.claims.mood import is_generic_modal

if TYPE_CHECKING:
    from factcheck.claims.checkworthiness.transformer import TransformerScorer

__all__ = ["cascade_ceiling", "cascade_floor", "preload", "score_sentences"]

_DEFAULT_FLOOR = 0.0
"""Without a calibration file the cascade lets every sentence through..."""
_DEFAULT_CEILING = 1.01
"""...at both ends (no linear probability reaches 1.01)."""


def score_sentences(items: Sequence[SentenceInContext], *, use_cascade: bool = True) -> list[float]:
    """Check-worthiness of each sentence in [0, 1]; 0.5 is the shown threshold
    (calibrated so). `use_cascade=False` sends every sentence to the transformer
    (for evaluation)."""
    if not items:
        return []
    linear = default_model()
    scores = [linear.probability(item.text) for item in items]
    floor, ceiling = (
        (cascade_floor(), cascade_ceiling()) if use_cascade else (0.0, _DEFAULT_CEILING)
    )
    chosen = [
        i
        for i, score in enumerate(scores)
        if floor <= score < ceiling or (score < floor and is_generic_modal(items[i].text))
    ]
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
    return _calibration("cascade_floor", _DEFAULT_FLOOR)


@lru_cache(maxsize=1)
def cascade_ceiling() -> float:
    """The linear probability at or above which a sentence skips the transformer."""
    return _calibration("cascade_ceiling", _DEFAULT_CEILING)


def _calibration(key: str, default: float) -> float:
    try:
        meta = resources.files("factcheck.data").joinpath("checkworthiness_onnx.json")
        return float(json.loads(meta.read_text(encoding="utf-8"))[key])
    except (OSError, ValueError, KeyError, TypeError):
        return default


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
