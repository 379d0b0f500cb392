"""The cascade floor chosen on news claims, by leave-one-set-out over the readable sets
(issue 11).

    nice -n 10 python bench/choose_cascade_floor.py [--floors 0.2042 0.15 0.1 0.05 0.0]

The cascade's first pass, the linear model trained on debates, settles every sentence it
scores under `cascade_floor` as "not a claim" without asking the transformer. Session
24 set the floor on CheckThat! 2024 dev-test (debates: the highest floor losing no
check-worthy sentence there). On news prose the linear model scores plain statements of
fact far lower than on debates ("Mosquitoes bite during the day and night ..." 0.16,
where the transformer gives 0.95), so the floor decides news claims the transformer
never sees (bench/RESULTS.md, "Session 32, coordinator").

For each candidate floor, every readable set of bench/eval_news_claims.py is measured
with the product at that floor (the shown threshold stays 0.5). Then, for each set held
out in turn, the floor is chosen on the other sets: the one with most one-to-one matches
among those keeping their pooled one-to-one precision >= `--min-precision` (0.78: the
issue's 0.75 plus room for what held-out sets lose); the held-out set's change against
the first floor (the shipped one before) is printed per fold, with the mean and spread.
The blind sets are never read. Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import eval_news_claims as news  # noqa: E402
from lost_news_claims import READABLE  # noqa: E402
from news_claim_matching import Tally  # noqa: E402


def tallies(floors: list[float]) -> dict[tuple[float, str], Tally]:
    """The product's pooled tally of each readable set at each floor."""
    from factcheck.claims.checkworthiness import scoring

    shipped = scoring.cascade_floor
    found: dict[tuple[float, str], Tally] = {}
    try:
        for floor in floors:
            scoring.cascade_floor = lambda floor=floor: floor  # type: ignore[assignment]
            for name in READABLE:
                with contextlib.redirect_stdout(io.StringIO()):
                    per = news.measure(news.SELECTIONS[name], False)
                if isinstance(per, str):
                    raise SystemExit(f"{name}: {per}")
                found[floor, name] = sum(per["product"], Tally())
    finally:
        scoring.cascade_floor = shipped
    return found


def pooled(found: dict[tuple[float, str], Tally], floor: float, names: list[str]) -> Tally:
    return sum((found[floor, name] for name in names), Tally())


def fold_choices(
    found: dict[tuple[float, str], Tally], floors: list[float], min_precision: float
) -> dict[str, float | None]:
    """For each set held out, the floor chosen on the others: most one-to-one matches
    among the floors keeping their pooled one-to-one precision >= `min_precision`
    (ties to the higher floor, the cheaper one); None when no floor keeps it."""
    names = sorted({name for _, name in found})
    chosen: dict[str, float | None] = {}
    for held_out in names:
        rest = [name for name in names if name != held_out]
        allowed = [f for f in floors if pooled(found, f, rest).precision_1to1 >= min_precision]
        chosen[held_out] = (
            max(allowed, key=lambda f: (pooled(found, f, rest).matched, f)) if allowed else None
        )
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floors", type=float, nargs="+", default=[0.2042, 0.15, 0.1, 0.05, 0.0])
    parser.add_argument("--min-precision", type=float, default=0.78)
    args = parser.parse_args()
    if not news.DATA.exists():
        print(f"skipped: {news.DATA} not found")
        return 0
    floors: list[float] = args.floors
    found = tallies(floors)
    names = list(READABLE)
    print("floor  | 1:1 matched  recall  precision | found | shown | well formed | badly cut")
    for floor in floors:
        t = pooled(found, floor, names)
        print(
            f"{floor:<6} | {t.matched:11} {t.recall_1to1:7.4f} {t.precision_1to1:10.4f} |"
            f" {t.found:5} | {t.shown:5} | {t.well_formed_share:11.4f} | {t.badly_cut_share:.4f}"
        )
    before = floors[0]
    recall_changes, precision_changes = [], []
    print(f"\nleave one set out (precision >= {args.min_precision} on the other sets):")
    for held_out, chosen in fold_choices(found, floors, args.min_precision).items():
        if chosen is None:
            print(f"  {held_out}: no floor keeps the precision on the other sets")
            continue
        old, new = found[before, held_out], found[chosen, held_out]
        recall_changes.append(new.recall_1to1 - old.recall_1to1)
        precision_changes.append(new.precision_1to1 - old.precision_1to1)
        print(
            f"  {held_out:7} chosen {chosen:<6} one to one {old.matched} -> {new.matched}"
            f"/{new.claims}, recall {recall_changes[-1]:+.4f}, precision"
            f" {precision_changes[-1]:+.4f}, found {old.found} -> {new.found}"
        )
    for label, changes in (("recall", recall_changes), ("precision", precision_changes)):
        if len(changes) > 1:
            print(
                f"held-out {label} change: mean {statistics.mean(changes):+.4f},"
                f" sd {statistics.stdev(changes):.4f},"
                f" range {min(changes):+.4f} to {max(changes):+.4f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
