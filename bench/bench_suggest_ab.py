"""Suggestion CPU time, this checkout against another (main), claim by claim, with bm25s.

    FACTCHECK_DATA=/work/shared/data nice -n 5 python bench/bench_suggest_ab.py \
        --baseline /work/main --db COPY_OF_/tmp/fs/claims.db [--queries 300] [--rounds 2]

On a machine shared with other jobs a whole pass of one checkout and then the other
compares two different loads (CPU time of the same work moved 15-25% between passes
here). So each checkout runs in its own worker process (its own `factcheck` first on
the path, its own copy of the library), both kept warm, and the claims are handed to
them alternately, one claim at a time, the order swapped every claim: both see the
load of the same moment. Each worker times, for each claim, bm25s tokenize + retrieve
(k=5, title + text, English stop words: issue 14's baseline) and then the shipped
suggestion with the matcher's memos emptied (every passage first seen) and then the
claim prepared ahead (`LocalReferences.prepare`), by CPU time. Printed: each side's
p50, its ratio to its own bm25s p50, the spread over rounds, and the median per-claim
ratio of the two sides.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CORPUS_SIZE = 62_000


def worker(
    db: Path, depth: int | None, vector_only: bool = False, forget_reads: bool = False
) -> None:
    """Serve claims from stdin (one JSON string a line): answer each with the CPU
    seconds of bm25s and of the prepared suggestion, and the top 5 (title, score)."""
    import bm25s
    from bench_rerank_speed import bm25s_index, bm25s_query
    from corpora import data_or_skip, suggestion_corpus

    from factcheck.evidence import matcher
    from factcheck.evidence.context import ClaimContext
    from factcheck.evidence.sources.local import LocalReferences
    from factcheck.store import Store
    from factcheck.text.sentence_encoder import default_sentence_encoder

    passages, _ = suggestion_corpus(data_or_skip(), CORPUS_SIZE)
    retriever: bm25s.BM25 = bm25s_index(passages)
    free = ClaimContext.free_text()
    with Store(db) as store:
        shipped = LocalReferences(store, recall_depth=depth)
        encoder = default_sentence_encoder()
        assert encoder is not None
        print(json.dumps({"ready": str(Path(matcher.__file__).parents[2])}), flush=True)
        for line in sys.stdin:
            claim = json.loads(line)
            if claim is None:
                break
            # Memos emptied first (every passage first seen), then the claim prepared
            # as the review screen prepares the next claims (its sentence vector and,
            # since session 25's continuation, its `matcher.claim_features`).
            matcher.forget()
            if forget_reads:  # the library's per-stem rows as if never read (session 26)
                store._reads = None
            if vector_only:  # only the sentence vector ahead, as before session 25's end
                encoder.vector(claim)
            else:
                shipped.prepare([claim])
            used = time.process_time()
            bm25s_query(retriever, claim)
            base = time.process_time() - used
            used = time.process_time()
            found = shipped.suggest(claim, context=free, limit=5)
            ours = time.process_time() - used
            top = [[e.reference_id, e.score] for e in found]
            print(json.dumps({"bm25s": base, "suggest": ours, "top": top}), flush=True)


def start(
    checkout: Path,
    db: Path,
    depth: int | None,
    vector_only: bool = False,
    forget_reads: bool = False,
) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    depth_option = ["--depth", str(depth)] if depth else []
    depth_option += ["--vector-only"] if vector_only else []
    depth_option += ["--forget-reads"] if forget_reads else []
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--worker", str(db), *depth_option],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=checkout,
    )
    assert process.stdout is not None
    ready = json.loads(process.stdout.readline())
    print(f"worker ready: factcheck from {ready['ready']}")
    return process


def ask(process: subprocess.Popen[str], claim: str | None) -> dict:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(json.dumps(claim) + "\n")
    process.stdin.flush()
    if claim is None:
        return {}
    return json.loads(process.stdout.readline())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", type=Path, required=False, default=Path("../main"))
    parser.add_argument("--db", type=Path, help="a copy of the benches' library (copied again)")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--depth", type=int, help="passages this checkout recalls (default its RECALL_DEPTH)"
    )
    parser.add_argument(
        "--vector-only",
        action="store_true",
        help="prepare only each claim's sentence vector (not the matcher's claim_features)",
    )
    parser.add_argument(
        "--forget-reads",
        action="store_true",
        help="drop the impact lists and stem counts a connection keeps once read"
        " (`Store._reads`, session 26) before each suggestion, as for a claim none of"
        " whose stems was asked before",
    )
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.depth, args.vector_only, args.forget_reads)
        return
    from corpora import data_or_skip, suggestion_corpus

    _, queries = suggestion_corpus(data_or_skip(), CORPUS_SIZE)
    claims = [q.claim for q in queries[::2] + queries[1::2]][: args.queries]
    here = HERE.parent
    sides = {"this": here, "baseline": args.baseline.resolve()}
    with tempfile.TemporaryDirectory() as folder:
        processes = {}
        for name, checkout in sides.items():
            copy = Path(folder) / f"{name}.db"
            shutil.copyfile(args.db, copy)
            processes[name] = start(
                checkout,
                copy,
                args.depth if name == "this" else None,
                args.vector_only,
                args.forget_reads,
            )
        for process in processes.values():  # warm: every candidate's vector cached
            for claim in claims:
                ask(process, claim)
        per_round = []
        same_top = 0
        for round_ in range(args.rounds):
            times: dict[str, dict[str, list[float]]] = {
                name: {"bm25s": [], "suggest": []} for name in sides
            }
            for number, claim in enumerate(claims):
                order = list(sides) if (number + round_) % 2 == 0 else list(sides)[::-1]
                answers = {name: ask(processes[name], claim) for name in order}
                for name in sides:
                    times[name]["bm25s"].append(answers[name]["bm25s"])
                    times[name]["suggest"].append(answers[name]["suggest"])
                same_top += answers["this"]["top"] == answers["baseline"]["top"]
            per_round.append(times)
            print(f"round {round_ + 1}, {len(claims)} claims, CPU p50:")
            for name in sides:
                base = statistics.median(times[name]["bm25s"])
                ours = statistics.median(times[name]["suggest"])
                print(
                    f"  {name:<9} suggest {1000 * ours:6.2f} ms  bm25s {1000 * base:6.2f} ms"
                    f"  ratio {ours / base:.2f}x"
                )
            pairs = [
                a / b
                for a, b in zip(times["this"]["suggest"], times["baseline"]["suggest"], strict=True)
            ]
            print(f"  this / baseline, median per claim: {statistics.median(pairs):.3f}")
        for process in processes.values():
            ask(process, None)
            process.wait()
    print(
        f"identical top 5 (reference id, score): {same_top} of {len(claims) * args.rounds}"
        " claim-rounds"
    )


if __name__ == "__main__":
    main()
