"""The splitter's one scoring seam: a document's sentences in, one score per sentence out.

`factcheck.splitter` collects every sentence that holds a statement, with its
neighbours as context, and calls `score_sentences` once per document, so a scorer that
works in batches (a transformer) sees the whole document at once. This implementation
runs the packaged linear model (`factcheck.checkworthiness`) on the sentence alone; a
learned scorer with the same signature replaces it by changing the splitter's one
import of `score_sentences`. 0.5 is the threshold at which a claim is shown.
Pure; no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.checkworthiness import CheckworthinessModel, default_model, sigmoid
from factcheck.sentence_context import SentenceInContext

__all__ = ["SentenceInContext", "score_sentences"]


def score_sentences(
    items: Sequence[SentenceInContext], *, model: CheckworthinessModel | None = None
) -> list[float]:
    """Check-worthiness in [0, 1] of each item, in order (the linear model; context unused).

    `model` swaps the packaged model (bench/eval_checkworthiness.py passes one trained
    without the held-out debate).
    """
    model = model or default_model()
    return [sigmoid(model.logit(item.text)) for item in items]
