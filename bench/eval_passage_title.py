"""Should a passage be encoded with its page title? MiniLM alone over each dev pool.

    FACTCHECK_DATA=/work/shared/data nice -n 10 python bench/eval_passage_title.py

For FM2 dev and Climate-FEVER dev (pooled as in bench/eval_retrieval.py), every claim
ranks every pooled passage by the cosine of the shipped sentence encoder's vectors
(`factcheck.text.sentence_encoder`), once with the passage text alone and once as
`passage_text(title, text)` ("title: text"). Prints recall@5 and recall@1 of the gold
sentences for both. A design check, not a product figure: the product reranks FTS5's
recall, it does not search by vectors.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from corpora import climate_fever, data_or_skip, fm2

from factcheck.text.sentence_encoder import default_sentence_encoder, passage_text


def recall(scores: np.ndarray, ids: list[str], gold: set[str], k: int) -> float:
    top = np.argpartition(-scores, k)[:k] if len(scores) > k else np.arange(len(scores))
    top = top[np.argsort(-scores[top])]
    return len({ids[i] for i in top[:k]} & gold) / len(gold)


def main() -> None:
    data = data_or_skip()
    encoder = default_sentence_encoder()
    assert encoder is not None
    for name, loader in (("FM2 dev", fm2), ("Climate-FEVER dev", climate_fever)):
        passages, queries = loader(data)
        ids = [p["id"] for p in passages]
        claims = np.stack([encoder.vector(q.claim) for q in queries])
        for label, texts in (
            ("text alone", [p["text"] for p in passages]),
            ("title: text", [passage_text(p["title"], p["text"]) for p in passages]),
        ):
            scores = claims @ encoder.encode(texts).T
            r5 = np.mean([recall(scores[i], ids, q.gold, 5) for i, q in enumerate(queries)])
            r1 = np.mean([recall(scores[i], ids, q.gold, 1) for i, q in enumerate(queries)])
            print(
                f"{name} ({len(queries)} claims, {len(passages)} passages), {label:<12}"
                f" recall@5 {r5:.3f}  recall@1 {r1:.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
