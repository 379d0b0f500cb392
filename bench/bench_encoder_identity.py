"""What naming the sentence encoder beside the stored passage vectors costs (issue 14).

Three figures, each against its baseline in the same run:

1. The first suggestion of a fresh process: the digest of the shipped model file
   (`sentence_encoder.encoder_identity`, ~23 MB, once per process) against the rest of
   that first suggestion (model load, recall, rerank), timed in the same fresh process,
   `--processes` of them.
2. Dropping another encoder's vectors (the first save under a new name) on a library of
   `--size` real sentences, every one with a stored vector, against the plain
   `UPDATE ... SET sentence_vector = NULL` the 15 -> 16 migration ran.
3. Reading recalled rows (`Store.ranked_hits`, nothing kept) with the name checked in the
   statement against the same statement reading the column plainly, `--claims` claims.

Run: nice -n 10 python bench/bench_encoder_identity.py [--size N] [--processes N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip, suggestion_corpus

from factcheck.evidence.sources.local import recalled_hits
from factcheck.store import Store
from factcheck.store import references as store_references

FIRST_SUGGESTION = """
import json, sys, time
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.local import LocalReferences
from factcheck.store import Store
from factcheck.text.sentence_encoder import encoder_identity
started = time.perf_counter()
encoder_identity()
digest = time.perf_counter() - started
with Store(sys.argv[1]) as store:
    started = time.perf_counter()
    LocalReferences(store).suggest(sys.argv[2], context=ClaimContext.free_text())
    rest = time.perf_counter() - started
print(json.dumps([digest, rest]))
"""


def spread(values: list[float], digits: int = 1) -> str:
    mean = statistics.mean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    low, high = min(values), max(values)
    d = digits
    return f"mean {mean:.{d}f} sd {sd:.{d}f} (min {low:.{d}f}, max {high:.{d}f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=54_623)
    parser.add_argument("--processes", type=int, default=7)
    parser.add_argument("--claims", type=int, default=300)
    args = parser.parse_args()
    passages, queries = suggestion_corpus(data_or_skip(), args.size)
    claims = [query.claim for query in queries][: args.claims]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.db"
        with Store(path) as store:
            store.add_references(passages)
            recalled_hits(store, claims[0])  # the impact index, built and cached

        digests, rests = [], []
        for n in range(args.processes):
            done = subprocess.run(
                [sys.executable, "-c", FIRST_SUGGESTION, str(path), claims[n % len(claims)]],
                capture_output=True,
                text=True,
                check=True,
            )
            digest, rest = json.loads(done.stdout.strip().splitlines()[-1])
            digests.append(digest * 1000)
            rests.append(rest * 1000)
        shares = [d / (d + r) * 100 for d, r in zip(digests, rests, strict=True)]
        print(f"first suggestion, {args.processes} fresh processes, {len(passages)} passages:")
        print(f"  model file digest ms: {spread(digests)}")
        print(f"  rest of the first suggestion ms: {spread(rests)}")
        print(f"  digest share of the first suggestion %: {spread(shares)}")

        ours, plain = [], []
        with Store(path) as store:
            blob = b"\x05" * 384
            for _ in range(3):
                for label, times in (("ours", ours), ("plain", plain)):
                    with store.transaction() as conn:
                        conn.execute("UPDATE reference_passages SET sentence_vector = ?", [blob])
                        conn.execute("UPDATE store_meta SET value = 'sha256:another'")
                    started = time.perf_counter()
                    if label == "ours":
                        store.save_sentence_vectors([(1, blob)])
                    else:
                        with store.transaction() as conn:
                            conn.execute("UPDATE reference_passages SET sentence_vector = NULL")
                    times.append((time.perf_counter() - started) * 1000)
        print(f"dropping {len(passages)} stored vectors, 3 runs each, alternated:")
        print(f"  first save under a new name ms: {spread(ours)}")
        print(f"  the 15 -> 16 migration's UPDATE ms: {spread(plain)}")
        print(f"  ratio of means: {statistics.mean(ours) / statistics.mean(plain):.2f}")

        named, bare = [], []
        checked = store_references._SENTENCE_VECTOR
        unchecked = "CASE WHEN ? IS NOT NULL THEN p.sentence_vector END"
        with Store(path) as store:
            ranked = [[(hit.id, hit.relevance) for hit in recalled_hits(store, c)] for c in claims]
            for _ in range(5):
                for sql, times in ((checked, named), (unchecked, bare)):
                    store_references._SENTENCE_VECTOR = sql
                    started = time.perf_counter()
                    for ids in ranked:
                        store._reads = None  # nothing kept: every row read
                        store.ranked_hits(ids)
                    times.append((time.perf_counter() - started) * 1000 / len(ranked))
            store_references._SENTENCE_VECTOR = checked
        print(f"reading a claim's recalled rows, {len(ranked)} claims, 5 runs each, alternated:")
        print(f"  name checked in the statement ms/claim: {spread(named, 3)}")
        print(f"  column read plainly ms/claim: {spread(bare, 3)}")
        print(f"  ratio of means: {statistics.mean(named) / statistics.mean(bare):.2f}")


if __name__ == "__main__":
    main()
