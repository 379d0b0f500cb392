"""Stance hint quality on Climate-FEVER dev: accuracy and macro-F1 vs the majority class.

Every (claim, evidence sentence) pair of Climate-FEVER dev is labelled SUPPORTS,
REFUTES or NOT_ENOUGH_INFO by annotators; `factcheck.evidence.stance` hints supports /
contradicts / neither. Its cues are computed once per pair (`stance_cues`); the
thresholds of `decide` (`stance.Thresholds`: overlap for support, overlap for a
contradiction cue to count, negation and direction cues on or off) are chosen by
5-fold cross-validation over claims (folds by a hash of the claim id, all of a
claim's sentences in one fold) on macro-F1, and measured on the held-out fold. The
majority baseline (the most common label of the training folds) is scored on the same
held-out fold in the same run. Also printed: the shipped `Thresholds()` defaults on
the full set, and how often each cue fires per gold label.

This measures the cue rule (`decide`), which the product uses only as a fallback; the
learned hint `evidence_hint` shows is trained and cross-validated by
bench/train_stance.py.

Run: python bench/eval_stance.py   (skips without ../shared/data)
"""

from __future__ import annotations

import hashlib
import itertools
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip

from factcheck.evidence.stance import Stance, StanceCues, Thresholds, decide, stance_cues

FOLDS = 5
LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
AS_LABEL = {
    Stance.SUPPORTS: "SUPPORTS",
    Stance.CONTRADICTS: "REFUTES",
    Stance.NEITHER: "NOT_ENOUGH_INFO",
}
GRID = [
    Thresholds(support, contradict, negation, antonyms)
    for support, contradict, negation, antonyms in itertools.product(
        (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1.01),
        (0.0, 0.2, 0.4, 0.6, 1.01),
        (True, False),
        (True, False),
    )
]
"""180 settings; 1.01 means "never" (no pair overlaps more than all of the claim)."""


class Pair:
    """A claim, one of its evidence sentences, the gold label and the cues."""

    def __init__(self, claim_id: str, label: str, cues: StanceCues) -> None:
        self.fold = hashlib.sha256(claim_id.encode()).digest()[1] % FOLDS
        self.label = label
        self.cues = cues


def load(data: Path) -> list[Pair]:
    pairs = []
    for line in (data / "climate-fever" / "dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        for evidence in row["evidences"]:
            if evidence["evidence_label"] in LABELS:
                cues = stance_cues(row["claim"], evidence["evidence"])
                pairs.append(Pair(str(row["claim_id"]), evidence["evidence_label"], cues))
    return pairs


def scores(gold: list[str], predicted: list[str]) -> tuple[float, float]:
    """Accuracy and macro-F1 over the three labels (F1 of a label never predicted = 0)."""
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    f1s = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return accuracy, statistics.fmean(f1s)


def predict(pairs: list[Pair], thresholds: Thresholds) -> list[str]:
    return [AS_LABEL[decide(p.cues, thresholds).stance] for p in pairs]


def describe(t: Thresholds) -> str:
    return (
        f"support>={t.support_overlap:g} contradict>={t.contradict_overlap:g}"
        f" negation={'on' if t.negation else 'off'} antonyms={'on' if t.antonyms else 'off'}"
    )


def main() -> None:
    pairs = load(data_or_skip())
    print(
        f"Climate-FEVER dev: {len(pairs)} claim-evidence pairs, "
        + ", ".join(f"{k} {v}" for k, v in Counter(p.label for p in pairs).most_common())
    )
    print("\ncue firing rate by gold label (overlap >= 0.3 for contradiction cues):")
    for label in LABELS:
        group = [p for p in pairs if p.label == label]
        rate = {
            "numbers/dates": sum(bool(p.cues.contradictions) for p in group),
            "negation": sum(p.cues.negation_mismatch for p in group),
            "directions": sum(bool(p.cues.opposite_directions) for p in group),
        }
        mean_overlap = statistics.fmean(p.cues.overlap for p in group)
        print(
            f"  {label:<16} "
            + "  ".join(f"{k} {v / len(group):.1%}" for k, v in rate.items())
            + f"  mean overlap {mean_overlap:.2f}"
        )
    gold = [p.label for p in pairs]
    accuracy, macro = scores(gold, predict(pairs, Thresholds()))
    majority = Counter(gold).most_common(1)[0][0]
    base_accuracy, base_macro = scores(gold, [majority] * len(gold))
    print(f"\nfull set, shipped Thresholds() ({describe(Thresholds())}):")
    print(f"  stance hint   accuracy {accuracy:.3f}  macro-F1 {macro:.3f}")
    print(f"  majority      accuracy {base_accuracy:.3f}  macro-F1 {base_macro:.3f} ({majority})")

    print(
        f"\n{FOLDS}-fold cross-validation over claims ({len(GRID)} settings, chosen on macro-F1):"
    )
    held: dict[str, list[float]] = {"acc": [], "f1": [], "base acc": [], "base f1": []}
    confusion: Counter[tuple[str, str]] = Counter()
    for k in range(FOLDS):
        train = [p for p in pairs if p.fold != k]
        test = [p for p in pairs if p.fold == k]
        train_gold = [p.label for p in train]
        best = max(GRID, key=lambda t: scores(train_gold, predict(train, t))[1])
        test_gold = [p.label for p in test]
        test_predicted = predict(test, best)
        confusion.update(zip(test_gold, test_predicted, strict=True))
        acc, f1 = scores(test_gold, test_predicted)
        majority = Counter(train_gold).most_common(1)[0][0]
        base_acc, base_f1 = scores(test_gold, [majority] * len(test))
        for key, value in zip(held, (acc, f1, base_acc, base_f1), strict=True):
            held[key].append(value)
        print(
            f"  fold {k} ({len(test)} pairs): {describe(best)}:"
            f" acc {acc:.3f} macro-F1 {f1:.3f} | majority acc {base_acc:.3f} macro-F1 {base_f1:.3f}"
        )
    print(f"  {'held-out':<22} {'mean':>6} {'min':>6} {'max':>6} {'std':>6}")
    for key, label in (
        ("acc", "stance accuracy"),
        ("f1", "stance macro-F1"),
        ("base acc", "majority accuracy"),
        ("base f1", "majority macro-F1"),
    ):
        values = held[key]
        print(
            f"  {label:<22} {statistics.fmean(values):>6.3f} {min(values):>6.3f}"
            f" {max(values):>6.3f} {statistics.pstdev(values):>6.3f}"
        )
    print("  held-out hints pooled over folds: precision / recall per hint")
    for label in LABELS:
        hinted = sum(v for (g, p), v in confusion.items() if p == label)
        right = confusion[(label, label)]
        gold_total = sum(v for (g, p), v in confusion.items() if g == label)
        print(
            f"    {label:<16} hinted {hinted:>5}  precision {right / (hinted or 1):.3f}"
            f"  recall {right / (gold_total or 1):.3f}"
        )
    print(
        "  macro-F1 ratio to majority (mean of folds):"
        f" {statistics.fmean(f / b for f, b in zip(held['f1'], held['base f1'], strict=True)):.2f}x"
    )


if __name__ == "__main__":
    main()
