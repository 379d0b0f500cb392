"""Issue 11's news measure for another checkout's splitter and this one, paired by article.

    python bench/compare_news_claims.py --base /path/to/old/checkout [--set long3]

`eval_news_claims.py` measures this checkout against two plain baselines; a change is
judged against the code before it. This runs the same measure (this checkout's bench
scripts, annotations and matching rules) with the `--base` checkout's `factcheck`, then
with this one's, each in its own process, and prints, per set, the product's pooled
one-to-one recall and precision and the claims found under the issue's own wording on
each side, and the article-by-article differences (mean and 95% t-interval, how many
articles rose or fell); for a group of sets, the same pooled over all its articles.
Nothing of the bodies is printed, so a blind set stays blind. Skips cleanly when
../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from eval_news_claims import DATA, GROUPS, SELECTIONS, t_interval  # noqa: E402

_TALLIES = """
import contextlib, io, json, sys
sys.path[:0] = [{tree!r}, {bench!r}]
import factcheck  # the tree's package, before eval_news_claims puts this checkout first
import eval_news_claims as news
with contextlib.redirect_stdout(io.StringIO()):
    per = news.measure(news.SELECTIONS[{name!r}], False)
if isinstance(per, str):
    raise SystemExit(per)
print(json.dumps([[t.claims, t.matched, t.shown, t.found] for t in per["product"]]))
"""


def tallies(tree: Path, name: str) -> list[list[int]]:
    """(claims, matched one to one, shown, found) of each article of set `name`, measured with
    `tree`'s factcheck in a process of its own."""
    code = _TALLIES.format(tree=str(tree), bench=str(BENCH), name=name)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr.strip().splitlines()[-1]}")
    return json.loads(done.stdout)


def report(name: str, base: list[list[int]], new: list[list[int]]) -> list[list[list[int]]]:
    """Pooled one-to-one recall / precision and the issue's "found" on each side, then
    the per-article deltas; returns the two sides for a pooled line over several sets."""
    print(f"\n## {name} set ({SELECTIONS[name].blind})")
    for label, rows in (("base", base), ("this", new)):
        print(f"  {label}: {_pooled(rows)}")
    _deltas(base, new)
    return [base, new]


def _pooled(rows: list[list[int]]) -> str:
    claims, matched, shown, found = (sum(column) for column in zip(*rows, strict=True))
    return (
        f"{matched}/{claims} one to one, {shown} shown: recall {matched / claims:.3f}, "
        f"precision {matched / shown if shown else 0:.3f}; found (issue's wording) {found}"
    )


def _deltas(base: list[list[int]], new: list[list[int]]) -> None:
    for measure, of in (("recall_1to1", 0), ("precision_1to1", 2)):
        deltas = [
            n[1] / n[of] - b[1] / b[of] if n[of] and b[of] else 0.0
            for b, n in zip(base, new, strict=True)
        ]
        low, high = t_interval(deltas)
        rose, fell = sum(d > 0 for d in deltas), sum(d < 0 for d in deltas)
        print(
            f"  {measure:15} {sum(deltas) / len(deltas):+.3f} ({low:+.3f} to {high:+.3f}),"
            f" {rose} articles up, {fell} down, {len(deltas) - rose - fell} same"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the other checkout")
    parser.add_argument("--set", default="long3", choices=(*SELECTIONS, *GROUPS))
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    names = GROUPS.get(args.set, (args.set,))
    base: list[list[int]] = []
    new: list[list[int]] = []
    for name in names:
        one_base, one_new = report(
            name, tallies(args.base.resolve(), name), tallies(BENCH.parent, name)
        )
        base += one_base
        new += one_new
    if len(names) > 1:
        print(f"\n## {' + '.join(names)} pooled, paired over {len(base)} articles")
        print(f"  base: {_pooled(base)}")
        print(f"  this: {_pooled(new)}")
        _deltas(base, new)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
