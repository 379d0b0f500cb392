"""Does a fine-tuned MiniLM cross-encoder beat the shipped rerank? (issue 14 item 2)

The shipped path ranks a claim's recalled passages with the matcher, then reranks the
best 20 by (matcher score + 3 * bi-encoder cosine) / 4 (int8 all-MiniLM-L6-v2). Here the
same 20 candidates (`bench/cross_encoder_candidates.py`, built by importing
`bench/eval_retrieval.py`'s pooling, folds and baseline) are reranked instead by a
cross-encoder fine-tuned from the same MiniLM weights (`bench/train_cross_encoder.py`):

- cross-validation over claims with eval_retrieval's folds (sha256 of the claim id):
  for a held-out fold, the model trains on the other four folds' claims of both sets;
- a slice of those training-fold claims (about 1 in 10, by another byte of the hash) is
  kept out of training and chooses the mix weight w in (shipped + w * sigmoid(logit)) /
  (1 + w): the weight is never chosen on the held-out fold, nor on claims the model saw;
- the model is exported to int8 ONNX (`bench/onnx_export.export_int8`, as a shipped
  model would be) and scores with onnxruntime, one thread: that is also what keeps the
  scoring of ~340 claims x 20 pairs a fold inside the CPU budget.

Reported: recall@5 and recall@1 ratios to bm25s title+text (English stop words, same
pooled passages, same run) on each held-out fold for the shipped rerank, the
cross-encoder alone and the mix; mean and spread over folds. `--latency` times one
claim's rerank of 20 candidates (torch fp32 and int8 ONNX, one thread) against the
shipped path's warm suggestion on the same claims.

Run (train extra, HF_HUB_OFFLINE=1; skips without ../shared/data):
  nice -n 10 python bench/cross_encoder_candidates.py          # once, cached in /tmp
  nice -n 10 python bench/eval_cross_encoder.py --folds 0 --pairs 1600   # one process a fold
  nice -n 10 python bench/eval_cross_encoder.py --report [--latency]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from corpora import data_or_skip
from cross_encoder_candidates import DevCandidates, load
from eval_retrieval import Ranked, ratio

from factcheck.text.sentence_encoder import passage_text

OUT = Path(tempfile.gettempdir()) / "factcheck-xenc"
MIX_WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, math.inf)
"""w in (shipped + w * p) / (1 + w); 0 is the shipped rerank, inf the cross-encoder alone."""


def choice_slice(claim_id: str) -> bool:
    """About 1 training claim in 10, kept out of training to choose the mix weight."""
    return hashlib.sha256(claim_id.encode()).digest()[2] % 10 == 0


def training_pairs(
    devs: list[DevCandidates], held_out: int, budget: int, negatives: int
) -> list[tuple[str, str, float]]:
    """Gold passages and the shipped top 20's hardest non-gold passages of the training
    folds' claims (minus the choice slice); claims taken in hash order until `budget`."""
    per_claim = []
    for dev in devs:
        for query, candidates, k in zip(dev.queries, dev.candidates, dev.folds, strict=True):
            if k == held_out or choice_slice(query.id):
                continue
            pairs = [(query.claim, _text(dev, pid), 1.0) for pid in sorted(query.gold)[:2]]
            hard = [pid for pid in candidates if pid not in query.gold][:negatives]
            pairs += [(query.claim, _text(dev, pid), 0.0) for pid in hard]
            per_claim.append((hashlib.sha256(query.id.encode()).hexdigest(), pairs))
    chosen: list[tuple[str, str, float]] = []
    for _, pairs in sorted(per_claim):
        if len(chosen) + len(pairs) > budget:
            break
        chosen += pairs
    return chosen


def _text(dev: DevCandidates, passage_id: str) -> str:
    return passage_text(*dev.passages[passage_id])


def export_onnx(model: Any, path: Path) -> float:
    """The fine-tuned model as int8 ONNX (per-channel scales, as the sentence encoder)."""
    import torch
    from onnx_export import export_int8

    class Logit(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).logits.squeeze(-1)

    ids = torch.tensor([[101, 2023, 2003, 102, 1037, 3231, 102], [101, 2023, 102, 2003, 102, 0, 0]])
    mask = (ids != 0).long()
    segments = torch.tensor([[0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1, 0, 0]])
    return export_int8(
        Logit(model.eval()),
        (ids, mask, segments),
        "logit",
        fp32_path=path.with_suffix(".fp32.onnx"),
        int8_path=path,
        per_channel=True,
    )


class OnnxScorer:
    """onnxruntime, one thread, over the fine-tuned model's int8 graph."""

    def __init__(self, path: Path, tokenizer: Any) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(path), options)
        self.tokenizer = tokenizer

    def score(self, claim: str, passages: list[str]) -> list[float]:
        from train_cross_encoder import MAX_TOKENS

        inputs = self.tokenizer(
            [claim] * len(passages),
            passages,
            truncation="longest_first",
            max_length=MAX_TOKENS,
            padding=True,
            return_tensors="np",
        )
        feeds = {name: inputs[name].astype(np.int64) for name in inputs}
        return [float(v) for v in self.session.run(None, feeds)[0]]


def run_fold(
    devs: list[DevCandidates], k: int, budget: int, negatives: int, limit: int | None = None
) -> None:
    import torch
    from train_cross_encoder import train

    OUT.mkdir(exist_ok=True)
    pairs = training_pairs(devs, k, budget, negatives)
    print(f"fold {k}: {len(pairs)} training pairs", flush=True)
    started = time.perf_counter()
    tokenizer, model, rate = train(pairs)
    train_seconds = time.perf_counter() - started
    print(f"fold {k}: trained in {train_seconds:.0f} s ({rate:.1f} pairs/s)", flush=True)
    onnx_path = OUT / f"fold{k}.int8.onnx"
    with torch.inference_mode():
        size = export_onnx(model, onnx_path)
    scorer = OnnxScorer(onnx_path, tokenizer)
    scores: dict[str, dict[str, list[float]]] = {}
    started = time.perf_counter()
    scored = 0
    for dev in devs:
        scores[dev.name] = {}
        for query, candidates, fold in zip(dev.queries, dev.candidates, dev.folds, strict=True):
            if limit is not None and len(scores[dev.name]) >= limit:
                break
            if candidates and (fold == k or choice_slice(query.id)):
                texts = [_text(dev, pid) for pid in candidates]
                scores[dev.name][query.id] = scorer.score(query.claim, texts)
                scored += 1
    score_seconds = time.perf_counter() - started
    print(f"fold {k}: scored {scored} claims in {score_seconds:.0f} s", flush=True)
    (OUT / f"fold{k}.json").write_text(
        json.dumps(
            {
                "pairs": len(pairs),
                "train_seconds": train_seconds,
                "pairs_per_second": rate,
                "onnx_mb": size,
                "score_seconds_a_claim": score_seconds / max(scored, 1),
                "scores": scores,
            }
        )
    )
    model.save_pretrained(OUT / f"fold{k}.torch")
    tokenizer.save_pretrained(OUT / f"fold{k}.torch")


def rankings(
    dev: DevCandidates, scores: dict[str, list[float]], weight: float, rows: np.ndarray
) -> list[list[str]]:
    """Per claim (all claims; only `rows` are read later): the 20 candidates reranked by
    the mix; claims without cross-encoder scores keep the shipped order."""
    out = []
    for index, (query, candidates, shipped) in enumerate(
        zip(dev.queries, dev.candidates, dev.shipped_scores, strict=True)
    ):
        logits = scores.get(query.id)
        if not rows[index] or logits is None or weight == 0.0:
            out.append(candidates)
            continue
        p = 1 / (1 + np.exp(-np.array(logits)))
        mixed = p if math.isinf(weight) else (shipped + weight * p) / (1 + weight)
        out.append([candidates[i] for i in np.argsort(-mixed, kind="stable")])
    return out


def report() -> None:
    devs = load(data_or_skip())
    folds = sorted(int(p.stem[4:]) for p in OUT.glob("fold*.json"))
    if not folds:
        raise SystemExit(f"no fold results in {OUT}: run with --folds first")
    results = {k: json.loads((OUT / f"fold{k}.json").read_text()) for k in folds}
    rows_of = {
        "shipped rerank (w 3, depth 20)": lambda k: 0.0,
        "cross-encoder alone": lambda k: math.inf,
    }
    held: dict[str, dict[str, list[float]]] = {}
    chosen = {}
    for k in folds:
        scores = results[k]["scores"]

        # The mix weight: best mean recall@5 ratio over both sets on the choice slice.
        def objective(weight: float, k: int = k, scores: dict = scores) -> float:
            values = []
            for dev in devs:
                rows = np.array(
                    [
                        f != k and choice_slice(q.id)
                        for q, f in zip(dev.queries, dev.folds, strict=True)
                    ]
                )
                ranked = Ranked(rankings(dev, scores[dev.name], weight, rows), dev.queries)
                values.append(ratio(ranked.recall5, dev.strong.recall5, rows))
            return statistics.fmean(values)

        chosen[k] = max(MIX_WEIGHTS, key=objective)
        for label, weight in (
            *((name, pick(k)) for name, pick in rows_of.items()),
            ("mix, w chosen on the slice", chosen[k]),
        ):
            for dev in devs:
                rows = dev.folds == k
                ranked = Ranked(rankings(dev, scores[dev.name], weight, rows), dev.queries)
                cell = held.setdefault(f"{dev.name}|{label}", {"recall@5": [], "recall@1": []})
                cell["recall@5"].append(ratio(ranked.recall5, dev.strong.recall5, rows))
                cell["recall@1"].append(ratio(ranked.recall1, dev.strong.recall1, rows))
    for k in folds:
        r = results[k]
        print(
            f"fold {k}: {r['pairs']} pairs, trained {r['train_seconds']:.0f} s"
            f" ({r['pairs_per_second']:.1f} pairs/s), int8 {r['onnx_mb']:.1f} MB,"
            f" scoring {1000 * r['score_seconds_a_claim']:.0f} ms a claim, mix w {chosen[k]:g}"
        )
    print(f"\nheld-out folds {folds}: ratio to bm25s title+text; mean (min-max) [per fold]")
    for key, metrics in held.items():
        name, label = key.split("|")
        for metric, values in metrics.items():
            print(
                f"  {name:<18} {label:<32} {metric} {statistics.fmean(values):.3f}x"
                f" ({min(values):.2f}-{max(values):.2f}) sd {statistics.pstdev(values):.3f}"
                f" [{' '.join(f'{v:.2f}' for v in values)}]"
            )


def latency(claims: int = 40) -> None:
    """One claim's rerank of its 20 candidates: torch fp32 and int8 ONNX (one thread),
    against the shipped path's warm suggestion (passage vectors cached) on the same
    claims and library (the FM2 pool)."""
    import torch
    from corpora import fm2
    from train_cross_encoder import score
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from factcheck.config import Config
    from factcheck.evidence.context import ClaimContext
    from factcheck.evidence.source_factory import make_sources
    from factcheck.evidence.suggest import suggest
    from factcheck.store import Store

    torch.set_num_threads(1)
    fold = sorted(int(p.stem[4:]) for p in OUT.glob("fold*.json"))[0]
    tokenizer = AutoTokenizer.from_pretrained(OUT / f"fold{fold}.torch")
    model = AutoModelForSequenceClassification.from_pretrained(OUT / f"fold{fold}.torch").eval()
    onnx = OnnxScorer(OUT / f"fold{fold}.int8.onnx", tokenizer)
    dev = load(data_or_skip())[0]
    queries = dev.queries[:claims]
    passages, _ = fm2(data_or_skip())
    timings: dict[str, list[float]] = {"shipped warm": [], "torch fp32": [], "int8 onnx": []}
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
        store.add_references(passages)
        shipped = make_sources(store, Config(), names=["local"])
        free_text = ClaimContext.free_text()
        for query in queries:  # cold pass: caches the candidates' passage vectors
            suggest(shipped, query.claim, context=free_text, limit=5)
        for query, candidates in zip(queries, dev.candidates, strict=False):
            texts = [_text(dev, pid) for pid in candidates]
            started = time.perf_counter()
            suggest(shipped, query.claim, context=free_text, limit=5)
            timings["shipped warm"].append(time.perf_counter() - started)
            started = time.perf_counter()
            score(tokenizer, model, query.claim, texts)
            timings["torch fp32"].append(time.perf_counter() - started)
            started = time.perf_counter()
            onnx.score(query.claim, texts)
            timings["int8 onnx"].append(time.perf_counter() - started)
    base = statistics.median(timings["shipped warm"])
    print(f"\nlatency, {len(queries)} FM2 claims, 20 candidates each, one thread, same pass:")
    for label, values in timings.items():
        p50 = statistics.median(values)
        print(f"  {label:<14} p50 {1000 * p50:7.1f} ms  ({p50 / base:.1f}x shipped warm)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", help="comma-separated held-out folds to train and score")
    parser.add_argument("--pairs", type=int, default=3000, help="training pairs a fold")
    parser.add_argument("--negatives", type=int, default=2, help="hard negatives a claim")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--score-limit", type=int, help="score only N claims a set (smoke)")
    parser.add_argument("--report", action="store_true")
    parser.add_argument("--latency", action="store_true")
    args = parser.parse_args()
    if not (args.folds or args.report or args.latency):
        parser.error("say what to run: --folds, --report and/or --latency")
    if args.folds:
        import torch

        torch.set_num_threads(args.threads)
        devs = load(data_or_skip())
        for k in (int(f) for f in args.folds.split(",")):
            run_fold(devs, k, args.pairs, args.negatives, args.score_limit)
    if args.report:
        report()
    if args.latency:
        latency()


if __name__ == "__main__":
    main()
