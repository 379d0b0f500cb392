"""Check-worthiness figures of the shipped transformer against the plain baselines,
on data it never trained on, in one run.

    nice -n 10 python bench/eval_checkworthiness.py

Sets (fixed in bench/checkworthiness_data.py before training):
1. ClaimBuster, 7 held-out whole debates (1960-2016; `debates[2::5]`): P/R/F1 at the
   shipped threshold (0.5) and average precision; a 90% interval from resampling whole
   debates (bootstrap, 1,000 draws).
2. CheckThat! 2024 dev-test (318 sentences, 2019-2024, no context): the shipped
   threshold was chosen on this set, so its F1 there is optimistic; the honest figure is
   "2-fold": the threshold chosen on a random half, F1 measured on the other half
   (mean and sd over 200 splits), for every model alike.
3. CLEF 2019, 6 held-out whole files (the official test split is not in ../shared):
   mean average precision over files (the task's measure), next to the best CLEF 2019
   primary run (0.1660 on the official test set, cited, not comparable file for file).

Models: "digit" (the sentence contains a digit); "linear shipped" (the linear model in
the package, trained on ALL ClaimBuster + CLEF, so it has seen sets 1 and 3: optimistic
there); "linear same split" (the same linear recipe trained on the transformer's
training split, threshold chosen on CheckThat! dev-test like the transformer);
"transformer" (every sentence through the int8 ONNX model, with context);
"transformer, no context" (the same with neighbours blanked); "cascade" (as shipped:
`score_sentences`: the linear model settles the sentences below its floor and at or
above its ceiling, the transformer scores the band between).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkworthiness_data import (
    Labelled,
    checkthat_2024,
    require_data,
    training_set,
)
from train_checkworthiness import ONNX_PATH
from train_checkworthiness_linear import Sentence, best_threshold, fit

from factcheck.claims.checkworthiness import SentenceInContext, default_model
from factcheck.claims.checkworthiness.scoring import (
    cascade_ceiling,
    cascade_floor,
    score_sentences,
)
from factcheck.claims.checkworthiness.transformer import TransformerScorer, load_transformer
from factcheck.text.wordpiece import default_wordpiece

CLEF_2019_BEST_MAP = 0.1660
_DIGIT = re.compile(r"\d")
_SEED = 7


def prf(scores: list[float], labels: list[int], threshold: float = 0.5) -> tuple[float, ...]:
    """Precision, recall and F1 of the positive class at `threshold`."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    n_pred = sum(1 for s in scores if s >= threshold)
    n_gold = sum(labels)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def average_precision(scores: list[float], labels: list[int]) -> float:
    ranked = sorted(zip(scores, labels, strict=True), key=lambda x: -x[0])
    hits, total = 0, 0.0
    for rank, (_, label) in enumerate(ranked, start=1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def debate_bootstrap(rows: list[Labelled], scores: list[float]) -> tuple[float, float]:
    """5th and 95th percentile of F1 over 1,000 resamples of whole debates."""
    by_group: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_group[r.group].append(i)
    groups = sorted(by_group)
    rng = random.Random(_SEED)
    f1s = []
    for _ in range(1000):
        idx = [i for g in rng.choices(groups, k=len(groups)) for i in by_group[g]]
        f1s.append(prf([scores[i] for i in idx], [rows[i].label for i in idx])[2])
    f1s.sort()
    return f1s[50], f1s[949]


def two_fold_f1(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """Threshold chosen on a random half, F1 on the other half: mean and sd."""
    rng = random.Random(_SEED)
    out = []
    n = len(scores)
    for _ in range(100):
        order = list(range(n))
        rng.shuffle(order)
        halves = (order[: n // 2], order[n // 2 :])
        for tune, test in (halves, halves[::-1]):
            threshold, _ = best_threshold([scores[i] for i in tune], [labels[i] for i in tune])
            out.append(prf([scores[i] for i in test], [labels[i] for i in test], threshold)[2])
    return statistics.mean(out), statistics.stdev(out)


# Issue 11's mood classes, with its own made-up examples (plus a few of the same kind):
# not data, a sanity probe printed beside the figures, never used for tuning.
MOOD_DOWN = [
    "The ministry is expected to announce a decision next week.",
    "We will build a new hospital in every county.",
    "This is the greatest city on earth.",
    "If we cut taxes, the economy would boom.",
    "Our vision is a country where every child can dream.",
    "The company plans to open three new stores next year.",
]
MOOD_UP = [
    "He denied receiving the payment.",
    "We closed the border crossing.",
    "The minister called the report a fabrication.",
    "The firm admitted the breach and paid a penalty.",
    "Police arrested the mayor's brother on Friday.",
    "The court struck down the law last month.",
]


def mood_probe(transformer) -> None:
    linear = default_model()
    for name, texts in (("should be low", MOOD_DOWN), ("should be high", MOOD_UP)):
        items = [SentenceInContext(t) for t in texts]
        ours = transformer.scores(items)
        theirs = [linear.probability(t) for t in texts]
        shown = sum(s >= 0.5 for s in ours)
        print(
            f"  {name:15} transformer mean {statistics.mean(ours):.2f} ({shown}/{len(texts)}"
            f" shown), linear mean {statistics.mean(theirs):.2f}"
            f" ({sum(s >= 0.5 for s in theirs)}/{len(texts)} shown)"
        )


def blank(item: SentenceInContext) -> SentenceInContext:
    return SentenceInContext(item.text)


def file_average_precisions(rows: list[Labelled], scores: list[float]) -> list[float]:
    """Average precision of each CLEF file (a debate's sentences ranked alone): MAP is
    their mean, as the CLEF 2019 task scored it."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_file[row.group].append(i)
    return [
        average_precision([scores[i] for i in idx], [rows[i].label for i in idx])
        for idx in by_file.values()
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-context-ablation", action="store_true")
    args = parser.parse_args()
    root = require_data()
    train, cb_test, clef_test = training_set(root)
    dev = checkthat_2024(root)
    shipped_transformer = load_transformer()
    if shipped_transformer is None:
        raise SystemExit("the packaged transformer is missing: run bench/train_checkworthiness.py")
    # With context whatever the shipped setting, so both variants are measured.
    transformer = TransformerScorer(
        ONNX_PATH.read_bytes(), shipped_transformer.threshold_logit, default_wordpiece()
    )
    print(f"shipped scorer uses context: {shipped_transformer.use_context}")
    shipped = default_model()
    same_split = fit(
        [
            Sentence(r.item.text, r.label, r.group, r.day, r.source)
            for r in train
            if r.source in ("claimbuster", "clef")
        ]
    )
    dev_linear = [same_split.probability(r.item.text) for r in dev]
    same_split_threshold, _ = best_threshold(dev_linear, [r.label for r in dev])
    print(
        f"cascade floor {cascade_floor():.3f}, ceiling {cascade_ceiling():.2f};"
        f" training sentences {len(train)}"
    )

    sets = {"ClaimBuster held-out debates": cb_test, "CheckThat 2024 dev-test": dev}
    sets["CLEF 2019 held-out files"] = clef_test
    for name, rows in sets.items():
        labels = [r.label for r in rows]
        items = [r.item for r in rows]
        started = time.perf_counter()
        models = {
            "digit": [float(bool(_DIGIT.search(i.text))) for i in items],
            "linear shipped": [shipped.probability(i.text) for i in items],
            "linear same split": [
                same_split.probability(i.text) - same_split_threshold + 0.5 for i in items
            ],
            "transformer": transformer.scores(items),
        }
        if not args.no_context_ablation and name != "CheckThat 2024 dev-test":
            models["transformer, no context"] = transformer.scores([blank(i) for i in items])
        models["cascade (shipped)"] = score_sentences(items)
        elapsed = time.perf_counter() - started
        print(f"\n{name}: {len(rows)} sentences, {sum(labels)} check-worthy ({elapsed:.0f} s)")
        for model_name, scores in models.items():
            if name.startswith("CLEF"):
                aps = file_average_precisions(rows, scores)
                print(
                    f"  {model_name:24} MAP {statistics.mean(aps):.3f} "
                    f"(files {min(aps):.3f}-{max(aps):.3f})"
                )
                continue
            p, r, f1 = prf(scores, labels)
            line = f"  {model_name:24} P {p:.3f} R {r:.3f} F1 {f1:.3f}"
            if model_name != "digit":
                line += f" AP {average_precision(scores, labels):.3f}"
            if name.startswith("ClaimBuster"):
                low, high = debate_bootstrap(rows, scores)
                line += f"  (F1 90% interval {low:.3f}-{high:.3f})"
            elif model_name != "digit":
                mean, sd = two_fold_f1(scores, labels)
                line += f"  (2-fold threshold F1 {mean:.3f} +- {sd:.3f})"
            print(line)
        if name.startswith("CLEF"):
            print(f"  best CLEF 2019 primary run (official test set): MAP {CLEF_2019_BEST_MAP}")
    print("\nmood probe (issue 11's made-up examples, no context):")
    mood_probe(transformer)


if __name__ == "__main__":
    main()
