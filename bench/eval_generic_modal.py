"""The cascade with and without its generic-modal pass, in one run (issue 11, session 28).

    nice -n 10 python bench/eval_generic_modal.py                  # debates + news sentences
    nice -n 10 python bench/eval_generic_modal.py --read 60        # + the flipped claims, to read

`score_sentences` sends sentences below the cascade floor to the transformer when they
state a general capability or risk with "can" / "may" (`mood.is_generic_modal`). This
script measures that pass against the cascade without it ("before": the same code with
the class empty, and with --base the base commit's mood rules), on the same sentences
in the same process:

1. debates, the figures of bench/eval_checkworthiness.py's "cascade (shipped)" line:
   CheckThat! 2024 dev-test F1 at 0.5, AP and 2-fold F1 (mean +- sd); ClaimBuster's 7
   held-out debates F1 (90% debate-bootstrap interval) and AP; CLEF 2019's 6 held-out
   files MAP. Each sentence's score is also shown with its mood shift applied as the
   splitter applies it to a whole-sentence statement ("+ mood"), since the class's
   sentences are exactly those whose mood the splitter would weigh;
2. news prose: CoAID bodies (a fixed random sample) and every ClaimReview body of at
   most 3,000 bytes (free to read: the blind news sets are 3-6 KB), split by the product
   (`ingest.text_claims`) both ways (--fresh: the next CoAID sample and the ClaimReview
   bodies over 6,000 bytes, also free to read, for a count not made on the text the
   rules were written on): how many statements cross 0.5 each way, how many
   sentences the class sends to the transformer (its speed cost), and with --read the
   crossing statements themselves, for judging by hand (bench/RESULTS.md, Session 28).
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import random
import statistics
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checkworthiness_data import Labelled, checkthat_2024, require_data, training_set
from count_span_cuts import SHARED, bodies
from eval_checkworthiness import (
    average_precision,
    debate_bootstrap,
    file_average_precisions,
    prf,
    two_fold_f1,
)

from factcheck.claims import mood, splitter
from factcheck.claims.checkworthiness import default_model, scoring

SHOWN = 0.5


BASE_MOOD: Callable[[str], float] = mood.mood_shift
"""The mood rules before this change (--base: a tree of the base commit's files)."""


def load_base_mood(base: Path) -> Callable[[str], float]:
    spec = importlib.util.spec_from_file_location(
        "base_mood", base / "factcheck" / "claims" / "mood.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shift: Callable[[str], float] = module.mood_shift
    return shift


@contextmanager
def as_before() -> Iterator[None]:
    """The split as it was before: the cascade's generic-modal class empty, and the
    base's mood rules."""
    kept = scoring.is_generic_modal, splitter.mood_shift
    scoring.is_generic_modal = lambda sentence: False
    splitter.mood_shift = BASE_MOOD
    try:
        yield
    finally:
        scoring.is_generic_modal, splitter.mood_shift = kept


def with_mood(scores: list[float], texts: list[str], shift: Callable[[str], float]) -> list[float]:
    """Each sentence's score shifted by its mood, as `splitter._claim` shifts a
    statement that is the whole sentence."""
    out = []
    for p, text in zip(scores, texts, strict=True):
        p = min(max(p, 1e-6), 1 - 1e-6)
        out.append(1 / (1 + math.exp(-(math.log(p / (1 - p)) + shift(text)))))
    return out


def debate_figures(name: str, rows: list[Labelled], scores: list[float]) -> str:
    labels = [r.label for r in rows]
    if name.startswith("CLEF"):
        aps = file_average_precisions(rows, scores)
        return f"MAP {statistics.mean(aps):.4f} (files {min(aps):.3f}-{max(aps):.3f})"
    p, r, f1 = prf(scores, labels)
    line = f"P {p:.3f} R {r:.3f} F1 {f1:.4f} AP {average_precision(scores, labels):.4f}"
    if name.startswith("ClaimBuster"):
        low, high = debate_bootstrap(rows, scores)
        return line + f" (F1 90% interval {low:.3f}-{high:.3f})"
    mean, sd = two_fold_f1(scores, labels)
    return line + f" (2-fold F1 {mean:.4f} +- {sd:.4f})"


def debates() -> None:
    root = require_data()
    _, cb_test, clef_test = training_set(root)
    sets = {
        "CheckThat 2024 dev-test": checkthat_2024(root),
        "ClaimBuster held-out debates": cb_test,
        "CLEF 2019 held-out files": clef_test,
    }
    linear = default_model()
    floor = scoring.cascade_floor()
    for name, rows in sets.items():
        items = [r.item for r in rows]
        texts = [i.text for i in items]
        with as_before():
            before = scoring.score_sentences(items)
        after = scoring.score_sentences(items)
        routed = [
            i
            for i, t in enumerate(texts)
            if linear.probability(t) < floor and mood.is_generic_modal(t)
        ]
        crossed = [i for i in routed if (before[i] >= SHOWN) != (after[i] >= SHOWN)]
        print(f"\n{name}: {len(rows)} sentences, {sum(r.label for r in rows)} check-worthy")
        print(
            f"  class below the floor (sent to the transformer): {len(routed)}; "
            f"crossing 0.5: {len(crossed)} ({sum(rows[i].label for i in crossed)} check-worthy)"
        )
        for label, scores in (("before", before), ("after", after)):
            print(f"  cascade {label:6}  {debate_figures(name, rows, scores)}")
        moods = (("before", before, BASE_MOOD), ("after", after, mood.mood_shift))
        for label, scores, shift in moods:
            moved = with_mood(scores, texts, shift)
            print(f"  + mood  {label:6}  {debate_figures(name, rows, moved)}")
        for i in crossed:
            print(
                f"    label {rows[i].label}: {before[i]:.2f} -> {after[i]:.2f}  {texts[i][:160]!r}"
            )


def statements(text: str) -> dict[tuple[int, int], tuple[float, str]]:
    from factcheck.ingest import text_claims

    return {(c.start, c.end): (c.score, c.text) for c in text_claims(text).shown()}


def counting_routed() -> tuple[Callable[[str], bool], list[int]]:
    """`is_generic_modal` that counts the sentences it is asked about and passes."""
    tally = [0, 0]

    def counted(sentence: str) -> bool:
        tally[0] += 1
        passed = mood.is_generic_modal(sentence)
        tally[1] += passed
        return passed

    return counted, tally


def news(coaid_sample: int, read: int, seed: int, fresh: bool) -> None:
    coaid = bodies("coaid")
    random.Random(seed).shuffle(coaid)
    if fresh:  # a second sample, for counting after the rules were set on the first
        corpora = {
            f"CoAID ({coaid_sample} more random bodies, seed {seed})": coaid[
                coaid_sample : 2 * coaid_sample
            ],
            "ClaimReview bodies > 6,000 bytes": [
                b for b in bodies("claimreview") if len(b.encode("utf-8")) > 6000
            ],
        }
    else:
        corpora = {
            f"CoAID ({coaid_sample} random bodies, seed {seed})": coaid[:coaid_sample],
            "ClaimReview bodies <= 3,000 bytes": bodies("claimreview", 3000),
        }
    flipped: list[tuple[str, float, float, str]] = []
    for name, texts in corpora.items():
        up = down = shown_before = shown_after = total = 0
        counted, tally = counting_routed()
        for text in texts:
            with as_before():
                before = statements(text)
            scoring.is_generic_modal = counted
            try:
                after = statements(text)
            finally:
                scoring.is_generic_modal = mood.is_generic_modal
            total += len(after)
            for key, (score, span) in after.items():
                old = before.get(key, (0.0, span))[0]
                shown_before += old >= SHOWN
                shown_after += score >= SHOWN
                if (old >= SHOWN) != (score >= SHOWN):
                    up += score >= SHOWN
                    down += old >= SHOWN
                    flipped.append((name.split()[0], old, score, span))
        print(
            f"\n{name}: {len(texts)} bodies, {total} statements; shown {shown_before} -> "
            f"{shown_after} (+{up} / -{down}); sentences below the floor asked about: "
            f"{tally[0]}, in the class (sent to the transformer): {tally[1]}"
        )
    if read:
        rng = random.Random(seed)
        picked = flipped if len(flipped) <= read else rng.sample(flipped, read)
        print(f"\n{len(picked)} of {len(flipped)} statements crossing 0.5, to read:")
        for n, (corpus, old, new, span) in enumerate(picked, start=1):
            print(f"{n:3}. [{corpus}] {old:.2f} -> {new:.2f}  {' '.join(span.split())[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coaid", type=int, default=800, help="CoAID bodies to sample")
    parser.add_argument("--read", type=int, default=0, help="print N crossing statements")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--base",
        type=Path,
        help="a tree of the base commit (git archive): its mood.py is the 'before' mood",
    )
    parser.add_argument("--news-only", action="store_true")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="news from the next CoAID sample and ClaimReview bodies over 6,000 bytes",
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return
    if args.base is not None:
        global BASE_MOOD
        BASE_MOOD = load_base_mood(args.base)
    if not args.news_only:
        debates()
    news(args.coaid, args.read, args.seed, args.fresh)


if __name__ == "__main__":
    main()
