"""Sentence ends one checkout's segmenter finds and another's does not, by kind.

    python bench/count_sentence_ends.py --base /work/main [--sample 20 --seed 11]

Splits bodies with the base checkout's `factcheck/text/sentences.py` (loaded beside this
one, so only that module differs) and with this checkout's, and counts the sentence
ends each finds alone, by the kind of glued end (read off the characters around it:
a full stop after a bracket, a stop before "A"/"I", a closing quotation mark before a
space, a quotation mark glued to the next sentence, a subheading glued to an opener,
spaces standing for a lost paragraph break). Prints a random sample of each kind,
with its context, to read for false ends.

Bodies: ClaimReview `extra_body` of ../shared/data/claimreview-samples of at most
6,000 UTF-8 bytes, LESS the "long2" blind set (for each outlet, the second body of
3,001-6,000 bytes: session 27's contract keeps it unread), and the CoAID bodies. Exits 0
with a message when ../shared is absent. Session 27 (ends11) wrote it.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import sys
import time
from itertools import pairwise
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
SHARED = REPO_ROOT.parent / "shared" / "data"

sys.path.insert(0, str(REPO_ROOT / "bench"))

from count_span_cuts import bodies as corpus_bodies  # noqa: E402 (after the path)

from factcheck.untrusted.terminal_text import printable  # noqa: E402 (after the path)

MAX_BYTES = 6000
LONG_MIN_BYTES = 3001
BLIND_INDEX = 1
"""The 0-based index, among an outlet's 3,001-6,000-byte bodies, of the blind "long2"
body that no one but its annotator reads."""


def claimreview_bodies() -> list[str]:
    """ClaimReview bodies of <= 6,000 bytes, without each outlet's long2 body."""
    csv.field_size_limit(sys.maxsize)
    kept: list[str] = []
    for path in sorted((SHARED / "claimreview-samples").glob("output_sample_*.csv")):
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = [row.get("extra_body") or "" for row in csv.DictReader(f)]
        long_seen = 0
        for body in rows:
            size = len(body.encode("utf-8"))
            if not body.strip() or size > MAX_BYTES:
                continue
            if size >= LONG_MIN_BYTES:
                long_seen += 1
                if long_seen - 1 == BLIND_INDEX:
                    continue  # long2: blind, never read
            kept.append(body)
    return kept


def load_base(base: Path):
    spec = importlib.util.spec_from_file_location(
        "base_sentences", base / "factcheck" / "text" / "sentences.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.split_sentences


def kind_of(text: str, end: int, next_start: int) -> str:
    """The kind of sentence end between `end` (the first sentence's end) and
    `next_start` (the next one's start), from the characters around it."""
    gap = text[end:next_start]
    before = text[max(0, end - 6) : end]
    after = text[next_start : next_start + 3]
    if gap and not gap.strip():
        if before.endswith('"') and before[-2:-1] in ".!?":
            return "closing quote before a space"
        if len(gap) >= 2 and not before.rstrip('"”’)]').endswith((".", "!", "?", ":")):
            return "spaces (lost paragraph break)"
        return "plain end (a quotation no longer held, or held now)"
    if before[-1:] in ".!?" and before[-2:-1] in ")]":
        return "stop after a bracket"
    if before[-1:] == "." and before[-2:-1] == " ":
        return "stop after a space"
    if before[-1:] in ".!?" and after[:1] in "AI" and after[1:2].isspace():
        return "stop before A/I"
    if before[-1:] in '"”’“' or after[:1] in '"“':
        return "glued quotation mark"
    if before[-1:].islower() and after[:1].isupper():
        return "glued subheading"
    return "other"


def new_ends(spans_before: list, spans_after: list) -> tuple[list, list]:
    """The (end, next start) pairs after has and before lacks, and the reverse."""

    def ends(spans: list) -> set:
        return {(a[1], b[0]) for a, b in pairwise(spans)}

    before, after = ends(spans_before), ends(spans_after)
    return sorted(after - before), sorted(before - after)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return 0
    from factcheck.text.sentences import split_sentences

    base_split = load_base(args.base)
    for corpus, bodies in (
        ("claimreview", claimreview_bodies()),
        ("coaid", corpus_bodies("coaid")),
    ):
        gained: dict[str, list[tuple[str, int, int]]] = {}
        lost: dict[str, list[tuple[str, int, int]]] = {}
        counts = {"before": 0, "after": 0}
        seconds = {"before": 0.0, "after": 0.0}
        for body in bodies:
            started = time.process_time()
            before = base_split(body)
            middle = time.process_time()
            after = split_sentences(body)
            seconds["before"] += middle - started
            seconds["after"] += time.process_time() - middle
            counts["before"] += len(before)
            counts["after"] += len(after)
            added, removed = new_ends(before, after)
            for end, start in added:
                gained.setdefault(kind_of(body, end, start), []).append((body, end, start))
            for end, start in removed:
                lost.setdefault(kind_of(body, end, start), []).append((body, end, start))
        print(
            f"== {corpus}: {len(bodies)} bodies, sentences {counts['before']} -> "
            f"{counts['after']}; CPU {seconds['before']:.2f} s base, "
            f"{seconds['after']:.2f} s this checkout"
        )
        for kind, found in sorted(gained.items()):
            print(f"  new ends, {kind}: {len(found)}")
        for kind, found in sorted(lost.items()):
            print(f"  ends lost, {kind}: {len(found)}")
        rng = random.Random(args.seed)
        samples = [("new", k, f) for k, f in sorted(gained.items())]
        samples += [("lost", k, f) for k, f in sorted(lost.items())]
        for which, kind, found in samples:
            picked = rng.sample(found, min(args.sample, len(found)))
            print(f"\n-- sample of {len(picked)} {which} ends: {kind}")
            for body, end, start in picked:
                left = printable(body[max(0, end - 70) : end]).replace("\n", "⏎")
                right = printable(body[start : start + 70]).replace("\n", "⏎")
                print(f"  …{left} ‖ {right}…")
    return 0


if __name__ == "__main__":
    sys.exit(main())
