"""What the one way to ask for evidence costs: a source asked directly vs through
`evidence.suggest.suggest` (the path `match`, `search`, the review screen and the API
share since issue 16), claim by claim in one process so the machine's load hits both.

The local source without the sentence rerank: the rerank is the source's own cost and
the same either way. Corpus: 20,000 real sentences (bench/corpora.suggestion_corpus),
300 FM2 and Climate-FEVER claims. Run: python bench/bench_suggest_path.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip, suggestion_corpus

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.local import LocalReferences
from factcheck.evidence.suggest import suggest
from factcheck.store import Store

CORPUS_SIZE = 20_000
QUERIES = 300


def main() -> None:
    passages, queries = suggestion_corpus(data_or_skip(), CORPUS_SIZE)
    claims = [q.claim for q in queries][:QUERIES]
    free_text = ClaimContext.free_text()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "c.db") as store:
        store.add_references(passages)
        source = LocalReferences(store, sentence_weight=0.0)
        for claim in claims[:30]:  # warm the page cache
            source.suggest(claim, context=free_text)
        direct, through = [], []
        for claim in claims:
            started = time.perf_counter()
            source.suggest(claim, context=free_text, limit=5)
            direct.append(time.perf_counter() - started)
            started = time.perf_counter()
            suggest([source], claim, context=free_text, limit=5)
            through.append(time.perf_counter() - started)
    alone, shared = statistics.median(direct) * 1000, statistics.median(through) * 1000
    print(f"{len(passages):,} passages, {len(claims)} claims")
    print(f"  source.suggest (baseline)  p50 {alone:.2f} ms")
    print(f"  suggest([source])          p50 {shared:.2f} ms")
    print(f"p50 ratio suggest/source: {shared / alone:.3f}x")


if __name__ == "__main__":
    main()
