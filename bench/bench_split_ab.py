"""The 5 KB split p50 of two checkouts in one process, interleaved: a speed ratio that
the other helpers' load on the machine cannot tilt.

    nice -n 10 python bench/bench_split_ab.py --base /tmp/main-archive [--rounds 5]

bench/bench_split_latency.py times one checkout per process, so two runs minutes apart
differ by whatever else the machine did (session 29: 44 to 70 ms for the same tree).
Here the base's `split_claims` is loaded beside this checkout's (bench/count_span_cuts.py
`load_base`) and each ~5 KB CoAID article (bench_split_latency's `articles_of_5kb`) is
split by both, back to back, the order alternating by article. Per round: each tree's
p50 in ms and the ratio base p50 / this p50 (above 1: this checkout is faster); then
the ratios' mean and spread over the rounds. Exits 0 with a message when ../shared is
absent. Session 29 (cutsref) wrote it for the refactor of spans/cuts.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_split_latency import DATA, articles_of_5kb
from count_span_cuts import load_base


def one_round(
    base: Callable[..., Any], ours: Callable[..., Any], articles: list[str]
) -> tuple[float, float]:
    """Each tree's p50 in ms over the articles, both timed on each article in turn."""
    times: dict[str, list[float]] = {"base": [], "ours": []}
    for i, article in enumerate(articles):
        order = [("base", base), ("ours", ours)]
        for label, split in order if i % 2 == 0 else order[::-1]:
            began = time.perf_counter()
            split(article)
            times[label].append(1000 * (time.perf_counter() - began))
    return statistics.median(times["base"]), statistics.median(times["ours"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="checkout to compare with")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    base = load_base(args.base, "factcheck.claims.splitter", "split_claims")
    from factcheck.claims.splitter import split_claims as ours

    articles = articles_of_5kb(args.articles)
    base(articles[0])  # warm: each tree loads its model once
    ours(articles[0])
    ratios = []
    for r in range(args.rounds):
        base_p50, our_p50 = one_round(base, ours, articles)
        ratios.append(base_p50 / our_p50)
        print(
            f"round {r + 1}: {len(articles)} articles, split_claims p50 base {base_p50:.1f} ms, "
            f"this {our_p50:.1f} ms, ratio {ratios[-1]:.3f}"
        )
    print_ratios("base/this", ratios)
    return 0


def print_ratios(label: str, ratios: list[float]) -> None:
    """The rounds' p50 ratios: mean, spread and range."""
    spread = statistics.stdev(ratios) if len(ratios) > 1 else 0.0
    print(
        f"ratio {label} p50 over {len(ratios)} rounds: mean {statistics.mean(ratios):.3f}, "
        f"sd {spread:.3f}, min {min(ratios):.3f}, max {max(ratios):.3f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
