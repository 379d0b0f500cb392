"""Issue 13 must not slow issue 15's listings: `list` and `documents` after the
decided / dismissed / repeat columns, against the checkout before them, same run.

Uses the claims.db files bench/bench_scale.py builds and caches (CoAID articles, 10%
decided); each checkout gets its own copy (this one migrates its copy, which an older
checkout could no longer open). Figures: the schema migration of the copy, then
`list --status=unverified` as table / csv / json, `list` (table) and `documents`, each a
process wall time and peak RSS, ours next to the baseline's, as a ratio. Last, the same
listings on our copy after 2% of its claims are made repeats and 1% dismissed (the
`(×N)` column then probes the `duplicate_of` index per row). Prints figures; asserts
nothing.

    python bench/bench_list_decisions.py --claims 1000000 --baseline /work/main

Skips cleanly when ../shared/data is absent (bench_scale needs it to build a file).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale  # a sibling script, not a package

LISTINGS = {
    "list --status=unverified (table)": ["list", "--status", "unverified"],
    "list --status=unverified (csv)": ["list", "--status", "unverified", "--format", "csv"],
    "list --status=unverified (json)": ["list", "--status", "unverified", "--format", "json"],
    "list (table)": ["list"],
    "documents": ["documents"],
}


def copy_of(path: Path, name: str) -> Path:
    copy = bench_scale.CACHE / f"decisions-{name}-{path.name}"
    shutil.copyfile(path, copy)
    for extra in ("-wal", "-shm"):
        Path(f"{copy}{extra}").unlink(missing_ok=True)
    return copy


def group_and_dismiss(path: Path) -> tuple[int, int]:
    """Make every 50th claim a repeat of the claim before it in its document, and every
    100th (of the rest) dismissed; the counts made."""
    conn = sqlite3.connect(path)
    with conn:
        repeats = conn.execute(
            "UPDATE claims SET duplicate_of = (SELECT max(p.id) FROM claims p"
            " WHERE p.document_id = claims.document_id AND p.id < claims.id"
            " AND p.duplicate_of IS NULL) WHERE id % 50 = 0"
        ).rowcount
        dismissed = conn.execute(
            "UPDATE claims SET status = 'dismissed', decided = 1"
            " WHERE id % 100 = 1 AND duplicate_of IS NULL"
        ).rowcount
    conn.close()
    return repeats, dismissed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000, help="database size")
    parser.add_argument("--baseline", required=True, help="checkout before issue 13 (.venv)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each listing")
    args = parser.parse_args()
    if not bench_scale.DATA.is_dir():
        print(f"skipped: {bench_scale.DATA} is absent")
        return
    source = bench_scale.database(args.claims)
    theirs_bin = str(Path(args.baseline) / ".venv" / "bin" / "factcheck")
    ours_db, theirs_db = copy_of(source, "ours"), copy_of(source, "baseline")
    for name, binary, path in (
        ("ours", bench_scale.FACTCHECK, ours_db),
        ("baseline", theirs_bin, theirs_db),
    ):
        started = time.perf_counter()
        bench_scale.run([binary, "--db", str(path), "list", "--limit", "1"])
        print(f"{name}: migration + first list --limit 1: {time.perf_counter() - started:.2f} s")
    print("| figure | claims | ours | baseline | ratio |")
    print("|---|---|---|---|---|")
    for figure, command in LISTINGS.items():
        ours = bench_scale.best(
            [bench_scale.FACTCHECK, "--db", str(ours_db), *command], args.repeat
        )
        theirs = bench_scale.best([theirs_bin, "--db", str(theirs_db), *command], args.repeat)
        print(
            f"| {figure} | {args.claims:,} | {ours[0]:.2f} s, {ours[1]:.0f} MB"
            f" | {theirs[0]:.2f} s, {theirs[1]:.0f} MB | {ours[0] / theirs[0]:.2f}x |",
            flush=True,
        )
    repeats, dismissed = group_and_dismiss(ours_db)
    print(f"ours after {repeats:,} repeats and {dismissed:,} dismissed claims:")
    for figure in ("list --status=unverified (table)", "list (table)", "documents"):
        ours = bench_scale.best(
            [bench_scale.FACTCHECK, "--db", str(ours_db), *LISTINGS[figure]], args.repeat
        )
        print(f"| {figure}, grouped | {args.claims:,} | {ours[0]:.2f} s, {ours[1]:.0f} MB |")
    for path in (ours_db, theirs_db):
        for extra in ("", "-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
