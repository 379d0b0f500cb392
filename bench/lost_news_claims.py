"""Claims "every sentence" finds one to one and the product does not, and why (issue 11).

    python bench/lost_news_claims.py                 # short, long and long2, counts only
    python bench/lost_news_claims.py --show          # also each lost claim and its reason
    python bench/lost_news_claims.py --set long2     # one readable set

On some articles the plain baseline "every sentence is a claim" finds more annotated
claims one to one than the product (`bench/eval_news_claims.py`). This lists, per
readable set, the claims the baseline's one-to-one matching holds and the product's
does not, and names why the product loses each, from the first reason that applies:

- taken: a shown product span finds the claim, but the matching gave that span to
  another claim (a span holding several claims, or a tie between two matchings);
- not shown: a product claim finds it, but its score is under 0.5 (the sentence's score
  and the mood rules that moved it are printed);
- cut, shown / cut, not shown: product claims overlap the claim's core but none finds
  it: "core split" when none holds the whole core, "too short" when one holds the core
  and less than half the statement's words (shown: at least one of them scores 0.5);
- duplicate: the sentence repeats another and is shown once, elsewhere;
- dropped: debris / restated headline / no statement: the sentence never reaches the
  scorer (`debris.is_debris`, a headline the body restates, or `statement_spans` found
  no statement in it: a bare attribution, a verbless fragment);
- other: none of these (printed, to be read).

Only the readable sets (short, long, long2) are accepted: long3 and long4 are blind.
The matching rules are bench/news_claim_matching.py's; the bodies, the selection and
the systems are bench/eval_news_claims.py's. Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import eval_news_claims as news  # noqa: E402
from news_claim_matching import (  # noqa: E402
    Annotated,
    Span,
    contains,
    finds,
    matching,
    overlap,
)

READABLE = ("short", "long", "long2", "long5", "long6", "xl1", "long8", "long11", "long12")
"""The sets a helper may read; long3, long4, long7, long9, long10, xl2 and xl3 are blind
(never accepted here); long5 was released to reading in session 30, round 6; long11 and
long12 were annotated readable (session 31, annot11n and annot11o)."""


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _score_note(claim) -> str:
    """The claim's score, its sentence's score before the mood rules, and the rules."""
    from factcheck.claims.mood import MOOD_SCALE, mood_rules

    rules = mood_rules(claim.text)
    shift = MOOD_SCALE * sum(s for _, s in rules)
    sentence = 1 / (1 + math.exp(-(_logit(claim.score) - shift)))
    named = ", ".join(f"{name} {s:+.1f}" for name, s in rules) or "no mood rule"
    return f"score {claim.score:.2f} = sentence {sentence:.2f} shifted {shift:+.1f} ({named})"


def _dropped_reason(text: str, core: Span) -> tuple[str, str]:
    """Why the sentence holding `core` reaches no claim: its class and a note."""
    from factcheck.claims.debris import is_debris, is_headline
    from factcheck.claims.spans import statement_spans
    from factcheck.claims.splitter import (
        _alone_on_line,
        _article_sentences,
        join_open_quotations,
    )
    from factcheck.text.sentences import split_sentences

    kept, repeated = _article_sentences(text)
    for sentence in kept:
        if sentence.start <= core.start < sentence.end:
            found = statement_spans(text, sentence.content_start, sentence.end)
            return "dropped: no statement", f"{len(found)} statements, none on the core"
    for sentence, _ in repeated:
        if sentence.start <= core.start < sentence.end:
            return "duplicate", "its sentence repeats another (shown once)"
    for start, end in join_open_quotations(text, split_sentences(text)):
        if start <= core.start < end:
            alone = _alone_on_line(text, start, end)
            if is_debris(text[start:end], alone_on_line=alone):
                return "dropped: debris", f"is_debris (alone on its line: {alone})"
            if alone and is_headline(text[start:end]):
                return "dropped: restated headline", "a headline the body restates"
            return "other", "its sentence is dropped for another reason"
    return "other", "the core lies in no sentence"


def classify(text: str, claim: Annotated, groups, shown: list[Span], owner: dict[int, int]):
    """(class, note) of one claim the product does not match one to one."""
    for j, span in enumerate(shown):
        if finds(span, claim, text):
            return "taken", f"its span went to claim {owner.get(j)}"
    everything = list(zip(groups.claims, groups.duplicate_of, strict=True))
    for c, repeats in everything:
        if finds(Span(c.start, c.end), claim, text):
            if repeats is not None:
                return "duplicate", "a repeat's claim finds it; the kept copy does not"
            return "not shown", _score_note(c)
    near = [
        c
        for c, repeats in everything
        if repeats is None and overlap(Span(c.start, c.end), claim.core)
    ]
    if near:
        whole = any(contains(Span(c.start, c.end), claim.core) for c in near)
        how = "too short" if whole else "core split"
        seen = "shown" if any(c.score >= news.SHOWN for c in near) else "not shown"
        notes = "; ".join(f"{c.score:.2f} {c.text!r}" for c in near)
        return f"cut, {seen}: {how}", notes
    return _dropped_reason(text, claim.core)


def lost_claims(name: str, show: bool, every_miss: bool = False) -> Counter[str] | None:
    """The lost claims of set `name`, counted by class (printed with `show`); with
    `every_miss`, every claim the product does not match one to one."""
    from factcheck.ingest import text_claims

    selection = news.SELECTIONS[name]
    if not selection.annotations.exists():
        print(f"{name}: skipped, {selection.annotations.name} not found")
        return None
    picked = news.select_rows(news.DATA, selection)
    articles = news.load_annotations(selection.annotations)
    problem = news.check_bodies(picked, articles)
    if problem:
        raise SystemExit(f"{name}: refused: {problem}")
    counts: Counter[str] = Counter()
    matched = {"product": 0, "every sentence": 0}
    print(f"\n## {name} set")
    for (outlet, row, text), article in zip(picked, articles, strict=True):
        claims = [Annotated(Span(*c["span"]), Span(*c["core"])) for c in article["claims"]]
        spans = {
            system: [Span(c.start, c.end) for c in news.system_spans(system, text)]
            for system in matched
        }
        pairs = {system: matching(text, spans[system], claims) for system in matched}
        for system in matched:
            matched[system] += len(pairs[system])
        baseline = range(len(claims)) if every_miss else pairs["every sentence"]
        lost = [i for i in baseline if i not in pairs["product"]]
        if not lost:
            continue
        groups = text_claims(text)
        owner = {j: i for i, j in pairs["product"].items()}
        print(f"\n{outlet} {row}: {len(lost)} lost of {len(claims)}")
        for i in sorted(lost):
            kind, note = classify(text, claims[i], groups, spans["product"], owner)
            counts[kind] += 1
            if show:
                c = claims[i]
                print(f"  [{kind}] claim {i}: {text[c.span.start : c.span.end]!r}")
                print(f"      core {text[c.core.start : c.core.end]!r}; {note}")
    n = sum(len(a["claims"]) for a in articles)
    print(
        f"\n{name}: one to one, product {matched['product']}/{n}, every sentence "
        f"{matched['every sentence']}/{n}; "
        + ("product misses" if every_miss else "lost (every sentence matches, product not)")
        + f" {sum(counts.values())}"
    )
    for kind, k in counts.most_common():
        print(f"  {k:3} {kind}")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*READABLE, "readable"), default="readable")
    parser.add_argument("--show", action="store_true", help="print each lost claim")
    parser.add_argument(
        "--every-miss",
        action="store_true",
        help="every claim the product misses one to one, not only those the baseline finds",
    )
    args = parser.parse_args()
    if not news.DATA.exists():
        print(f"skipped: {news.DATA} not found")
        return 0
    names = READABLE if args.set == "readable" else (args.set,)
    total: Counter[str] = Counter()
    for name in names:
        total += lost_claims(name, args.show, args.every_miss) or Counter()
    if len(names) > 1:
        print(f"\nall readable sets: {sum(total.values())} lost")
        for kind, k in total.most_common():
            print(f"  {k:3} {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
