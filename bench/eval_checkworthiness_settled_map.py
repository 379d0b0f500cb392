"""The cascade's settled sentences on the transformer's scale: a monotone map of the linear
probability, fitted on training debates only, chosen by leave-one-group-out
cross-validation, checked on the held-out sets.

    nice -n 10 python bench/eval_checkworthiness_settled_map.py            # CV + checks
    nice -n 10 python bench/eval_checkworthiness_settled_map.py --write    # + store the map

Why: sentences whose linear probability is below `cascade_floor` or at/above
`cascade_ceiling` skip the transformer (scoring.py). Kept as linear probabilities, they
sit in the transformer's ranking on another scale: CheckThat! 2024 dev-test AP fell from
0.922 (no ceiling) to 0.903 with the 0.74 ceiling (bench/RESULTS.md, "Session 25,
gate11"). The map replaces a settled sentence's linear probability p by an estimate of
E[transformer score | p]: a piecewise-linear curve through knots (strictly increasing,
so settled sentences keep their order among themselves), read with plain interpolation
at run time.

Fitting data: the ClaimBuster and CLEF 2019 TRAINING groups (`training_set`, sources
claimbuster and clef; never the held-out debates and files, never CheckThat!): each
sentence's shipped linear probability and shipped transformer score (all sentences, no
cascade). Candidates: the identity (today), isotonic regression on K quantile bins of p
(K knots at most), and Platt (a line in logit space, least squares). Choice: the
candidate with the best mean AP of the simulated cascade over the held-out training
groups (each group's map fitted on the others); the number of flips at 0.5 against
the identity is printed beside it. Checks with the map fitted on all training groups:
the 7 held-out ClaimBuster debates (F1, AP), the 6 held-out CLEF files (MAP) and
CheckThat! 2024 dev-test (AP, F1 at 0.5, 2-fold F1), each against the identity.
The cascade is simulated from one transformer pass (batch effects aside, see
transformer.py); bench/eval_checkworthiness.py measures the real code.
Exits 0 with a message when ../shared/data is absent.

Result (session 26, bench/RESULTS.md "Session 26, iso11"): no map helps; every candidate
loses cascade AP on the held-out training groups, and on CheckThat! even a map fitted on
dev-test itself stays below the cascade without the ceiling (`--bound`): the AP the
ceiling costs is the order of the settled sentences among themselves (the linear
model's), which a monotone map keeps by construction. Nothing is stored.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
from itertools import combinations_with_replacement
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkworthiness_data import Labelled, checkthat_2024, require_data, training_set
from eval_checkworthiness import average_precision, debate_bootstrap, prf, two_fold_f1
from sklearn.isotonic import IsotonicRegression
from train_checkworthiness_linear import Sentence, best_threshold, fit

from factcheck.claims.checkworthiness import default_model
from factcheck.claims.checkworthiness.scoring import (
    cascade_ceiling,
    cascade_floor,
    score_sentences,
)
from factcheck.claims.checkworthiness.transformer import load_transformer

CALIBRATION = (
    Path(__file__).resolve().parent.parent / "factcheck" / "data" / "checkworthiness_onnx.json"
)
KNOT_COUNTS = (8, 16, 32, 64)
Map = Callable[[float], float]


class Pairs:
    """One set's sentences: linear probability, transformer score, label, group."""

    def __init__(self, rows: list[Labelled], cache: Path | None) -> None:
        self.labels = [r.label for r in rows]
        self.groups = [r.group for r in rows]
        if cache is not None and cache.exists():
            data = json.loads(cache.read_text())
            if len(data["p"]) == len(rows):
                self.p, self.t = data["p"], data["t"]
                return
        linear = default_model()
        transformer = load_transformer()
        if transformer is None:
            raise SystemExit("the packaged transformer is missing")
        self.p = [linear.probability(r.item.text) for r in rows]
        self.t = list(transformer.scores([r.item for r in rows]))
        if cache is not None:
            cache.write_text(json.dumps({"p": self.p, "t": self.t}))

    def subset(self, keep: Callable[[str], bool]) -> tuple[list[float], list[float]]:
        idx = [i for i, g in enumerate(self.groups) if keep(g)]
        return [self.p[i] for i in idx], [self.t[i] for i in idx]


def cross_fitted(rows: list[Labelled], folds: int, cache: Path | None) -> list[float]:
    """Each training sentence's linear probability from a linear model fitted without its
    fold of groups (groups dealt round-robin into `folds`): the shipped linear model was
    trained on every training sentence, so its own probabilities there are in-sample and
    far surer than on text it never saw, which is what the map meets at run time."""
    if cache is not None and cache.exists():
        cached_p = json.loads(cache.read_text())
        if len(cached_p) == len(rows):
            return list(cached_p)
    groups = sorted({r.group for r in rows})
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    out = [0.0] * len(rows)
    for fold in range(folds):
        model = fit(
            [
                Sentence(r.item.text, r.label, r.group, r.day, r.source)
                for r in rows
                if fold_of[r.group] != fold
            ]
        )
        for i, r in enumerate(rows):
            if fold_of[r.group] == fold:
                out[i] = model.probability(r.item.text)
    # The shipped model's calibration (train_checkworthiness_linear.py): the F1-best
    # out-of-fold threshold on ClaimBuster becomes 0.5, so the floor and ceiling mean here
    # what they mean at run time.
    cb = [i for i, r in enumerate(rows) if r.source == "claimbuster"]
    threshold, _ = best_threshold([out[i] for i in cb], [rows[i].label for i in cb])
    shift = math.log(threshold / (1 - threshold))
    out = [1 / (1 + math.exp(-(math.log(v / (1 - v)) - shift))) for v in out]
    print(f"cross-fitted linear probabilities: {folds} folds, calibrated at {threshold:.3f}")
    if cache is not None:
        cache.write_text(json.dumps(out))
    return out


def knots_isotonic(p: list[float], t: list[float], count: int) -> tuple[list[float], list[float]]:
    """Isotonic regression of t on p over `count` quantile bins of p: strictly increasing
    knots (bin-mean p, fitted t), with end knots at p = 0 and 1 that keep the slope."""
    order = np.argsort(p)
    ps, ts = np.asarray(p)[order], np.asarray(t)[order]
    bins = [b for b in np.array_split(np.arange(len(ps)), count) if len(b)]
    x = np.array([ps[b].mean() for b in bins])
    y = np.array([ts[b].mean() for b in bins])
    w = np.array([len(b) for b in bins], dtype=float)
    fitted = IsotonicRegression(increasing=True).fit(x, y, sample_weight=w).predict(x)
    xs, ys = [], []
    for xi, yi in zip(x, fitted, strict=True):
        if xs and yi <= ys[-1]:  # a flat run of the isotonic fit: keep its mean x, one knot
            continue
        if xs and xi <= xs[-1]:
            continue
        xs.append(float(xi))
        ys.append(float(yi))
    return strictly_increasing(xs, ys)


def strictly_increasing(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """End knots at p = 0 and 1, a little below the first and above the last fitted
    value (inside [0, 1]), so that no two distinct probabilities share a score."""
    xs = [0.0, *xs, 1.0] if xs[0] > 0 and xs[-1] < 1 else xs
    ys = [max(0.0, ys[0] - 0.01), *ys, min(1.0, ys[-1] + 0.01)] if len(ys) < len(xs) else ys
    return [round(x, 5) for x in xs], [round(y, 5) for y in ys]


def knots_platt(p: list[float], t: list[float]) -> tuple[list[float], list[float]]:
    """A line in logit space (least squares), sampled at 33 knots."""

    def logit(v: float) -> float:
        v = min(max(v, 1e-4), 1 - 1e-4)
        return math.log(v / (1 - v))

    a, b = np.polyfit([logit(v) for v in p], [logit(v) for v in t], 1)
    xs = [i / 32 for i in range(33)]
    ys = [1 / (1 + math.exp(-(a * logit(x) + b))) for x in xs]
    return [round(x, 5) for x in xs], [round(y, 5) for y in ys]


def interpolate(xs: list[float], ys: list[float]) -> Map:
    """What scoring.py does with the stored knots (plain Python, piecewise linear)."""

    def apply(v: float) -> float:
        i = min(max(bisect_right(xs, v), 1), len(xs) - 1)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 + (y1 - y0) * (min(max(v, x0), x1) - x0) / (x1 - x0)

    return apply


def cascade(p: list[float], t: list[float], settled_map: Map | None) -> list[float]:
    floor, ceiling = cascade_floor(), cascade_ceiling()
    out = []
    for pi, ti in zip(p, t, strict=True):
        if floor <= pi < ceiling:
            out.append(ti)
        else:
            out.append(pi if settled_map is None else settled_map(pi))
    return out


def flips(a: list[float], b: list[float]) -> int:
    return sum((x >= 0.5) != (y >= 0.5) for x, y in zip(a, b, strict=True))


def candidates(p: list[float], t: list[float]) -> dict[str, Map | None]:
    out: dict[str, Map | None] = {"identity (today)": None}
    for k in KNOT_COUNTS:
        out[f"isotonic, {k} bins"] = interpolate(*knots_isotonic(p, t, k))
    out["platt (logit line)"] = interpolate(*knots_platt(p, t))
    ceiling = cascade_ceiling()
    for name in ("isotonic, 64 bins", "platt (logit line)"):
        f = out[name]
        out[f"{name}, ceiling side only"] = lambda v, f=f: f(v) if v >= ceiling else v
    return out


def fit_settled(p: list[float], t: list[float], name: str) -> tuple[list[float], list[float]]:
    """The knots of candidate `name` (both sides of the band: what --write would store)."""
    if name.startswith("isotonic"):
        return knots_isotonic(p, t, int(name.split(", ")[1].split()[0]))
    return knots_platt(p, t)


def bound(pairs: Pairs, rows: list[Labelled]) -> None:
    """What no monotone map can fix, on CheckThat! 2024 dev-test: the order of the
    sentences at/above the ceiling by each model, and the best AP any 5-knot monotone map
    of them reaches when fitted on dev-test ITSELF (a bound, never a choice), beside the
    simulated band scores and beside the real cascade's."""
    ceiling = cascade_ceiling()
    above = [i for i, x in enumerate(pairs.p) if x >= ceiling]
    labels = [pairs.labels[i] for i in above]
    print(
        f"  above the ceiling: {len(above)} sentences, {sum(labels)} check-worthy; AP among"
        f" them by linear {average_precision([pairs.p[i] for i in above], labels):.3f},"
        f" by transformer {average_precision([pairs.t[i] for i in above], labels):.3f}"
    )
    with_t = [
        t if x >= ceiling else c
        for x, t, c in zip(pairs.p, pairs.t, cascade(pairs.p, pairs.t, None), strict=True)
    ]
    oracle = average_precision(with_t, pairs.labels)
    print(f"  with their transformer scores instead (no map can do this): AP {oracle:.3f}")
    real = score_sentences([r.item for r in rows])  # the shipped cascade, batch effects in
    for name, band in (("simulated", cascade(pairs.p, pairs.t, None)), ("real code", real)):
        best, best_ys = best_monotone(pairs, band)
        print(
            f"  best 5-knot monotone map fitted on dev-test itself, {name} band scores:"
            f" AP {best:.4f} (identity {average_precision(band, pairs.labels):.4f};"
            f" knots {[round(y, 3) for y in best_ys]})"
        )


def best_monotone(pairs: Pairs, band: list[float]) -> tuple[float, list[float]]:
    """Grid search of strictly increasing 5-knot maps of the sentences at/above the
    ceiling, the others keeping `band`'s scores."""
    ceiling = cascade_ceiling()
    values = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.96, 0.97, 0.98, 0.99, 1.0)
    xs = [ceiling, 0.85, 0.93, 0.97, 1.0]
    best, best_ys = 0.0, [0.0]
    for ys in combinations_with_replacement(values, len(xs)):
        knots = [min(1.0, v + 1e-4 * k) for k, v in enumerate(ys)]
        upper = interpolate(xs, knots)
        scores = [upper(x) if x >= ceiling else b for x, b in zip(pairs.p, band, strict=True)]
        ap = average_precision(scores, pairs.labels)
        if ap > best:
            best, best_ys = ap, knots
    return best, best_ys


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder for the scored pairs")
    parser.add_argument(
        "--write", action="store_true", help="store the map's knots if CV chose one"
    )
    parser.add_argument(
        "--cross-fit",
        type=int,
        default=5,
        help="folds of groups for out-of-fold linear p (0: in-sample)",
    )
    parser.add_argument(
        "--bound", action="store_true", help="CheckThat!: the best map fitted on dev-test itself"
    )
    parser.add_argument("--candidate", help="the checks' candidate (default: CV's best map)")
    args = parser.parse_args()
    root = require_data()
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)

    def cached(name: str) -> Path | None:
        return args.cache / f"{name}.json" if args.cache else None

    train, cb_test, clef_test = training_set(root)
    train = [r for r in train if r.source in ("claimbuster", "clef")]
    fitting = Pairs(train, cached("train"))
    if args.cross_fit:
        fitting.p = cross_fitted(train, args.cross_fit, cached(f"train_oof{args.cross_fit}"))
    groups = sorted(set(fitting.groups))
    print(
        f"training groups {len(groups)}, sentences {len(train)}; floor {cascade_floor():.3f},"
        f" ceiling {cascade_ceiling():.2f}; settled"
        f" {sum(not cascade_floor() <= x < cascade_ceiling() for x in fitting.p) / len(train):.1%}"
    )

    # Leave one training group out: fit on the others, simulate the cascade on it.
    ap: dict[str, list[float]] = defaultdict(list)
    flipped: dict[str, int] = defaultdict(int)
    settled_total = 0
    for held in groups:
        p, t = fitting.subset(lambda g, h=held: g != h)
        idx = [i for i, g in enumerate(fitting.groups) if g == held]
        hp, ht = [fitting.p[i] for i in idx], [fitting.t[i] for i in idx]
        labels = [fitting.labels[i] for i in idx]
        if not any(labels):
            continue
        settled_total += sum(not cascade_floor() <= x < cascade_ceiling() for x in hp)
        base = cascade(hp, ht, None)
        for name, settled_map in candidates(p, t).items():
            scores = cascade(hp, ht, settled_map)
            ap[name].append(average_precision(scores, labels))
            flipped[name] += flips(scores, base)
    print(
        f"\nleave-one-group-out over {len(ap['identity (today)'])} training groups with positives:"
    )
    base_aps = ap["identity (today)"]
    for name, aps in ap.items():
        gains = [a - b for a, b in zip(aps, base_aps, strict=True)]
        print(
            f"  {name:38} mean AP {statistics.mean(aps):.4f} (sd {statistics.stdev(aps):.3f});"
            f" gain over identity {statistics.mean(gains):+.4f} (sd {statistics.stdev(gains):.4f},"
            f" groups up {sum(g > 1e-9 for g in gains)}, down {sum(g < -1e-9 for g in gains)});"
            f" flips at 0.5 {flipped[name]} of {settled_total} settled"
        )
    chosen = max(ap, key=lambda n: statistics.mean(ap[n]))
    print(f"chosen by CV: {chosen}")
    if chosen == "identity (today)":
        print("no map helps by cross-validation: nothing to store (checks below with the best map)")
    checked = args.candidate or max(
        (n for n in ap if n != "identity (today)"), key=lambda n: statistics.mean(ap[n])
    )
    print(f"checks with: {checked}")
    xs, ys = fit_settled(fitting.p, fitting.t, checked)
    settled_map = interpolate(xs, ys)
    if checked.endswith("ceiling side only"):
        ceiling = cascade_ceiling()
        settled_map = lambda v, f=settled_map: f(v) if v >= ceiling else v  # noqa: E731
    shown = ", ".join(f"{x:.3f}->{y:.3f}" for x, y in zip(xs, ys, strict=True))
    print(f"knots ({len(xs)}): {shown}")
    sets = {
        "ClaimBuster 7 held-out debates": (cb_test, "cb_test"),
        "CLEF 2019 6 held-out files": (clef_test, "clef_test"),
        "CheckThat! 2024 dev-test": (checkthat_2024(root), "dev"),
    }
    for title, (rows, key) in sets.items():
        pairs = Pairs(rows, cached(key))
        before = cascade(pairs.p, pairs.t, None)
        after = cascade(pairs.p, pairs.t, settled_map)
        labels = pairs.labels
        print(f"\n{title}: {len(rows)} sentences, flips at 0.5 {flips(before, after)}")
        for name, scores in (("identity", before), ("mapped", after), ("no cascade", pairs.t)):
            if title.startswith("CLEF"):
                by_file: dict[str, list[int]] = defaultdict(list)
                for i, g in enumerate(pairs.groups):
                    by_file[g].append(i)
                aps = [
                    average_precision([scores[i] for i in ix], [labels[i] for i in ix])
                    for ix in by_file.values()
                ]
                print(f"  {name:10} MAP {statistics.mean(aps):.3f}")
                continue
            f1, average = prf(scores, labels)[2], average_precision(scores, labels)
            line = f"  {name:10} F1 {f1:.3f} AP {average:.3f}"
            if title.startswith("ClaimBuster"):
                low, high = debate_bootstrap(rows, scores)
                line += f" (F1 90% interval {low:.3f}-{high:.3f})"
            else:
                mean, sd = two_fold_f1(scores, labels)
                line += f" (2-fold F1 {mean:.3f} +- {sd:.3f})"
            print(line)
        if key == "dev" and args.bound:
            bound(pairs, rows)
    if args.write and chosen != "identity (today)":
        meta = json.loads(CALIBRATION.read_text(encoding="utf-8"))
        meta["settled_map"] = {"linear": xs, "transformer": ys}
        meta["settled_map_from"] = (
            f"{checked} of the shipped transformer's score on the shipped linear probability,"
            " ClaimBuster + CLEF 2019 training groups only, chosen by leave-one-group-out"
            " AP of the cascade (bench/eval_checkworthiness_settled_map.py; bench/RESULTS.md,"
            " 'Session 26, iso11')"
        )
        CALIBRATION.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {len(xs)} knots to {CALIBRATION}")


if __name__ == "__main__":
    main()
