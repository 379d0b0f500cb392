"""Evidence retrieval quality on real data, against the strongest plain BM25.

For FM2 dev and Climate-FEVER dev, pools the evidence sentences into a fresh reference
library (title = Wikipedia page / article) and ranks every claim's passages three ways
in the same run, on the FULL dev sets:

- factcheck local: the shipped path (`LocalReferences`: impact-index recall,
  `matcher.rank_candidates`, then the MiniLM sentence-embedding rerank of the best
  `SENTENCE_DEPTH`), with the shipped weights;
- factcheck lexical: the same without the sentence-embedding term (the matcher alone);
- bm25s title+text, English stop words: the strongest plain baseline (issue 14);
- bm25s text, English stop words: the old, weaker baseline, kept for continuity.

Reported: recall@5, recall@1 and MRR@10 of the gold sentences, and our ratio to each
baseline.

The knobs chosen here are the sentence-embedding term's weight and depth
(`sources.local.SENTENCE_WEIGHT`, `SENTENCE_DEPTH`); with `--grid lexical`, the
matcher's own rerank weights (`matcher._WEIGHTS`, multipliers on three groups) as in the
first round of issue 14. They are chosen by 5-fold cross-validation over claims (folds by
a hash of the claim id): for each fold the grid is scored on the other four folds of both
sets together and the best setting is measured on the held-out fold; the mean and
min-max of the five held-out ratios are printed. Settings are never chosen on the claims
they are measured on. To score a grid without re-running the rerank for every setting,
each candidate's feature values are read once: the matcher's score is a weighted sum, so
ranking with one weight set to 1 and the rest to 0 returns that feature's value as
`Evidence.score`; the cosine of every pooled passage with every claim comes from the
shipped encoder (`factcheck.text.sentence_encoder`, the int8 ONNX model) once.

`--fewer-candidates 25 20` cross-validates the same grid as if the index recalled fewer
passages; `--choose-recall-depth 20 25 30` chooses the recall depth itself inside the
folds, nested with the grid (`choose_recall_depth`: the smallest depth within
`DEPTH_TOLERANCE` of the best training objective, the cost of a deeper recall being
what a shallower one would save).

Run: nice -n 10 python bench/eval_retrieval.py [--limit N] [--grid sentence|lexical]
                                              [--max-depth 20] [--fewer-candidates ...]
                                              [--choose-recall-depth ...]
(skips without ../shared/data)
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
import numpy as np
from corpora import Query, climate_fever, data_or_skip, fm2

from factcheck.config import Config
from factcheck.evidence import matcher
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import rank_candidates
from factcheck.evidence.source_factory import make_sources
from factcheck.evidence.sources import local
from factcheck.evidence.sources.local import LocalReferences, recalled_candidates
from factcheck.evidence.suggest import suggest
from factcheck.store import Store
from factcheck.text.sentence_encoder import default_sentence_encoder, passage_text
from factcheck.text.words import content_stems

FOLDS = 5
MRR_DEPTH = 10
BASELINE_DEPTH = 100
FEATURES = tuple(matcher._WEIGHTS)
"""The matcher's rerank features, in its own order (its weights are the knobs)."""

# A small grid (CPU is shared): multipliers on groups of the shipped weights. The
# index's bm25 ("recall"), title and agreement weights stay fixed: scaling every weight
# together leaves the ranking as it is, so fixing one group loses nothing. 5^3 = 125.
GROUPS = {
    "lexical": ("token_set", "token_sort", "partial", "coverage", "phrase"),
    "rare": ("rarest", "saturated"),
    "meaning": ("meaning",),
}
MULTIPLIERS = (0.25, 0.5, 1.0, 2.0, 4.0)
SENTENCE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0)
"""The sentence-embedding term's weight against 1.0 for the matcher's score."""
SENTENCE_DEPTHS = (5, 10, 20, 50)
"""How many of the matcher's best passages it reranks (50: every recalled one)."""


def fold(claim_id: str) -> int:
    """The claim's cross-validation fold: sha256 of its id, so it never depends on order."""
    return hashlib.sha256(claim_id.encode()).digest()[1] % FOLDS


class Ranked:
    """Per-claim rankings (lists of passage ids, best first) and the metrics over them."""

    def __init__(self, rankings: list[list[str]], queries: list[Query]) -> None:
        self.recall5 = np.array(
            [_recall(r, q.gold, 5) for r, q in zip(rankings, queries, strict=True)]
        )
        self.recall1 = np.array(
            [_recall(r, q.gold, 1) for r, q in zip(rankings, queries, strict=True)]
        )
        self.mrr = np.array(
            [_reciprocal_rank(r, q.gold) for r, q in zip(rankings, queries, strict=True)]
        )


def _recall(ranked: list[str], gold: set[str], k: int) -> float:
    return len(set(ranked[:k]) & gold) / len(gold)


def _reciprocal_rank(ranked: list[str], gold: set[str]) -> float:
    for rank, passage_id in enumerate(ranked[:MRR_DEPTH], start=1):
        if passage_id in gold:
            return 1 / rank
    return 0.0


@contextmanager
def _weights(weights: dict[str, float]) -> Iterator[None]:
    """The matcher's rerank weights replaced for a moment (a bench-only probe)."""
    saved = matcher._WEIGHTS, matcher._TOTAL_WEIGHT
    matcher._WEIGHTS, matcher._TOTAL_WEIGHT = weights, sum(weights.values())
    try:
        yield
    finally:
        matcher._WEIGHTS, matcher._TOTAL_WEIGHT = saved


Table = list[tuple[list[str], np.ndarray, np.ndarray]]
"""Per claim: recalled passage ids, (passages x features) matrix, claim-passage cosines."""


def feature_table(
    store: Store, queries: list[Query], cosine_of: dict[str, np.ndarray], claim_vectors: np.ndarray
) -> Table:
    """For each claim: the recalled passage ids, a (passages x features) matrix and the
    sentence-embedding cosines.

    Recall is exactly `LocalReferences.suggest`'s (same recall stage, depth and IDF
    statistics); each feature is read by ranking with that feature's weight alone."""
    table = []
    for query, claim_vector in zip(queries, claim_vectors, strict=True):
        candidates = recalled_candidates(store, query.claim, depth=matcher.RECALL_DEPTH)
        ids = [c.reference_id or "" for c in candidates]
        values = np.zeros((len(candidates), len(FEATURES)))
        if candidates:
            stats = store.reference_term_stats(content_stems(query.claim))
            position = {passage_id: row for row, passage_id in enumerate(ids)}
            for column, feature in enumerate(FEATURES):
                one_hot = {name: float(name == feature) for name in FEATURES}
                with _weights(one_hot):
                    for item in rank_candidates(
                        query.claim, candidates, limit=len(candidates), stats=stats
                    ):
                        values[position[item.reference_id], column] = item.score
        cosines = np.array([float(cosine_of[i] @ claim_vector) for i in ids])
        table.append((ids, values, cosines))
    return table


def rank_with(
    table: Table, weights: np.ndarray, sentence_weight: float = 0.0, depth: int = 10
) -> list[list[str]]:
    """Rankings under the matcher `weights`, then the best `depth` reranked by
    (score + sentence_weight * max(cosine, 0)) / (1 + sentence_weight), as
    `LocalReferences.suggest` does (ties keep the earlier order: stable sorts)."""
    total = weights.sum()
    rankings = []
    for ids, values, cosines in table:
        if not ids:
            rankings.append([])
            continue
        scores = np.minimum(np.round(values @ weights / total, 4), 1.0)
        order = np.argsort(-scores, kind="stable")
        if sentence_weight:
            top = order[:depth]
            final = np.round(
                (scores[top] + sentence_weight * np.maximum(cosines[top], 0.0))
                / (1 + sentence_weight),
                4,
            )
            order = np.concatenate([top[np.argsort(-final, kind="stable")], order[depth:]])
        rankings.append([ids[i] for i in order])
    return rankings


def bm25_rankings(texts: list[str], ids: list[str], queries: list[Query]) -> list[list[str]]:
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    hits, _ = retriever.retrieve(
        bm25s.tokenize([q.claim for q in queries], stopwords="en", show_progress=False),
        k=min(BASELINE_DEPTH, len(texts)),
        show_progress=False,
    )
    return [[ids[i] for i in row] for row in hits]


Setting = tuple[dict[str, float], np.ndarray, float, int]
"""(what to print, matcher weights in FEATURES order, sentence weight, sentence depth)."""


def shipped_weights() -> np.ndarray:
    return np.array([matcher._WEIGHTS[name] for name in FEATURES])


matcher_weights = shipped_weights
"""The matcher's own weights (bench/recall_levers.py reads them by this name)."""


def lexical_grid() -> list[Setting]:
    """Multipliers on groups of the matcher's weights, the sentence term as shipped."""
    settings = []
    for multipliers in itertools.product(MULTIPLIERS, repeat=len(GROUPS)):
        chosen = dict(zip(GROUPS, multipliers, strict=True))
        vector = shipped_weights()
        for group, factor in chosen.items():
            for name in GROUPS[group]:
                if name in FEATURES:  # ("partial" left the matcher in session 24)
                    vector[FEATURES.index(name)] *= factor
        settings.append((chosen, vector, local.SENTENCE_WEIGHT, local.SENTENCE_DEPTH))
    return settings


def sentence_grid(
    max_depth: int = max(SENTENCE_DEPTHS), weights: np.ndarray | None = None
) -> list[Setting]:
    """The sentence term's weight and depth (up to `max_depth`), the feature weights
    as shipped (or `weights`)."""
    depths = [depth for depth in SENTENCE_DEPTHS if depth <= max_depth]
    vector = shipped_weights() if weights is None else weights
    return [
        ({"sentence weight": weight, "depth": depth}, vector, weight, depth)
        for weight in SENTENCE_WEIGHTS
        for depth in (depths if weight else depths[:1])
    ]


IMPACT_RECALL: dict[str, int] = {}
"""Set by `--recall bench-impact`: recall with bench_impact_recall's pruned impact index
(keep, max_terms) instead of the shipped one, to measure other settings."""
FTS5_RECALL = False
"""Set by `--recall fts5`: recall with FTS5 (`fts_recalled_hits`), the stage before the
shipped impact index."""


def use_impact_recall(store: Store, keep: int, max_terms: int) -> None:
    """Point `sources.local.recalled_hits` (the shipped path and `recalled_candidates`
    both call it) at the bench's impact index over `store`'s passages."""
    from bench_impact_recall import ImpactIndex, impact_hits

    index = ImpactIndex(store, keep)

    def recall(store_: Store, text: str, *, depth: int = matcher.RECALL_DEPTH) -> list:
        return impact_hits(store_, index, text, depth=depth, max_terms=max_terms)

    local.recalled_hits = recall


class DevSet:
    """One dev set's claims, folds, baselines and feature table."""

    def __init__(self, name: str, passages: list[dict[str, str]], queries: list[Query]) -> None:
        self.name, self.queries = name, queries
        self.folds = np.array([fold(q.id) for q in queries])
        ids = [p["id"] for p in passages]
        self.strong = Ranked(
            bm25_rankings([p["title"] + " " + p["text"] for p in passages], ids, queries), queries
        )
        self.weak = Ranked(bm25_rankings([p["text"] for p in passages], ids, queries), queries)
        encoder = default_sentence_encoder()
        assert encoder is not None, "the packaged sentence encoder did not load"
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
            store.add_references(passages)
            if IMPACT_RECALL:
                use_impact_recall(store, **IMPACT_RECALL)
            elif FTS5_RECALL:
                local.recalled_hits = local.fts_recalled_hits
            lexical = LocalReferences(store, sentence_weight=0.0)
            free_text = ClaimContext.free_text()
            self.lexical = Ranked(
                [
                    [
                        e.reference_id or ""
                        for e in lexical.suggest(q.claim, context=free_text, limit=MRR_DEPTH)
                    ]
                    for q in queries
                ],
                queries,
            )
            started = time.perf_counter()
            # The shipped path itself (sentence vectors computed and cached as a desk
            # would), to check that the feature table reproduces it.
            shipped = make_sources(store, Config(), names=["local"])
            self.shipped_rankings = [
                [
                    e.reference_id or ""
                    for e in suggest(shipped, q.claim, context=free_text, limit=MRR_DEPTH)
                ]
                for q in queries
            ]
            self.shipped_seconds = time.perf_counter() - started
            # Cosines as the shipped path sees them: dynamic int8 quantisation makes a
            # vector depend a little on the texts batched with it, so the claims are
            # encoded alone (as `suggest` does) and passages the shipped pass cached are
            # read back; the rest (only deeper settings reach them) are encoded here.
            started = time.perf_counter()
            claim_vectors = np.stack([encoder.encode([q.claim])[0] for q in queries])
            texts = [passage_text(p["title"], p["text"]) for p in passages]
            cosine_of = dict(zip(ids, encoder.encode(texts), strict=True))
            self.encode_seconds = time.perf_counter() - started
            for ref_id, blob in store.conn.execute(
                "SELECT ref_id, sentence_vector FROM reference_passages"
                " WHERE sentence_vector IS NOT NULL"
            ):
                stored = np.frombuffer(blob, dtype=np.int8).astype(np.float32)
                cosine_of[ref_id] = stored / (np.linalg.norm(stored) or 1.0)
            self.table = feature_table(store, queries, cosine_of, claim_vectors)
        self.shipped = Ranked(self.shipped_rankings, queries)
        self.passages = len(passages)


def ratio(ours: np.ndarray, theirs: np.ndarray, rows: np.ndarray) -> float:
    """Mean of ours over mean of theirs on `rows` (nan when the baseline scores 0)."""
    base = theirs[rows].mean()
    return float(ours[rows].mean() / base) if base else float("nan")


def report_full(dev: DevSet) -> None:
    table_top = rank_with(dev.table, shipped_weights(), local.SENTENCE_WEIGHT, local.SENTENCE_DEPTH)
    same = sum(a[:5] == b[:5] for a, b in zip(table_top, dev.shipped_rankings, strict=True))
    print(
        f"\n{dev.name}: {dev.passages} passages pooled, {len(dev.queries)} claims"
        f" (feature table reproduces the shipped top 5 for {same}/{len(dev.queries)} claims;"
        f" shipped suggest {1000 * dev.shipped_seconds / len(dev.queries):.1f} ms a claim,"
        f" cold cache; encoding every passage and claim once took {dev.encode_seconds:.0f} s)"
    )
    print(f"  {'full set':<34} {'recall@5':>9} {'recall@1':>9} {'MRR@10':>9}")
    rows = np.arange(len(dev.queries))
    for label, ranked in (
        ("factcheck local (shipped weights)", dev.shipped),
        ("factcheck lexical (no sentence term)", dev.lexical),
        ("bm25s title+text, stopwords en", dev.strong),
        ("bm25s text, stopwords en (old)", dev.weak),
    ):
        print(
            f"  {label:<34} {ranked.recall5.mean():>9.3f} {ranked.recall1.mean():>9.3f}"
            f" {ranked.mrr.mean():>9.3f}"
        )
    for label, base in (("strong", dev.strong), ("old", dev.weak), ("lexical", dev.lexical)):
        print(
            f"  ratio vs {label:<25}"
            f" {ratio(dev.shipped.recall5, base.recall5, rows):>8.2f}x"
            f" {ratio(dev.shipped.recall1, base.recall1, rows):>8.2f}x"
            f" {ratio(dev.shipped.mrr, base.mrr, rows):>8.2f}x"
        )


def cross_validate(devs: list[DevSet], settings: list[Setting]) -> None:
    """Choose a setting on 4 folds of both sets, measure it on the 5th; print the spread."""
    # Metrics of every setting for every claim, computed once.
    per_setting = {
        dev.name: [
            Ranked(rank_with(dev.table, vector, weight, depth), dev.queries)
            for _, vector, weight, depth in settings
        ]
        for dev in devs
    }
    held: dict[str, dict[str, list[float]]] = {
        dev.name: {"recall@5": [], "recall@1": [], "MRR@10": []} for dev in devs
    }
    chosen_settings = []
    for k in range(FOLDS):
        # The objective: mean over both sets of the recall@5 ratio to the strong
        # baseline on the training folds (one weight set ships for every corpus).
        def objective(index: int, k: int = k) -> float:
            return statistics.fmean(
                ratio(per_setting[d.name][index].recall5, d.strong.recall5, d.folds != k)
                for d in devs
            )

        best = max(range(len(settings)), key=objective)
        chosen_settings.append(settings[best][0])
        for dev in devs:
            rows = dev.folds == k
            ours = per_setting[dev.name][best]
            held[dev.name]["recall@5"].append(ratio(ours.recall5, dev.strong.recall5, rows))
            held[dev.name]["recall@1"].append(ratio(ours.recall1, dev.strong.recall1, rows))
            held[dev.name]["MRR@10"].append(ratio(ours.mrr, dev.strong.mrr, rows))
    print(
        f"\n{FOLDS}-fold cross-validation over claims: settings chosen on 4 folds of both"
        f" sets ({len(settings)} settings over {', '.join(settings[0][0])}),"
        " ratio to bm25s title+text on the held-out fold"
    )
    for k, chosen in enumerate(chosen_settings):
        print(f"  fold {k}: chose " + ", ".join(f"{g} {m:g}" for g, m in chosen.items()))
    print(f"  {'held-out ratio':<30} {'mean':>7} {'min':>7} {'max':>7} {'std':>6}")
    for dev in devs:
        for metric, values in held[dev.name].items():
            values = [float(v) for v in values if v == v]  # nan: no baseline hit
            print(
                f"  {dev.name + ' ' + metric:<30} {statistics.fmean(values):>6.3f}x"
                f" {min(values):>6.3f}x {max(values):>6.3f}x {statistics.pstdev(values):>6.3f}"
            )


def fewer_candidates(table: Table, depth: int) -> Table:
    """The table as if the index had recalled only its best `depth` passages (rows are in
    recall order): the rows cut, and `saturated` min-max normalised again over the rows
    left, as the matcher does over its candidates (from 4-decimal values, so to ~1e-4).
    Every other feature is per passage (`recall` is normalised by the best hit, which
    stays)."""
    column = FEATURES.index("saturated")
    cut = []
    for ids, values, cosines in table:
        values = values[:depth].copy()
        if len(values):
            low, high = values[:, column].min(), values[:, column].max()
            values[:, column] = (values[:, column] - low) / ((high - low) or 1.0)
        cut.append((ids[:depth], values, cosines[:depth]))
    return cut


def cheaper_variants(devs: list[DevSet], max_depth: int, depths: list[int]) -> None:
    """Cross-validation again for cheaper reranks, from the same feature table: the index
    recalling only `depth` passages, with and without the rapidfuzz `partial` feature
    (the dearest one). Same grid (the sentence term), same folds, same baseline."""
    for depth in depths:
        for dropped in ((), ("partial",)) if "partial" in FEATURES else ((),):
            settings = []
            for chosen, vector, weight, sentence_depth in sentence_grid(max_depth):
                vector = vector.copy()
                for name in dropped:
                    vector[FEATURES.index(name)] = 0.0
                settings.append((chosen, vector, weight, min(sentence_depth, depth)))
            variants = []
            for dev in devs:
                variant = copy.copy(dev)
                variant.table = fewer_candidates(dev.table, depth)
                variants.append(variant)
            print(f"\n=== recall depth {depth}, without {', '.join(dropped) or 'nothing'} ===")
            cross_validate(variants, settings)
            vector = shipped_weights()
            for name in dropped:
                vector[FEATURES.index(name)] = 0.0
            shallow = min(local.SENTENCE_DEPTH, depth)
            for variant in variants:
                ranked = Ranked(
                    rank_with(variant.table, vector, local.SENTENCE_WEIGHT, shallow),
                    variant.queries,
                )
                rows = np.arange(len(variant.queries))
                fives = ratio(ranked.recall5, variant.strong.recall5, rows)
                ones = ratio(ranked.recall1, variant.strong.recall1, rows)
                print(
                    f"  {variant.name}, full set, shipped sentence weight, depth {shallow}:"
                    f" recall@5 {fives:.3f}x, recall@1 {ones:.3f}x"
                )


DEPTH_TOLERANCE = 0.005
"""`--choose-recall-depth`'s rule, fixed before its first run: a shallower recall (a
cheaper rerank) is chosen when its training objective is within this of the best
depth's."""


def choose_recall_depth(devs: list[DevSet], max_depth: int, depths: list[int]) -> None:
    """The recall depth chosen inside the folds, nested with the sentence grid: on the 4
    training folds, each depth's best sentence setting and its objective (mean recall@5
    ratio over both sets); the smallest depth within `DEPTH_TOLERANCE` of the best depth
    is chosen, with its setting, and measured on the held-out fold. Then the same rule
    on all claims: the depth to ship. Depths no deeper than the recall's own."""
    grids = {}
    for depth in sorted(depths):
        settings = [
            (chosen, vector, weight, min(sentence_depth, depth))
            for chosen, vector, weight, sentence_depth in sentence_grid(max_depth)
        ]
        tables = {dev.name: fewer_candidates(dev.table, depth) for dev in devs}
        grids[depth] = (
            settings,
            {
                dev.name: [
                    Ranked(rank_with(tables[dev.name], vector, weight, cut), dev.queries)
                    for _, vector, weight, cut in settings
                ]
                for dev in devs
            },
        )

    def best_of(depth: int, rows_of: Callable[[DevSet], np.ndarray]) -> tuple[float, int]:
        settings, ranked = grids[depth]
        scored = [
            (
                statistics.fmean(
                    ratio(ranked[d.name][i].recall5, d.strong.recall5, rows_of(d)) for d in devs
                ),
                i,
            )
            for i in range(len(settings))
        ]
        return max(scored, key=lambda item: item[0])

    def rule(rows_of: Callable[[DevSet], np.ndarray]) -> tuple[int, int, dict[int, float]]:
        found = {depth: best_of(depth, rows_of) for depth in grids}
        top = max(value for value, _ in found.values())
        depth = min(d for d, (value, _) in found.items() if value >= top - DEPTH_TOLERANCE)
        return depth, found[depth][1], {d: value for d, (value, _) in found.items()}

    held: dict[str, dict[str, list[float]]] = {
        dev.name: {"recall@5": [], "recall@1": []} for dev in devs
    }
    print(
        f"\n=== recall depth chosen in the folds among {sorted(grids)} (smallest within"
        f" {DEPTH_TOLERANCE} of the best training objective), nested with the sentence grid ==="
    )
    for k in range(FOLDS):
        depth, index, objectives = rule(lambda d, k=k: d.folds != k)
        settings, ranked = grids[depth]
        print(
            f"  fold {k}: depth {depth}, "
            + ", ".join(f"{g} {m:g}" for g, m in settings[index][0].items())
            + "; training objective by depth "
            + " ".join(f"{d}:{v:.4f}" for d, v in objectives.items())
        )
        for dev in devs:
            rows = dev.folds == k
            ours = ranked[dev.name][index]
            held[dev.name]["recall@5"].append(ratio(ours.recall5, dev.strong.recall5, rows))
            held[dev.name]["recall@1"].append(ratio(ours.recall1, dev.strong.recall1, rows))
    print(f"  {'held-out ratio':<30} {'mean':>7} {'min':>7} {'max':>7} {'std':>6}")
    for dev in devs:
        for metric, values in held[dev.name].items():
            values = [float(v) for v in values if v == v]
            print(
                f"  {dev.name + ' ' + metric:<30} {statistics.fmean(values):>6.3f}x"
                f" {min(values):>6.3f}x {max(values):>6.3f}x {statistics.pstdev(values):>6.3f}"
            )
    depth, index, objectives = rule(lambda d: np.arange(len(d.queries)))
    print(
        f"  all claims: the rule chooses depth {depth}, "
        + ", ".join(f"{g} {m:g}" for g, m in grids[depth][0][index][0].items())
        + "; objective by depth "
        + " ".join(f"{d}:{v:.4f}" for d, v in objectives.items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="only the first N claims of each set")
    parser.add_argument(
        "--grid",
        choices=("sentence", "lexical"),
        default="sentence",
        help="what cross-validation chooses: the sentence term (default) or matcher weights",
    )
    parser.add_argument(
        "--max-depth",
        type=int,
        default=max(SENTENCE_DEPTHS),
        help="deepest sentence-term depth the grid may choose (a cost bound set beforehand)",
    )
    parser.add_argument(
        "--recall",
        choices=("shipped", "fts5", "bench-impact"),
        default="shipped",
        help="recall stage: the shipped impact index (`Store.impact_hits`), the FTS5 query"
        " it replaced, or bench_impact_recall's index with --impact-keep/--impact-max-terms",
    )
    parser.add_argument("--impact-keep", type=int, default=1000)
    parser.add_argument("--impact-max-terms", type=int, default=12)
    parser.add_argument(
        "--fewer-candidates",
        type=int,
        nargs="*",
        default=[],
        help="also cross-validate recalling only this many passages (e.g. 40 30 20),"
        " each with and without the `partial` feature",
    )
    parser.add_argument(
        "--recall-depth",
        type=int,
        help="passages the index recalls for the rerank, in the shipped path and the"
        " feature table alike (default the shipped matcher.RECALL_DEPTH)",
    )
    parser.add_argument(
        "--choose-recall-depth",
        type=int,
        nargs="*",
        default=[],
        help="also choose the recall depth among these (e.g. 20 25 30) inside the folds,"
        " nested with the sentence grid (`choose_recall_depth`)",
    )
    parser.add_argument(
        "--fitted",
        action="store_true",
        help="also cross-validate the feature and sentence weights fitted by a pairwise"
        " logistic loss inside the folds (bench/recall_levers.py; session 26)",
    )
    args = parser.parse_args()
    if args.recall_depth:
        matcher.RECALL_DEPTH = local.RECALL_DEPTH = args.recall_depth
    global FTS5_RECALL
    if args.recall == "bench-impact":
        IMPACT_RECALL.update(keep=args.impact_keep, max_terms=args.impact_max_terms)
    FTS5_RECALL = args.recall == "fts5"
    data = data_or_skip()
    devs = []
    for name, loader in (("FM2 dev", fm2), ("Climate-FEVER dev", climate_fever)):
        passages, queries = loader(data)
        dev = DevSet(name, passages, queries[: args.limit] if args.limit else queries)
        report_full(dev)
        devs.append(dev)
    cross_validate(
        devs, sentence_grid(args.max_depth) if args.grid == "sentence" else lexical_grid()
    )
    if args.fitted:
        # Session 26 (recall14), measured, not shipped: the matcher's feature weights
        # and the sentence weight fitted inside the folds (bench/recall_levers.py).
        from recall_levers import fitted_cv, nested_learned

        fitted_cv("feature + sentence weights, pairwise fit inside the folds", devs, nested_learned)  # type: ignore[arg-type]
    if args.fewer_candidates:
        cheaper_variants(devs, args.max_depth, args.fewer_candidates)
    if args.choose_recall_depth:
        choose_recall_depth(devs, args.max_depth, args.choose_recall_depth)
    # Pooled over the full sets: each setting's mean recall ratio (for the table of
    # weights in RESULTS.md; not a held-out figure).
    if args.grid == "sentence":
        print("\n  all claims, by setting (not held out): recall@5 / recall@1 ratio to strong")
        rows = {dev.name: np.arange(len(dev.queries)) for dev in devs}
        for _chosen, vector, weight, depth in sentence_grid():
            cells = []
            for dev in devs:
                ranked = Ranked(rank_with(dev.table, vector, weight, depth), dev.queries)
                cells.append(
                    f"{ratio(ranked.recall5, dev.strong.recall5, rows[dev.name]):.3f}"
                    f"/{ratio(ranked.recall1, dev.strong.recall1, rows[dev.name]):.3f}"
                )
            print(f"  weight {weight:<5g} depth {depth:<3} " + "   ".join(cells))


if __name__ == "__main__":
    main()
