"""Labels, training and leave-one-set-out evaluation of learned cut points (issue 11).

    python bench/train_cut_points.py --labels /tmp/cut_labels.json            # CV table
    python bench/train_cut_points.py --labels /tmp/cut_labels.json --nested   # + nested CV

bench/cut_points.py proposes candidate cut points inside each statement the rules of
`factcheck.claims.spans` left whole, describes each with closed-class features, and
hooks into `spans.statements` for this run only (`cut_points.installed`). A logistic
model decides. Its labels come from the measure itself: for each candidate of an
article (recorded in one run of the product with no learned cut), the product is run
again with that one cut alone (both pieces go through the splitter's own statement
checks and scores) and the change in the article's one-to-one matches, found claims
(the issue's wording) and shown spans is kept (bench/news_claim_matching.py). Positive:
matches up, found not down. A cut that changes nothing shown is left out of training;
one that loses a found claim weighs `LOSS_WEIGHT`.

Settings (L2 strength, threshold) are chosen by leave-one-set-out cross-validation over
the READABLE sets: each set in turn is held out, the model is trained on the others, and
the product is run on the held-out set's articles with that model; the setting kept is
the one with the most one-to-one matches gained over the folds among those that lose no
match, no found claim and at most 0.010 one-to-one precision on any fold (the
contract's readable rule, per fold). `--nested` also holds each set out of that choice.
Session 31 found no setting that gains and keeps the rule on every fold of the nine
readable sets, so nothing ships (bench/RESULTS.md, "Session 31, cut11"). The blind
sets (long3, long4, long7, long9, xl2, long10, xl3) are never read. Sentence scores are
memoised within the run (a cut changes which statements a sentence holds, never the
sentences scored). Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import eval_news_claims as news  # noqa: E402
from cut_points import DECIDER, Key, installed, probability  # noqa: E402
from news_claim_matching import Annotated, Span, finds, one_to_one  # noqa: E402

READABLE = ("short", "long", "long2", "long5", "long6", "long8", "xl1", "long11", "long12")
"""The readable sets (bench/eval_news_claims.py); the blind ones are never accepted."""
STRENGTHS = (0.3, 1.0, 3.0, 10.0)
"""L2 strengths tried (the penalty is strength / 2 * |w|^2 on the mean log loss * n)."""
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


@dataclass
class Article:
    set_name: str
    text: str
    claims: list[Annotated]


@dataclass
class Counts:
    matched: int
    found: int
    shown: int
    claims: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.matched + other.matched,
            self.found + other.found,
            self.shown + other.shown,
            self.claims + other.claims,
        )


def load(name: str) -> list[Article]:
    """The articles of one readable set with their annotated claims."""
    if name not in READABLE:
        raise SystemExit(f"{name} is not a readable set")
    selection = news.SELECTIONS[name]
    picked = news.select_rows(news.DATA, selection)
    annotated = news.load_annotations(selection.annotations)
    problem = news.check_bodies(picked, annotated)
    if problem:
        raise SystemExit(f"{name}: {problem}")
    return [
        Article(name, text, [Annotated(Span(*c["span"]), Span(*c["core"])) for c in a["claims"]])
        for (_, _, text), a in zip(picked, annotated, strict=True)
    ]


def memoise_scores() -> None:
    """Score each batch of sentences once per run (see the module docstring)."""
    from factcheck.claims import splitter

    scorer = splitter.score_sentences
    memo: dict[tuple, list[float]] = {}

    def scores(items):  # type: ignore[no-untyped-def]
        key = tuple((i.text, i.previous, i.next, i.speaker) for i in items)
        if key not in memo:
            memo[key] = list(scorer(items))
        return memo[key]

    splitter.score_sentences = scores  # type: ignore[assignment]


def run(article: Article, decider: Callable[[Key, list[str]], bool]) -> Counts:
    """The product's shown spans on `article` with `decider` deciding every candidate."""
    token = DECIDER.set(decider)
    try:
        with installed():
            spans = [Span(c.start, c.end) for c in news.product_spans(article.text)]
    finally:
        DECIDER.reset(token)
    text, claims = article.text, article.claims
    return Counts(
        matched=one_to_one(text, spans, claims),
        found=sum(any(finds(s, c, text) for s in spans) for c in claims),
        shown=len(spans),
        claims=len(claims),
    )


Row = tuple[list[str], int, int, int]
"""A candidate: its features, and how one cut there alone changed the article's
one-to-one matches, its found claims and its shown spans."""
LOSS_WEIGHT = 3.0
"""Weight of a negative that loses a found claim (the contract forbids any such loss;
a cut that changes nothing costs only a shown span)."""


def label(row: Row) -> int:
    """1 when one cut alone raised the one-to-one matches and lost no found claim."""
    return int(row[1] > 0 and row[2] >= 0)


WEIGHT = [LOSS_WEIGHT]


def weight(row: Row) -> float:
    """A cut that changes nothing shown (inside a statement under 0.5, most often) is
    left out: it teaches nothing, and costs nothing where the model takes it."""
    if row[1:] == (0, 0, 0):
        return 0.0
    return WEIGHT[0] if row[2] < 0 else 1.0


def labelled(article: Article) -> tuple[Counts, list[Row]]:
    """The article's counts with no learned cut, and each candidate's features and the
    change one cut there makes."""
    seen: dict[Key, list[str]] = {}

    def record(key: Key, names: list[str]) -> bool:
        seen.setdefault(key, names)
        return False

    base = run(article, record)
    rows = []
    for key, names in seen.items():
        cut = run(article, lambda k, _names, target=key: k == target)
        rows.append(
            (names, cut.matched - base.matched, cut.found - base.found, cut.shown - base.shown)
        )
    return base, rows


def train(rows: list[Row], strength: float) -> dict[str, float]:
    """Weighted logistic regression (L2, full-batch Newton steps) on one-hot feature
    names (`label`, `weight`)."""
    rows = [row for row in rows if weight(row) > 0]
    vocabulary = sorted({name for row in rows for name in row[0]})
    index = {name: i for i, name in enumerate(vocabulary)}
    x = np.zeros((len(rows), len(vocabulary)))
    for r, row in enumerate(rows):
        for name in row[0]:
            x[r, index[name]] = 1.0
    y = np.array([label(row) for row in rows], dtype=float)
    c = np.array([weight(row) for row in rows])
    w = np.zeros(len(vocabulary))
    penalty = strength * np.eye(len(vocabulary))
    penalty[index["bias"], index["bias"]] = 1e-6
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (c * (p - y)) + penalty @ w
        hessian = (x * (c * p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {name: float(w[i]) for name, i in index.items()}


def model_decider(weights: dict[str, float], threshold: float) -> Callable[[Key, list[str]], bool]:
    return lambda _key, names: probability(names, weights) >= threshold


def rule_holds(base: Counts, new: Counts) -> bool:
    """The contract's per-set limits: no match lost, no found claim lost, one-to-one
    precision down by at most 0.010."""
    return (
        new.matched >= base.matched
        and new.found >= base.found
        and precision(new) >= precision(base) - 0.010
    )


def precision(c: Counts) -> float:
    return c.matched / c.shown if c.shown else 0.0


def recall(c: Counts) -> float:
    return c.matched / c.claims if c.claims else 0.0


def fmt(c: Counts) -> str:
    return (
        f"R {recall(c):.3f} P {precision(c):.3f} found {c.found:3d}"
        f" ({c.matched}/{c.claims}, {c.shown} shown)"
    )


Setting = tuple[float, float]


def cross_validate(
    sets: tuple[str, ...], rows: dict[str, list[Row]], articles: dict[str, list[Article]]
) -> dict[Setting, dict[str, Counts]]:
    """Leave-one-set-out over `sets`: per (strength, threshold), each held-out set's
    pooled counts with the model trained on the others."""
    results: dict[Setting, dict[str, Counts]] = {}
    for strength in STRENGTHS:
        for held in sets:
            weights = train([r for name in sets if name != held for r in rows[name]], strength)
            for threshold in THRESHOLDS:
                decide = model_decider(weights, threshold)
                total = sum((run(a, decide) for a in articles[held]), Counts(0, 0, 0, 0))
                results.setdefault((strength, threshold), {})[held] = total
    return results


def choose(
    results: dict[Setting, dict[str, Counts]],
    sets: tuple[str, ...],
    base_total: dict[str, Counts],
) -> Setting | None:
    """The setting with the most matches gained over the folds among those that keep
    the rule on every fold (ties: the higher threshold, the stronger penalty)."""
    passing = [
        (sum(folds[n].matched - base_total[n].matched for n in sets), setting[1], setting[0])
        for setting, folds in results.items()
        if all(rule_holds(base_total[n], folds[n]) for n in sets)
    ]
    if not passing:
        return None
    gain, threshold, strength = max(passing)
    return (strength, threshold) if gain > 0 else None


def nested(
    rows: dict[str, list[Row]],
    articles: dict[str, list[Article]],
    base_total: dict[str, Counts],
    results: dict[Setting, dict[str, Counts]],
) -> None:
    """The whole procedure (choose the setting by leave-one-set-out, then train) judged
    on a set it never saw: each set in turn is left out of the choice as well."""
    print("\nnested: each set held out of the choice of setting too")
    for outer in READABLE:
        inner = tuple(n for n in READABLE if n != outer)
        setting = choose(cross_validate(inner, rows, articles), inner, base_total)
        if setting is None:
            print(f"  {outer:6} no setting passes on the other sets: no cut")
            continue
        b, a = base_total[outer], results[setting][outer]
        print(f"  {outer:6} strength {setting[0]}, threshold {setting[1]}: {fmt(b)} -> {fmt(a)}")


def _fold_change(base: Counts, new: Counts) -> str:
    """matches / found / one-to-one precision, after minus before."""
    return (
        f"{new.matched - base.matched:+d}/{new.found - base.found:+d}"
        f"/{precision(new) - precision(base):+.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, help="cache of the labels (outside the repo)")
    parser.add_argument("--loss-weight", type=float, default=LOSS_WEIGHT)
    parser.add_argument("--nested", action="store_true", help="also nested CV (slow)")
    args = parser.parse_args()
    if not news.DATA.exists():
        print(f"skipped: {news.DATA} not found")
        return 0
    WEIGHT[0] = args.loss_weight
    memoise_scores()
    articles = {name: load(name) for name in READABLE}
    if args.labels and args.labels.exists():
        cached = json.loads(args.labels.read_text())
        bases = {k: [Counts(**c) for c in v] for k, v in cached["bases"].items()}
        rows = {k: [(r[0], r[1], r[2], r[3]) for r in v] for k, v in cached["rows"].items()}
    else:
        bases, rows = {}, {}
        for name, arts in articles.items():
            done = [labelled(a) for a in arts]
            bases[name] = [b for b, _ in done]
            rows[name] = [r for _, rs in done for r in rs]
            positives = sum(map(label, rows[name]))
            print(f"{name}: {len(rows[name])} candidates, {positives} positive", flush=True)
        if args.labels:
            args.labels.write_text(
                json.dumps(
                    {
                        "bases": {k: [vars(c) for c in v] for k, v in bases.items()},
                        "rows": rows,
                    }
                )
            )
    base_total = {name: sum(bases[name], Counts(0, 0, 0, 0)) for name in READABLE}
    results = cross_validate(READABLE, rows, articles)
    print("\nsetting: one-to-one gained (sum over folds), folds passing the rule")
    for setting, folds in results.items():
        gain = sum(folds[n].matched - base_total[n].matched for n in READABLE)
        passing = sum(rule_holds(base_total[n], folds[n]) for n in READABLE)
        per_fold = " ".join(_fold_change(base_total[n], folds[n]) for n in READABLE)
        print(
            f"  strength {setting[0]:5} threshold {setting[1]}: {gain:+d},"
            f" {passing}/{len(READABLE)}  [{per_fold}]"
        )
    best = choose(results, READABLE, base_total)
    if args.nested:
        nested(rows, articles, base_total, results)
    if best is None:
        print("\nno setting passes the rule on every fold: nothing to ship")
        return 0
    print(f"\nchosen by leave-one-set-out CV: strength {best[0]}, threshold {best[1]}")
    print(f"{'fold':6} {'before':44} after")
    deltas: dict[str, list[float]] = {"recall": [], "precision": [], "found": []}
    for name in READABLE:
        b, a = base_total[name], results[best][name]
        print(f"{name:6} {fmt(b):44} {fmt(a)}")
        deltas["recall"].append(recall(a) - recall(b))
        deltas["precision"].append(precision(a) - precision(b))
        deltas["found"].append(a.found - b.found)
    for key, values in deltas.items():
        print(
            f"  {key:9} delta mean {statistics.mean(values):+.4f},"
            f" sd {statistics.stdev(values):.4f}, min {min(values):+.4f}, max {max(values):+.4f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
