"""Earlier-verdict matching ("checked before") at newsroom scale, vs a full scan.

Fills a fresh claims.db with real sentences from ../shared/data (ClaimBuster, CLEF 2019
and CoAID text) as claims that all carry a verdict, then asks the prior source for
re-worded copies of some of them (a word dropped, "Officials said" in front: the same
claim reported again) and for unrelated FM2 claims. The baseline is the previous
implementation, in the same run: compare the claim with every decided claim
(`similarity`, rapidfuzz) after loading them all. Prints p50/p95 per lookup, the ratio,
how often each finds the original of a re-worded claim, and how many suggestions each
makes for the unrelated claims (none of which was checked before: all are noise).

Run: python bench/bench_prior.py [--claims N] [--queries N]
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

from corpora import data_or_skip, extra_sentences, fm2

from factcheck.config import PriorConfig
from factcheck.evidence.context import ClaimContext
from factcheck.evidence.sources.prior import PriorChecks, similarity
from factcheck.models import Claim
from factcheck.store import Store

DOCUMENT_SIZE = 500
FREE_TEXT = ClaimContext.free_text()
"""Bench claims belong to no document: nothing to add, nothing to leave out."""


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def fill(store: Store, sentences: list[str]) -> None:
    """One document per DOCUMENT_SIZE sentences, every claim marked supported."""
    for first in range(0, len(sentences), DOCUMENT_SIZE):
        chunk = sentences[first : first + DOCUMENT_SIZE]
        text, claims = "", []
        for sentence in chunk:
            start = len(text)
            text += sentence + "\n"
            claims.append(Claim(sentence, start, start + len(sentence), start, len(text) - 1))
        result = store.add_document(text, title=f"archive {first}", source="bench", claims=claims)
        ids = [c.id for c in store.list_claims(document_id=result.document.id)]
        store.mark(ids, "supported", reviewer="bench")


def reworded(sentence: str, rng: random.Random) -> str:
    """The same claim as another outlet might carry it."""
    words = sentence.split()
    del words[rng.randrange(1, len(words))]
    return "Officials said " + " ".join(words)


def full_scan(store: Store, text: str, config: PriorConfig) -> list[int]:
    """The previous implementation: every decided claim, scored in Python."""
    rows = store.db.execute(
        "SELECT c.id, c.text FROM claims c"
        " JOIN verdicts v ON v.id = (SELECT max(id) FROM verdicts WHERE claim_id = c.id)"
        " WHERE c.status != 'unverified'"
    ).fetchall()
    scored = [(similarity(text, claim_text), claim_id) for claim_id, claim_text in rows]
    best = sorted(hit for hit in scored if hit[0] >= config.suggested_threshold)[::-1][:5]
    return [claim_id for _, claim_id in best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    data = data_or_skip()
    rng = random.Random(7)
    sentences = [
        " ".join(p["text"].split())
        for p in extra_sentences(data, args.claims * 2)
        if len(p["text"].split()) >= 8
    ][: args.claims]
    originals = rng.sample(range(len(sentences)), args.queries // 2)
    repeats = [reworded(sentences[i], rng) for i in originals]
    unrelated = [q.claim for q in rng.sample(fm2(data)[1], args.queries - len(repeats))]
    config = PriorConfig()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "claims.db") as store:
        started = time.perf_counter()
        fill(store, sentences)
        print(f"{len(sentences):,} decided claims stored in {time.perf_counter() - started:.1f} s")
        source = PriorChecks(store, config)
        methods = {
            "indexed": lambda text: [
                int(e.reference_id) for e in source.suggest(text, context=FREE_TEXT)
            ],
            "full scan": lambda text: full_scan(store, text, config),
        }
        timings: dict[str, list[float]] = {name: [] for name in methods}
        found_first = dict.fromkeys(methods, 0)
        noise = dict.fromkeys(methods, 0)
        for number, text in enumerate(repeats + unrelated):
            for name, lookup in methods.items():
                started = time.perf_counter()
                hits = lookup(text)
                timings[name].append(time.perf_counter() - started)
                if number < len(repeats):
                    found_first[name] += bool(hits) and hits[0] == originals[number] + 1
                else:
                    noise[name] += len(hits)
    print(f"{len(repeats)} re-worded repeats + {len(unrelated)} unrelated FM2 claims")
    for name, values in timings.items():
        p50, p95 = statistics.median(values) * 1000, percentile(values, 95) * 1000
        print(
            f"  {name:10} p50 {p50:8.2f} ms   p95 {p95:8.2f} ms   original first for "
            f"{found_first[name]}/{len(repeats)} repeats   {noise[name]} suggestions "
            f"for the {len(unrelated)} unrelated claims"
        )
    ratio = statistics.median(timings["full scan"]) / statistics.median(timings["indexed"])
    print(f"  indexed lookup is {ratio:.0f}x faster at p50")


if __name__ == "__main__":
    main()
