"""The speed cost of the cascade floor: 5 KB split p50 at two floors, in one process,
interleaved (issue 11: p50 <= 150 ms on one core).

    nice -n 10 python bench/bench_cascade_floor.py --floors 0.2042 0.0 [--rounds 3]

The cascade (`factcheck.claims.checkworthiness.scoring`) sends a sentence to the
transformer only when the linear model's probability lies between `cascade_floor` and
`cascade_ceiling`. Lowering the floor sends more sentences; this measures what that
costs. bench/bench_split_ab.py cannot: it loads a second checkout's splitter, but the
scorer reads its calibration (checkworthiness_onnx.json) from this checkout's package
for both, so two trees differing only there time the same thing.

Here one process and one loaded transformer split each ~5 KB CoAID article
(bench_split_latency's `articles_of_5kb`) once at each floor, back to back, the order
alternating by article (bench_split_ab's `one_round`). Per round: each floor's p50 in
ms and the ratio first / second (above 1: the second floor is faster); then the ratios'
mean and spread over the rounds, and how many sentences each floor sent to the
transformer. Exits 0 with a message when
../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_split_ab import one_round, print_ratios
from bench_split_latency import DATA, articles_of_5kb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floors", type=float, nargs=2, default=(0.2042, 0.0))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    from factcheck.claims.checkworthiness import scoring
    from factcheck.claims.splitter import split_claims

    transformer = scoring._transformer()
    if transformer is None:
        print("skipped: the transformer or onnxruntime is missing")
        return 0
    sent = {floor: 0 for floor in args.floors}
    current = [args.floors[0]]
    plain_scores = transformer.scores

    def counted(items):  # type: ignore[no-untyped-def]
        sent[current[0]] += len(items)
        return plain_scores(items)

    transformer.scores = counted  # type: ignore[method-assign]
    articles = articles_of_5kb(args.articles)

    def at_floor(floor: float) -> Callable[[str], object]:
        def split(article: str) -> object:
            current[0] = floor
            scoring.cascade_floor = lambda: floor  # type: ignore[assignment]
            return split_claims(article)

        return split

    first_floor, second_floor = args.floors
    ratios = []
    for r in range(args.rounds):
        first, second = one_round(at_floor(first_floor), at_floor(second_floor), articles)
        ratios.append(first / second)
        print(
            f"round {r + 1}: {len(articles)} articles, p50 floor {first_floor} {first:.1f} ms,"
            f" floor {second_floor} {second:.1f} ms, ratio {ratios[-1]:.3f}"
        )
    print_ratios(f"floor {first_floor} / floor {second_floor}", ratios)
    for floor in args.floors:
        print(f"floor {floor}: {sent[floor] // args.rounds} sentences to the transformer a round")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
