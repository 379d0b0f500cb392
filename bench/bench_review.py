"""Benchmark the review screen: first paint over a 10,000-claim document, and the cost
of one verdict keypress. Each figure is printed next to a baseline measured in the same
process (a bare Textual app's first paint; the raw `store.mark` call) as a ratio.

The document is real text: CoAID news articles (../shared/data/coaid) joined into one
article and split by `factcheck.splitter.split_claims` until it holds 10,000 claims,
so the screen faces the worst case (every claim of the database in one list).

    python bench/bench_review.py [--claims 10000] [--presses 50] [--size 160x45]

Targets (issue 5): first paint < 0.5 s; verdict keypress committed < 20 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("FACTCHECK_SHARED_DATA") or REPO_ROOT.parent / "shared" / "data")
"""`<repo root>/../shared/data`; FACTCHECK_SHARED_DATA overrides it (for git worktrees)."""


def coaid_texts() -> list[str]:
    """Article bodies from every CoAID news CSV, in a fixed order."""
    csv.field_size_limit(sys.maxsize)
    texts = []
    for path in sorted((DATA / "coaid").glob("*/News*COVID-19.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                content = (row.get("content") or "").strip()
                if len(content) > 200:
                    texts.append(content)
    return texts


def build_database(path: Path, claim_target: int):
    """One document of real news text with exactly `claim_target` claims."""
    from factcheck.splitter import split_claims
    from factcheck.store import Store

    parts, total = [], 0
    for text in coaid_texts():
        parts.append(text)
        total += len(split_claims(text))
        if total >= claim_target * 1.05:  # joining parts merges a few sentences at the seams
            break
    article = "\n\n".join(parts)
    claims = split_claims(article)[:claim_target]
    store = Store(path)
    store.add_document(article, title="CoAID news, joined", source="coaid", claims=claims)
    return store, len(claims), len(article)


async def first_paint(app, size: tuple[int, int]) -> float:
    """Seconds from starting the app to its first screen painted (headless)."""
    start = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - start
        await pilot.press("q")
    return elapsed


async def keypress_costs(
    app, size: tuple[int, int], presses: int
) -> tuple[list[float], list[float], list[float]]:
    """Per `s` keypress: key sent -> verdict committed; the verdict handler's own time
    (commit, glyph, progress, recent strip, advance); the whole Pilot round trip (key
    -> handled -> screen idle and repainted)."""
    from factcheck.tui.screens.review import ReviewScreen

    to_commit, handler, round_trip = [], [], []
    committed_at: list[float] = []
    original_decide = None

    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        original_decide = screen.session.decide
        original_mark = screen.action_mark

        def timed_decide(*args, **kwargs):
            decision = original_decide(*args, **kwargs)
            committed_at.append(time.perf_counter())
            return decision

        def timed_mark(status: str) -> None:
            start = time.perf_counter()
            original_mark(status)
            handler.append(time.perf_counter() - start)

        screen.session.decide = timed_decide  # type: ignore[method-assign]
        screen.action_mark = timed_mark  # type: ignore[method-assign]
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press("s")
            round_trip.append(time.perf_counter() - start)
            to_commit.append(committed_at[-1] - start)
    return to_commit, handler, round_trip


async def pilot_press_overhead(size: tuple[int, int], presses: int) -> list[float]:
    """The same Pilot keypress on a bare app with a no-op binding (harness cost)."""
    from textual.app import App

    class Bare(App[None]):
        BINDINGS = [("s", "noop", "noop")]  # noqa: RUF012

        def action_noop(self) -> None:
            pass

    costs = []
    async with Bare().run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(presses):
            start = time.perf_counter()
            await pilot.press("s")
            costs.append(time.perf_counter() - start)
    return costs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--size", default="160x45")
    args = parser.parse_args()
    if not DATA.is_dir():
        print("skipped: ../shared/data not found")
        return 0
    width, height = (int(n) for n in args.size.split("x"))
    size = (width, height)

    from textual.app import App
    from textual.widgets import Static

    from factcheck.config import Config, ReviewConfig
    from factcheck.models import Status
    from factcheck.tui import make_app

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store, claim_count, chars = build_database(Path(tmp) / "claims.db", args.claims)
        print(
            f"database: 1 document, {claim_count:,} claims, {chars:,} characters of CoAID news"
            f" (built in {time.perf_counter() - started:.1f} s)"
        )
        config = Config(review=ReviewConfig(reviewer="bench"))

        class BareApp(App[None]):
            def compose(self):  # type: ignore[no-untyped-def]
                yield Static("hello")

        asyncio.run(first_paint(BareApp(), size))  # warm imports for both
        bare = min(asyncio.run(first_paint(BareApp(), size)) for _ in range(3))
        review = min(
            asyncio.run(first_paint(make_app(store, config, document_id=1), size)) for _ in range(3)
        )
        print(f"first paint, {args.size}, best of 3:")
        print(f"  review screen ({claim_count:,} claims) {review * 1000:8.1f} ms   target < 500 ms")
        print(f"  bare Textual app (baseline)      {bare * 1000:8.1f} ms")
        print(f"  ratio review / bare              {review / bare:8.2f}x")

        to_commit, handler, round_trip = asyncio.run(
            keypress_costs(make_app(store, config, document_id=1), size, args.presses)
        )
        harness = asyncio.run(pilot_press_overhead(size, args.presses))
        claim_ids = [c.id for c in store.list_claims(document_id=1)][args.presses :][: args.presses]
        raw = []
        for claim_id in claim_ids:
            start = time.perf_counter()
            store.mark([claim_id], Status.DISPUTED, reviewer="bench")
            raw.append(time.perf_counter() - start)
        committed = store.counts(document_id=1)[Status.SUPPORTED]
        commit_ms = statistics.median(to_commit) * 1000
        handler_ms = statistics.median(handler) * 1000
        trip_ms = statistics.median(round_trip) * 1000
        raw_ms = statistics.median(raw) * 1000
        harness_ms = statistics.median(harness) * 1000
        print(f"verdict keypress 's', median of {args.presses} ({committed} committed):")
        print(f"  key sent -> verdict committed    {commit_ms:8.2f} ms   target < 20 ms")
        print(f"  verdict handler (commit + redraw){handler_ms:8.2f} ms")
        print(f"  raw store.mark (baseline)        {raw_ms:8.2f} ms")
        print(f"  ratio key->commit / store.mark   {commit_ms / raw_ms:8.2f}x")
        print(f"  Pilot round trip to idle screen  {trip_ms:8.2f} ms")
        print(f"  same round trip, bare app        {harness_ms:8.2f} ms (harness floor)")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
