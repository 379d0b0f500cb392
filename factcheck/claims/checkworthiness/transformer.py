"""The fine-tuned MiniLM check-worthiness model, run with onnxruntime.

The first four layers of all-MiniLM-L6-v2, fine-tuned on debate sentences
(bench/train_checkworthiness.py) and distilled from the six-layer model fine-tuned so
(bench/train_checkworthiness_distil.py: 0.65-0.71x its time, recent-debate F1 within its
spread), exported to ONNX and quantised to int8: factcheck/data/checkworthiness.onnx, with its
calibration in checkworthiness_onnx.json (the logit that maps to 0.5). Inputs are built
by `factcheck.claims.checkworthiness.encoding` with the package's one WordPiece tokenizer.

The session, padding and batching are the package's one MiniLM runtime
(`factcheck.text.onnx_runtime`, shared with the evidence sentence encoder); this module is
imported only when the first sentence is scored (`factcheck.claims.checkworthiness.scoring`),
so commands that do not split text never load onnxruntime. Speed levers: inputs sorted
by length and batched, so padding stays small; one intra-op thread (the splitter's
callers parallelise across documents, not inside one); a short maximum length (see
encoding.MAX_TOKENS).
Dynamic int8 quantisation scales activations over the whole batch (padding included),
so a sentence's score depends on the sentences batched beside it: regrouping the
transformer sentences of 40 CoAID articles moved scores by 0.009 on average, 0.14 at most,
and put 14 of 1,451 on the other side of 0.5 (bench/RESULTS.md, "Session 22, cwspeed").
Any change to the batching is therefore a change of scores, checked with
bench/eval_checkworthiness.py.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable

from factcheck.claims.checkworthiness.encoding import Encoded, SentenceInContext, encode
from factcheck.text.onnx_runtime import ModelSource, OnnxModel, length_batches, model_source
from factcheck.text.wordpiece import WordPiece, default_wordpiece

__all__ = ["BATCH_SIZE", "TransformerScorer", "load_transformer"]

BATCH_SIZE = 8
"""Sentences per onnxruntime call. Measured on 5 KB news articles (int8, one thread):
8 a batch is ~1.2x faster per sentence than 16 and ~1.5x faster than 32 (less padding,
activations that stay in cache); the per-call overhead is small."""
MODEL_FILE = "checkworthiness.onnx"
CALIBRATION_FILE = "checkworthiness_onnx.json"


class TransformerScorer:
    """Scores sentences in context with the int8 ONNX model; probabilities calibrated
    so that 0.5 is the operating threshold."""

    def __init__(
        self,
        model_bytes: ModelSource,
        threshold_logit: float,
        tokenizer: WordPiece,
        *,
        use_context: bool = True,
    ) -> None:
        self._model = OnnxModel(model_bytes)
        self.threshold_logit = threshold_logit
        self.tokenizer = tokenizer
        self.use_context = use_context
        """False: neighbours are left out (faster; see docs/checkworthiness.md)."""

    def logits(self, items: Sequence[SentenceInContext]) -> list[float]:
        """The model's raw logits (uncalibrated), in the order of `items`."""
        context = self.use_context
        if not context:
            items = [SentenceInContext(item.text) for item in items]
        # Identical inputs (a repeated paragraph, a headline restated word for word) run
        # once: `unique` maps each distinct item to its first position.
        unique: dict[SentenceInContext, int] = {}
        first_of = [unique.setdefault(item, len(unique)) for item in items]
        encoded = [encode(item, self.tokenizer, context=context) for item in unique]
        distinct = [0.0] * len(encoded)
        for batch in length_batches([len(e.ids) for e in encoded], BATCH_SIZE):
            values = self._run([encoded[i] for i in batch])
            for i, value in zip(batch, values, strict=True):
                distinct[i] = value
        return [distinct[i] for i in first_of]

    def scores(self, items: Sequence[SentenceInContext]) -> list[float]:
        """Calibrated probabilities in [0, 1]; 0.5 is the threshold."""
        return [_sigmoid(z - self.threshold_logit) for z in self.logits(items)]

    def _run(self, batch: list[Encoded]) -> list[float]:
        logits = self._model.run([e.ids for e in batch], [e.segments for e in batch])
        return [float(v) for v in logits.reshape(len(batch), -1)[:, -1]]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def load_transformer(folder: Traversable | None = None) -> TransformerScorer | None:
    """The packaged model, or None when its file or onnxruntime is missing (a broken
    install): the caller then falls back to the linear model."""
    folder = folder or resources.files("factcheck.data")
    try:
        model_bytes = model_source(folder.joinpath(MODEL_FILE))  # read only if not cached
        meta = json.loads(folder.joinpath(CALIBRATION_FILE).read_text(encoding="utf-8"))
        threshold_logit = float(meta["threshold_logit"])
        use_context = bool(meta.get("use_context", True))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        return TransformerScorer(
            model_bytes, threshold_logit, default_wordpiece(), use_context=use_context
        )
    except ImportError:
        return None
