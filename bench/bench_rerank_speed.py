"""What the sentence-embedding rerank costs: suggestion latency and reference import.

    FACTCHECK_DATA=/work/shared/data nice -n 10 python bench/bench_rerank_speed.py
    [--skip-import] [--skip-eager]   # only the suggestion latency
    ... bench_rerank_speed.py --parts [--depth 30] [--db COPY_OF_A_BENCH_DB]
                                     # where a warm suggestion's time goes, by CPU

Same corpus and claims as bench/bench_suggest.py (~55-60k real sentences, FM2 and
Climate-FEVER claims as queries). Each claim is timed back to back on every side, so a
busy spell on the shared machine slows all of them rather than skewing a ratio:

- bm25s tokenize + retrieve (k=5): the baseline of issue 14;
- `LocalReferences` without the sentence term (the matcher alone, no model);
- the shipped path on a cold library (no passage vector cached yet: the first time a
  desk asks about these passages, up to SENTENCE_DEPTH transformer runs a claim);
- warm (every candidate's vector cached), the parts: the recall stage alone (the
  impact index), the matcher alone, the claim's encoding alone, the shipped path with
  the claim's vector prepared ahead (`LocalReferences.prepare`) and as a new claim
  (its encoding inside the call);
- cold, a claim's 20 passage encodings in the shipped batches of 16 against one call of
  20, batches of 8 and one at a time.

Then the two ways to get passage vectors, measured: lazily (the shipped way: `refs add`
computes none; 100k passages imported here, timed) and eagerly (`Store.fill_sentence_vectors`
over a sample, in the batches an import would use; per passage, projected to 100k).
"""

from __future__ import annotations

import argparse
import functools
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
from corpora import data_or_skip, suggestion_corpus

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.local import (
    SENTENCE_DEPTH,
    LocalReferences,
    _candidate,
    recalled_hits,
)
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
    back: bm25s; the recall stage alone (`recalled_hits`: the impact index and its
    rows); the matcher alone; the claim's encoding alone; the shipped path with the
    claim's vector prepared ahead (`LocalReferences.prepare`, untimed: the product's
    path when a caller knows the claim before asking); and the shipped path as a new
    claim (its vector encoded inside the call: the path when nothing prepared it)."""
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


def rerank_parts(
    claims: list[str], retriever: bm25s.BM25, store: Store, shipped: LocalReferences
) -> None:
    # (the matcher's memos of passages are emptied before each timed rerank: every
    # passage is first seen, the dearest case; `carried_pass` times the other)
    """Where a warm suggestion's time goes, part by part, each claim's parts timed back to
    back with bm25s (wall and CPU; CPU is the figure on a shared machine): the FTS5
    recall, the library's term statistics, the matcher's rerank of the recalled passages
    and its parts (the claim's own details and terms, each passage's stems, the agreement
    signals, the three rapidfuzz features, the static-vector cosines), the sentence rerank
    of the best SENTENCE_DEPTH (claim vector prepared, spans for the 5 kept) and the
    claim's encoding."""
    from rapidfuzz import fuzz

    from factcheck.evidence import matcher
    from factcheck.evidence.signals import compare, extract_details, forget_passages
    from factcheck.evidence.sources.local import rerank_by_meaning
    from factcheck.text.vectors import default_vectors
    from factcheck.text.words import content_stems

    encoder = default_sentence_encoder()
    assert encoder is not None
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    def timed(name: str, function, *arguments, **keywords):  # type: ignore[no-untyped-def]
        started, used = time.perf_counter(), time.process_time()
        result = function(*arguments, **keywords)
        cpu.setdefault(name, []).append(time.process_time() - used)
        wall.setdefault(name, []).append(time.perf_counter() - started)
        return result

    def claim_side(claim: str) -> None:
        extract_details(claim)
        matcher.informative_terms(claim, limit=50)
        matcher.informative_terms("", limit=50)
        default_vectors().vector(claim)

    for claim in claims:
        shipped.prepare([claim])
        timed("bm25s tokenize + retrieve", bm25s_query, retriever, claim)
        hits = timed(
            "recall (impact index + rows)", recalled_hits, store, claim, depth=shipped.recall_depth
        )
        if not hits:
            continue
        stats = timed("term statistics (SQL)", store.reference_term_stats, content_stems(claim))
        candidates = [_candidate(hit) for hit in hits]
        matcher.forget()
        ranked = timed(
            "matcher rerank of the recalled, whole",
            matcher.rank_candidates,
            claim,
            candidates,
            limit=SENTENCE_DEPTH,
            stats=stats,
            spans=False,
        )
        timed("  claim's details, terms, static vector", claim_side, claim)
        passages = [c.passage for c in candidates]
        # (not in the shipped path since session 25: the recall hands the kept stems over)
        timed("  content_stems of each passage (kept)", list, map(content_stems, passages))
        details = extract_details(claim)
        forget_passages()
        timed("  agreement signals (compare)", list, map(compare, [details] * 50, passages))
        lowered = [p.lower() for p in passages]
        for scorer in (fuzz.token_set_ratio, fuzz.token_sort_ratio):
            timed(f"  rapidfuzz {scorer.__name__}", matcher._fuzzy, scorer, claim.lower(), lowered)
        vector = default_vectors().vector(claim)
        timed("  static-vector cosines", matcher._meanings, vector, candidates)
        matcher.forget()  # as in `suggest`: the matcher has just read these passages
        matcher.rank_candidates(claim, candidates, limit=SENTENCE_DEPTH, stats=stats, spans=False)
        timed(
            "sentence rerank (prepared) + 5 spans",
            rerank_by_meaning,
            store,
            claim,
            ranked,
            hits,
            shipped.sentence_weight,
            limit=5,
            spans=True,
        )
        encoder._recent.pop(claim, None)
        timed("claim encoding (MiniLM, one claim)", encoder.encode, [claim])
        matcher.forget()  # every passage first seen; the claim prepared as the desk does
        shipped.prepare([claim])
        timed("shipped suggest, claim prepared", shipped.suggest, claim, context=FREE_TEXT)
        matcher.forget()
        encoder.vector(claim)  # its sentence vector prepared, nothing else of the claim
        timed("shipped suggest, vector prepared only", shipped.suggest, claim, context=FREE_TEXT)
        # the library's per-stem rows unread too (`Store._reads`, session 26), as for a
        # claim none of whose stems was asked before (since session 28 its recalled
        # passages' rows too); where main has no such memory the attribute is set and
        # never read
        matcher.forget()
        store._reads = None
        shipped.prepare([claim])
        timed(
            "shipped suggest, prepared, stem rows unread", shipped.suggest, claim, context=FREE_TEXT
        )
    base_wall = p50(wall["bm25s tokenize + retrieve"])
    base_cpu = p50(cpu["bm25s tokenize + retrieve"])
    print(
        f"warm parts, {len(claims)} claims, {shipped.recall_depth} passages recalled,"
        " each part back to back with bm25s:"
    )
    print(f"  {'part':<42} {'wall p50':>9} {'ratio':>6} {'CPU p50':>9} {'ratio':>6}")
    for name, values in wall.items():
        print(
            f"  {name:<42} {1000 * p50(values):7.2f}ms {p50(values) / base_wall:5.2f}x"
            f" {1000 * p50(cpu[name]):7.2f}ms {p50(cpu[name]) / base_cpu:5.2f}x"
        )


def carried_pass(
    claims: list[str], retriever: bm25s.BM25, shipped: LocalReferences, rounds: int
) -> None:
    """The shipped suggestion (claim vector prepared) for each claim once, back to back
    with bm25s, the matcher's memos emptied at the start of each round only: a passage
    an earlier claim recalled is remembered, as in a desk asking about one article's
    claims one after another. No claim is asked twice in a round."""
    from factcheck.evidence import matcher

    for round_ in range(rounds):
        matcher.forget()
        wall: dict[str, list[float]] = {"bm25s": [], "shipped": []}
        cpu: dict[str, list[float]] = {"bm25s": [], "shipped": []}
        for claim in claims:
            shipped.prepare([claim])
            for name, call in (
                ("bm25s", functools.partial(bm25s_query, retriever, claim)),
                ("shipped", functools.partial(shipped.suggest, claim, context=FREE_TEXT)),
            ):
                started, used = time.perf_counter(), time.process_time()
                call()
                cpu[name].append(time.process_time() - used)
                wall[name].append(time.perf_counter() - started)
        print(
            f"carried memos, round {round_ + 1}: shipped suggest, claim prepared:"
            f" CPU p50 {1000 * p50(cpu['shipped']):.2f} ms"
            f" ({p50(cpu['shipped']) / p50(cpu['bm25s']):.2f}x bm25s"
            f" {1000 * p50(cpu['bm25s']):.2f} ms), wall"
            f" {p50(wall['shipped']) / p50(wall['bm25s']):.2f}x"
        )


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
    parser.add_argument(
        "--parts",
        action="store_true",
        help="only the warm per-part breakdown (wall and CPU against bm25s), then stop",
    )
    parser.add_argument("--rounds", type=int, default=1, help="with --parts: rounds of each pass")
    parser.add_argument(
        "--depth",
        type=int,
        help="with --parts: passages recalled for the rerank (default the shipped RECALL_DEPTH)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="a copy of a library these benches imported (copied again, not written)",
    )
    args = parser.parse_args()
    data = data_or_skip()
    passages, queries = suggestion_corpus(data, CORPUS_SIZE)
    # every other claim, so both sets are in any prefix
    claims = [q.claim for q in queries[::2] + queries[1::2]][: args.queries]
    encoder = default_sentence_encoder()
    assert encoder is not None

    retriever = bm25s_index(passages)
    with tempfile.TemporaryDirectory() as folder:
        if args.db:
            shutil.copyfile(args.db, Path(folder) / "claims.db")
        with Store(Path(folder) / "claims.db") as store:
            if not args.db:
                store.add_references(passages)
            if args.parts:
                shipped = LocalReferences(store, recall_depth=args.depth)
                for claim in claims:  # every candidate's vector cached: a warm library
                    shipped.suggest(claim, context=FREE_TEXT)
                for _ in range(args.rounds):
                    rerank_parts(claims, retriever, store, shipped)
                carried_pass(claims, retriever, shipped, args.rounds)
                return
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
            ("recall alone (warm pass)", warm["recall"], warm["bm25s"]),
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
