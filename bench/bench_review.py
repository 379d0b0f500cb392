"""Benchmark the review screen: first paint over a 10,000-claim document, and the cost
of one verdict keypress. Each figure is printed next to a baseline measured in the same
process (a bare Textual app's first paint; the raw `store.mark` call) as a ratio.

The document is real text: CoAID news articles (../shared/data/coaid) joined into one
article and split by `factcheck.claims.splitter.split_claims` until it holds 10,000 claims,
so the screen faces the worst case (every claim of the database in one list).

    python bench/bench_review.py [--claims 10000] [--presses 50] [--size 160x45]

Targets (issue 5): first paint < 0.5 s; verdict keypress committed < 20 ms.

The scripted sitting (issue 13, `--only sitting`): a 100-claim document reviewed
through Pilot at 120x40 with the keys a reviewer uses (`s`/`d`/`u`, `x` for noise,
`space` to put a claim off, a mistake undone with ctrl+z now and then), in two
sessions: the reviewer quits after 40% and comes back. It reports keypresses per
decided claim (navigation counted; target <= 1.3), the time from launch to the first
undecided claim shown on coming back, and key-to-repaint latency (key sent -> the last
frame it caused) against a bare Textual app in the same run (target <= 2x): a full-
screen OptionList whose key moves the highlight one row (two rows repainted, a scroll
at the bottom: the work of one list-row move), with the older baseline, a key that
rewrites one short Static, printed beside it.
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
    from factcheck.claims.splitter import split_claims
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
    from factcheck.tui.screens.review_screen import ReviewScreen

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


# -- the scripted sitting (issue 13) -------------------------------------------------------

SITTING_SIZE = (120, 40)
CAME_BACK_AFTER = 0.4
"""The share of the shown claims decided in a first session before the reviewer quits:
the second session must open on the first claim left."""


class RepaintClock:
    """When the app last put a new frame on the (headless) screen: every compositor
    update goes through `App._display`, which a headless driver only skips writing."""

    def __init__(self, app) -> None:
        self.frames: list[float] = []
        self.cpu: list[float] = []
        """CPU seconds of each key that caused a frame (the sleep-wait included)."""
        display = app._display

        def timed_display(screen, renderable) -> None:
            if renderable is not None:
                self.frames.append(time.perf_counter())
            display(screen, renderable)

        app._display = timed_display

    async def key_to_repaint(self, pilot, key: str) -> float | None:
        """Seconds from the key sent to the last frame it caused (None: no frame).

        The app is left alone until no frame has come for `QUIET` seconds, so a chain
        of messages (verdict, then cursor move, then the claim strip) counts in full.
        The process's CPU time over the same span goes to `cpu` (what the key cost,
        whatever else the shared machine is doing).
        """
        before = len(self.frames)
        start = time.perf_counter()
        cpu_start = time.process_time()
        await pilot.press(key)
        while True:
            await asyncio.sleep(0.005)
            last = self.frames[-1] if len(self.frames) > before else start
            if time.perf_counter() - last >= QUIET:
                break
        if len(self.frames) == before:
            return None
        self.cpu.append(time.process_time() - cpu_start)
        return self.frames[-1] - start


QUIET = 0.06
"""No new frame for this long: the key's repaint is over (several 60 Hz frames)."""


def reviewer_key(claim_id: int, visits: int) -> str:
    """The key a reviewer presses on a claim, fixed per claim (a hash, no clock): most
    claims are judged at once; one in ten is put off with `space` on the first visit
    and judged when the wrap brings it back; some are noise (`x`, not a claim)."""
    roll = (claim_id * 2654435761) % 100
    if roll < 10 and visits == 0:
        return "space"
    if roll < 18:
        return "x"
    if roll < 36:
        return "d"
    if roll < 56:
        return "u"
    return "s"


async def review_until_done(app, *, stop_after: int | None, mistakes_every: int = 15):
    """Press a reviewer's keys until every shown claim is decided (or `stop_after`
    decisions). Every `mistakes_every`-th decision is first keyed wrong, then undone
    with ctrl+z and keyed again (the undo lands back on the claim)."""
    from factcheck.tui.screens.review_screen import ReviewScreen

    clock = RepaintClock(app)
    keys: list[str] = []
    latencies: list[float] = []
    decisions = 0
    visits: dict[int, int] = {}
    async with app.run_test(size=SITTING_SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        while stop_after is None or decisions < stop_after:
            claim_id = screen.selected_id
            if claim_id is None or screen.next_undecided(None) is None:
                break
            key = reviewer_key(claim_id, visits.get(claim_id, 0))
            visits[claim_id] = visits.get(claim_id, 0) + 1
            if key != "space":
                decisions += 1
                if decisions % mistakes_every == 0:
                    wrong = "d" if key == "s" else "s"
                    for extra in (wrong, "ctrl+z"):
                        keys.append(extra)
                        latencies.append(await clock.key_to_repaint(pilot, extra) or 0.0)
            keys.append(key)
            latency = await clock.key_to_repaint(pilot, key)
            if latency is not None:
                latencies.append(latency)
            if len(keys) > 2000:
                raise RuntimeError("the sitting does not converge")
        await pilot.press("q")
    return keys, latencies, clock.cpu


async def launch_to_first_undecided(app, expected: int) -> float:
    """Seconds from starting the app to a frame with claim `expected` selected."""
    from factcheck.tui.screens.review_screen import ReviewScreen

    start = time.perf_counter()
    shown: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        if (
            renderable is not None
            and not shown
            and isinstance(screen, ReviewScreen)
            and screen.selected_id == expected
        ):
            shown.append(time.perf_counter())

    app._display = timed_display
    async with app.run_test(size=SITTING_SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
    if not shown:
        raise RuntimeError(f"claim {expected} was never shown first")
    return shown[0] - start


BARE_LIST_ROWS = 100
"""Rows of the bare list app's OptionList (more than the 40-row screen, so it scrolls)."""


async def bare_key_to_repaint(presses: int, kind: str = "list") -> tuple[list[float], list[float]]:
    """The baseline, on the same clock. `kind`:

    - "list" (the honest one): a bare Textual app whose whole 120x40 screen is an
      `OptionList` of `BARE_LIST_ROWS` one-line rows; each key moves the highlight one
      row down (`action_cursor_down`), so two rows change and the list scrolls when the
      highlight reaches the bottom, as a list-row move on the review screen does.
    - "noop": the figure recorded before: one `Static` whose text goes "0", "1", ...
      (a few cells repainted: close to Textual's floor, not comparable work).
    """
    from textual.app import App
    from textual.widgets import OptionList, Static

    class BareList(App[None]):
        BINDINGS = [("s", "down", "down")]  # noqa: RUF012

        def compose(self):  # type: ignore[no-untyped-def]
            yield OptionList(
                *(f"row {n}: a claim-length line of text to repaint" for n in range(BARE_LIST_ROWS))
            )

        def on_mount(self) -> None:
            self.query_one(OptionList).highlighted = 0

        def action_down(self) -> None:
            options = self.query_one(OptionList)
            if options.highlighted == BARE_LIST_ROWS - 1:
                options.highlighted = 0
            else:
                options.action_cursor_down()

    class BareStatic(App[None]):
        BINDINGS = [("s", "count", "count")]  # noqa: RUF012
        pressed = 0

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("0", id="count")

        def action_count(self) -> None:
            self.pressed += 1
            self.query_one("#count", Static).update(str(self.pressed))

    app = BareList() if kind == "list" else BareStatic()
    clock = RepaintClock(app)
    latencies = []
    async with app.run_test(size=SITTING_SIZE) as pilot:
        await pilot.pause()
        for _ in range(presses):
            latency = await clock.key_to_repaint(pilot, "s")
            if latency is not None:
                latencies.append(latency)
    return latencies, clock.cpu


FIXED_KEYS = ["s", "d", "u", "j", "k"] * 12
"""`--only keys`: keys every version of the screen has, so the same figure can be taken
on an older checkout (PYTHONPATH=../old python bench/bench_review.py --only keys)."""


async def fixed_keys_to_repaint(app) -> tuple[list[float], list[float]]:
    """Key -> last repaint for `FIXED_KEYS` from the screen's first claim."""
    clock = RepaintClock(app)
    latencies = []
    async with app.run_test(size=SITTING_SIZE) as pilot:
        await pilot.pause()
        for key in FIXED_KEYS:
            latency = await clock.key_to_repaint(pilot, key)
            if latency is not None:
                latencies.append(latency)
    return latencies, clock.cpu


def run_fixed_keys(claims: int) -> None:
    """The fixed key sequence on a `claims`-claim document, against the bare app."""
    import factcheck
    from factcheck.config import Config, ReviewConfig
    from factcheck.tui import make_app

    with tempfile.TemporaryDirectory() as tmp:
        store, claim_count, _ = build_database(Path(tmp) / "claims.db", claims)
        config = Config(review=ReviewConfig(reviewer="bench"))
        latencies, cpu = asyncio.run(fixed_keys_to_repaint(make_app(store, config, document_id=1)))
        bare, bare_cpu = asyncio.run(bare_key_to_repaint(len(FIXED_KEYS), "list"))
        noop, noop_cpu = asyncio.run(bare_key_to_repaint(len(FIXED_KEYS), "noop"))
        print(f"fixed keys (s d u j k) x 12, {claim_count} claims, code from {factcheck.__file__}")
        for name, values, cpus in (
            ("review", latencies, cpu),
            ("bare list", bare, bare_cpu),
            ("bare noop", noop, noop_cpu),
        ):
            print(
                f"  {name:<9} key -> last repaint median {statistics.median(values) * 1000:.1f} ms,"
                f" p95 {percentile(values, 0.95) * 1000:.1f} ms;"
                f" CPU a key {statistics.median(cpus) * 1000:.1f} ms"
            )
        store.close()


def first_listed_undecided(store) -> int | None:
    """The claim the screen should open on: the first undecided check-worthy one."""
    for claim in store.list_claims(document_id=1, min_score=0.5):
        if not claim.decided:
            return claim.id
    return None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_sitting(claims: int) -> None:
    """Build a `claims`-claim document, review part of it, quit, come back, finish."""
    from factcheck.config import Config, ReviewConfig
    from factcheck.desk.session import ReviewSession, progress_line
    from factcheck.tui import make_app

    with tempfile.TemporaryDirectory() as tmp:
        store, claim_count, chars = build_database(Path(tmp) / "claims.db", claims)
        config = Config(review=ReviewConfig(reviewer="bench"))
        app = make_app(store, config, document_id=1)
        shown = len(store.list_claims(document_id=1, min_score=0.5))
        print(
            f"sitting: 1 document, {claim_count} claims ({shown} check-worthy, shown by"
            f" default), {chars:,} characters of CoAID news, {SITTING_SIZE[0]}x{SITTING_SIZE[1]}"
        )
        first_keys, first_latencies, first_cpu = asyncio.run(
            review_until_done(app, stop_after=round(shown * CAME_BACK_AFTER))
        )
        expected = first_listed_undecided(store)
        assert expected is not None
        launch = min(
            asyncio.run(launch_to_first_undecided(make_app(store, config, document_id=1), expected))
            for _ in range(3)
        )
        second_keys, second_latencies, second_cpu = asyncio.run(
            review_until_done(make_app(store, config, document_id=1), stop_after=None)
        )
        keys = first_keys + second_keys
        latencies = first_latencies + second_latencies
        cpu = first_cpu + second_cpu
        session = ReviewSession(store, 1, reviewer="bench")
        progress = session.progress()
        decided = progress.reviewed + progress.dismissed
        bare, bare_cpu = asyncio.run(bare_key_to_repaint(len(latencies), "list"))
        noop, noop_cpu = asyncio.run(bare_key_to_repaint(len(latencies), "noop"))
        print(f"  {progress_line(progress)}, {progress.dismissed} not a claim")
        print(
            f"  keys pressed {len(keys)} for {decided} claims decided or dismissed:"
            f" {len(keys) / decided:.2f} keys a claim (target <= 1.3;"
            f" {keys.count('space')} space, {keys.count('ctrl+z')} ctrl+z)"
        )
        print(
            f"  launch -> first undecided claim (#{expected}) shown, best of 3:"
            f" {launch * 1000:.0f} ms"
        )
        review_median = statistics.median(latencies) * 1000
        bare_median = statistics.median(bare) * 1000
        review_cpu = statistics.median(cpu) * 1000
        bare_cpu_ms = statistics.median(bare_cpu) * 1000
        print(
            f"  key -> last repaint, {len(latencies)} keys: median {review_median:.1f} ms,"
            f" p95 {percentile(latencies, 0.95) * 1000:.1f} ms; CPU a key {review_cpu:.1f} ms"
        )
        print(
            f"  bare app, OptionList row move:   median {bare_median:.1f} ms,"
            f" p95 {percentile(bare, 0.95) * 1000:.1f} ms; CPU a key {bare_cpu_ms:.1f} ms"
        )
        print(
            f"  bare app, one Static (old no-op): median {statistics.median(noop) * 1000:.1f} ms,"
            f" p95 {percentile(noop, 0.95) * 1000:.1f} ms;"
            f" CPU a key {statistics.median(noop_cpu) * 1000:.1f} ms"
            f" (ratio {review_median / (statistics.median(noop) * 1000):.2f}x)"
        )
        print(
            f"  ratio review / bare list, median {review_median / bare_median:.2f}x wall,"
            f" {review_cpu / bare_cpu_ms:.2f}x CPU   target <= 2x"
        )
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--size", default="160x45")
    parser.add_argument(
        "--only",
        choices=["paint", "sitting", "keys"],
        help="run one part (default: paint and sitting)",
    )
    parser.add_argument("--sitting-claims", type=int, default=100)
    args = parser.parse_args()
    if not DATA.is_dir():
        print("skipped: ../shared/data not found")
        return 0
    if args.only == "keys":
        run_fixed_keys(args.sitting_claims)
        return 0
    if args.only != "paint":
        run_sitting(args.sitting_claims)
    if args.only == "sitting":
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
