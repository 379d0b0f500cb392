"""Speed of splitting and scoring ~5 KB news articles with the transformer cascade,
beside pysbd on the same articles, in one run.

    nice -n 10 python bench/bench_checkworthiness_speed.py
    python bench/bench_checkworthiness_speed.py --articles 100 --bulk 400
    python bench/bench_checkworthiness_speed.py --bulk 0     # warm p50 only

Articles: CoAID bodies (../shared/data/coaid) joined in file order until each is at
least 5,000 bytes. "Warm p50": `split_claims` per article after one warm-up article
(the model loads on first use), the median process CPU time on one core (onnxruntime
runs one thread). "Bulk": the articles split by two worker processes (one per core),
MB/s from wall time (model loading included) and from CPU time / 2 after each worker's
warm-up sentence (the machine is shared; CPU time is what the code costs). Also printed:
the share of sentences the cascade sends to the transformer.
Exits 0 with a message when ../shared/data is absent; pysbd (dev extra) is optional.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from train_checkworthiness_linear import require_data

from factcheck.claims.checkworthiness import default_model
from factcheck.claims.checkworthiness.scoring import cascade_floor
from factcheck.claims.splitter import split_claims
from factcheck.text.sentences import split_sentences

ARTICLE_BYTES = 5000
WARM_UP = "Exports rose 3% in the first quarter, the ministry said on Tuesday."


def articles(root: Path, count: int) -> list[str]:
    """`count` articles of >= 5 KB, each made of consecutive CoAID bodies."""
    csv.field_size_limit(sys.maxsize)
    bodies = []
    for path in sorted((root / "coaid").glob("*/News*COVID-19.csv")):
        with open(path, newline="", encoding="utf-8-sig") as f:
            bodies.extend(r["content"].strip() for r in csv.DictReader(f) if r.get("content"))
    out, current = [], ""
    for body in bodies:
        if not body:
            continue
        current = f"{current}\n\n{body}" if current else body
        if len(current.encode()) >= ARTICLE_BYTES:
            out.append(current)
            current = ""
            if len(out) == count:
                break
    return out


def per_article_ms(function, docs: list[str], wall: list[float] | None = None) -> list[float]:
    """CPU ms of `function` on each doc; wall ms are appended to `wall` when given (on a
    shared machine wall time also counts other jobs' turns on the core)."""
    times = []
    for doc in docs:
        started, started_wall = time.process_time(), time.perf_counter()
        function(doc)
        times.append((time.process_time() - started) * 1000)
        if wall is not None:
            wall.append((time.perf_counter() - started_wall) * 1000)
    return times


def _split_many(docs: list[str]) -> float:
    split_claims(WARM_UP)  # the model loads outside the timed CPU (wall still counts it)
    started = time.process_time()
    for doc in docs:
        split_claims(doc)
    return time.process_time() - started


def cascade_share(docs: list[str]) -> float:
    """The share of sentences whose linear score reaches the cascade floor."""
    linear, floor = default_model(), cascade_floor()
    sentences = [doc[s:e] for doc in docs for s, e in split_sentences(doc)]
    return sum(linear.probability(s) >= floor for s in sentences) / len(sentences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="articles timed one by one")
    parser.add_argument("--bulk", type=int, default=200, help="articles for the bulk figure")
    args = parser.parse_args()
    root = require_data()
    docs = articles(root, max(args.articles, args.bulk) + 1)
    split_claims(docs[0])  # warm: loads the models
    timed = docs[1 : args.articles + 1]
    size = statistics.mean(len(d.encode()) for d in timed)
    wall: list[float] = []
    ours = per_article_ms(split_claims, timed, wall)
    print(f"{len(timed)} articles, mean {size / 1000:.1f} KB")
    print(f"cascade: {cascade_share(timed):.0%} of sentences reach the transformer")
    p50 = statistics.median(ours)
    p90 = statistics.quantiles(ours, n=10)[-1]
    print(f"split_claims (cascade):   p50 {p50:.0f} ms, p90 {p90:.0f} ms CPU")
    print(f"                          wall p50 {statistics.median(wall):.0f} ms")
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed (dev extra): no baseline")
    else:
        segmenter = pysbd.Segmenter(language="en", clean=False)
        theirs = per_article_ms(segmenter.segment, timed)
        print(
            f"pysbd segment (baseline): p50 {statistics.median(theirs):.0f} ms "
            f"-> ours / pysbd = {p50 / statistics.median(theirs):.2f}x the time"
        )
    if args.bulk <= 0:
        return
    bulk = docs[1 : args.bulk + 1]
    halves = [bulk[0::2], bulk[1::2]]
    megabytes = sum(len(d.encode()) for d in bulk) / 1e6
    started = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        cpu = list(pool.map(_split_many, halves))
    wall = time.perf_counter() - started
    print(
        f"bulk, 2 processes: {len(bulk)} articles, {megabytes:.2f} MB: "
        f"{megabytes / wall:.3f} MB/s wall (incl. model loading), "
        f"{megabytes / (sum(cpu) / 2):.3f} MB/s by CPU time"
    )


if __name__ == "__main__":
    main()
