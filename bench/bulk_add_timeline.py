"""The start-up of a bulk `factcheck add` and the CPU of its storing process, per tree.

    nice -n 10 python bench/bulk_add_timeline.py --articles 40 --rounds 4 --trees BASE .

Runs `python -m factcheck --db NEW add FILES` (articles as in bench_bulk_add.py) from
each tree's sources, trees alternating, inside a wrapper that prints when the worker
processes were spawned (`ProcessPoolExecutor._spawn_process`), when documents 1 and N
were stored (`ingest._store_article`), and at exit the CPU of the command's own process
(`getrusage(SELF)`: reading, storing, start-up) and of its children (the workers).
Why: on a shared two-core machine the wall time of a whole bulk add moves with the
other processes' load far more than a start-up change; these parts do not.
Exits 0 with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_bulk_add import bulk_articles, write_articles
from train_checkworthiness_linear import require_data

WRAPPER = r"""
import resource, runpy, sys, time
T0 = time.perf_counter()
import concurrent.futures.process as process
spawn = process.ProcessPoolExecutor._spawn_process
def timed_spawn(self):
    print(f"spawn {time.perf_counter() - T0:.3f}", file=sys.stderr)
    spawn(self)
process.ProcessPoolExecutor._spawn_process = timed_spawn
import factcheck.ingest as ingest
store = ingest._store_article
stored = [0]
def timed_store(*args, **kwargs):
    result = store(*args, **kwargs)
    stored[0] += 1
    print(f"stored{stored[0]} {time.perf_counter() - T0:.3f}", file=sys.stderr)
    return result
ingest._store_article = timed_store
sys.argv = ["factcheck", *sys.argv[1:]]
try:
    runpy.run_module("factcheck", run_name="__main__", alter_sys=True)
finally:
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(f"end {time.perf_counter() - T0:.3f}", file=sys.stderr)
    print(f"parent_cpu {me.ru_utime + me.ru_stime:.3f}", file=sys.stderr)
"""


def one_run(tree: Path, paths: list[str], folder: Path) -> dict[str, float]:
    db = Path(tempfile.mkdtemp(dir=folder)) / "bulk.db"
    env = {**os.environ, "PYTHONPATH": str(tree.resolve()), "FACTCHECK_CACHE_DIR": str(folder)}
    env.pop("FACTCHECK_DB", None)
    before = os.times()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, "--db", str(db), "add", *paths],
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    after = os.times()
    marks: dict[str, float] = {}
    for line in done.stderr.splitlines():
        name, _, value = line.partition(" ")
        if name in ("spawn",) and name in marks:
            continue  # the first spawn is the one that matters
        try:
            marks[name] = float(value)
        except ValueError:
            continue
    children = after.children_user + after.children_system
    marks["children_cpu"] = (
        children - before.children_user - before.children_system - marks["parent_cpu"]
    )
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--trees", type=Path, nargs="+", default=[Path(".")])
    args = parser.parse_args()
    texts = bulk_articles(require_data(), args.articles)
    last = f"stored{args.articles}"
    with tempfile.TemporaryDirectory(prefix="bulk-timeline-") as tmp:
        folder = Path(tmp)
        (folder / "articles").mkdir()
        paths = write_articles(folder / "articles", texts)
        for tree in args.trees:  # warm each tree's optimised-graph cache, untimed
            one_run(tree, paths[:8], folder)
        runs: dict[Path, list[dict[str, float]]] = {tree: [] for tree in args.trees}
        for r in range(args.rounds):
            order = args.trees if r % 2 == 0 else args.trees[::-1]
            for tree in order:
                marks = one_run(tree, paths, folder)
                runs[tree].append(marks)
                print(
                    f"round {r + 1} (load {os.getloadavg()[0]:.1f}) {tree}: workers spawned at"
                    f" {marks['spawn']:.2f} s, document 1 stored at {marks['stored1']:.2f} s,"
                    f" document {args.articles} at {marks[last]:.2f} s; CPU: this process"
                    f" {marks['parent_cpu']:.2f} s, workers {marks['children_cpu']:.2f} s"
                )
        for tree in args.trees:
            print(
                f"{tree}: median over {args.rounds} rounds: spawned at"
                f" {statistics.median(m['spawn'] for m in runs[tree]):.2f} s, document 1 at"
                f" {statistics.median(m['stored1'] for m in runs[tree]):.2f} s, all at"
                f" {statistics.median(m[last] for m in runs[tree]):.2f} s; CPU this process"
                f" {statistics.median(m['parent_cpu'] for m in runs[tree]):.2f} s, workers"
                f" {statistics.median(m['children_cpu'] for m in runs[tree]):.2f} s"
            )


if __name__ == "__main__":
    main()
