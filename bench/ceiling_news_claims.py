"""How many annotated claims any splitter could find one to one (issue 11's ceiling).

    python bench/ceiling_news_claims.py                # the readable sets
    python bench/ceiling_news_claims.py --set blind3   # numbers only: no body is printed

The product shows contiguous spans that never overlap (the store, `import`, the HTML
report and the span editor all rely on it). Annotators, though, may nest claims: "two
predicates of one subject are two claims, the second's span running from the subject"
(long4's guidelines). Under the one-to-one rule of bench/news_claim_matching.py a shown
span finds a claim when it holds the claim's core and half its statement's words, and
finds one claim at most, so some annotated claims cannot be found by ANY set of
non-overlapping spans, whatever the splitter does.

This counts, per set, a layout that is reachable: for every claim, the smallest spans
that find it (the hull of its core and a run of half its statement's words), then, by
earliest end, as many claims as possible with pairwise disjoint spans. Greedy choice
over several candidate spans per claim is not always optimal, so the count is a floor
of the true ceiling: at least this many claims can be found one to one by spans that
never overlap. No score is involved: it bounds the span layout, not the scorer.

Beside it, the same count when the shown spans must be the annotated statements
themselves (a splitter that reproduced the annotator exactly, without overlap): nested
statements ("X did A, B and C" annotated as "X did A", "X did A, B" and the whole) cost
claims there that the half-the-words rule above still lets tiny spans reach.
Prints counts only, so it may be run on the blind sets. Skips cleanly when ../shared is
absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import eval_news_claims as news  # noqa: E402
from news_claim_matching import Annotated, Span, finds, word_spans  # noqa: E402


def smallest_finders(text: str, claim: Annotated) -> list[Span]:
    """The minimal spans that find `claim`: its core joined with each run of half its
    statement's words (rounded up)."""
    words = word_spans(text, claim.span)
    need = (len(words) + 1) // 2
    if need == 0:
        return [claim.core]
    spans = {
        Span(
            min(claim.core.start, words[i].start),
            max(claim.core.end, words[i + need - 1].end),
        )
        for i in range(len(words) - need + 1)
    }
    return sorted(s for s in spans if finds(s, claim, text))


def reachable(text: str, claims: list[Annotated]) -> int:
    """Claims found one to one by a greedy set of pairwise disjoint minimal spans."""
    candidates = sorted(
        (span.end, span.start, i)
        for i, claim in enumerate(claims)
        for span in smallest_finders(text, claim)
    )
    used: set[int] = set()
    last_end = -1
    for end, start, i in candidates:
        if i not in used and start >= last_end:
            used.add(i)
            last_end = end
    return len(used)


def annotated_layout(claims: list[Annotated]) -> int:
    """Claims found one to one when the shown spans are the annotated statements
    themselves, as many as can be kept without overlap (earliest end first, optimal for
    one interval per claim): what a splitter reproducing the annotator's own spans
    exactly, but never overlapping them, would reach."""
    kept = 0
    last_end = -1
    for span in sorted((c.span for c in claims), key=lambda s: (s.end, s.start)):
        if span.start >= last_end:
            kept += 1
            last_end = span.end
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [*news.SELECTIONS, *news.GROUPS]
    parser.add_argument("--set", default="readable", choices=names)
    args = parser.parse_args()
    if not news.DATA.exists():
        print(f"skipped: {news.DATA} not found")
        return 0
    sets = news.GROUPS.get(args.set, (args.set,))
    total_claims = total_reach = total_whole = 0
    for name in sets:
        selection = news.SELECTIONS[name]
        if not selection.annotations.exists():
            print(f"{name}: skipped, {selection.annotations.name} not found")
            continue
        picked = news.select_rows(news.DATA, selection)
        articles = news.load_annotations(selection.annotations)
        problem = news.check_bodies(picked, articles)
        if problem:
            print(f"{name}: refused, {problem}")
            continue
        n = reach = whole = 0
        for (_, _, text), article in zip(picked, articles, strict=True):
            claims = [Annotated(Span(*c["span"]), Span(*c["core"])) for c in article["claims"]]
            n += len(claims)
            reach += reachable(text, claims)
            whole += annotated_layout(claims)
        total_claims += n
        total_reach += reach
        total_whole += whole
        print(
            f"{name}: {reach} of {n} claims reachable one to one ({reach / n:.3f}); "
            f"{whole} ({whole / n:.3f}) with the annotated statements as spans"
        )
    if len(sets) > 1 and total_claims:
        print(
            f"pooled: {total_reach} of {total_claims} ({total_reach / total_claims:.3f}); "
            f"{total_whole} ({total_whole / total_claims:.3f}) with the annotated statements"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
