"""Benchmark span edits by hand: a span key on the review screen, and saving a version.

Each figure is printed next to a baseline measured in the same process, as a ratio:

- a `}` keypress through Pilot (span moved, list line and article highlight redrawn,
  no I/O) against `j` on the same screen and against a no-op key on a bare Textual app
  (the issue's baseline for key-to-repaint);
- `move_span` alone, on the seed and inside a ~1 MB document (the paragraph search is
  capped, so a book costs what an article does);
- saving one version (`edit_claim_span`: re-scored by the transformer, one transaction)
  against `store.mark` (the verdict write every other key makes), which is why span keys
  are debounced rather than saved one by one.

    python bench/bench_span_edit.py [--presses 40] [--saves 40]

Needs no shared data (the seed article ships in seeds/).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = REPO_ROOT / "seeds" / "xi-lee-call.txt"
sys.path.insert(0, str(REPO_ROOT))


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {1000 * statistics.median(values):.2f} ms, p95 {1000 * p95:.2f} ms"


def ratio(a: list[float], b: list[float]) -> str:
    return f"{statistics.median(a) / statistics.median(b):.2f}x"


async def press_costs(app, keys: list[str]) -> list[float]:
    costs = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in keys:
            start = time.perf_counter()
            await pilot.press(key)
            costs.append(time.perf_counter() - start)
    return costs


async def bare_press_costs(presses: int) -> list[float]:
    from textual.app import App

    class Bare(App[None]):
        BINDINGS = [("j", "noop", "noop")]  # noqa: RUF012

        def action_noop(self) -> None:
            pass

    return await press_costs(Bare(), ["j"] * presses)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--saves", type=int, default=40)
    args = parser.parse_args()

    from factcheck.claims.checkworthiness.scoring import preload
    from factcheck.config import Config, ReviewConfig
    from factcheck.desk.span_edit import SpanMove, edit_claim_span, move_span
    from factcheck.ingest import Article, add_article
    from factcheck.store import Store
    from factcheck.tui import make_app

    preload()  # measured apart: loading the transformer once costs ~0.5 s
    text = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "claims.db")
        add_article(store, Article(text, title="seed", source=str(SEED)))
        config = Config(review=ReviewConfig(reviewer="bench"))

        # keypresses: } widens claim 1's end (then { back, so the span stays in its
        # paragraph), against j/k on the same screen and a bare app's no-op key
        span_keys = ["right_curly_bracket", "left_curly_bracket"] * (args.presses // 2)
        span = asyncio.run(press_costs(make_app(store, config, [], document_id=1), span_keys))
        cursor = asyncio.run(
            press_costs(
                make_app(store, config, [], document_id=1), ["j", "k"] * (args.presses // 2)
            )
        )
        bare = asyncio.run(bare_press_costs(args.presses))
        print(f"span key round trip (Pilot)   {ms(span)}")
        print(f"j/k on the same screen        {ms(cursor)}   span key / j: {ratio(span, cursor)}")
        print(f"bare Textual app, no-op key   {ms(bare)}   span key / bare: {ratio(span, bare)}")

        # move_span alone, in the seed and in the middle of a ~1 MB document
        claim = store.list_claims()[0]
        moves = []
        for _ in range(2000):
            start = time.perf_counter()
            move_span(text, claim.start, claim.end, SpanMove.END_RIGHT)
            moves.append(time.perf_counter() - start)
        book = (text + "\n\n") * 300
        middle = len(book) // 2 + book[len(book) // 2 :].index(claim.text)
        book_moves = []
        for _ in range(2000):
            start = time.perf_counter()
            move_span(book, middle, middle + len(claim.text), SpanMove.END_RIGHT)
            book_moves.append(time.perf_counter() - start)
        print(f"move_span, seed               {ms(moves)}")
        print(
            f"move_span, {len(book) / 1e6:.1f} MB document     {ms(book_moves)}"
            f"   / seed: {ratio(book_moves, moves)}"
        )

        # one saved version (re-scored) against one verdict write
        assert claim.id is not None
        spans = [(claim.start, claim.end), move_span(text, claim.start, claim.end, "end-right")]
        saves = []
        for i in range(args.saves):
            start_at, end_at = spans[i % 2] or spans[0]
            start = time.perf_counter()
            edit_claim_span(store, claim.id, start_at, end_at, reviewer="bench")
            saves.append(time.perf_counter() - start)
        marks = []
        for i in range(args.saves):
            start = time.perf_counter()
            store.mark([claim.id], "supported" if i % 2 else "disputed", reviewer="bench")
            marks.append(time.perf_counter() - start)
        print(f"save one span version         {ms(saves)}")
        print(f"store.mark (a verdict write)  {ms(marks)}   save / mark: {ratio(saves, marks)}")
        print(f"versions kept for claim {claim.id}: {len(store.claim_versions(claim.id))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
