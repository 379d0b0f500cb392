"""Where passages are cut: `split_passages` against the plain "full stop, then a capital" rule.

    nice -n 10 .venv/bin/python bench/eval_passages.py

Wikipedia's own sentences, from Climate-FEVER dev (evidence sentences of one article,
in page order) and FM2 dev (gold and retrieved sentences of one page), are joined into
paragraphs and split twice: by `factcheck.text.passages.split_passages` and by the
rule it replaced, a regular expression that ends a sentence at any ".", "!" or "?"
before a capital. With `max_chars=1` every boundary a splitter accepts is a cut, so
the figures are about boundaries alone:

- cut inside: share of Wikipedia's sentences that a passage boundary splits in two
  (the error the issue names: "... the U.S." | "Senate ...");
- missed: share of Wikipedia's sentence ends that are not cut (two sentences in one
  passage; harmless at the shipped 400 characters, where passages hold several).

The spread is a 95% bootstrap interval over paragraphs (1,000 resamples, seed 0).
Skips cleanly when ../shared/data is absent.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import data_or_skip

from factcheck.text.passages import pack_sentences, split_passages

_NAIVE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def naive_passages(text: str, *, max_chars: int) -> list[str]:
    """The passage rule before issue 16: any end punctuation before a capital ends."""
    return pack_sentences(_NAIVE_END.split(" ".join(text.split())), max_chars=max_chars)


def paragraphs(data: Path) -> dict[str, list[list[str]]]:
    """Lists of Wikipedia sentences that stand next to each other, per data set."""
    by_article: dict[str, dict[int, str]] = defaultdict(dict)
    for line in (data / "climate-fever" / "dev.jsonl").open(encoding="utf-8"):
        for evidence in json.loads(line)["evidences"]:
            article, _, number = evidence["evidence_id"].rpartition(":")
            by_article[article][int(number)] = " ".join(evidence["evidence"].split())
    climate = [[s for _, s in sorted(sentences.items())] for sentences in by_article.values()]
    fm2 = []
    for line in (data / "fm2" / "dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        texts = [
            " ".join(e["text"].split()) for e in row["gold_evidence"] + row["retrieved_evidence"]
        ]
        fm2.append(list(dict.fromkeys(t for t in texts if t)))
    return {"Climate-FEVER dev": climate, "FM2 dev": fm2}


def boundary_errors(sentences: list[str], splitter: Callable[..., list[str]]) -> tuple[int, int]:
    """(sentences cut inside, sentence ends not cut) for one paragraph."""
    text = " ".join(sentences)
    cuts, position = set(), 0
    for passage in splitter(text, max_chars=1):
        position = text.index(passage, position) + len(passage)
        cuts.add(position)
    ends, position = [], 0
    for sentence in sentences:
        position += len(sentence)
        ends.append(position)
        position += 1
    spans = [(end - len(s), end) for end, s in zip(ends, sentences, strict=True)]
    inside = sum(any(start < cut < end for cut in cuts) for start, end in spans)
    missed = sum(end not in cuts for end in ends[:-1])
    return inside, missed


def interval(per_paragraph: list[tuple[int, int]], sizes: list[int], column: int) -> str:
    rng = random.Random(0)
    shares = []
    for _ in range(1000):
        picks = [rng.randrange(len(sizes)) for _ in sizes]
        shares.append(sum(per_paragraph[i][column] for i in picks) / sum(sizes[i] for i in picks))
    shares.sort()
    share = sum(row[column] for row in per_paragraph) / sum(sizes)
    return f"{share:6.2%} [{shares[25]:.2%}, {shares[974]:.2%}]"


def main() -> None:
    data = data_or_skip()
    splitters = {"naive rule (before)": naive_passages, "split_passages": split_passages}
    for name, groups in paragraphs(data).items():
        groups = [g for g in groups if g]
        print(f"{name}: {len(groups)} paragraphs, {sum(map(len, groups))} sentences")
        for label, splitter in splitters.items():
            started = time.perf_counter()
            rows = [boundary_errors(g, splitter) for g in groups]
            seconds = time.perf_counter() - started
            inside = interval(rows, [len(g) for g in groups], 0)
            missed = interval(rows, [max(1, len(g) - 1) for g in groups], 1)
            print(f"  {label:20} cut inside {inside}  missed {missed}  ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
