"""The learned stance hint: a small logistic regression over cues and sentence vectors.

The surface cues of `factcheck.evidence.stance` alone hint "supports" or "contradicts"
far too often: on Climate-FEVER dev they score below always answering "neither"
(accuracy 0.535 against 0.650). This model weighs the same cues together with what the
packaged MiniLM sentence encoder says about the pair (the cosine of claim and passage,
and their element-wise product, whose sum is that cosine), and says "neither" unless the
evidence for a stance is strong. Trained by bench/train_stance.py on Climate-FEVER dev,
with the regularisation and feature set chosen by cross-validation over claims; it beats
the majority class on both accuracy and macro-F1 there (bench/RESULTS.md). It rarely
says "contradicts": no linear model over these features tells refutation apart from a
passage that is merely on topic (see the RESULTS section).

The weights ship as plain numbers (factcheck/data/stance_model.npz, a few KB) and run
with numpy. Loading the encoder costs ~0.3 s, so this module is imported only where a
passage is shown with its claim (`stance.evidence_hint`); commands that show no
evidence never load it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from factcheck.evidence.stance import Stance, StanceCues

__all__ = [
    "CUE_FEATURES",
    "LABELS",
    "MODEL_FILE",
    "StanceModel",
    "cue_features",
    "default_stance_model",
    "load_stance_model",
    "pair_features",
]

MODEL_FILE = "stance_model.npz"
LABELS = (Stance.SUPPORTS, Stance.CONTRADICTS, Stance.NEITHER)
"""The order of the rows of the weight matrix."""
CUE_FEATURES = ("overlap", "agreements", "contradictions", "negation_mismatch", "directions")
"""The cue columns, then the cosine, then (for a model that uses them) the 384 products."""


def cue_features(cues: StanceCues) -> list[float]:
    """The cues as numbers, in `CUE_FEATURES` order (counts for the tuples)."""
    return [
        cues.overlap,
        float(len(cues.agreements)),
        float(len(cues.contradictions)),
        float(cues.negation_mismatch),
        float(len(cues.opposite_directions)),
    ]


def pair_features(cues: StanceCues, claim_vector: Any, passage_vector: Any) -> Any:
    """One pair's full feature row: cues, cosine, then claim * passage element-wise.
    Both vectors are unit length (`SentenceEncoder.encode`), so the products sum to the
    cosine. The same function builds the training rows (bench/train_stance.py)."""
    import numpy as np

    products = np.asarray(claim_vector, dtype=np.float64) * np.asarray(
        passage_vector, dtype=np.float64
    )
    return np.concatenate([cue_features(cues), [products.sum()], products])


@dataclass(frozen=True, slots=True)
class StanceModel:
    """Multinomial logistic regression: scores = weights @ features[:width] + bias.
    Standardisation is folded into the weights at training time."""

    weights: Any
    """(3, width) float32, rows in `LABELS` order."""
    bias: Any
    """(3,) float32."""

    @property
    def width(self) -> int:
        """How many leading feature columns the model reads (6: cues and cosine only)."""
        return int(self.weights.shape[1])

    def probabilities(self, features: Any) -> Any:
        """Softmax over `LABELS` for one feature row (or an (n, d) matrix)."""
        import numpy as np

        rows = np.atleast_2d(np.asarray(features, dtype=np.float64))[:, : self.width]
        scores = rows @ self.weights.T.astype(np.float64) + self.bias.astype(np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def stances(self, features: Any) -> list[Stance]:
        """The most probable stance per row: "neither" unless another wins outright."""
        return [LABELS[int(i)] for i in self.probabilities(features).argmax(axis=1)]


def load_stance_model(folder: Traversable | None = None) -> StanceModel | None:
    """The packaged model, or None when its file is missing or malformed (a broken
    install): the hint then falls back to the cue rule."""
    import io

    import numpy as np

    folder = folder or resources.files("factcheck.data")
    try:
        with np.load(io.BytesIO(folder.joinpath(MODEL_FILE).read_bytes())) as data:
            weights = np.asarray(data["weights"], dtype=np.float32)
            bias = np.asarray(data["bias"], dtype=np.float32)
    except (OSError, ValueError, KeyError):
        return None
    good_shape = weights.ndim == 2 and weights.shape[0] == len(LABELS) and bias.shape == (3,)
    if not good_shape or weights.shape[1] < len(CUE_FEATURES) + 1:
        return None
    return StanceModel(weights, bias)


@lru_cache(maxsize=1)
def default_stance_model() -> StanceModel | None:
    """The packaged model, loaded once per process."""
    return load_stance_model()


def model_stances(
    cues: Sequence[StanceCues], claim: str, passages: Sequence[str]
) -> list[Stance] | None:
    """The model's stance for each (cues, passage text) of one claim, or None when the
    model or the sentence encoder is unavailable. `passages` are encoded as the training
    pairs were (`sentence_encoder.passage_text`: "title: text")."""
    model = default_stance_model()
    if model is None:
        return None
    from factcheck.text.sentence_encoder import default_sentence_encoder

    encoder = default_sentence_encoder()
    if encoder is None:
        return None
    import numpy as np

    claim_vector = encoder.vector(claim)
    rows = [
        pair_features(pair_cues, claim_vector, encoder.vector(passage))
        for pair_cues, passage in zip(cues, passages, strict=True)
    ]
    return model.stances(np.vstack(rows)) if rows else []
