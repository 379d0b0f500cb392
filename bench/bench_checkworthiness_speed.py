"""Speed of splitting and scoring ~5 KB news articles with the transformer cascade,
beside pysbd on the same articles, in one run.

    nice -n 10 python bench/bench_checkworthiness_speed.py
    python bench/bench_checkworthiness_speed.py --articles 100 --bulk 400
    python bench/bench_checkworthiness_speed.py --bulk 0     # warm p50 only
    python bench/bench_checkworthiness_speed.py --one-sentence-calls 300 --articles 30 --bulk 0
    python bench/bench_checkworthiness_speed.py --articles 30 --bulk 0 --compare-model DIR
    python bench/bench_checkworthiness_speed.py --articles 30 --bulk 0 --compare-ceiling 1.01

Articles: CoAID bodies (../shared/data/coaid) joined in file order until each is at
least 5,000 bytes. "Warm p50": `split_claims` per article after one warm-up article
(the model loads on first use), the median process CPU time on one core (onnxruntime
runs one thread). "Bulk": the articles split by two worker processes (one per core),
MB/s from wall time (model loading included) and from CPU time / 2 after each worker's
warm-up sentence (the machine is shared; CPU time is what the code costs); the scorer
alone, over at most the ~290 articles consecutive bodies make: issue 11's bulk figure
(1,000 articles through `factcheck add`) is bench/bench_bulk_add.py. Also printed:
the share of sentences the cascade sends to the transformer.
"One sentence a call" (`--one-sentence-calls N`): the issue's own machine figure ("about
3 ms a sentence with a plain batch loop"), measured the same way here: N transformer
sentences of the timed articles whose word-piece count is nearest their median, each
run alone through the shipped int8 model, CPU ms per call (p50 and mean), so the ratio
of this machine to the issue author's is on record.
"Compare" (`--compare-model DIR`, a folder holding another checkworthiness.onnx and
checkworthiness_onnx.json): every timed article is split with the packaged model and
with DIR's (its own threshold and cascade floor), in alternating order, in the same
process, so the two p50s and the per-article ratio come from the same run.
"Compare ceiling" (`--compare-ceiling C`): the same, with the packaged model and the
cascade's upper gate at C instead of the shipped `cascade_ceiling` (1.01: no upper gate,
the cascade as it was before session 25).
Exits 0 with a message when ../shared/data is absent; pysbd (dev extra) is optional.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from train_checkworthiness_linear import require_data

from factcheck.claims.checkworthiness import default_model
from factcheck.claims.checkworthiness.scoring import cascade_ceiling, cascade_floor
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


def cascade_share(
    docs: list[str], floor: float | None = None, ceiling: float | None = None
) -> float:
    """The share of sentences whose linear score falls in the cascade's band (at or
    above the floor, below the ceiling): those the transformer scores."""
    linear = default_model()
    floor = cascade_floor() if floor is None else floor
    ceiling = cascade_ceiling() if ceiling is None else ceiling
    sentences = [doc[s:e] for doc in docs for s, e in split_sentences(doc)]
    return sum(floor <= linear.probability(s) < ceiling for s in sentences) / len(sentences)


class ModelSwitch:
    """Points the cascade at the packaged model or at the one in another folder.

    Bench only: `score_sentences` looks `_transformer` and `cascade_floor` up in its
    module at every call, so swapping those two names swaps the model the splitter uses.
    """

    def __init__(self, folder: Path) -> None:
        from factcheck.claims.checkworthiness import scoring
        from factcheck.claims.checkworthiness.transformer import load_transformer

        self.scoring = scoring
        other = load_transformer(folder)
        if other is None:
            raise SystemExit(f"no model in {folder}")
        meta = json.loads((folder / "checkworthiness_onnx.json").read_text(encoding="utf-8"))
        floor = float(meta["cascade_floor"])
        self.packaged = (scoring._transformer, scoring.cascade_floor)
        self.other = (lambda: other, lambda: floor)

    def use(self, packaged: bool) -> None:
        chosen = self.packaged if packaged else self.other
        self.scoring._transformer, self.scoring.cascade_floor = chosen  # type: ignore[assignment]


class CeilingSwitch:
    """Points the cascade's upper gate at the shipped ceiling or at another (bench only,
    the same name swap as `ModelSwitch`)."""

    def __init__(self, ceiling: float) -> None:
        from factcheck.claims.checkworthiness import scoring

        self.scoring = scoring
        self.packaged = scoring.cascade_ceiling
        self.other = lambda: ceiling

    def use(self, packaged: bool) -> None:
        self.scoring.cascade_ceiling = self.packaged if packaged else self.other  # type: ignore[assignment]


def interleaved(
    timed: list[str], switch: CeilingSwitch | ModelSwitch
) -> tuple[dict[bool, list[float]], dict[bool, list[float]]]:
    """CPU and wall ms of `split_claims` per article with the packaged scorer (True) and
    the switch's other one (False), alternating which goes first, so load moves both
    alike; the packaged one is left in use."""
    times: dict[bool, list[float]] = {True: [], False: []}
    walls: dict[bool, list[float]] = {True: [], False: []}
    for n, doc in enumerate(timed):
        for packaged in (True, False) if n % 2 == 0 else (False, True):
            switch.use(packaged)
            times[packaged].extend(per_article_ms(split_claims, [doc], walls[packaged]))
    switch.use(packaged=True)
    return times, walls


def print_comparison(
    timed: list[str],
    times: dict[bool, list[float]],
    walls: dict[bool, list[float]],
    sides: dict[bool, tuple[str, float]],
    *,
    over: bool,
    ratio_name: str,
) -> None:
    """`interleaved`'s figures for the packaged scorer (True) and the other: each side's
    name and cascade share (`sides`), its p50 and p90 CPU and p50 wall; then side
    `over`'s time over the other's, per article and as the ratio of p50s."""
    size = statistics.mean(len(d.encode()) for d in timed)
    print(f"{len(timed)} articles, mean {size / 1000:.1f} KB, interleaved")
    for packaged in (True, False):
        name, share = sides[packaged]
        cpu = times[packaged]
        print(
            f"{name}: cascade {share:.0%} of sentences; split_claims "
            f"p50 {statistics.median(cpu):.1f} ms, p90 {statistics.quantiles(cpu, n=10)[-1]:.0f}"
            f" ms CPU, wall p50 {statistics.median(walls[packaged]):.0f} ms"
        )
    ratios = [a / b for a, b in zip(times[over], times[not over], strict=True)]
    quartiles = statistics.quantiles(ratios, n=4)
    print(
        f"{ratio_name} per article: median {statistics.median(ratios):.3f}x "
        f"(quartiles {quartiles[0]:.3f}-{quartiles[-1]:.3f}); ratio of p50s "
        f"{statistics.median(times[over]) / statistics.median(times[not over]):.3f}x"
    )


def compare_ceiling(timed: list[str], ceiling: float) -> None:
    """The shipped cascade and the one with its upper gate at `ceiling`, interleaved."""
    times, walls = interleaved(timed, CeilingSwitch(ceiling))
    shipped = cascade_ceiling()
    sides = {
        True: (f"ceiling {shipped}", cascade_share(timed, ceiling=shipped)),
        False: (f"ceiling {ceiling}", cascade_share(timed, ceiling=ceiling)),
    }
    print_comparison(timed, times, walls, sides, over=True, ratio_name="shipped / other")
    theirs = pysbd_p50(timed)
    if theirs is not None:
        ours = statistics.median(times[True])
        print(
            f"pysbd segment (baseline): p50 {theirs:.0f} ms -> shipped / pysbd {ours / theirs:.2f}x"
        )


def pysbd_p50(timed: list[str]) -> float | None:
    """pysbd's p50 CPU ms segmenting the same articles (the issue's baseline), or None
    (said) when it is not installed."""
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed (dev extra): no baseline")
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return statistics.median(per_article_ms(segmenter.segment, timed))


def one_sentence_calls(docs: list[str], count: int, label: str = "") -> None:
    """CPU ms of the cascade's model on single sentences of typical length (see doc)."""
    from factcheck.claims.checkworthiness import scoring
    from factcheck.claims.checkworthiness.encoding import SentenceInContext, encode

    scorer = scoring._transformer()
    if scorer is None:
        print("no transformer installed: no per-sentence figure")
        return
    linear, floor = default_model(), scoring.cascade_floor()
    sentences = [doc[s:e] for doc in docs for s, e in split_sentences(doc)]
    passed = [s for s in sentences if linear.probability(s) >= floor]
    encoded = [encode(SentenceInContext(s), scorer.tokenizer, context=False) for s in passed]
    median = statistics.median(len(e.ids) for e in encoded)
    typical = sorted(encoded, key=lambda e: abs(len(e.ids) - median))[:count]
    for e in typical[:20]:  # warm the session's buffers for these shapes
        scorer._run([e])
    times = []
    for e in typical:
        started = time.process_time()
        scorer._run([e])
        times.append((time.process_time() - started) * 1000)
    pieces = statistics.mean(len(e.ids) for e in typical)
    print(
        f"one sentence a call{label}: {len(typical)} sentences, {pieces:.1f} pieces on average "
        f"(median of all {median:.0f}): p50 {statistics.median(times):.2f} ms, "
        f"mean {statistics.mean(times):.2f} ms CPU a sentence"
    )


def compare(timed: list[str], folder: Path, one_sentence: int) -> None:
    """The packaged model and `folder`'s, article by article in alternating order."""
    switch = ModelSwitch(folder)
    switch.use(packaged=False)
    split_claims(timed[0])  # warm the other session too
    other_floor = switch.scoring.cascade_floor()
    if one_sentence > 0:
        switch.use(packaged=True)
        one_sentence_calls(timed, one_sentence, " (packaged)")
        switch.use(packaged=False)
        one_sentence_calls(timed, one_sentence, f" ({folder})")
    times, walls = interleaved(timed, switch)
    sides = {
        True: ("packaged", cascade_share(timed, None)),
        False: (str(folder), cascade_share(timed, other_floor)),
    }
    print_comparison(timed, times, walls, sides, over=False, ratio_name="other / packaged")
    theirs = pysbd_p50(timed)
    if theirs is None:
        return
    print(
        f"pysbd segment (baseline): p50 {theirs:.0f} ms -> packaged / pysbd "
        f"{statistics.median(times[True]) / theirs:.2f}x, other / pysbd "
        f"{statistics.median(times[False]) / theirs:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="articles timed one by one")
    parser.add_argument("--bulk", type=int, default=200, help="articles for the bulk figure")
    parser.add_argument(
        "--compare-model", type=Path, help="a folder with another model, timed interleaved"
    )
    parser.add_argument(
        "--compare-ceiling",
        type=float,
        help="another upper gate for the cascade (1.01: none), timed interleaved",
    )
    parser.add_argument(
        "--one-sentence-calls", type=int, default=0, help="also time N single-sentence calls"
    )
    args = parser.parse_args()
    root = require_data()
    docs = articles(root, max(args.articles, args.bulk) + 1)
    split_claims(docs[0])  # warm: loads the models
    timed = docs[1 : args.articles + 1]
    if args.compare_model is not None:
        compare(timed, args.compare_model, args.one_sentence_calls)
        return
    if args.compare_ceiling is not None:
        compare_ceiling(timed, args.compare_ceiling)
        return
    if args.one_sentence_calls > 0:
        one_sentence_calls(timed, args.one_sentence_calls)
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
