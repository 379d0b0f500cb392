"""Evidence retrieval quality on real data: recall@5 of gold sentences, vs plain BM25.

For FM2 dev and Climate-FEVER dev, pools the evidence sentences into a fresh reference
library (title = Wikipedia page / article), asks `Store.suggest_evidence` (local
source: FTS5 recall + rerank) for each claim, and compares in the same run with plain
BM25 (bm25s, English stop words) over the same passages' text. Prints figures and the
ratio. Run: python bench/eval_retrieval.py [--limit N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
from corpora import climate_fever, data_or_skip, fm2

from factcheck.matcher import fts_query
from factcheck.store import Store

K = 5


def recall_at_k(ranked: list[str], gold: set[str]) -> float:
    return len(set(ranked[:K]) & gold) / len(gold)


def evaluate(
    name: str, passages: list[dict[str, str]], queries: list[tuple[str, set[str]]]
) -> float:
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
        started = time.perf_counter()
        store.add_references(passages)
        indexed = time.perf_counter() - started
        ours = [
            recall_at_k([e.reference_id for e in store.suggest_evidence(claim, limit=K)], gold)
            for claim, gold in queries
        ]
        # The index alone (no rerank): what FTS5 with porter stems and title weight gives.
        index_only = [
            recall_at_k(
                [h.ref_id for h in store.search_references(fts_query(claim) or '""', limit=K)], gold
            )
            for claim, gold in queries
        ]
    ids = [p["id"] for p in passages]
    results = {}
    for label, texts in (
        ("bm25s text", [p["text"] for p in passages]),
        ("bm25s title+text", [p["title"] + " " + p["text"] for p in passages]),
    ):
        retriever = bm25s.BM25()
        retriever.index(
            bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False
        )
        hits, _ = retriever.retrieve(
            bm25s.tokenize([c for c, _ in queries], stopwords="en", show_progress=False),
            k=K,
            show_progress=False,
        )
        results[label] = sum(
            recall_at_k([ids[i] for i in row], gold)
            for row, (_, gold) in zip(hits, queries, strict=True)
        ) / len(queries)
    mean = sum(ours) / len(ours)
    base = results["bm25s text"]
    print(f"\n{name}: {len(passages)} passages, {len(queries)} claims (indexed in {indexed:.1f} s)")
    print(f"  factcheck local recall@{K}: {mean:.3f}")
    print(f"  (FTS5 recall alone, no rerank: {sum(index_only) / len(index_only):.3f})")
    for label, value in results.items():
        print(
            f"  {label:<17} recall@{K}: {value:.3f}   ratio factcheck/{label}: {mean / value:.2f}x"
        )
    return mean / base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="only the first N claims of each set")
    args = parser.parse_args()
    data = data_or_skip()
    for name, loader in (("FM2 dev", fm2), ("Climate-FEVER dev", climate_fever)):
        passages, queries = loader(data)
        evaluate(name, passages, queries[: args.limit] if args.limit else queries)


if __name__ == "__main__":
    main()
