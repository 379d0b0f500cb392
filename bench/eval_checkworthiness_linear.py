"""Evaluate check-worthiness end to end, through `split_claims`, on debates it never saw.

    python bench/eval_checkworthiness_linear.py
    python bench/eval_checkworthiness_linear.py --span-model --sentence-weight 0.8   # experiment

1. ClaimBuster (crowdsourced.csv, Verdict 1 = positive), cross-validated BY DEBATE:
   5 folds of whole debates (File_id). For each fold a model is trained exactly as
   bench/train_checkworthiness_linear.py does (ClaimBuster of the other folds + CLEF 2019,
   minus CLEF debates of the same event), its threshold calibrated on an inner by-debate
   split of the training part only, and a test sentence counts as check-worthy when
   `split_claims(sentence, model=fold_model)` yields a claim with score >= 0.5.
   Printed next to the "sentence contains a digit" rule.
2. CLEF 2019 task 1 training debates, leave-one-debate-out: each debate's sentences are
   ranked by their best claim score; mean average precision over the 19 debates, next
   to the best official CLEF 2019 task-1 primary run (cited, on the official test set).

Reads ../shared/data (see bench/train_checkworthiness_linear.py); exits 0 when it is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_checkworthiness_linear import (
    Sentence,
    best_threshold,
    calibrated,
    fit,
    load_claimbuster,
    load_clef,
    require_data,
    same_event,
)

from factcheck.claims.checkworthiness import CheckworthinessModel
from factcheck.claims.splitter import split_claims

FOLDS = 5
CLEF_2019_BEST_MAP = 0.1660  # Copenhagen, primary run, CLEF 2019 CheckThat! task 1 (test set)
_DIGIT = re.compile(r"\d")


def sentence_score(model: CheckworthinessModel, text: str) -> float:
    """A sentence's score through the real pipeline: its best claim's score (0 if none)."""
    return max((claim.score for claim in split_claims(text, model=model)), default=0.0)


def prf(predicted: list[bool], gold: list[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class."""
    tp = sum(1 for p, g in zip(predicted, gold, strict=True) if p and g)
    n_pred, n_gold = sum(predicted), sum(gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return precision, recall, f1


def train_fold(
    train: list[Sentence], clef: list[Sentence], *, span_model: bool = False
) -> CheckworthinessModel:
    """Fit on `train` (+ eligible CLEF) and calibrate on an inner by-debate split of it."""
    cb_train = [s for s in train if s.source == "claimbuster"]
    debates = sorted({s.debate for s in cb_train})
    scores, labels = [], []
    for inner in range(2):
        held = set(debates[inner::2])
        model = fit([s for s in train if s.debate not in held], span_model=span_model)
        heldout = [s for s in cb_train if s.debate in held]
        scores.extend(model.probability(s.text) for s in heldout)
        labels.extend(s.label for s in heldout)
    threshold, _ = best_threshold(scores, labels)
    return calibrated(fit(train, span_model=span_model), threshold)


def evaluate_claimbuster(
    claimbuster: list[Sentence], clef: list[Sentence], *, span_model: bool = False
) -> None:
    """Sentence-level P/R/F1 with folds by debate, and the digit rule beside it."""
    debates = sorted({s.debate for s in claimbuster})
    gold: list[int] = []
    pipeline: list[bool] = []
    sentence_model: list[bool] = []
    for fold in range(FOLDS):
        held = set(debates[fold::FOLDS])
        test = [s for s in claimbuster if s.debate in held]
        days = {s.day for s in test}
        train = [s for s in claimbuster if s.debate not in held] + [
            s for s in clef if not any(same_event(s.day, d) for d in days)
        ]
        model = train_fold(train, clef, span_model=span_model)
        gold.extend(s.label for s in test)
        pipeline.extend(sentence_score(model, s.text) >= 0.5 for s in test)
        sentence_model.extend(model.probability(s.text) >= 0.5 for s in test)
    digit = [bool(_DIGIT.search(s.text)) for s in claimbuster_in_order(claimbuster, debates)]
    print(f"ClaimBuster, {len(gold)} sentences, {FOLDS}-fold CV by debate (File_id):")
    for name, predicted in (
        ("split_claims, any claim score >= 0.5", pipeline),
        ("sentence model alone, p >= 0.5", sentence_model),
        ('"contains a digit" rule', digit),
    ):
        p, r, f = prf(predicted, gold)
        print(f"  {name:<40} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def claimbuster_in_order(claimbuster: list[Sentence], debates: list[str]) -> list[Sentence]:
    """The sentences in the same fold order the CV loop visits them."""
    out = []
    for fold in range(FOLDS):
        held = set(debates[fold::FOLDS])
        out.extend(s for s in claimbuster if s.debate in held)
    return out


def average_precision(scores: list[float], labels: list[int]) -> float:
    """AP of one ranking (ties broken by original order, as a stable sort does)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, index in enumerate(order, start=1):
        if labels[index]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def evaluate_clef(
    claimbuster: list[Sentence], clef: list[Sentence], *, span_model: bool = False
) -> None:
    """MAP over the CLEF 2019 training debates, leave-one-debate-out."""
    debates = sorted({s.debate for s in clef})
    aps = []
    for debate in debates:
        test = [s for s in clef if s.debate == debate]
        day = test[0].day
        train = [s for s in clef if s.debate != debate] + [
            s for s in claimbuster if not same_event(s.day, day)
        ]
        # Ranking only: calibration shifts every claim's logit alike, so not the order.
        model = fit(train, span_model=span_model)
        scores = [sentence_score(model, s.text) for s in test]
        aps.append(average_precision(scores, [s.label for s in test]))
    mean_ap = sum(aps) / len(aps)
    print(f"CLEF 2019 task 1 training, {len(debates)} debates, leave-one-debate-out:")
    print(f"  MAP {mean_ap:.4f} (rank by best claim score per sentence)")
    print(
        f"  cited: best official CLEF 2019 task-1 primary run MAP {CLEF_2019_BEST_MAP:.4f} "
        "(Copenhagen, on the official test debates, not these training debates)"
    )


def main() -> None:
    """Run both evaluations and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--span-model", action="store_true", help="fit span weights too")
    parser.add_argument(
        "--sentence-weight",
        type=float,
        default=1.0,
        help="(no longer used: claims are whole statements, scored by their sentence)",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    root = require_data()
    claimbuster, clef = load_claimbuster(root), load_clef(root)
    evaluate_claimbuster(claimbuster, clef, span_model=args.span_model)
    evaluate_clef(claimbuster, clef, span_model=args.span_model)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
