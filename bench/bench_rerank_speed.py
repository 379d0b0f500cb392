"""What the sentence-embedding rerank costs: suggestion latency and reference import.

    FACTCHECK_DATA=/work/shared/data nice -n 10 python bench/bench_rerank_speed.py
    [--skip-import] [--skip-eager]   # only the suggestion latency

Same corpus and claims as bench/bench_suggest.py (~55-60k real sentences, FM2 and
Climate-FEVER claims as queries). Each claim is timed back to back on every side, so a
busy spell on the shared machine slows all of them rather than skewing a ratio:

- bm25s tokenize + retrieve (k=5): the baseline of issue 14;
- `LocalReferences` without the sentence term (the matcher alone, no model);
- the shipped path on a cold library (no passage vector cached yet: the first time a
  desk asks about these passages, up to SENTENCE_DEPTH transformer runs a claim);
- warm (every candidate's vector cached), the parts: the FTS5 recall alone, the matcher
  alone, the claim's encoding alone, the shipped path with the claim's vector prepared
  ahead (`LocalReferences.prepare`) and as a new claim (its encoding inside the call);
- cold, a claim's 20 passage encodings in the shipped batches of 16 against one call of
  20, batches of 8 and one at a time.

Then the two ways to get passage vectors, measured: lazily (the shipped way: `refs add`
computes none; 100k passages imported here, timed) and eagerly (`Store.fill_sentence_vectors`
over a sample, in the batches an import would use; per passage, projected to 100k).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
from corpora import data_or_skip, suggestion_corpus

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.local import SENTENCE_DEPTH, LocalReferences, recalled_hits
from factcheck.store import Store
from factcheck.text import sentence_encoder
from factcheck.text.sentence_encoder import SentenceEncoder, default_sentence_encoder, passage_text

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
        times["bm25s"].append(bm25s_query(retriever, claim))
        started = time.perf_counter()
        lexical.suggest(claim, context=FREE_TEXT, limit=5)
        times["lexical"].append(time.perf_counter() - started)
        started = time.perf_counter()
        shipped.suggest(claim, context=FREE_TEXT, limit=5)
        times["shipped"].append(time.perf_counter() - started)
    return times


def bm25s_index(passages: list[dict]) -> bm25s.BM25:
    """The strongest plain baseline of issue 14: bm25s with English stopwords over each
    passage's title and text."""
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(
            [p["title"] + " " + p["text"] for p in passages], stopwords="en", show_progress=False
        ),
        show_progress=False,
    )
    return retriever


def bm25s_query(retriever: bm25s.BM25, claim: str) -> float:
    """Seconds for bm25s to tokenize `claim` and retrieve its top 5."""
    started = time.perf_counter()
    tokens = bm25s.tokenize([claim], stopwords="en", show_progress=False)
    retriever.retrieve(tokens, k=5, show_progress=False)
    return time.perf_counter() - started


def warm_parts(
    claims: list[str],
    retriever: bm25s.BM25,
    store: Store,
    lexical: LocalReferences,
    shipped: LocalReferences,
    encoder: SentenceEncoder,
) -> dict[str, list[float]]:
    """On a warm library (every candidate's passage vector cached), each claim back to
    back: bm25s; the FTS5 recall alone (the SQL query and its rows); the matcher alone;
    the claim's encoding alone; the shipped path with the claim's vector prepared
    ahead (`LocalReferences.prepare`, untimed: the product's path when a caller knows
    the claim before asking); and the shipped path as a new claim (its vector encoded
    inside the call: the path when nothing prepared it)."""
    names = ("bm25s", "recall", "lexical", "encoding", "prepared", "shipped")
    times: dict[str, list[float]] = {name: [] for name in names}
    for claim in claims:
        times["bm25s"].append(bm25s_query(retriever, claim))
        started = time.perf_counter()
        recalled_hits(store, claim)
        times["recall"].append(time.perf_counter() - started)
        started = time.perf_counter()
        lexical.suggest(claim, context=FREE_TEXT, limit=5)
        times["lexical"].append(time.perf_counter() - started)
        started = time.perf_counter()
        encoder.encode([claim])
        times["encoding"].append(time.perf_counter() - started)
        shipped.prepare([claim])
        started = time.perf_counter()
        shipped.suggest(claim, context=FREE_TEXT, limit=5)
        times["prepared"].append(time.perf_counter() - started)
        encoder._recent.pop(claim, None)  # a claim nothing prepared
        started = time.perf_counter()
        shipped.suggest(claim, context=FREE_TEXT, limit=5)
        times["shipped"].append(time.perf_counter() - started)
    return times


def passage_batches(passages: list[dict[str, str]], encoder: SentenceEncoder) -> None:
    """A cold claim's up to SENTENCE_DEPTH passage encodings, four ways: the shipped
    length-sorted batches of 16 (16 + 4), one call of 20, batches of 8, one at a time
    (15 random sets of 20 real passages, each timed back to back four ways)."""
    rng = random.Random(14)
    sets = [
        [passage_text(p["title"], p["text"]) for p in rng.sample(passages, SENTENCE_DEPTH)]
        for _ in range(15)
    ]
    encoder.encode(sets[0])
    shipped_size = sentence_encoder.BATCH_SIZE
    ways = {
        "batches of 16 (shipped)": 16,
        "one call of 20": 20,
        "batches of 8": 8,
        "one at a time": 1,
    }
    times: dict[str, list[float]] = {way: [] for way in ways}
    try:
        for texts in sets:
            for way, size in ways.items():
                sentence_encoder.BATCH_SIZE = size
                started = time.perf_counter()
                encoder.encode(texts)
                times[way].append(time.perf_counter() - started)
    finally:
        sentence_encoder.BATCH_SIZE = shipped_size
    print(f"cold: {SENTENCE_DEPTH} passage encodings (15 random sets of real passages)")
    for way, values in times.items():
        print(f"  {way:<26} p50 {1000 * p50(values):6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--eager-sample", type=int, default=3000)
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-eager", action="store_true")
    args = parser.parse_args()
    data = data_or_skip()
    passages, queries = suggestion_corpus(data, CORPUS_SIZE)
    # every other claim, so both sets are in any prefix
    claims = [q.claim for q in queries[::2] + queries[1::2]][: args.queries]
    encoder = default_sentence_encoder()
    assert encoder is not None

    retriever = bm25s_index(passages)
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
            warm = warm_parts(claims, retriever, store, lexical, shipped, encoder)
            cached = store.conn.execute(
                "SELECT count(sentence_vector) FROM reference_passages"
            ).fetchone()[0]

        print(f"corpus: {len(passages)} real sentences; {len(claims)} claims as queries")
        print(f"passages with a cached vector after both passes: {cached}")
        for label, times, base in (
            ("bm25s title+text tokenize+retrieve", sides["bm25s"], sides["bm25s"]),
            ("factcheck lexical (no sentence term)", sides["lexical"], sides["bm25s"]),
            ("factcheck shipped, cold cache", sides["shipped"], sides["bm25s"]),
            ("bm25s (warm pass)", warm["bm25s"], warm["bm25s"]),
            ("FTS5 recall alone (warm pass)", warm["recall"], warm["bm25s"]),
            ("factcheck lexical (warm pass)", warm["lexical"], warm["bm25s"]),
            ("claim encoding alone (warm pass)", warm["encoding"], warm["bm25s"]),
            ("shipped warm, claim vector prepared", warm["prepared"], warm["bm25s"]),
            ("shipped warm, claim encoded in call", warm["shipped"], warm["bm25s"]),
        ):
            print(
                f"  {label:<38} p50 {1000 * p50(times):6.2f} ms  p95 {1000 * p95(times):6.2f} ms"
                f"  p50 ratio to bm25s {p50(times) / p50(base):.2f}x"
            )
        passage_batches(passages, encoder)

        if args.skip_eager:
            return
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
