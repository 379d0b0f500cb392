"""What the document tallies cost on writes and what they save `factcheck documents`.

    python bench/bench_document_tallies.py --claims 100000 --rounds 3

Issue 15: `documents` <= 1.2x the GROUP BY anchor (`bench_scale.py --only documents`).
The tallies (schema step 12 -> 13) are kept by triggers, so every write pays for them.
This bench measures that price in one run, against the same store with the tally
triggers dropped (the only difference), interleaved round by round:

- build: `Store.add_document` of the CoAID articles (copies, as `bench_scale` builds its
  databases) up to `--claims` claims, then 10% of them marked in batches of 1,000;
- mark: one verdict written and committed (`Store.mark` of one claim), `--marks` times
  on the built database;
- documents: `factcheck documents` against the `sqlite-utils query --csv` GROUP BY anchor
  on the built database, `--rounds` interleaved processes each (wall and CPU).

Splitting the articles is done once, before any timing. Skips cleanly without
../shared/data.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import DATA, DOCUMENTS_SQL, add_copies, coaid_articles, joined

BIN = Path(sys.executable).parent
TALLY_TRIGGERS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%tallies%'"


def drop_tally_triggers(store) -> None:  # type: ignore[no-untyped-def]
    """The store as it would be without the tallies' upkeep (their reads then go stale)."""
    with store.transaction() as conn:
        for (name,) in list(conn.execute(TALLY_TRIGGERS)):
            conn.execute(f"DROP TRIGGER {name}")


def build(path: Path, articles, split, claims_wanted: int, *, tallies: bool) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """CPU seconds of (adding every document, marking 10%) into a new store at `path`."""
    from factcheck.models import Status
    from factcheck.store import Store

    store = Store(path)
    if not tallies:
        drop_tally_triggers(store)
    started = time.process_time()
    for _ in add_copies(store, articles, split, claims_wanted):
        pass
    added = time.process_time() - started
    ids = [row[0] for row in store.db.execute("SELECT id FROM claims ORDER BY id")]
    decided = random.Random(15).sample(ids, len(ids) // 10)
    started = time.process_time()
    for start in range(0, len(decided), 1000):
        status = Status.SUPPORTED if start % 2000 == 0 else Status.DISPUTED
        store.mark(decided[start : start + 1000], status, reviewer="bench", note="bench verdict")
    marked = time.process_time() - started
    store.close()
    return added, marked


def single_marks(path: Path, marks: int, *, tallies: bool) -> list[float]:
    """Wall seconds of `marks` one-claim verdicts, each its own committed transaction."""
    from factcheck.store import Store

    store = Store(path)
    if not tallies:
        drop_tally_triggers(store)
    ids = [row[0] for row in store.db.execute("SELECT id FROM claims ORDER BY id")]
    rng = random.Random(7)
    times = []
    for _ in range(marks):
        claim_id = rng.choice(ids)
        started = time.perf_counter()
        store.mark([claim_id], rng.choice(["supported", "disputed"]), reviewer="ana")
        times.append(time.perf_counter() - started)
    store.close()
    return times


def split_articles(cache: Path):  # type: ignore[no-untyped-def]
    """The CoAID articles and their claims, split once and kept in `cache`."""
    if cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    from factcheck.claims.splitter import split_claims

    articles = coaid_articles()
    found = (articles, [split_claims(text) for _, _, text in articles])
    with cache.open("wb") as handle:
        pickle.dump(found, handle)
    return found


def process(args: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one process, its output thrown away."""
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"{args[0]} failed: {child.stderr.read().decode() if child.stderr else ''}"
        )
    return wall, usage.ru_utime + usage.ru_stime


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f} [{min(values):.3f}-{max(values):.3f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved build rounds")
    parser.add_argument("--marks", type=int, default=200, help="one-claim verdicts a round")
    parser.add_argument("--documents-rounds", type=int, default=7)
    parser.add_argument("--join", type=int, default=1, help="articles a document (1M: 10)")
    parser.add_argument(
        "--no-bare", action="store_true", help="build only with the tallies (no write ratio)"
    )
    parser.add_argument(
        "--split-cache",
        default=str(Path(tempfile.gettempdir()) / "factcheck-coaid-split.pickle"),
        help="where the split articles are kept between runs (splitting takes minutes)",
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the shared data folder is not in a fresh clone)")
        return
    articles, split = joined(*split_articles(Path(args.split_cache)), args.join)
    folder = Path(tempfile.mkdtemp(prefix="tallies-"))
    results: dict[str, dict[str, list[float]]] = {
        kind: {"add": [], "mark10%": [], "mark1": []} for kind in ("tallies", "no triggers")
    }
    try:
        for number in range(args.rounds):
            order = ("tallies", "no triggers") if number % 2 == 0 else ("no triggers", "tallies")
            if args.no_bare:
                order = ("tallies",)
            for kind in order:
                path = folder / f"{kind.replace(' ', '-')}-{number}.db"
                added, marked = build(path, articles, split, args.claims, tallies=kind == "tallies")
                ones = single_marks(path, args.marks, tallies=kind == "tallies")
                results[kind]["add"].append(added)
                results[kind]["mark10%"].append(marked)
                results[kind]["mark1"].append(statistics.median(ones) * 1000)
                print(
                    f"round {number + 1} {kind:<11}: add {added:.2f} s CPU, mark 10% {marked:.2f}"
                    f" s CPU, one verdict median {statistics.median(ones) * 1000:.2f} ms wall",
                    flush=True,
                )
        for figure in ("add", "mark10%", "mark1") if not args.no_bare else ():
            ours, bare = results["tallies"][figure], results["no triggers"][figure]
            ratios = [a / b for a, b in zip(ours, bare, strict=True)]
            print(
                f"{figure}: tallies {spread(ours)}, no triggers {spread(bare)},"
                f" ratio per round {' '.join(f'{r:.3f}' for r in ratios)}"
            )
        db = folder / "tallies-0.db"
        docs, claims = (
            sqlite3.connect(db)
            .execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims)")
            .fetchone()
        )
        print(f"documents figure on {claims:,} claims in {docs:,} documents")
        factcheck, anchor_cli = str(BIN / "factcheck"), str(BIN / "sqlite-utils")
        process([factcheck, "--db", str(db), "list", "--limit", "1"])  # ANALYZE, warm
        ours_runs, anchor_runs = [], []
        for _ in range(args.documents_rounds):
            anchor_runs.append(process([anchor_cli, "query", str(db), DOCUMENTS_SQL, "--csv"]))
            ours_runs.append(process([factcheck, "--db", str(db), "documents"]))
        for index, label in ((0, "wall"), (1, "CPU")):
            ours = [run[index] for run in ours_runs]
            anchor = [run[index] for run in anchor_runs]
            ratios = [a / b for a, b in zip(ours, anchor, strict=True)]
            print(
                f"documents {label}: factcheck {spread(ours)} s, GROUP BY anchor"
                f" {spread(anchor)} s, ratio {spread(ratios)}"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
