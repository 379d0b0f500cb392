"""The fine-tuned MiniLM check-worthiness model, run with onnxruntime.

all-MiniLM-L6-v2 fine-tuned on debate sentences in context (bench/train_checkworthiness.py),
exported to ONNX and quantised to int8: factcheck/data/checkworthiness.onnx, with its
calibration in checkworthiness_onnx.json (the logit that maps to 0.5). Inputs are built
by `factcheck.claims.checkworthiness.encoding` with the package's one WordPiece tokenizer.

The session, padding and batching are the package's one MiniLM runtime
(`factcheck.text.onnx_runtime`, shared with the evidence sentence encoder); this module is
imported only when the first sentence is scored (`factcheck.claims.checkworthiness.scoring`),
so commands that do not split text never load onnxruntime. Speed levers: inputs sorted
by length and cut into the batches that cost least (`cost_batches`: each call's fixed
cost against the padding a wider batch adds); one intra-op thread (the splitter's
callers parallelise across documents, not inside one); a short maximum length (see
encoding.MAX_TOKENS).
Dynamic int8 quantisation scales activations per batch, so a sentence's score moves by
up to ~0.01 with the sentences batched beside it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable

from factcheck.claims.checkworthiness.encoding import Encoded, SentenceInContext, encode
from factcheck.text.onnx_runtime import OnnxModel
from factcheck.text.wordpiece import WordPiece, default_wordpiece

__all__ = ["CALL_COST_PIECES", "MAX_BATCH", "TransformerScorer", "cost_batches", "load_transformer"]

CALL_COST_PIECES = 8
"""One onnxruntime call's fixed cost (~300 graph nodes run once a call), counted in word
pieces' worth of run time. Fixed batches of 8 paid it ~5 times an article whatever the
lengths; `cost_batches` weighs it against padding instead. Chosen on 5 KB CoAID articles
(bench/RESULTS.md, "Session 22, cwspeed"): 4 to 20 all save 5-7% of CPU against fixed
batches of 8; 8 is the middle."""
MAX_BATCH = 32
"""The most sentences in one call (a bound for the search; wider batches never paid)."""
MODEL_FILE = "checkworthiness.onnx"
CALIBRATION_FILE = "checkworthiness_onnx.json"


class TransformerScorer:
    """Scores sentences in context with the int8 ONNX model; probabilities calibrated
    so that 0.5 is the operating threshold."""

    def __init__(
        self,
        model_bytes: bytes,
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
        for batch in cost_batches([len(e.ids) for e in encoded]):
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


def cost_batches(
    lengths: Sequence[int], *, call_cost: float = CALL_COST_PIECES, max_batch: int = MAX_BATCH
) -> list[list[int]]:
    """Positions of `lengths` cut into batches that minimise the modelled run time.

    A batch costs `call_cost` plus its rows times its longest row: padding costs as much
    as real pieces, and every call has a fixed cost, so neither "one batch per article"
    (padding to the longest sentence) nor a fixed batch size is best for every article.
    The lengths are sorted and cut into runs by dynamic programming (O(n * max_batch)),
    so each batch holds sentences of similar length. Order-stable for equal lengths.
    """
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    sorted_lengths = [lengths[i] for i in order]
    best = [0.0] * (len(order) + 1)
    start_of = [0] * (len(order) + 1)
    for end in range(1, len(order) + 1):
        widest = sorted_lengths[end - 1]
        best[end] = math.inf
        for start in range(max(0, end - max_batch), end):
            cost = best[start] + call_cost + (end - start) * widest
            if cost < best[end]:
                best[end], start_of[end] = cost, start
    batches = []
    end = len(order)
    while end:
        batches.append(order[start_of[end] : end])
        end = start_of[end]
    batches.reverse()
    return batches


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
        model_bytes = folder.joinpath(MODEL_FILE).read_bytes()
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
