"""What the sentence-embedding rerank costs: suggestion latency and reference import.

    FACTCHECK_DATA=/work/shared/data nice -n 10 python bench/bench_rerank_speed.py

Same corpus and claims as bench/bench_suggest.py (~55-60k real sentences, FM2 and
Climate-FEVER claims as queries). Each claim is timed back to back on every side, so a
busy spell on the shared machine slows all of them rather than skewing a ratio:

- bm25s tokenize + retrieve (k=5): the baseline of issue 14;
- `LocalReferences` without the sentence term (the matcher alone, no model);
- the shipped path on a cold library (no passage vector cached yet: the first time a
  desk asks about these passages, up to SENTENCE_DEPTH transformer runs a claim);
- the shipped path warm (every candidate's vector cached: one claim encoding a query).

Then the two ways to get passage vectors, measured: lazily (the shipped way: `refs add`
computes none; 100k passages imported here, timed) and eagerly (`Store.fill_sentence_vectors`
over a sample, in the batches an import would use; per passage, projected to 100k).
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

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.local import LocalReferences
from factcheck.store import Store
from factcheck.text.sentence_encoder import default_sentence_encoder

CORPUS_SIZE = 62_000
FREE_TEXT = ClaimContext.free_text()
"""Bench claims belong to no document: nothing to add, nothing to leave out."""
IMPORT_SIZE = 100_000


def p50(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[94] if len(values) > 1 else values[0]


def timed_round(
    claims: list[str], retriever: bm25s.BM25, lexical: LocalReferences, shipped: LocalReferences
) -> dict[str, list[float]]:
    """Each claim's top-5 query timed back to back on bm25s, the lexical path and the
    shipped path, so the three share the machine's load of the moment."""
    times: dict[str, list[float]] = {"bm25s": [], "lexical": [], "shipped": []}
    for claim in claims:
        started = time.perf_counter()
        tokens = bm25s.tokenize([claim], stopwords="en", show_progress=False)
        retriever.retrieve(tokens, k=5, show_progress=False)
        times["bm25s"].append(time.perf_counter() - started)
        started = time.perf_counter()
        lexical.suggest(claim, context=FREE_TEXT, limit=5)
        times["lexical"].append(time.perf_counter() - started)
        started = time.perf_counter()
        shipped.suggest(claim, context=FREE_TEXT, limit=5)
        times["shipped"].append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--eager-sample", type=int, default=3000)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    data = data_or_skip()
    passages, queries = suggestion_corpus(data, CORPUS_SIZE)
    # every other claim, so both sets are in any prefix
    claims = [q.claim for q in queries[::2] + queries[1::2]][: args.queries]
    encoder = default_sentence_encoder()
    assert encoder is not None

    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(
            [p["title"] + " " + p["text"] for p in passages], stopwords="en", show_progress=False
        ),
        show_progress=False,
    )
    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "claims.db") as store:
            store.add_references(passages)
            lexical = LocalReferences(store, sentence_weight=0.0)
            shipped = LocalReferences(store)
            for claim in ["warm up the page cache and the model", *claims[-20:]]:
                lexical.suggest(claim, context=FREE_TEXT)
            sides = timed_round(claims, retriever, lexical, shipped)
            # Warm: the same claims again, every candidate's vector now cached; bm25s
            # and the lexical path timed again beside it. The encoder's memory of recent
            # claims is emptied first: a warm library, but claims it has not seen.
            encoder._recent.clear()
            warm = timed_round(claims, retriever, lexical, shipped)
            cached = store.conn.execute(
                "SELECT count(sentence_vector) FROM reference_passages"
            ).fetchone()[0]
        claim_times = []
        for claim in claims[:100]:
            started = time.perf_counter()
            encoder.encode([claim])
            claim_times.append(time.perf_counter() - started)

        print(f"corpus: {len(passages)} real sentences; {len(claims)} claims as queries")
        print(f"passages with a cached vector after both passes: {cached}")
        print(f"  claim encoding alone: p50 {1000 * p50(claim_times):.2f} ms")
        for label, times, base in (
            ("bm25s title+text tokenize+retrieve", sides["bm25s"], sides["bm25s"]),
            ("factcheck lexical (no sentence term)", sides["lexical"], sides["bm25s"]),
            ("factcheck shipped, cold cache", sides["shipped"], sides["bm25s"]),
            ("bm25s (warm pass)", warm["bm25s"], warm["bm25s"]),
            ("factcheck lexical (warm pass)", warm["lexical"], warm["bm25s"]),
            ("factcheck shipped, warm cache", warm["shipped"], warm["bm25s"]),
        ):
            print(
                f"  {label:<38} p50 {1000 * p50(times):6.2f} ms  p95 {1000 * p95(times):6.2f} ms"
                f"  p50 ratio to bm25s {p50(times) / p50(base):.2f}x"
            )

        sample = passages[: args.eager_sample]
        with Store(Path(folder) / "eager.db") as store:
            store.add_references(sample)
            started = time.perf_counter()
            store.fill_sentence_vectors(encoder.passage_vector_bytes)
            per_passage = (time.perf_counter() - started) / len(sample)
        print(
            f"eager vectors: {1000 * per_passage:.2f} ms a passage over {len(sample)}"
            f" -> {per_passage * IMPORT_SIZE:.0f} s for {IMPORT_SIZE} passages on top of the import"
        )
        if not args.skip_import:
            rows = (passages * (IMPORT_SIZE // len(passages) + 1))[:IMPORT_SIZE]
            rows = [{**row, "id": f"{row['id']}-{n}"} for n, row in enumerate(rows)]
            with Store(Path(folder) / "import.db") as store:
                started = time.perf_counter()
                store.add_references(rows)
                seconds = time.perf_counter() - started
            print(f"lazy (shipped) import: {IMPORT_SIZE} passages in {seconds:.1f} s")


if __name__ == "__main__":
    main()
