"""A real `factcheck serve` and a real headless Chromium, driven by Playwright.

The browser is the system Chromium (Debian's `chromium` package, which `.ci/run`
installs): Playwright's own browser download is not used. Without it, or without the
`playwright` package, every test here is skipped with the reason.

textual-serve draws the terminal with xterm.js on a canvas, so the text on screen is
not in the DOM. `TERMINAL_HOOK` (test-only JavaScript, injected before the page's
scripts) keeps a reference to each terminal that textual-serve's page creates, and
`screen_text` reads xterm's own screen buffer: what the reviewer sees, row by row.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factcheck.store import Store
from tests.tui.conftest import SEED, fixed_claims

CHROMIUM = Path(os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
"""Screenshots the browser tests leave behind (gitignored)."""

TERMINAL_HOOK = """
Object.defineProperty(Object.prototype, "websocket_url", {
  configurable: true,
  set(value) {
    // textual-serve's terminal object sets this in its constructor: remember the object.
    Object.defineProperty(this, "websocket_url", {
      value, writable: true, configurable: true, enumerable: true,
    });
    (window.__factcheckTerminals = window.__factcheckTerminals || []).push(this);
  },
});
"""

READ_SCREEN = """() => {
  const session = (window.__factcheckTerminals || [])[0];
  if (!session || !session.terminal) return "";
  const buffer = session.terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < session.terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""


def screen_text(page) -> str:  # type: ignore[no-untyped-def]
    """The terminal's visible rows as text, as xterm.js holds them ("" mid-navigation)."""
    from playwright.sync_api import Error

    try:
        return page.evaluate(READ_SCREEN)
    except Error:  # the page is reloading (the name prompt does that): nothing to read
        return ""


def wait_for_text(page, needle: str, *, timeout: float) -> float:  # type: ignore[no-untyped-def]
    """Seconds until `needle` is on the page's terminal; fails with the screen if not."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in screen_text(page):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise AssertionError(f"{needle!r} not on screen within {timeout}s:\n{screen_text(page)}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium per module: Playwright's sync API keeps an event loop running while
    it is open, which the async (Pilot) tests collected after this package cannot share."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
    )
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or FACTCHECK_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    """open_page(url, context=None) -> a page in a fresh browser context (its own cookies)
    unless `context` is given; nothing but 127.0.0.1 is reachable from it."""
    contexts = []

    def local_only(route) -> None:  # type: ignore[no-untyped-def]
        host = route.request.url.split("/")[2].split(":")[0]
        route.continue_() if host == "127.0.0.1" else route.abort()

    def new_context():  # type: ignore[no-untyped-def]
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        context.route("**/*", local_only)
        context.add_init_script(TERMINAL_HOOK)
        contexts.append(context)
        return context

    def open_(url: str, context=None):  # type: ignore[no-untyped-def]
        page = (context or new_context()).new_page()
        page.goto(url)
        return page

    open_.new_context = new_context  # type: ignore[attr-defined]
    yield open_
    for context in contexts:
        context.close()


def fixture_desk(path: Path) -> Path:
    """claims.db with the seed article and its six fixed claims (as the TUI tests)."""
    text = SEED.read_text(encoding="utf-8")
    with Store(path) as store:
        store.add_document(
            text, title="Xi and Lee's first call", source="seed", claims=fixed_claims(text)
        )
    return path


class Served:
    """A running `factcheck serve`: its URL and database."""

    def __init__(self, url: str, db: Path, process: subprocess.Popen[bytes]) -> None:
        self.url = url
        self.db = db
        self.process = process


def start_serve(
    tmp_path: Path, *, config_text: str = "", desk: Callable[[Path], Path] = fixture_desk
) -> Served:
    """`python -m factcheck serve` on a free port over `desk(path)`, once it listens."""
    db = desk(tmp_path / "claims.db")
    config = tmp_path / "config.toml"
    config.write_text(config_text, encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "factcheck", "--db", str(db), "--config", str(config)),
            *("serve", "--port", str(port)),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its tab processes too: stopped together at the end
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return Served(f"http://127.0.0.1:{port}/", db, process)
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    stop_serve(process)
    raise AssertionError(f"factcheck serve did not start:\n{(tmp_path / 'serve.log').read_text()}")


def stop_serve(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and the review processes it started (its own process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # any tab process still running


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    desk = start_serve(tmp_path)
    yield desk
    stop_serve(desk.process)
