"""Speed of `factcheck.suggest` (local source) vs a bm25s query, same corpus, same run.

The corpus is ~60k real sentences from ../shared/data: the FM2 and Climate-FEVER
evidence pools, then ClaimBuster debate sentences and CoAID news sentences. Queries are
FM2 and Climate-FEVER claims. Also times a bulk import (target: 100k passages <= 30 s).
Prints p50/p95 per query and the ratio. Run: python bench/bench_suggest.py [--queries N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
from corpora import data_or_skip, suggestion_corpus

from factcheck.config import Config
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.source_factory import make_sources
from factcheck.evidence.suggest import suggest
from factcheck.store import Store

CORPUS_SIZE = 60_000
IMPORT_SIZE = 100_000


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    data = data_or_skip()
    passages, queries = suggestion_corpus(data, CORPUS_SIZE)
    claims = [q.claim for q in queries][: args.queries]

    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "import.db") as store:
            rows = (passages * (IMPORT_SIZE // len(passages) + 1))[:IMPORT_SIZE]
            rows = [{**row, "id": f"{row['id']}-{n}"} for n, row in enumerate(rows)]
            started = time.perf_counter()
            store.add_references(rows)
            import_seconds = time.perf_counter() - started
        retriever = bm25s.BM25()
        retriever.index(
            bm25s.tokenize([p["text"] for p in passages], stopwords="en", show_progress=False),
            show_progress=False,
        )
        with Store(Path(folder) / "claims.db") as store:
            store.add_references(passages)
            local = make_sources(store, Config(), names=["local"])
            free_text = ClaimContext.free_text()
            for claim in claims[:20]:  # warm the page cache like a running desk
                suggest(local, claim, context=free_text)
            # Each claim is timed on both sides back to back, so a busy spell on the
            # shared machine slows both rather than skewing the ratio.
            ours, theirs, retrieve_only = [], [], []
            for claim in claims:
                started = time.perf_counter()
                suggest(local, claim, context=free_text, limit=5)
                ours.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                tokens = bm25s.tokenize([claim], stopwords="en", show_progress=False)
                tokenized = time.perf_counter()
                retriever.retrieve(tokens, k=5, show_progress=False)
                done = time.perf_counter()
                theirs.append((done - started) * 1000)
                retrieve_only.append((done - tokenized) * 1000)

    print(f"corpus: {len(passages)} real sentences; {len(claims)} claims as queries")
    print(f"bulk import: {IMPORT_SIZE} passages in {import_seconds:.1f} s (target <= 30 s)")
    for label, times in (
        ("factcheck suggest (local)", ours),
        ("bm25s tokenize+retrieve", theirs),
        ("bm25s retrieve only (pre-tokenized)", retrieve_only),
    ):
        p50, p95 = percentile(times, 50), percentile(times, 95)
        print(f"  {label:<36} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms")
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"p50 ratio factcheck/bm25s: {ratio:.2f}x (target <= 1.0x, never > 2x)")
    ratio = statistics.median(ours) / statistics.median(retrieve_only)
    print(f"p50 ratio factcheck/bm25s retrieve only: {ratio:.2f}x")


if __name__ == "__main__":
    main()
