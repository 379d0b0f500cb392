"""Train the check-worthiness model shipped as factcheck/data/checkworthiness.bin.

Reproducible: same data, same features (`factcheck.claims.checkworthiness.feature_buckets`),
deterministic solver. Data are read from ../shared/data relative to the repository
root (never copied into the repo); without it the script says so and exits 0.

    python bench/train_checkworthiness_linear.py            # train on everything, write model
    python bench/train_checkworthiness_linear.py --dry-run  # print calibration only

Training data: ClaimBuster crowdsourced.csv (Verdict 1 = check-worthy, 0/-1 = not) and
the CLEF 2019 task-1 training debates (label 1 = should be fact-checked). The decision
threshold is calibrated on out-of-fold ClaimBuster predictions (folds by debate) and
folded into the bias, so 0.5 is the operating point at inference. `bench/eval_*` imports
the loaders and `fit` from here so evaluation trains exactly as this script does.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# ../shared/data from the checkout; further ancestors too, so a git worktree nested one
# level deeper (e.g. /work/wt/<name>) finds the same /work/shared/data.
DATA_ROOT = next(
    (p / "shared" / "data" for p in REPO_ROOT.parents if (p / "shared" / "data").is_dir()),
    REPO_ROOT.parent / "shared" / "data",
)
MODEL_PATH = REPO_ROOT / "factcheck" / "data" / "checkworthiness.bin"
sys.path.insert(0, str(REPO_ROOT))

from factcheck.claims.checkworthiness import (  # noqa: E402
    HASH_BITS,
    CheckworthinessModel,
    feature_buckets,
)

# Hyper-parameters, chosen by the by-debate cross-validation in
# bench/eval_checkworthiness_linear.py.
C = 0.1
POSITIVE_WEIGHT = 1.5
CLEF_WEIGHT = 0.3  # CLEF labels are sparser and stricter; let ClaimBuster lead
MIN_ABS_WEIGHT = 0.06  # prune small weights: 1.3 MB of package data, same CV F1


@dataclass(frozen=True, slots=True)
class Sentence:
    """One labelled sentence and the debate it comes from (the CV group)."""

    text: str
    label: int
    debate: str
    day: date
    source: str  # "claimbuster" or "clef"


def require_data() -> Path:
    """Return the data folder, or exit 0 with the skip message when it is absent."""
    if not DATA_ROOT.is_dir():
        print("skipped: ../shared/data not found")
        raise SystemExit(0)
    return DATA_ROOT


def load_claimbuster(root: Path) -> list[Sentence]:
    """ClaimBuster crowdsourced sentences; Verdict 1 is the positive class."""
    rows = []
    with open(root / "claimbuster" / "crowdsourced.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            debate = row["File_id"]
            day = date.fromisoformat(debate.removesuffix(".txt"))
            label = 1 if row["Verdict"].strip() == "1" else 0
            rows.append(Sentence(row["Text"], label, debate, day, "claimbuster"))
    return rows


def load_clef(root: Path) -> list[Sentence]:
    """CLEF 2019 task-1 training debates: line_no, speaker, text, label (tab-separated)."""
    rows = []
    for path in sorted((root / "clef2019-checkworthiness" / "training").glob("*.tsv")):
        stamp = path.name[:8]
        try:
            day = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
        except ValueError:  # one file is named 2018-26-01 (day and month swapped)
            day = date(int(stamp[:4]), int(stamp[6:8]), int(stamp[4:6]))
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 4 and parts[3].strip() in {"0", "1"}:
                    rows.append(Sentence(parts[2], int(parts[3]), path.name, day, "clef"))
    return rows


def same_event(a: date, b: date) -> bool:
    """CLEF and ClaimBuster share the 2016 debates (dated a day apart at most)."""
    return abs((a - b).days) <= 1


def fit(train: list[Sentence], *, span_model: bool = False) -> CheckworthinessModel:
    """Fit the sentence model on `train`; with `span_model`, also a span model on the
    claim spans `split_claims` proposes inside those sentences (each labelled as its
    sentence), which then scores spans instead of the sentence weights. The shipped
    model has both (`--sentence-only` leaves the span model out): see bench/RESULTS.md."""
    sentence_model = _fit_linear(train)
    if not span_model:
        return sentence_model
    span = _fit_linear(span_examples(train))
    return CheckworthinessModel(sentence_model.weights, sentence_model.bias, span=span)


def span_examples(train: list[Sentence]) -> list[Sentence]:
    """The statements of each sentence (the splitter's spans), with the sentence's label
    and group."""
    from factcheck.claims.spans import statement_spans

    out = []
    for s in train:
        for span in statement_spans(s.text, 0, len(s.text)):
            out.append(Sentence(s.text[span.start : span.end], s.label, s.debate, s.day, s.source))
    return out


def _fit_linear(train: list[Sentence]) -> CheckworthinessModel:
    """Fit the logistic regression on `train` and return it as a plain-Python model."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    indptr, indices = [0], []
    for sentence in train:
        indices.extend(feature_buckets(sentence.text))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    matrix = csr_matrix((data, indices, indptr), shape=(len(train), 1 << HASH_BITS))
    matrix.sum_duplicates()  # repeated buckets become counts, as `logit` sums them
    labels = np.array([s.label for s in train])
    weights = np.array(
        [
            (POSITIVE_WEIGHT if s.label else 1.0) * (CLEF_WEIGHT if s.source == "clef" else 1.0)
            for s in train
        ]
    )
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=1000)
    clf.fit(matrix, labels, sample_weight=weights)
    coef = clf.coef_[0]
    nonzero = np.flatnonzero(np.abs(coef) >= MIN_ABS_WEIGHT)
    return CheckworthinessModel(
        weights={int(i): float(coef[i]) for i in nonzero}, bias=float(clf.intercept_[0])
    )


def calibrated(model: CheckworthinessModel, threshold: float) -> CheckworthinessModel:
    """Shift the bias so that probability `threshold` becomes 0.5."""
    shift = math.log(threshold / (1.0 - threshold))
    span = model.span and calibrated(model.span, threshold)
    return CheckworthinessModel(weights=model.weights, bias=model.bias - shift, span=span)


def best_threshold(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """The threshold on `scores` that maximises F1, and that F1."""
    pairs = sorted(zip(scores, labels, strict=True), reverse=True)
    total_pos = sum(labels)
    tp = 0
    best = (0.5, 0.0)
    for rank, (score, label) in enumerate(pairs, start=1):
        tp += label
        f1 = 2 * tp / (rank + total_pos)
        if f1 > best[1]:
            best = (score, f1)
    return best


def out_of_fold_threshold(
    claimbuster: list[Sentence], clef: list[Sentence], *, span_model: bool = False
) -> float:
    """Threshold maximising F1 on ClaimBuster out-of-fold predictions (5 debate folds)."""
    debates = sorted({s.debate for s in claimbuster})
    scores, labels = [], []
    for fold in range(5):
        held = set(debates[fold::5])
        test = [s for s in claimbuster if s.debate in held]
        days = {s.day for s in test}
        train = [s for s in claimbuster if s.debate not in held] + [
            s for s in clef if not any(same_event(s.day, d) for d in days)
        ]
        model = fit(train, span_model=span_model)
        scores.extend(model.probability(s.text) for s in test)
        labels.extend(s.label for s in test)
    threshold, f1 = best_threshold(scores, labels)
    print(f"out-of-fold sentence-model F1 {f1:.3f} at threshold {threshold:.3f}")
    return threshold


def main() -> None:
    """Train on all data, calibrate, and write the package model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write the model")
    parser.add_argument(
        "--sentence-only",
        dest="span_model",
        action="store_false",
        help="fit only the sentence model (the shipped model also has span weights)",
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="model file to write")
    args = parser.parse_args()
    root = require_data()
    claimbuster, clef = load_claimbuster(root), load_clef(root)
    print(f"claimbuster {len(claimbuster)} sentences, clef {len(clef)} sentences")
    threshold = out_of_fold_threshold(claimbuster, clef, span_model=args.span_model)
    model = calibrated(fit(claimbuster + clef, span_model=args.span_model), threshold)
    if args.dry_run:
        return
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(model.to_bytes())
    size = args.out.stat().st_size
    print(f"wrote {args.out}: {len(model.weights)} weights, {size} bytes")


if __name__ == "__main__":
    main()
