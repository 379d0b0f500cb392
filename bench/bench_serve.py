"""Benchmark `factcheck serve` in a real browser: first paint and keypress -> committed,
with 1 and with 4 concurrent reviewer tabs, each against the same review in a terminal.

Baseline (same run): `factcheck review` in a pseudo-terminal, i.e. the same screen and
the same claims.db without the browser, the websocket and textual-serve. The ratio is
what the browser costs on top.

- first paint: page open (`goto`) -> the review screen's header is in xterm.js's buffer
  (read with the same hook as tests/browser); terminal: process start -> the header in
  the pty's output. With 4 tabs, the four pages are opened at once and each is timed.
- keypress -> committed: the key sent to the page (or the pty) -> the verdict row is in
  claims.db (polled every millisecond through a separate connection).
- keypress -> seen by another tab (4 tabs): until another reviewer's page shows the new
  progress (the review screen polls every second, so this is bounded by that interval).

Data: the seed article (seeds/xi-lee-call.txt, 19 claims from the splitter); each tab
moves to claims of its own first, so no verdict overrules another (that would ask).
Needs Chromium at /usr/bin/chromium (FACTCHECK_CHROMIUM) and the playwright package.

    nice -n 10 python bench/bench_serve.py [--repeats 3] [--presses 4]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tests.browser.conftest import (  # noqa: E402  (the same hook and server as the tests)
    CHROMIUM,
    CHROMIUM_ARGS,
    TERMINAL_HOOK,
    screen_text,
    start_serve,
    stop_serve,
)

SEED = REPO_ROOT / "seeds" / "xi-lee-call.txt"
HEADER = "reviewed 0 of"
COLUMNS, ROWS = 140, 44


def seed_desk(path: Path) -> Path:
    from factcheck.ingest import Article, add_article
    from factcheck.store import Store

    with Store(path) as store:
        seed = Article(SEED.read_text(encoding="utf-8"), title="Xi and Lee", source="seed")
        add_article(store, seed)
    return path


def verdict_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM verdicts").fetchone()[0])


def wait_committed(db: Path, before: int, timeout: float = 10.0) -> float:
    start = time.perf_counter()
    while verdict_count(db) <= before:
        if time.perf_counter() - start > timeout:
            raise TimeoutError("verdict not committed")
        time.sleep(0.001)
    return time.perf_counter() - start


# -- the baseline: the same review in a terminal ------------------------------------------


def terminal_review(db: Path, presses: int) -> tuple[float, list[float]]:
    """(first paint, [keypress -> committed]) of `factcheck review 1` in a pty."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS))
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "--db", str(db), "review", "1"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    try:
        while HEADER.encode() not in seen:
            ready, _, _ = select.select([master], [], [], 30)
            if not ready:
                raise TimeoutError("the terminal review never painted")
            seen += os.read(master, 65536)
        paint = time.perf_counter() - start
        _drain(master)
        time.sleep(0.3)  # as in the browser run: the screen settles before the first key
        commits = []
        for _ in range(presses):
            before = verdict_count(db)
            os.write(master, b"s")
            commits.append(wait_committed(db, before))
            _drain(master)
        return paint, commits
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
        os.close(master)


def _drain(fd: int) -> None:
    while select.select([fd], [], [], 0.05)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            return


# -- the browser ---------------------------------------------------------------------------


def browser_run(browser, url: str, db: Path, tabs: int, presses: int) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """Open `tabs` pages at once (one reviewer each), then time verdict keypresses."""
    pages = []
    for _ in range(tabs):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.split("/")[2].startswith("127.0.0.1")
                else route.abort()
            ),
        )
        context.add_init_script(TERMINAL_HOOK)
        pages.append(context.new_page())
    start = time.perf_counter()
    for number, page in enumerate(pages):
        page.goto(f"{url}?reviewer=r{number}", wait_until="commit")
    paints: dict[int, float] = {}
    while len(paints) < tabs:
        for number, page in enumerate(pages):
            if number not in paints and HEADER in screen_text(page):
                paints[number] = time.perf_counter() - start
        if time.perf_counter() - start > 120:
            raise TimeoutError("a tab never painted")
        time.sleep(0.02)
    commits, seen_elsewhere = [], []
    for number, page in enumerate(pages):
        page.focus("textarea.xterm-helper-textarea")
        for _ in range(number * presses):  # onto claims of this reviewer's own
            page.keyboard.press("j")
        time.sleep(0.3)
    for number, page in enumerate(pages):
        page.focus("textarea.xterm-helper-textarea")
        for _ in range(presses):
            before = verdict_count(db)
            page.keyboard.press("s")
            commits.append(wait_committed(db, before))
        if tabs > 1:
            other = pages[(number + 1) % tabs]
            decided = verdict_count(db)
            began = time.perf_counter()
            while f"reviewed {decided} of" not in screen_text(other):
                time.sleep(0.01)
            seen_elsewhere.append(time.perf_counter() - began)
    for page in pages:
        page.context.close()
    return {"paint": list(paints.values()), "commit": commits, "seen": seen_elsewhere}


def ms(values: list[float]) -> str:
    return (
        f"{statistics.median(values) * 1000:.0f} ms (n={len(values)}, max {max(values) * 1000:.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="Runs of the 1-tab case.")
    parser.add_argument("--presses", type=int, default=4, help="Verdict keys per tab.")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        terminal_paints, terminal_commits = [], []
        for run in range(args.repeats):
            db = seed_desk(Path(tmp) / f"terminal-{run}.db")
            paint, commits = terminal_review(db, args.presses)
            terminal_paints.append(paint)
            terminal_commits += commits

        results: dict[int, dict[str, list[float]]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for tabs, runs in ((1, args.repeats), (4, 1)):
                merged: dict[str, list[float]] = {"paint": [], "commit": [], "seen": []}
                for run in range(runs):
                    where = Path(tmp) / f"serve-{tabs}-{run}"
                    where.mkdir()
                    served = start_serve(where, desk=seed_desk)
                    try:
                        figures = browser_run(browser, served.url, served.db, tabs, args.presses)
                    finally:
                        stop_serve(served.process)
                    for key, values in figures.items():
                        merged[key] += values
                results[tabs] = merged
            browser.close()

    base_paint = statistics.median(terminal_paints)
    base_commit = statistics.median(terminal_commits)
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"terminal baseline: first paint {ms(terminal_paints)};"
        f" key -> committed {ms(terminal_commits)}"
    )
    for tabs, figures in results.items():
        paint = statistics.median(figures["paint"])
        commit = statistics.median(figures["commit"])
        print(
            f"{tabs} tab(s): first paint {ms(figures['paint'])}"
            f" = {paint / base_paint:.2f}x terminal;"
            f" key -> committed {ms(figures['commit'])} = {commit / base_commit:.2f}x terminal"
        )
        if figures["seen"]:
            print(
                f"{tabs} tab(s): verdict -> shown in another reviewer's tab {ms(figures['seen'])}"
            )


if __name__ == "__main__":
    main()
