"""The highlighted span of an evidence passage, on real claims: word edges and cost.

For every (claim, evidence sentence) pair of FM2 dev (gold and retrieved sentences) and
Climate-FEVER dev, compares `factcheck.evidence.matcher.aligned_span` with the plain baseline it
replaced, rapidfuzz's `partial_ratio_alignment` taken as is (with the old choice of the
claim's offsets when the claim is the longer string). Printed per data set:

- cut: spans starting or ending inside a word ("as the fourth-" of "has the fourth-")
- outside: spans that are not a stretch of the passage (empty, or past its end)
- filler edge: spans whose first or last word is not one of the claim's (a stop word,
  or a word the claim lacks)
- none: pairs given no span; words: mean span length in words
- µs/pair: time per call, best of 3 interleaved rounds, both in the same run

Run: python bench/eval_evidence_spans.py   (skips without ../shared/data)
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip
from rapidfuzz import fuzz

from factcheck.evidence.matcher import _span_stems, aligned_span

Span = tuple[int, int] | None
_WORD_CHAR = re.compile(r"\w")


def rapidfuzz_alone(claim: str, passage: str) -> Span:
    """The span before: rapidfuzz's alignment as it comes (the shipped code until now)."""
    if not claim.strip() or not passage.strip():
        return None
    alignment = fuzz.partial_ratio_alignment(claim.lower(), passage.lower())
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    if len(claim) > len(passage):
        return (alignment.src_start, alignment.src_end)
    return (alignment.dest_start, alignment.dest_end)


def pairs(data: Path) -> Iterator[tuple[str, str, str]]:
    """(data set, claim, passage) for every evidence sentence of both dev sets."""
    with (data / "fm2" / "dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            seen = set()
            for item in row["gold_evidence"] + row["retrieved_evidence"]:
                if item["text"] not in seen:
                    seen.add(item["text"])
                    yield "fm2", row["text"], item["text"]
    with (data / "climate-fever" / "dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            for item in row["evidences"]:
                yield "climate-fever", row["claim"], item["evidence"]


def judge(claim: str, passage: str, span: Span) -> dict[str, float]:
    if span is None:
        return {"none": 1}
    start, end = span
    if not 0 <= start < end <= len(passage) or not passage[start:end].strip():
        return {"outside": 1}
    cut = (start > 0 and _is_word(passage[start - 1]) and _is_word(passage[start])) or (
        end < len(passage) and _is_word(passage[end - 1]) and _is_word(passage[end])
    )
    words = passage[start:end].split()
    claim_stems = _span_stems(claim)
    filler = not (_span_stems(words[0]) & claim_stems and _span_stems(words[-1]) & claim_stems)
    return {"cut": int(cut), "filler edge": int(filler), "words": len(words)}


def _is_word(character: str) -> bool:
    return bool(_WORD_CHAR.match(character))


ROUNDS = 3
"""Timing rounds per method, interleaved; the best round counts (the machine is shared)."""


def timed(rows: list[tuple[str, str]], method: Callable[[str, str], Span]) -> float:
    """Microseconds per pair of one round."""
    started = time.perf_counter()
    for claim, passage in rows:
        method(claim, passage)
    return (time.perf_counter() - started) / len(rows) * 1e6


def measure(
    name: str, rows: list[tuple[str, str]], method: Callable[[str, str], Span], micros: float
) -> None:
    spans = [method(claim, passage) for claim, passage in rows]
    verdicts = [
        judge(claim, passage, span) for (claim, passage), span in zip(rows, spans, strict=True)
    ]
    total = len(rows)
    with_span = [v for v in verdicts if "words" in v]
    share = {
        key: 100 * sum(v.get(key, 0) for v in verdicts) / total
        for key in ("cut", "outside", "filler edge", "none")
    }
    words = statistics.mean(v["words"] for v in with_span) if with_span else 0.0
    print(
        f"  {name:<16} cut {share['cut']:5.1f}%  outside {share['outside']:4.1f}%"
        f"  filler edge {share['filler edge']:5.1f}%  none {share['none']:4.1f}%"
        f"  words {words:4.1f}  {micros:6.1f} µs/pair"
    )


def main() -> None:
    data = data_or_skip()
    by_set: dict[str, list[tuple[str, str]]] = {}
    for name, claim, passage in pairs(data):
        by_set.setdefault(name, []).append((claim, passage))
    for name, rows in by_set.items():
        print(f"{name}: {len(rows)} (claim, evidence sentence) pairs")
        methods = {"rapidfuzz alone": rapidfuzz_alone, "aligned_span": aligned_span}
        best = dict.fromkeys(methods, float("inf"))
        for _ in range(ROUNDS):
            for label, method in methods.items():
                best[label] = min(best[label], timed(rows, method))
        for label, method in methods.items():
            measure(label, rows, method, best[label])
        ratio = best["aligned_span"] / best["rapidfuzz alone"]
        print(f"  aligned_span / rapidfuzz alone: {ratio:.2f}x time")


if __name__ == "__main__":
    main()
