"""What the mood module's plain-fact rule shows that is not shown without it (issue 11's class 6).

    python bench/plain_fact_lifts.py                   # the readable news sets
    python bench/plain_fact_lifts.py --corpus coaid    # every distinct CoAID body
    python bench/plain_fact_lifts.py --corpus free     # ClaimReview bodies in no set
    python bench/plain_fact_lifts.py --shift 1.5       # another PLAIN_FACT_UP
    python bench/plain_fact_lifts.py --tallies /tmp/base31   # a tree's form tallies

Each body is split twice in one process, with `mood.PLAIN_FACT_UP` at `--shift` (the
shipped 2.0 by default) and at 0, and the statements shown (score >= 0.5) by one run
and not the other are printed with the rule that moved them. On the readable sets each
is marked CLAIM when it overlaps an annotated claim's core (bench/news_claim_matching's
`is_real`) and NOT otherwise, and the statements taking a plain-fact form are counted
the same way: whether the forms are claims wherever they occur, not only where they
were low. A rule that shows opinions or page debris is out.

`--tallies TREE` prints instead, per readable set and pooled, TREE's product tallies
(eval_news_claims.measure): shown, one to one, found, overlapping a claim (the issue's
precision), well formed (checker v3) and badly cut; run it on the base and on this tree.

Only the readable sets are read (short, long, long2, long5, long6, long8, xl1).
"free" is every distinct ClaimReview body that no set, blind or readable, can pick:
under 1,500 or over 10,000 bytes, the 13th and later 3-6 KB bodies of an outlet and its
4th and later 6-10 KB bodies (long10 is the 10th, long12 the 12th, xl3 the 3rd). Skips
cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import eval_news_claims as news  # noqa: E402
from news_claim_matching import Annotated, Span, Tally, is_real  # noqa: E402

READABLE = ("short", "long", "long2", "long5", "long6", "long8", "xl1")
FORMS = ("negated existence", "image verdict", "identity", "study finding")
COAID = BENCH.parent.parent / "shared" / "data" / "coaid"
FIRST_FREE_MID = 12
"""0-based index of an outlet's first 3-6 KB body no set picks (long12 picks index 11)."""
FIRST_FREE_XL = 3
"""0-based index of an outlet's first 6-10 KB body no set picks (xl3 picks index 2)."""


def shown(text: str, shift: float) -> dict[tuple[int, int], tuple[str, float]]:
    """The statements `text` shows with `PLAIN_FACT_UP` = `shift`: {(start, end): (text, score)}."""
    from factcheck.claims import mood
    from factcheck.ingest import text_claims

    mood.PLAIN_FACT_UP = shift
    return {
        (c.start, c.end): (c.text, c.score)
        for c in text_claims(text).shown()
        if c.score >= news.SHOWN
    }


def free_bodies() -> list[str]:
    """Every distinct ClaimReview body no set can pick (see the module docstring)."""
    bodies: list[str] = []
    for path in sorted(news.DATA.glob("output_sample_*.csv")):
        seen: set[str] = set()
        mid = xl = 0
        for body in news.read_bodies(path):
            if body in seen or not body:
                continue
            seen.add(body)
            size = len(body.encode("utf-8"))
            if 3001 <= size <= 6000:
                free, mid = mid >= FIRST_FREE_MID, mid + 1
            elif 6001 <= size <= 10000:
                free, xl = xl >= FIRST_FREE_XL, xl + 1
            else:
                free = size < 1500 or size > 10000
            if free:
                bodies.append(body)
    return bodies


def coaid_bodies() -> list[str]:
    """Every distinct non-empty CoAID news `content`."""
    csv.field_size_limit(10**8)
    bodies: dict[str, None] = {}
    for path in sorted(COAID.glob("*/News*COVID-19.csv")):
        with path.open(encoding="utf-8", errors="replace") as handle:
            for row in csv.DictReader(handle):
                content = (row.get("content") or "").strip()
                if content:
                    bodies[content] = None
    return list(bodies)


def diff(text: str, shift: float, claims: list[Annotated] | None) -> list[str]:
    """A line for each statement shown with the rule and not without it (+), or the
    reverse (-), marked CLAIM / NOT against `claims` when given."""
    without = shown(text, 0.0)  # first: the shift stays set after (as `readable` counts)
    return marked_lines(shown(text, shift), without, claims)


def marked_lines(
    with_rule: dict[tuple[int, int], tuple[str, float]],
    without: dict[tuple[int, int], tuple[str, float]],
    claims: list[Annotated] | None,
) -> list[str]:
    """A line for each statement of `with_rule` not in `without` (+), or the reverse
    (-), with its score and mood rules, marked CLAIM / NOT against `claims` when given
    (shared with bench/mood_scope_lifts.py)."""
    from factcheck.claims.mood import mood_rules

    lines = []
    for sign, a, b in (("+", with_rule, without), ("-", without, with_rule)):
        for (start, end), (statement, score) in a.items():
            if (start, end) in b:
                continue
            mark = ""
            if claims is not None:
                mark = "CLAIM " if is_real(Span(start, end), claims) else "NOT   "
            rules = ", ".join(name for name, _ in mood_rules(statement)) or "no rule"
            lines.append(f"  {sign} {mark}{score:.2f} [{rules}] {statement[:160]!r}")
    return lines


def readable(shift: float) -> None:
    """The statements shown differently on each readable set, marked, and how many of
    the statements taking a plain-fact form overlap an annotated claim."""
    from factcheck.claims.mood import mood_rules
    from factcheck.ingest import text_claims

    forms: Counter[str] = Counter()
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
            lines = diff(text, shift, claims)
            if lines:
                print(f"{outlet} {row}:", *lines, sep="\n")
            for claim in text_claims(text).shown():
                taken = [n for n, _ in mood_rules(claim.text) if n in FORMS]
                if taken:
                    real = is_real(Span(claim.start, claim.end), claims)
                    forms[f"{taken[0]}, {'claim' if real else 'not'}"] += 1
    print("\nstatements taking a plain-fact form (readable sets):")
    for key, count in sorted(forms.items()):
        print(f"  {key}: {count}")


def form_tallies(tree: str) -> None:
    """`--tallies`: TREE's product tallies per readable set, then pooled."""
    import contextlib
    import io

    sys.path.insert(0, tree)
    import factcheck

    total = None
    for name in READABLE:
        with contextlib.redirect_stdout(io.StringIO()):
            per = news.measure(news.SELECTIONS[name], False)
        if isinstance(per, str):
            raise SystemExit(f"{name}: {per}")
        t = sum(per["product"][1:], per["product"][0])
        total = t if total is None else total + t
        _print_tally(name, t)
    assert total is not None
    _print_tally("pooled", total)
    print(f"(factcheck from {Path(factcheck.__file__).parent})")


def _print_tally(name: str, t: Tally) -> None:
    print(
        f"{name:7} shown {t.shown}, one to one {t.matched}, found {t.found}, real {t.real}"
        f" (issue's precision {t.precision:.3f}), well formed {t.well_formed}/{t.shown}"
        f" ({t.well_formed_share:.4f}), badly cut {t.badly_cut}/{t.touching}"
        f" ({t.badly_cut_share:.4f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("readable", "coaid", "free"), default="readable")
    parser.add_argument("--shift", type=float, default=2.0)
    parser.add_argument("--tallies", metavar="TREE", help="a checkout's form tallies instead")
    args = parser.parse_args()
    if not news.DATA.exists() or (args.corpus == "coaid" and not COAID.exists()):
        print("skipped: ../shared/data not found")
        return
    if args.tallies:
        form_tallies(args.tallies)
        return
    if args.corpus == "readable":
        readable(args.shift)
        return
    bodies = coaid_bodies() if args.corpus == "coaid" else free_bodies()
    changed = 0
    for text in bodies:
        lines = diff(text, args.shift, None)
        changed += len(lines)
        if lines:
            print(*lines, sep="\n")
    print(f"{len(bodies)} {args.corpus} bodies; {changed} statements shown differently")


if __name__ == "__main__":
    main()
