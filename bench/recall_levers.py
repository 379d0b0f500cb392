"""Issue 14 (session 26, recall14): where Climate-FEVER's recall@5 is lost, and which
cheap levers win it back, measured with eval_retrieval's 5-fold cross-validation
(folds by claim id, settings chosen on 4 folds of both sets by the mean recall@5 ratio
to bm25s title+text, measured on the 5th; mean, spread and every fold printed).

`--build` runs eval_retrieval's `DevSet` (the shipped path, the feature table, the
cosines) once with the index recalling `--deep` passages and saves it with the bm25s
rankings to `--cache` (a pickle under /tmp, never in the repo): every lever is a
re-ranking of those tables (cut back to the shipped 30 with `er.fewer_candidates`), so
it is scored in seconds without running the product again. Without `--build`:

- the diagnosis: the share of gold passages in the index's first k (10..50) against
  bm25s's, the matcher's and the shipped ranking's;
- levers that cost nothing or next to nothing at query time: the sentence depth up to
  every recalled passage; reciprocal rank fusion of the matcher's and the cosine's ranks;
  both scores z-scored in the claim's top 20; the sentence weight by claim length; the
  matcher's feature weights and the sentence weight fitted by a pairwise logistic loss
  (gold vs non-gold passages of the same training claim) inside the folds;
- `--quick`: the pairwise fit's own knobs, each alone; `--nested`: the knobs chosen by
  an inner CV on the training folds (what `eval_retrieval.py --fitted` runs);
  `--paired`: held-out recall@5 claim by claim, fitted weights against the shipped
  grid, with a bootstrap interval of the difference.

Run: nice -n 10 python bench/recall_levers.py --build [--deep 50] [--cache PATH]
     python bench/recall_levers.py [--quick | --nested | --paired] [--cache PATH]
(skips without ../shared/data)
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_retrieval as er
import numpy as np
from corpora import climate_fever, data_or_skip, fm2

from factcheck.evidence import matcher
from factcheck.evidence.sources import local
from factcheck.text.words import content_stems

CACHE = Path("/tmp/recall14/tables.pickle")


def build(deep: int, cache: Path) -> None:
    matcher.RECALL_DEPTH = local.RECALL_DEPTH = deep
    data = data_or_skip()
    saved = {}
    for name, loader in (("FM2 dev", fm2), ("Climate-FEVER dev", climate_fever)):
        passages, queries = loader(data)
        dev = er.DevSet(name, passages, queries)
        ids = [p["id"] for p in passages]
        strong = er.bm25_rankings([p["title"] + " " + p["text"] for p in passages], ids, queries)
        saved[name] = {
            "passages": passages,
            "queries": queries,
            "folds": dev.folds,
            "table": dev.table,
            "strong_rankings": strong,
            "shipped_rankings": dev.shipped_rankings,
        }
        print(name, len(passages), "passages", len(queries), "claims", flush=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as out:
        pickle.dump({"deep": deep, "features": er.FEATURES, "sets": saved}, out)


class Set:
    """One dev set from the cache: claims, folds, tables cut to the shipped recall depth
    (`er.fewer_candidates`), the deep table, the strong baseline's rankings and metrics."""

    def __init__(self, name: str, saved: dict, depth: int) -> None:
        self.name = name
        self.queries = saved["queries"]
        self.folds = saved["folds"]
        self.deep = saved["table"]
        self.table = er.fewer_candidates(self.deep, depth)
        self.strong_rankings = saved["strong_rankings"]
        self.strong = er.Ranked(self.strong_rankings, self.queries)
        self.titles = {p["id"]: p["title"] for p in saved["passages"]}
        self.texts = {p["id"]: p["text"] for p in saved["passages"]}


def load(cache: Path, depth: int = matcher.RECALL_DEPTH) -> list[Set]:
    with cache.open("rb") as source:
        saved = pickle.load(source)
    assert tuple(saved["features"]) == er.FEATURES
    return [Set(name, value, depth) for name, value in saved["sets"].items()]


def recall_at(rankings: list[list[str]], queries: list, k: int) -> np.ndarray:
    return np.array([er._recall(r, q.gold, k) for r, q in zip(rankings, queries, strict=True)])


def diagnose(sets: list[Set]) -> None:
    """Where the gold is lost: in the recall (recall@k of the index's own order and of
    bm25s), in the matcher's top 20, or in the final top 5."""
    weights = er.shipped_weights()
    for s in sets:
        recalled = [ids for ids, _, _ in s.deep]
        matcher_only = er.rank_with(s.table, weights, 0.0, 20)
        shipped = er.rank_with(s.table, weights, local.SENTENCE_WEIGHT, local.SENTENCE_DEPTH)
        print(f"\n{s.name}: {len(s.queries)} claims; share of gold passages found")
        print(f"  {'k':>4} {'index order':>12} {'bm25s t+t':>10} {'matcher':>8} {'shipped':>8}")
        for k in (1, 5, 10, 20, 30, 40, 50):
            print(
                f"  {k:>4} {recall_at(recalled, s.queries, k).mean():>12.3f}"
                f" {recall_at(s.strong_rankings, s.queries, k).mean():>10.3f}"
                f" {recall_at(matcher_only, s.queries, k).mean():>8.3f}"
                f" {recall_at(shipped, s.queries, k).mean():>8.3f}"
            )


Ranker = Callable[[Set], list[list[str]]]
Fitted = Callable[[list[Set], Callable[[Set], np.ndarray]], Ranker]
"""A lever that learns: given the sets and which rows to train on, a ranker."""


def _held_out(sets: list[Set], per_fold: list[Ranker | list[list[list[str]]]]) -> dict:
    held: dict[str, dict[str, list[float]]] = {s.name: {"r5": [], "r1": []} for s in sets}
    for k in range(er.FOLDS):
        for index, s in enumerate(sets):
            rankings = per_fold[k][index]
            rows = s.folds == k
            held[s.name]["r5"].append(
                er.ratio(recall_at(rankings, s.queries, 5), s.strong.recall5, rows)
            )
            held[s.name]["r1"].append(
                er.ratio(recall_at(rankings, s.queries, 1), s.strong.recall1, rows)
            )
    return held


def _print_held(label: str, sets: list[Set], held: dict, chosen: list[str]) -> None:
    print(f"\n== {label}")
    for k, text in enumerate(chosen):
        print(f"  fold {k}: {text}")
    for s in sets:
        for metric, name in (("r5", "recall@5"), ("r1", "recall@1")):
            values = held[s.name][metric]
            print(
                f"  {s.name + ' ' + name:<30} {statistics.fmean(values):>6.3f}x"
                f" ({min(values):.3f}-{max(values):.3f}, sd {statistics.pstdev(values):.3f})"
                "  folds " + " ".join(f"{v:.3f}" for v in values)
            )


def grid_cv(label: str, sets: list[Set], settings: list[tuple[str, Ranker]]) -> dict:
    """Choose among `settings` on 4 folds of both sets (mean recall@5 ratio to bm25s
    title+text), measure on the 5th, as eval_retrieval.cross_validate."""
    rankings = {s.name: [ranker(s) for _, ranker in settings] for s in sets}
    fives = {s.name: [recall_at(r, s.queries, 5) for r in rankings[s.name]] for s in sets}
    per_fold, chosen = [], []
    for k in range(er.FOLDS):
        best = max(
            range(len(settings)),
            key=lambda i, k=k: statistics.fmean(
                er.ratio(fives[s.name][i], s.strong.recall5, s.folds != k) for s in sets
            ),
        )
        chosen.append(settings[best][0])
        per_fold.append([rankings[s.name][best] for s in sets])
    held = _held_out(sets, per_fold)
    _print_held(f"{label} ({len(settings)} settings)", sets, held, chosen)
    return held


def fitted_cv(label: str, sets: list[Set], fit: Fitted) -> dict:
    """A lever fitted on 4 folds of both sets, measured on the 5th."""
    per_fold, chosen = [], []
    for k in range(er.FOLDS):
        ranker = fit(sets, lambda s, k=k: s.folds != k)
        chosen.append(getattr(ranker, "label", ""))
        per_fold.append([ranker(s) for s in sets])
    held = _held_out(sets, per_fold)
    _print_held(label, sets, held, chosen)
    return held


def linear_ranker(weights: np.ndarray, sentence_weight: float, depth: int) -> Ranker:
    return lambda s: er.rank_with(s.table, weights, sentence_weight, depth)


def shipped_grid(max_depth: int = 20) -> list[tuple[str, Ranker]]:
    return [
        (
            f"sentence weight {chosen['sentence weight']:g} depth {chosen['depth']}",
            linear_ranker(vector, weight, depth),
        )
        for chosen, vector, weight, depth in er.sentence_grid(max_depth, er.matcher_weights())
    ]


def _matcher_scores(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    return np.minimum(np.round(values @ weights / weights.sum(), 4), 1.0)


def rerank_top(
    s: Set,
    weights: np.ndarray,
    depth: int,
    final: Callable[[np.ndarray, np.ndarray, int], np.ndarray],
) -> list[list[str]]:
    """The matcher's order under `weights`, its best `depth` reordered by
    `final(matcher scores, cosines, claim index)` (higher first, stable)."""
    rankings = []
    for index, (ids, values, cosines) in enumerate(s.table):
        if not ids:
            rankings.append([])
            continue
        scores = _matcher_scores(values, weights)
        order = np.argsort(-scores, kind="stable")
        top = order[:depth]
        new = final(scores[top], np.maximum(cosines[top], 0.0), index)
        order = np.concatenate([top[np.argsort(-new, kind="stable")], order[depth:]])
        rankings.append([ids[i] for i in order])
    return rankings


def rrf_grid(depth: int = 20) -> list[tuple[str, Ranker]]:
    """Reciprocal rank fusion of the matcher's rank and the cosine's rank in the top `depth`."""
    weights = er.shipped_weights()

    def ranker(k: float, a: float) -> Ranker:
        def final(scores: np.ndarray, cosines: np.ndarray, _: int) -> np.ndarray:
            lexical = np.arange(len(scores))  # already in the matcher's order
            meaning = np.empty(len(cosines))
            meaning[np.argsort(-cosines, kind="stable")] = np.arange(len(cosines))
            return 1 / (k + lexical) + a / (k + meaning)

        return lambda s: rerank_top(s, weights, depth, final)

    return [
        (f"rrf k {k:g} meaning weight {a:g}", ranker(k, a))
        for k in (2, 5, 10, 30, 60)
        for a in (0.5, 1.0, 1.5, 2.0, 3.0, 5.0)
    ]


def zscore_grid(depth: int = 20) -> list[tuple[str, Ranker]]:
    """Both scores standardised within the claim's top `depth`, then weighted."""
    weights = er.shipped_weights()

    def z(x: np.ndarray) -> np.ndarray:
        return (x - x.mean()) / (x.std() or 1.0)

    def ranker(w: float) -> Ranker:
        return lambda s: rerank_top(s, weights, depth, lambda a, b, _: z(a) + w * z(b))

    return [(f"z-scores, meaning weight {w:g}", ranker(w)) for w in (0.5, 1, 1.5, 2, 3, 4, 6)]


def shape_grid(depth: int = 20) -> list[tuple[str, Ranker]]:
    """The sentence weight by claim length (content stems at most `cut` or more)."""
    weights = er.shipped_weights()

    def ranker(cut: int, short: float, long: float) -> Ranker:
        def rank(s: Set) -> list[list[str]]:
            lengths = [len(content_stems(q.claim)) for q in s.queries]

            def final(scores: np.ndarray, cosines: np.ndarray, index: int) -> np.ndarray:
                w = short if lengths[index] <= cut else long
                return np.round((scores + w * cosines) / (1 + w), 4)

            return rerank_top(s, weights, depth, final)

        return rank

    grid = (0.5, 1.0, 1.5, 2.0, 3.0, 4.0)
    return [
        (f"<= {cut} stems: {a:g}, longer: {b:g}", ranker(cut, a, b))
        for cut in (6, 9, 12)
        for a in grid
        for b in grid
    ]


def _rows(s: Set, depth: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per claim: (candidates x features + cosine) and gold labels, recall order."""
    out = []
    for (ids, values, cosines), query in zip(s.table, s.queries, strict=True):
        if not ids:
            out.append((np.zeros((0, values.shape[1] + 1)), np.zeros(0)))
            continue
        x = np.column_stack([values, np.maximum(cosines, 0.0)])[:depth]
        y = np.array([i in query.gold for i in ids[:depth]], dtype=float)
        out.append((x, y))
    return out


def fit_pairwise(
    sets: list[Set],
    train: Callable[[Set], np.ndarray],
    c: float = 1.0,
    per_claim: bool = False,
    per_set: bool = False,
) -> np.ndarray:
    """A linear scorer over the matcher's features and the cosine, from pairs (gold,
    non-gold) of the same training claim (logistic loss on differences)."""
    from sklearn.linear_model import LogisticRegression

    differences, weights = [], []
    for s in sets:
        rows = train(s)
        claims = int(rows.sum())
        for keep, (x, y) in zip(rows, _rows(s, 30), strict=True):
            if not keep or not y.any() or y.all():
                continue
            gold, other = x[y == 1], x[y == 0]
            pairs = (gold[:, None, :] - other[None, :, :]).reshape(-1, x.shape[1])
            differences.append(pairs)
            weight = (1 / len(pairs) if per_claim else 1.0) * (1 / claims if per_set else 1.0)
            weights.append(np.full(len(pairs), weight))
    d = np.concatenate(differences)
    w = np.concatenate(weights)
    w = w / w.mean()
    x = np.concatenate([d, -d])
    y = np.concatenate([np.ones(len(d)), np.zeros(len(d))])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    model.fit(x, y, sample_weight=np.concatenate([w, w]))
    return model.coef_[0]


def learned(two_stage: bool, clamp: bool, **options: float | bool) -> Fitted:
    """The pairwise fit as the matcher's weights (lexical part, clamped at 0 if asked)
    and the sentence weight (cosine's coefficient over their sum); with `two_stage` the
    best 20 by the lexical part are reranked (as shipped), else all 30 by the whole."""

    def fit(sets: list[Set], train: Callable[[Set], np.ndarray]) -> Ranker:
        coef = fit_pairwise(sets, train, **options)  # type: ignore[arg-type]
        lexical = np.maximum(coef[:-1], 0.0) if clamp else coef[:-1]
        sentence = max(coef[-1], 0.0) / lexical.sum()
        depth = 20 if two_stage else 30

        def ranker(s: Set) -> list[list[str]]:
            return er.rank_with(s.table, lexical, sentence, depth)

        ranker.label = (  # type: ignore[attr-defined]
            " ".join(
                f"{n}:{v / lexical.sum():.2f}" for n, v in zip(er.FEATURES, lexical, strict=True)
            )
            + f" sentence {sentence:.2f}"
        )
        return ranker

    return fit


VARIANTS = [
    {"c": c, "per_set": per_set, "per_claim": per_claim}
    for c in (0.1, 1.0)
    for per_set in (False, True)
    for per_claim in (False, True)
]
"""The pairwise fit's own knobs (regularisation; pairs weighted so each claim, each set
counts alike), chosen by an inner cross-validation on the training folds."""


def nested_learned(sets: list[Set], train: Callable[[Set], np.ndarray]) -> Ranker:
    """Choose a `VARIANTS` entry by an inner 4-fold CV over the training claims (mean
    recall@5 ratio over both sets, pooled over the inner held-out folds), then fit it
    on every training claim."""
    inner = sorted({int(k) for s in sets for k in np.unique(s.folds[train(s)])})
    scores = []
    for options in VARIANTS:
        pooled = {s.name: [np.zeros(len(s.queries)), np.zeros(len(s.queries), bool)] for s in sets}
        for j in inner:
            ranker = learned(True, True, **options)(sets, lambda s, j=j: train(s) & (s.folds != j))
            for s in sets:
                rows = train(s) & (s.folds == j)
                pooled[s.name][0][rows] = recall_at(ranker(s), s.queries, 5)[rows]
                pooled[s.name][1] |= rows
        scores.append(
            statistics.fmean(
                er.ratio(pooled[s.name][0], s.strong.recall5, pooled[s.name][1]) for s in sets
            )
        )
    best = VARIANTS[int(np.argmax(scores))]
    ranker = learned(True, True, **best)(sets, train)
    ranker.label = f"{best}: " + ranker.label  # type: ignore[attr-defined]
    return ranker


def paired(sets: list[Set]) -> None:
    """Each claim ranked by the lever fitted without its fold, against the shipped grid
    chosen without its fold: pooled held-out recall@5, the per-claim difference with a
    95% bootstrap interval, and how many claims gain or lose."""

    def held_out(fit: Fitted) -> dict[str, list[list[str]]]:
        out: dict[str, list[list[str]]] = {s.name: [[] for _ in s.queries] for s in sets}
        for k in range(er.FOLDS):
            ranker = fit(sets, lambda s, k=k: s.folds != k)
            for s in sets:
                rankings = ranker(s)
                for i in np.where(s.folds == k)[0]:
                    out[s.name][i] = rankings[i]
        return out

    def grid(sets_: list[Set], train: Callable[[Set], np.ndarray]) -> Ranker:
        settings = shipped_grid(20)
        return max(
            settings,
            key=lambda item: statistics.fmean(
                er.ratio(recall_at(item[1](s), s.queries, 5), s.strong.recall5, train(s))
                for s in sets_
            ),
        )[1]

    before, fitted = held_out(grid), held_out(learned(True, True))
    generator = np.random.default_rng(0)
    print("\n== claim by claim, held out: fitted weights (C=1) against the shipped grid")
    for s in sets:
        old = recall_at(before[s.name], s.queries, 5)
        new = recall_at(fitted[s.name], s.queries, 5)
        difference = new - old
        draws = [
            difference[generator.integers(0, len(difference), len(difference))].mean()
            for _ in range(2000)
        ]
        low, high = np.percentile(draws, [2.5, 97.5])
        print(
            f"  {s.name}: recall@5 {new.mean():.4f} against {old.mean():.4f},"
            f" difference {difference.mean():+.4f} (95% bootstrap {low:+.4f} to {high:+.4f});"
            f" {int((difference > 0).sum())} claims gain, {int((difference < 0).sum())} lose"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--deep", type=int, default=50)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--nested", action="store_true")
    parser.add_argument("--paired", action="store_true")
    args = parser.parse_args()
    data_or_skip()
    if args.build:
        build(args.deep, args.cache)
        return
    if not args.cache.exists():
        print(f"skipped: no saved tables at {args.cache} (run with --build first)")
        return
    sets = load(args.cache)
    if args.paired:
        paired(sets)
        return
    if not args.quick:
        diagnose(sets)
    grid_cv("shipped grid: sentence weight and depth <= 20 (today)", sets, shipped_grid(20))
    if args.nested:
        fitted_cv("pairwise, two stages, clamped, variant chosen by inner CV", sets, nested_learned)
        final = nested_learned(sets, lambda s: np.ones(len(s.queries), bool))
        print("  all claims:", final.label)  # type: ignore[attr-defined]
        return
    if args.quick:
        for options in (
            {"c": 0.01},
            {"c": 0.1},
            {"c": 10.0},
            {"per_claim": True},
            {"per_set": True},
            {"per_claim": True, "per_set": True},
        ):
            fitted_cv(
                f"pairwise, two stages, clamped, {options}", sets, learned(True, True, **options)
            )
        fitted_cv("pairwise, two stages, not clamped", sets, learned(True, False))
        return
    grid_cv("sentence depth up to 30 (every recalled passage)", sets, shipped_grid(50))
    grid_cv("reciprocal rank fusion, top 20", sets, rrf_grid())
    grid_cv("z-scored fusion, top 20", sets, zscore_grid())
    grid_cv("sentence weight by claim length, top 20", sets, shape_grid())
    fitted_cv("pairwise-logistic weights, two stages (20), clamped", sets, learned(True, True))
    fitted_cv("pairwise-logistic weights, one stage (30), clamped", sets, learned(False, True))


if __name__ == "__main__":
    main()
