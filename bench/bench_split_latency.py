"""Latency of splitting one ~5 KB article, and of long unpunctuated text (issues 11, 12).

    python bench/bench_split_latency.py                  # this checkout
    python bench/bench_split_latency.py --repo /tmp/old  # another checkout, for "before"

1. ~5 KB articles joined from CoAID bodies (../shared/data/coaid/*/News*COVID-19.csv,
   `content`), split and scored by `split_claims`, warm (one run first), one process:
   p50 and p90 wall time in ms. Issue 11's target: p50 <= 150 ms. pysbd's sentence
   segmentation of the same articles is timed in the same run as the baseline (skipped
   when pysbd, a dev-only dependency, is missing).
2. Unpunctuated text (a transcript without full stops) of a quarter, a half and all of
   --max-mb (default 2 MB): CPU seconds, to show the cost is linear (issue 12 item 8;
   the old splitter took 9 s for 1.2 MB of the issue's text).

Exits 0 with a message when ../shared/data is absent (part 2 still runs).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = REPO_ROOT.parent / "shared" / "data" / "coaid"


def articles_of_5kb(count: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    bodies: list[str] = []
    for path in sorted(DATA.glob("*/News*COVID-19.csv")):
        with open(path, newline="", encoding="utf-8-sig") as f:
            bodies.extend(row["content"] for row in csv.DictReader(f) if row.get("content"))
    articles, current = [], ""
    for body in bodies:
        current = f"{current}\n\n{body}" if current else body
        if len(current.encode()) >= 5000:
            articles.append(current.encode()[:5000].decode(errors="ignore"))
            current = ""
            if len(articles) == count:
                break
    return articles


def timings_ms(function, texts: list[str]) -> list[float]:
    times = []
    for text in texts:
        began = time.perf_counter()
        function(text)
        times.append(1000 * (time.perf_counter() - began))
    return times


def unpunctuated(megabytes: float) -> str:
    sentence = (
        "the president said that we will build more than 500 homes and he said they told us "
        "the economy grew by 3 percent last year and she urged the council to act since 2017 "
        "according to officials"
    )
    size = int(megabytes * 1_000_000)
    return ((sentence + " ") * (size // len(sentence) + 1))[:size]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help="checkout to time")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--max-mb", type=float, default=2.0, help="largest unpunctuated text")
    args = parser.parse_args()
    sys.path.insert(0, str(args.repo.resolve()))
    from factcheck.claims.splitter import split_claims

    print(f"splitter from {args.repo}")
    if DATA.exists():
        articles = articles_of_5kb(args.articles)
        split_claims(articles[0])  # warm: the model is loaded once per process
        ours = timings_ms(split_claims, articles)
        print(
            f"5 KB articles ({len(articles)}): split_claims p50 {statistics.median(ours):.1f} ms, "
            f"p90 {statistics.quantiles(ours, n=10)[-1]:.1f} ms (target p50 <= 150 ms)"
        )
        try:
            import pysbd
        except ImportError:
            print("  pysbd not installed: no baseline")
        else:
            segmenter = pysbd.Segmenter(language="en", clean=False)
            theirs = timings_ms(segmenter.segment, articles)
            ratio = statistics.median(theirs) / statistics.median(ours)
            print(
                f"  pysbd.segment p50 {statistics.median(theirs):.1f} ms; "
                f"split_claims is {ratio:.1f}x faster"
            )
    else:
        print(f"skipped the 5 KB articles: {DATA} not found")
    size = args.max_mb / 4
    while size <= args.max_mb:
        text = unpunctuated(size)
        began = time.process_time()
        split_claims(text)
        print(f"unpunctuated {size:.3g} MB: {time.process_time() - began:.2f} s")
        size *= 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
