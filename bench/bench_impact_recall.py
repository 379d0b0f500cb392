"""Would a static-pruned, impact-ordered inverted index make the recall stage much cheaper
than bm25s, and what would it change in the answers? (issue 14 speed. Session 24 shipped
it: `store.impact_index`, keep 1,000, 24 terms; `ImpactIndex` below holds the same
index in memory with any keep, and `--product` checks the cached one answers alike.)

    FACTCHECK_DATA=/work/shared/data nice -n 10 python bench/bench_impact_recall.py \
        [--queries 300] [--keep 1000] [--max-terms 12] [--db COPY_OF_A_BENCH_DB]
    ... bench_impact_recall.py --product --db COPY_OF_A_BENCH_DB [--rounds 3]
        # the shipped index: build + cache time and size, identical answers to
        # ImpactIndex(keep 1000, 24 terms), cold first recall in a new process (cached
        # index vs FTS5), warm recall CPU vs FTS5 and bm25s

The index: every passage's `content_stems` (the matcher's six-letter stems; title counted
twice, like FTS5's title weight 2), one BM25 impact per (stem, passage) with FTS5's
formula (k1 1.2, b 0.75, idf floored at 1e-6), each stem's list sorted by impact and cut
to its best `--keep` passages (static pruning). A query sums the lists of the claim's
`--max-terms` rarest stems with one `np.add.at` and takes the best 50; their rows come
from claims.db in one query. Built in memory here (the time is printed): a product
version would build it lazily at the first suggestion and cache it in claims.db.

Printed, each claim timed back to back (several rounds): bm25s tokenize + retrieve (the
anchor), the FTS5 recall (`recalled_hits`), the impact recall with its rows, and the
shipped suggestion (claim vector prepared ahead) with each recall. Then what changes:
overlap of the recalled 50 with FTS5's, and how many claims keep the same final top 5.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bm25s
from bench_rerank_speed import bm25s_index, bm25s_query
from corpora import climate_fever, data_or_skip, fm2, suggestion_corpus

from factcheck.evidence.context import ClaimContext
from factcheck.evidence.matcher import RECALL_DEPTH
from factcheck.evidence.sources import local
from factcheck.evidence.sources.local import LocalReferences
from factcheck.store import Store, impact_index
from factcheck.text.sentence_encoder import default_sentence_encoder

CORPUS_SIZE = 62_000
FREE_TEXT = ClaimContext.free_text()


class ImpactIndex:
    """The product's index (`factcheck.store.impact_index.build`) held in memory with
    any `keep`, for the grids over keep and terms that the cached one does not offer."""

    def __init__(self, store: Store, keep: int) -> None:
        self.postings = impact_index.build(impact_index.library_rows(store.conn), keep=keep)
        self.size = self.postings.passages
        self.lists = {stem: kept for stem, (_, kept) in self.postings.lists.items()}

    def top(self, claim: str, depth: int, max_terms: int) -> list[tuple[int, float]]:
        """The best `depth` passages for the claim's `max_terms` rarest stems."""
        stems = local.recall_stems(claim)
        return impact_index.top(self.postings.lists, stems, depth=depth, max_terms=max_terms)


def impact_hits(store: Store, index: ImpactIndex, claim: str, *, depth: int, max_terms: int):
    return store.ranked_hits(index.top(claim, depth, max_terms))


def timed(function, *arguments) -> float:
    started = time.perf_counter()
    function(*arguments)
    return time.perf_counter() - started


def key(items) -> list[tuple[str, str, float]]:
    return [(e.reference_id, e.passage, e.score) for e in items]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", type=int, default=1000)
    parser.add_argument("--max-terms", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", type=Path, help="a bench claims.db to copy instead of importing")
    parser.add_argument("--dump", type=Path, help="write the per-claim top 5s as JSON here")
    parser.add_argument(
        "--report",
        type=Path,
        help="only read a --dump and print recall@5 of both paths and bm25s title+text",
    )
    parser.add_argument(
        "--claims",
        choices=("bench", "climate-fever"),
        default="bench",
        help="bench: the suggestion benches' claims (every other one, FM2 first);"
        " climate-fever: the Climate-FEVER dev claims",
    )
    parser.add_argument("--cold", type=int, default=9, help="--product: claims timed cold")
    parser.add_argument(
        "--product",
        action="store_true",
        help="measure the shipped index (store.impact_index) in a copy of --db",
    )
    args = parser.parse_args()
    data = data_or_skip()
    passages, queries = suggestion_corpus(data, CORPUS_SIZE)
    if args.product:
        if not args.db:
            parser.error("--product needs --db (a bench library to copy)")
        claims = [q.claim for q in queries[::2] + queries[1::2]][: args.queries]
        product_report(args.db, claims, passages, args.rounds, args.cold)
        return
    if args.report:
        recall_report(json.loads(args.report.read_text()), passages, data)
        return
    if args.claims == "bench":
        claims = [q.claim for q in queries[::2] + queries[1::2]][: args.queries]
    else:
        claims = [q.claim for q in climate_fever(data)[1]][: args.queries]
    retriever = bm25s_index(passages)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.db"
        if args.db:
            path.write_bytes(args.db.read_bytes())
        with Store(path) as store:
            if not args.db:
                store.add_references(passages)
            started, cpu_started = time.perf_counter(), time.process_time()
            index = ImpactIndex(store, args.keep)
            built = time.perf_counter() - started
            built_cpu = time.process_time() - cpu_started
            postings = sum(len(ids) for ids, _ in index.lists.values())
            print(
                f"impact index: {index.size} passages, {len(index.lists)} stems,"
                f" {postings} postings kept (keep {args.keep}), built in {built:.1f} s"
                f" ({built_cpu:.1f} s CPU)"
            )
            shipped = LocalReferences(store)
            shipped.prepare(claims)
            shipped_recall = local.recalled_hits
            fts_recall = local.fts_recalled_hits  # (the shipped recall is the impact index)

            def impact_recall(store_, text, *, depth=RECALL_DEPTH):
                return impact_hits(store_, index, text, depth=depth, max_terms=args.max_terms)

            # Answers, cold for passages neither path had embedded (vectors cached).
            overlap, same = [], 0
            answers: list[dict[str, object]] = []
            for claim in claims:
                fts_ids = {h.id for h in fts_recall(store, claim)}
                new_ids = {h.id for h in impact_recall(store, claim)}
                overlap.append(len(fts_ids & new_ids) / (len(fts_ids) or 1))
                local.recalled_hits = fts_recall
                before = key(shipped.suggest(claim, context=FREE_TEXT, limit=5))
                local.recalled_hits = impact_recall
                after = key(shipped.suggest(claim, context=FREE_TEXT, limit=5))
                local.recalled_hits = shipped_recall
                same += [p for _, p, _ in before] == [p for _, p, _ in after]
                answers.append({"claim": claim, "fts5": before, "impact": after})
            if args.dump:
                args.dump.write_text(json.dumps(answers))
            encoder = default_sentence_encoder()
            assert encoder is not None
            names = (
                "bm25s",
                "fts5 recall",
                "impact recall",
                "shipped fts5, prepared",
                "shipped impact, prepared",
                "shipped fts5, encoded",
                "shipped impact, encoded",
            )
            rounds = []
            for _ in range(args.rounds):
                times: dict[str, list[float]] = {name: [] for name in names}
                cpu: dict[str, float] = dict.fromkeys(names, 0.0)
                for claim in claims:
                    for name, function, arguments in (
                        ("bm25s", bm25s_query, (retriever, claim)),
                        ("fts5 recall", fts_recall, (store, claim)),
                        ("impact recall", impact_recall, (store, claim)),
                        ("shipped fts5, prepared", _with, (None, shipped, claim)),
                        ("shipped impact, prepared", _with, (impact_recall, shipped, claim)),
                        ("shipped fts5, encoded", _with, (None, shipped, claim)),
                        ("shipped impact, encoded", _with, (impact_recall, shipped, claim)),
                    ):
                        # prepared: the claim's vector encoded ahead, untimed (as the review
                        # screen does); encoded: nothing prepared it, encoded in the call.
                        encoder._recent.pop(claim, None)
                        if name.endswith("prepared"):
                            shipped.prepare([claim])
                        c0 = time.process_time()
                        times[name].append(timed(function, *arguments))
                        cpu[name] += time.process_time() - c0
                rounds.append((times, cpu))
    print(f"{len(claims)} claims; keep {args.keep}; max terms {args.max_terms}")
    print(f"recalled 50 shared with FTS5's: mean {statistics.mean(overlap):.3f}")
    print(f"same final top 5 (passages, in order): {same}/{len(claims)}")
    for n, (times, cpu) in enumerate(rounds, 1):
        base = statistics.median(times["bm25s"])
        print(f"round {n}:")
        for name in names:
            mid = statistics.median(times[name])
            print(
                f"  {name:<25} p50 {1000 * mid:6.2f} ms  ratio {mid / base:.2f}x"
                f"  cpu {1000 * cpu[name] / len(claims):6.2f} ms/claim"
            )


def recall_report(answers: list[dict], passages: list[dict[str, str]], data: Path) -> None:
    """Recall@5 of the gold sentences for the dumped claims: the shipped path with FTS5
    recall, with the impact recall, and bm25s title+text (stop words "en") over the
    same library. No setting is chosen here (keep and max terms were fixed before), so
    this is a plain comparison, not the cross-validated figure of eval_retrieval.py."""
    gold = {q.claim: q.gold for q in fm2(data)[1]}
    gold |= {q.claim: {"cf" + g for g in q.gold} for q in climate_fever(data)[1]}
    rows = [a for a in answers if gold.get(str(a["claim"]))]
    ids = [p["id"] for p in passages]
    retriever = bm25s_index(passages)
    hits, _ = retriever.retrieve(
        bm25s.tokenize([str(a["claim"]) for a in rows], stopwords="en", show_progress=False),
        k=5,
        show_progress=False,
    )

    def recall5(ranked: list[str], wanted: set[str]) -> float:
        return len(set(ranked[:5]) & wanted) / len(wanted)

    sums = {"fts5": 0.0, "impact": 0.0, "bm25s": 0.0}
    for answer, row in zip(rows, hits, strict=True):
        wanted = gold[str(answer["claim"])]
        sums["fts5"] += recall5([item[0] for item in answer["fts5"]], wanted)
        sums["impact"] += recall5([item[0] for item in answer["impact"]], wanted)
        sums["bm25s"] += recall5([ids[i] for i in row], wanted)
    means = {name: total / len(rows) for name, total in sums.items()}
    print(f"{len(rows)} claims with gold; recall@5 (ratio to bm25s title+text):")
    for name, value in means.items():
        print(f"  {name:<7} {value:.3f}  {value / means['bm25s']:.2f}x")


COLD = """
import sys, time
started = time.perf_counter(), time.process_time()
from factcheck.store import Store
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources import local
kind, what, claim = sys.argv[2:5]
if kind == "fts5":
    local.recalled_hits = local.fts_recalled_hits
if what == "recall":
    import numpy  # the rerank imports it anyway: not the recall's cost
with Store(sys.argv[1]) as store:
    opened = time.perf_counter(), time.process_time()
    if what == "recall":
        found = local.recalled_hits(store, claim)
    else:
        found = local.LocalReferences(store).suggest(claim, context=ClaimContext.free_text())
    done = time.perf_counter(), time.process_time()
print(done[0] - opened[0], done[1] - opened[1], done[0] - started[0], done[1] - started[1],
      len(found))
"""
"""A new process: open the library, then recall one claim (numpy imported first) or
suggest for it (nothing loaded first), with the impact index or FTS5 as the recall
stage; prints that call's wall and CPU seconds, then the process's from its first line."""


def product_report(
    db: Path, claims: list[str], passages: list[dict], rounds: int, cold_claims: int
) -> None:
    """The shipped index in a copy of `db`: build and cache, size, identity with
    `ImpactIndex`, cold recall in new processes, warm recall against FTS5 and bm25s."""
    import subprocess

    from factcheck.evidence.sources.local import fts_recalled_hits, recall_stems, recalled_hits

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.db"
        path.write_bytes(db.read_bytes())
        with Store(path) as store:
            with store.transaction() as conn:
                conn.execute("DELETE FROM reference_impacts")  # a copy may hold one
            import resource

            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            started, cpu = time.perf_counter(), time.process_time()
            recalled_hits(store, claims[0])
            built, built_cpu = time.perf_counter() - started, time.process_time() - cpu
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak RSS {before:.0f} MB before the build, {peak:.0f} MB after")
            stems, postings, payload = store.conn.execute(
                "SELECT count(*) - 1, sum(length(impacts)) / 8,"
                " sum(length(passages) + length(impacts)) FROM reference_impacts"
            ).fetchone()
            pages = store.conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name IN"
                " ('reference_impacts', 'sqlite_autoindex_reference_impacts_1')"
            ).fetchone()[0]
            print(
                f"{store.reference_count()} passages: built and cached at the first recall in"
                f" {built:.2f} s wall, {built_cpu:.2f} s CPU; {stems} stems, {postings}"
                f" postings, {payload / 1e6:.1f} MB packed, {pages / 1e6:.1f} MB in claims.db"
            )
            started, cpu = time.perf_counter(), time.process_time()
            reference = ImpactIndex(store, 1000)
            print(
                f"bench ImpactIndex(keep 1000) in memory: {time.perf_counter() - started:.2f} s"
                f" wall, {time.process_time() - cpu:.2f} s CPU"
            )
            same = sum(
                [
                    (h.id, h.relevance)
                    for h in store.impact_hits(recall_stems(c), limit=RECALL_DEPTH)
                ]
                == reference.top(c, RECALL_DEPTH, 24)
                for c in claims
            )
            print(f"same {RECALL_DEPTH} passages and scores as ImpactIndex: {same}/{len(claims)}")
            retriever = bm25s_index(passages)
            for n in range(1, rounds + 1):
                cpu_of = {"bm25s": [], "impact recall": [], "fts5 recall": []}
                for claim in claims:
                    for name, call in (
                        ("bm25s", lambda c=claim: bm25s_query(retriever, c)),
                        ("impact recall", lambda c=claim: recalled_hits(store, c)),
                        ("fts5 recall", lambda c=claim: fts_recalled_hits(store, c)),
                    ):
                        c0 = time.process_time()
                        call()
                        cpu_of[name].append(time.process_time() - c0)
                base = statistics.fmean(cpu_of["bm25s"])
                print(
                    f"warm round {n}, mean CPU a claim: "
                    + ", ".join(
                        f"{name} {1000 * statistics.fmean(v):.2f} ms"
                        f" ({statistics.fmean(v) / base:.2f}x)"
                        for name, v in cpu_of.items()
                    )
                )
            # Cold processes, warm library: both recalls' candidates get their
            # sentence vectors cached first, so neither pays the other's encodings.
            shipped = LocalReferences(store)
            for claim in claims[:cold_claims]:
                shipped.suggest(claim, context=FREE_TEXT)
                _with(None, shipped, claim)
        # cold: a new process a claim, the cached index against FTS5, interleaved
        cold: dict[tuple[str, str], list[list[float]]] = {
            (kind, what): [] for what in ("recall", "suggestion") for kind in ("impact", "fts5")
        }
        for claim in claims[:cold_claims]:
            for kind, what in cold:
                out = subprocess.run(
                    [sys.executable, "-c", COLD, str(path), kind, what, claim],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                cold[kind, what].append([float(x) for x in out.stdout.split()])
        for (kind, what), runs in cold.items():
            print(
                f"cold first {what}, {kind}, new process ({len(runs)} claims): call"
                f" p50 {1000 * statistics.median(r[0] for r in runs):.1f} ms wall,"
                f" {1000 * statistics.median(r[1] for r in runs):.1f} ms CPU;"
                f" process to the answer {statistics.median(r[2] for r in runs):.2f} s wall,"
                f" {statistics.median(r[3] for r in runs):.2f} s CPU"
            )


def _with(recall, shipped: LocalReferences, claim: str) -> None:
    """`shipped.suggest(claim)` with `recall` as its recall stage (None: FTS5)."""
    saved = local.recalled_hits
    local.recalled_hits = recall if recall is not None else local.fts_recalled_hits
    try:
        shipped.suggest(claim, context=FREE_TEXT)
    finally:
        local.recalled_hits = saved


if __name__ == "__main__":
    main()
