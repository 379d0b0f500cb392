"""Would a transformer stance classifier earn its place? (issue 14 item 3, a yardstick)

The same recipe as the rerank cross-encoder (`bench/train_cross_encoder.py`: MiniLM-L6
from the packaged bi-encoder weights, claim and "article: evidence" as BERT's two
segments, one epoch) with a three-way head, on Climate-FEVER dev evidence pairs labelled
SUPPORTS / REFUTES / NOT_ENOUGH_INFO. 5-fold cross-validation over claims with the folds
of `bench/eval_stance.py` (sha256 of the claim id, byte 1, mod 5: every sentence of a
claim in one fold); the majority class of the training folds is scored on the same
held-out fold in the same run. Accuracy and macro-F1 use `eval_stance.scores`.

The CPU budget (2 shared cores) allows only a sample of each fold's training pairs
(`--pairs`, taken in hash order of the claims, all labels as they come); the figure is
a lower bound on what the recipe could do with the full ~3,000 pairs a fold.

Run (train extra, HF_HUB_OFFLINE=1; skips without ../shared/data):
  nice -n 10 python bench/eval_cross_encoder_stance.py --pairs 600 [--folds 0,1,2,3,4]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip
from eval_stance import scores

from factcheck.text.sentence_encoder import passage_text

LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
FOLDS = 5


def load_pairs(data: Path) -> list[tuple[str, int, str, str, str]]:
    """(claim id, fold, claim, "article: evidence", label) for every labelled pair."""
    pairs = []
    for line in (data / "climate-fever" / "dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        claim_id = str(row["claim_id"])
        fold = hashlib.sha256(claim_id.encode()).digest()[1] % FOLDS
        for evidence in row["evidences"]:
            if evidence["evidence_label"] in LABELS:
                text = passage_text(evidence["article"], evidence["evidence"])
                pairs.append((claim_id, fold, row["claim"], text, evidence["evidence_label"]))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=600, help="training pairs a fold")
    parser.add_argument("--folds", default="0,1,2,3,4")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    data = data_or_skip()  # before torch: without the data sets the script skips cleanly
    import torch
    from train_cross_encoder import batch_inputs, train

    torch.set_num_threads(args.threads)
    pairs = load_pairs(data)
    results = []
    for k in (int(f) for f in args.folds.split(",")):
        training = sorted(
            (p for p in pairs if p[1] != k),
            key=lambda p: (hashlib.sha256(p[0].encode()).hexdigest(), p[3]),
        )[: args.pairs]
        held = [p for p in pairs if p[1] == k]
        started = time.perf_counter()
        tokenizer, model, rate = train(
            [(c, t, float(LABELS.index(label))) for _, _, c, t, label in training],
            num_labels=len(LABELS),
            log_every=0,
        )
        seconds = time.perf_counter() - started
        predicted = []
        with torch.inference_mode():
            for start in range(0, len(held), 32):
                chunk = held[start : start + 32]
                logits = model(
                    **batch_inputs(tokenizer, [p[2] for p in chunk], [p[3] for p in chunk])
                ).logits
                predicted += [LABELS[int(i)] for i in logits.argmax(-1)]
        gold = [p[4] for p in held]
        majority = Counter(p[4] for p in training).most_common(1)[0][0]
        acc, f1 = scores(gold, predicted)
        base_acc, base_f1 = scores(gold, [majority] * len(gold))
        results.append((acc, f1, base_acc, base_f1))
        print(
            f"fold {k}: {len(training)} training pairs ({seconds:.0f} s, {rate:.1f} pairs/s),"
            f" {len(held)} held out: acc {acc:.3f} macro-F1 {f1:.3f} |"
            f" majority acc {base_acc:.3f} macro-F1 {base_f1:.3f}"
            f" | predicted {dict(Counter(predicted))}",
            flush=True,
        )
    for index, name in enumerate(("accuracy", "macro-F1", "majority acc", "majority F1")):
        values = [r[index] for r in results]
        print(
            f"  {name:<13} mean {statistics.fmean(values):.3f}"
            f" ({min(values):.3f}-{max(values):.3f}) sd {statistics.pstdev(values):.3f}"
        )


if __name__ == "__main__":
    main()
