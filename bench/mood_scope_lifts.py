"""What the modal-scope reading of the mood rules shows that is not shown without it (issue 11).

    python bench/mood_scope_lifts.py                   # the nine readable news sets
    python bench/mood_scope_lifts.py --corpus coaid    # every distinct CoAID body
    python bench/mood_scope_lifts.py --corpus free     # ClaimReview bodies in no set

`mood._own` keeps a hedge, a prediction or an opinion only where the modal is the
statement's own, not inside a that-clause of a finding or of a negated meaning ("this
doesn't mean that the immune system would ..."), a fronted concession or the writer's
aside ("It should be pointed out that ..."). Each body is split twice in one process,
with `_own` as shipped and with `_own` taking the first modal wherever it stands (the
rule before session 31's hedge11), and the statements shown (score >= 0.5) by one run
and not the other are printed with the rules that moved them. On the readable sets each
is marked CLAIM when it overlaps an annotated claim's core (bench/news_claim_matching's
`is_real`) and NOT otherwise. A change that shows predictions, promises or opinions is
out. Reads only the readable sets (short, long, long2, long5, long6, long8, xl1, long11,
long12) and the bodies `plain_fact_lifts` calls free. Skips cleanly when ../shared is
absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import eval_news_claims as news  # noqa: E402
import plain_fact_lifts  # noqa: E402
from news_claim_matching import Annotated, Span  # noqa: E402

READABLE = ("short", "long", "long2", "long5", "long6", "long8", "xl1", "long11", "long12")


def _anywhere(
    statement: str, found: re.Match[str] | None, rule: re.Pattern[str], scopes: object = None
) -> re.Match[str] | None:
    """`mood._own` without scopes: the first modal wherever it stands."""
    return found


def shown(text: str, scoped: bool) -> dict[tuple[int, int], tuple[str, float]]:
    """The statements `text` shows with the scope reading on or off."""
    from factcheck.claims import mood
    from factcheck.ingest import text_claims

    shipped = mood._own
    own: Callable[..., re.Match[str] | None] = shipped if scoped else _anywhere
    mood._own = own
    try:
        return {
            (c.start, c.end): (c.text, c.score)
            for c in text_claims(text).shown()
            if c.score >= news.SHOWN
        }
    finally:
        mood._own = shipped


def diff(text: str, claims: list[Annotated] | None) -> list[str]:
    """A line for each statement shown with the scope reading and not without (+), or
    the reverse (-), marked CLAIM / NOT against `claims` when given."""
    without = shown(text, False)
    return plain_fact_lifts.marked_lines(shown(text, True), without, claims)


def readable() -> None:
    """The statements shown differently on each readable set, marked."""
    for name in READABLE:
        selection = news.SELECTIONS[name]
        picked = news.select_rows(news.DATA, selection)
        articles = news.load_annotations(selection.annotations)
        problem = news.check_bodies(picked, articles)
        if problem:
            raise SystemExit(f"{name}: {problem}")
        print(f"\n## {name}")
        for (outlet, row, text), article in zip(picked, articles, strict=True):
            claims = [Annotated(Span(*c["span"]), Span(*c["core"])) for c in article["claims"]]
            lines = diff(text, claims)
            if lines:
                print(f"{outlet} {row}:", *lines, sep="\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("readable", "coaid", "free"), default="readable")
    args = parser.parse_args()
    if not news.DATA.exists() or (args.corpus == "coaid" and not plain_fact_lifts.COAID.exists()):
        print("skipped: ../shared/data not found")
        return
    if args.corpus == "readable":
        readable()
        return
    if args.corpus == "coaid":
        bodies = plain_fact_lifts.coaid_bodies()
    else:
        bodies = plain_fact_lifts.free_bodies()
    changed = 0
    for text in bodies:
        lines = diff(text, None)
        changed += len(lines)
        if lines:
            print(*lines, sep="\n")
    print(f"{len(bodies)} {args.corpus} bodies; {changed} statements shown differently")


if __name__ == "__main__":
    main()
