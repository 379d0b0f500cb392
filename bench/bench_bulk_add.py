"""Bulk speed of the product's own path: `factcheck add` of 1,000 ~5 KB article files,
then the first read that finishes their scores, beside pysbd segmenting the same text.

    nice -n 10 python bench/bench_bulk_add.py                       # 1,000 articles, 1 round
    nice -n 10 python bench/bench_bulk_add.py --trees ../main . --rounds 3
    python bench/bench_bulk_add.py --articles 200 --rounds 1

Issue 11's bulk target: ">= 0.1 MB/s on two cores (1,000 articles in under a minute,
with a progress bar), reported beside pysbd in the same run". What a user runs to add
many articles is `factcheck add FILE...` (its progress bar advances per file on a
terminal) and then any command that reads scores (`list`, `review`, `export`), which
first finishes the scores `add` left pending (`ingest.pending_scores`). Both run here as
real processes (`python -m factcheck`, from each source tree in `--trees` through
PYTHONPATH) on a new database: wall time, and CPU time of the processes and their
children (getrusage), process start, imports, model loading and SQLite writes included.
The optimised ONNX graph cache is warmed once before timing (a user's second run).

Articles: CoAID has ~1.5 MB of distinct bodies (../shared/data/coaid), too little for
1,000 distinct 5 KB articles, so article k is made of the bodies in an order shuffled
with seed k, joined by blank lines until it reaches 5,000 bytes: each body occurs in ~3
articles, never twice in one, and every article's text is different (checked), so
`add`'s same-text detection never fires and a repeated-paragraph grouping happens only
where CoAID itself repeats a story. Nothing caches a sentence's score across documents.

Rounds alternate the trees' order; each round prints every tree's figures and, with two
trees, the second's total wall and CPU over the first's, and whether the two databases
hold the same claims (spans, kinds, scores to the bit, groups).
pysbd (the issue's baseline): the same files read and segmented by two processes.
Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_checkworthiness_linear import require_data

ARTICLE_BYTES = 5000


def coaid_bodies(root: Path) -> list[str]:
    """Every distinct non-empty CoAID news body, in file order."""
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    bodies = []
    for path in sorted((root / "coaid").glob("*/News*COVID-19.csv")):
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                body = (row.get("content") or "").strip()
                if body and body not in seen:
                    seen.add(body)
                    bodies.append(body)
    return bodies


def bulk_articles(root: Path, count: int) -> list[str]:
    """`count` distinct articles of >= 5,000 bytes: article k joins the bodies in the
    order shuffled with seed k until it is long enough (see the module doc)."""
    bodies = coaid_bodies(root)
    out: list[str] = []
    for k in range(count):
        order = list(range(len(bodies)))
        random.Random(k).shuffle(order)
        parts: list[str] = []
        size = 0
        for i in order:
            parts.append(bodies[i])
            size += len(bodies[i].encode()) + 2
            if size >= ARTICLE_BYTES:
                break
        out.append("\n\n".join(parts))
    if len(set(out)) != len(out):
        raise SystemExit("two bulk articles have the same text: change the join")
    return out


def write_articles(folder: Path, texts: list[str]) -> list[str]:
    """The articles as .txt files in `folder`; their paths."""
    paths = []
    for n, text in enumerate(texts, start=1):
        path = folder / f"article-{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(tree: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall s, CPU s) of `python -m factcheck ARGS` run from `tree`'s sources (in that
    folder: `-m` puts the working directory first on the import path)."""
    env = {**env, "PYTHONPATH": str(tree.resolve())}
    cpu, started = children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"factcheck {args[:3]} failed in {tree}: {done.stderr[-2000:]}")
    return wall, children_cpu() - cpu


def claims_of(db: Path) -> list[tuple[object, ...]]:
    """Every claim as stored: what two trees must agree on."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            'SELECT document_id, "start", "end", kind, score, duplicate_of, text'
            " FROM claims ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def _segment(paths: list[str]) -> float:
    """CPU s of reading `paths` and segmenting them with pysbd (one worker)."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    started = time.process_time()
    for path in paths:
        segmenter.segment(Path(path).read_text(encoding="utf-8"))
    return time.process_time() - started


def pysbd_bulk(paths: list[str]) -> tuple[float, float] | None:
    """(wall s, CPU s) of pysbd segmenting the files in two processes, or None."""
    try:
        import pysbd  # noqa: F401
    except ImportError:
        print("pysbd not installed (dev extra): no baseline")
        return None
    started = time.perf_counter()
    with ProcessPoolExecutor(2) as pool:
        cpu = sum(pool.map(_segment, [paths[0::2], paths[1::2]]))
    return time.perf_counter() - started, cpu


def one_round(
    tree: Path, paths: list[str], megabytes: float, folder: Path, env: dict[str, str]
) -> tuple[float, float, Path]:
    """Add the files and finish their scores with `tree`'s factcheck on a new database;
    prints the phases; (total wall s, total CPU s, the database)."""
    db = Path(tempfile.mkdtemp(dir=folder)) / "bulk.db"
    add = run_cli(tree, ["--db", str(db), "add", *paths], env)
    finish = run_cli(tree, ["--db", str(db), "list", "--limit", "1", "--format", "json"], env)
    wall, cpu = add[0] + finish[0], add[1] + finish[1]
    print(
        f"  {tree}: add {add[0]:.1f} s wall / {add[1]:.1f} s CPU, first read (finish scores)"
        f" {finish[0]:.1f} / {finish[1]:.1f} s: total {wall:.1f} s wall, {cpu:.1f} s CPU ->"
        f" {megabytes / wall:.3f} MB/s wall, {megabytes / (cpu / 2):.3f} MB/s by CPU/2"
    )
    return wall, cpu, db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--trees", type=Path, nargs="+", default=[Path(".")], help="source trees to time"
    )
    args = parser.parse_args()
    root = require_data()
    texts = bulk_articles(root, args.articles)
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    with tempfile.TemporaryDirectory(prefix="bulk-add-") as tmp:
        folder = Path(tmp)
        (folder / "articles").mkdir()
        paths = write_articles(folder / "articles", texts)
        env = {**os.environ, "FACTCHECK_CACHE_DIR": str(folder / "cache")}
        env.pop("FACTCHECK_DB", None)
        for tree in args.trees:  # warm each tree's optimised-graph cache, untimed
            warm = folder / "warm.txt"
            warm.write_text(texts[0], encoding="utf-8")
            run_cli(tree, ["--db", str(folder / f"warm{id(tree)}.db"), "split", str(warm)], env)
        print(
            f"{len(texts)} articles, {megabytes:.2f} MB (mean {megabytes * 1000 / len(texts):.2f}"
            f" KB), {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
        )
        totals: dict[Path, list[tuple[float, float]]] = {t: [] for t in args.trees}
        for r in range(args.rounds):
            order = args.trees if r % 2 == 0 else args.trees[::-1]
            print(f"round {r + 1} (load {os.getloadavg()[0]:.1f}):")
            dbs = {}
            for tree in order:
                wall, cpu, dbs[tree] = one_round(tree, paths, megabytes, folder, env)
                totals[tree].append((wall, cpu))
            baseline = pysbd_bulk(paths)
            if baseline is not None:
                print(
                    f"  pysbd (baseline), 2 processes: {baseline[0]:.1f} s wall, "
                    f"{baseline[1]:.1f} s CPU -> {megabytes / baseline[0]:.3f} MB/s wall"
                )
            if len(args.trees) == 2:
                first, second = args.trees
                ours, theirs = claims_of(dbs[first]), claims_of(dbs[second])
                same = ours == theirs
                if not same:
                    differing = [(a, b) for a, b in zip(ours, theirs, strict=False) if a != b]
                    print(f"  {len(ours)} and {len(theirs)} claims; {len(differing)} differ:")
                    for a, b in differing[:3]:
                        print(f"    {a[:6]}\n    {b[:6]}")
                (wall_a, cpu_a), (wall_b, cpu_b) = totals[first][-1], totals[second][-1]
                print(
                    f"  {second} / {first}: wall {wall_b / wall_a:.3f}x, CPU {cpu_b / cpu_a:.3f}x;"
                    f" claims identical: {'yes' if same else 'NO'}"
                )
        if len(args.trees) == 2 and args.rounds > 1:
            first, second = args.trees
            for n, name in ((0, "wall"), (1, "CPU")):
                ratios = [b[n] / a[n] for a, b in zip(totals[first], totals[second], strict=True)]
                print(
                    f"{second} / {first} {name}: median {statistics.median(ratios):.3f}x"
                    f" ({min(ratios):.3f}-{max(ratios):.3f}) over {len(ratios)} rounds"
                )


if __name__ == "__main__":
    main()
