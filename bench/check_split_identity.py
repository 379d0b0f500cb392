"""Whether two source trees split and score the same articles identically, and if not,
how far the scores moved.

    nice -n 10 python bench/check_split_identity.py --trees ../main . --articles 300

Each tree's `split_claim_groups` (what `add` stores) runs in its own process (`python
-c`, in the tree's folder, so its `factcheck` is imported) over the same articles (built
as in bench_bulk_add.py: CoAID bodies in a shuffled order per article, ~5 KB) and writes
`repr` of every article's claim groups: spans, kinds, texts, groups and scores to the
last bit. Printed: how many articles are byte-identical; for the others, the claims
whose span or kind differ, and for claims with the same span, the mean and largest
score change and how many cross the shown threshold (0.5).
Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_bulk_add import bulk_articles
from train_checkworthiness_linear import require_data

DUMP = """
import json, sys
from factcheck.claims.splitter import split_claim_groups
texts = json.load(open(sys.argv[1], encoding="utf-8"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for text in texts:
        groups = split_claim_groups(text)
        claims = [[c.start, c.end, c.kind, c.score] for c in groups.claims]
        out.write(json.dumps([repr(groups), claims]) + "\\n")
"""


def dump(tree: Path, articles: Path, out: Path) -> list[list]:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    subprocess.run(
        [sys.executable, "-c", DUMP, str(articles), str(out)], cwd=tree, env=env, check=True
    )
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trees", type=Path, nargs=2, required=True)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    texts = bulk_articles(require_data(), args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.json"
        articles.write_text(json.dumps(texts), encoding="utf-8")
        first, second = (
            dump(tree, articles, Path(tmp) / f"out{n}.jsonl") for n, tree in enumerate(args.trees)
        )
    same = sum(a[0] == b[0] for a, b in zip(first, second, strict=True))
    print(f"{len(texts)} articles: {same} byte-identical ({args.trees[0]} vs {args.trees[1]})")
    if same == len(texts):
        return
    moved, flipped, spans_differ, matched = [], 0, 0, 0
    for (_, a), (_, b) in zip(first, second, strict=True):
        theirs = {(s, e, k): score for s, e, k, score in b}
        spans_differ += len({(s, e, k) for s, e, k, _ in a} ^ set(theirs))
        for s, e, k, score in a:
            if (s, e, k) in theirs:
                matched += 1
                moved.append(abs(score - theirs[(s, e, k)]))
                flipped += (score >= 0.5) != (theirs[(s, e, k)] >= 0.5)
    print(
        f"claims with the same span and kind: {matched}; spans or kinds in one only:"
        f" {spans_differ}; score change mean {statistics.mean(moved):.4f}, max"
        f" {max(moved):.4f}; {sum(m > 0 for m in moved)} changed; {flipped} cross 0.5"
    )


if __name__ == "__main__":
    main()
