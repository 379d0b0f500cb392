"""Throughput of `split_claims` on real news text, against pysbd in the same run.

    python bench/bench_splitter.py                 # all text; a 400 kB sample for the ratio
    python bench/bench_splitter.py --sample-kb 0   # ratio on all the text (pysbd takes minutes)
    python bench/bench_splitter.py --profile       # cProfile top functions of split_claims

Text: the `content` column of ../shared/data/coaid/*/News*COVID-19.csv (article bodies)
and ../shared/data/claimbuster/debate_transcripts/*.txt. One process, one core, a warm
run first (the packaged model is loaded once per process, like the CLI). MB means 10^6
bytes of UTF-8; times are process CPU seconds (one core). The pysbd ratio compares full
`split_claims` (segmentation + spans + scoring) with pysbd's sentence segmentation
alone, on the same documents. Exits 0 with a message when ../shared/data or pysbd (a
dev-only dependency) is missing.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_checkworthiness_linear import require_data  # noqa: E402

from factcheck.claims.splitter import split_claims  # noqa: E402
from factcheck.text.sentences import split_sentences  # noqa: E402


def load_documents(root: Path) -> list[str]:
    """CoAID article bodies and ClaimBuster debate transcripts, in a fixed order."""
    csv.field_size_limit(sys.maxsize)
    docs = []
    for path in sorted((root / "coaid").glob("*/News*COVID-19.csv")):
        with open(path, newline="", encoding="utf-8-sig") as f:
            docs.extend(row["content"] for row in csv.DictReader(f) if row.get("content"))
    for path in sorted((root / "claimbuster" / "debate_transcripts").glob("*.txt")):
        docs.append(path.read_text(encoding="utf-8", errors="replace"))
    return [d for d in docs if d.strip()]


def sample(docs: list[str], kilobytes: int) -> list[str]:
    """Every k-th document until `kilobytes` of text, so both sources are represented."""
    if kilobytes <= 0:
        return docs
    budget = kilobytes * 1000
    step = max(1, len(docs) // 200)
    chosen, size = [], 0
    for offset in range(step):
        for doc in docs[offset::step]:
            if size >= budget:
                return chosen
            chosen.append(doc)
            size += len(doc.encode())
    return chosen


def megabytes(docs: list[str]) -> float:
    return sum(len(d.encode()) for d in docs) / 1e6


def timed(function: Callable[[str], object], docs: list[str]) -> float:
    """CPU seconds of this process for `function` over `docs`.

    Process CPU time, not wall time: the figure is "MB/s on one core", and the machine
    may be shared, which inflates wall time for reasons unrelated to the code.
    """
    started = time.process_time()
    for doc in docs:
        function(doc)
    return time.process_time() - started


def main() -> None:
    """Print MB/s for split_claims and split_sentences, and the ratio against pysbd."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample-kb", type=int, default=400, help="text for the pysbd ratio")
    parser.add_argument("--profile", action="store_true", help="profile split_claims")
    args = parser.parse_args()
    docs = load_documents(require_data())
    size = megabytes(docs)
    print(f"{len(docs)} documents, {size:.2f} MB")
    split_claims(docs[0])  # warm: load the model once, as a long-running CLI/TUI does

    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("for d in docs: split_claims(d)", globals(), {"docs": docs}, "/tmp/sp")
        pstats.Stats("/tmp/sp").sort_stats("tottime").print_stats(15)
        return

    seconds = timed(split_claims, docs)
    n_claims = sum(len(split_claims(d)) for d in docs[:200])
    print(
        f"split_claims     {size / seconds:6.2f} MB/s  ({seconds:.2f} s; "
        f"{n_claims} claims in the first 200 documents)"
    )
    # The first pass also fills the per-word memo tables (the model's token weights,
    # word classes); a long-running process (TUI, `add` of many files) runs warm.
    seconds = timed(split_claims, docs)
    print(f"  again, warm      {size / seconds:6.2f} MB/s  ({seconds:.2f} s)")
    seconds = timed(split_sentences, docs)
    print(f"split_sentences  {size / seconds:6.2f} MB/s  ({seconds:.2f} s)")

    try:
        import pysbd
    except ImportError:
        print("skipped pysbd ratio: pysbd not installed (pip install -e '.[dev]')")
        return
    subset = sample(docs, args.sample_kb)
    sub_size = megabytes(subset)
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=False)
    ours = timed(split_claims, subset)
    theirs = timed(segmenter.segment, subset)
    print(f"on the same {len(subset)} documents ({sub_size:.2f} MB):")
    print(f"  split_claims     {sub_size / ours:8.3f} MB/s")
    print(f"  pysbd.segment    {sub_size / theirs:8.3f} MB/s")
    print(f"  ratio            {theirs / ours:8.1f}x faster than pysbd sentence segmentation")


if __name__ == "__main__":
    main()
