"""End to end in a real browser: `factcheck serve`, headless Chromium, two reviewers."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, screen_text, start_serve, stop_serve, wait_for_text

pytestmark = pytest.mark.browser

PAINT_TIMEOUT = 60.0
"""Generous: each tab starts a Python process, and the test machine may be busy."""


def verdicts(db: Path) -> list[tuple[int, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT claim_id, status, reviewer FROM verdicts ORDER BY id"
        ).fetchall()


def press(page, key: str) -> None:  # type: ignore[no-untyped-def]
    """A key into the terminal, the way a reviewer types it (xterm's input textarea)."""
    page.focus("textarea.xterm-helper-textarea")
    page.keyboard.press(key)


def test_a_verdict_in_one_tab_reaches_the_database_and_the_other_reviewer(served, open_page):
    ana = open_page(served.url + "?reviewer=ana")
    ben = open_page(served.url + "?reviewer=ben")
    for page in (ana, ben):
        wait_for_text(page, "reviewed 0 of 5", timeout=PAINT_TIMEOUT)
    assert verdicts(served.db) == []

    press(ana, "s")
    start = time.perf_counter()
    while verdicts(served.db) == [] and time.perf_counter() - start < 3:
        time.sleep(0.01)
    assert verdicts(served.db) == [(1, "supported", "ana")]

    # ben's own page, without a reload: the header, the list's glyph and Recent with the name
    wait_for_text(ben, "reviewed 1 of 5 · 1 supported", timeout=3)
    screen = screen_text(ben)
    assert "#1 supported  ana:" in screen
    assert "│ ✓ attribution" in screen
    assert "decided by ana: supported" in screen  # ben was looking at that very claim
    ARTIFACTS.mkdir(exist_ok=True)
    ben.screenshot(path=str(ARTIFACTS / "serve-two-reviewers-ben.png"))
    ana.screenshot(path=str(ARTIFACTS / "serve-two-reviewers-ana.png"))


def test_a_browser_session_is_asked_its_name_once_and_ctrl_z_undoes(served, open_page):
    page = open_page(served.url)
    wait_for_text(page, "Who is reviewing?", timeout=PAINT_TIMEOUT)
    page.focus("textarea.xterm-helper-textarea")
    page.keyboard.type("Cleo")
    page.keyboard.press("Enter")
    wait_for_text(page, "reviewed 0 of 5", timeout=PAINT_TIMEOUT)  # reloaded with the name
    assert page.url.endswith("?reviewer=Cleo")
    press(page, "d")
    wait_for_text(page, "reviewed 1 of 5", timeout=5)
    press(page, "Control+z")  # the browser leaves ctrl+z to the page: undo, as in a terminal
    wait_for_text(page, "reviewed 0 of 5", timeout=5)
    assert [(c, s, r) for c, s, r in verdicts(served.db)] == [
        (1, "disputed", "Cleo"),
        (1, "unverified", "Cleo"),
    ]

    # a second tab of the same browser session starts as Cleo without asking
    second = open_page(served.url, page.context)
    wait_for_text(second, "reviewed 0 of 5", timeout=PAINT_TIMEOUT)
    press(second, "s")
    wait_for_text(second, "reviewed 1 of 5", timeout=5)
    assert verdicts(served.db)[-1] == (1, "supported", "Cleo")


def test_with_a_token_only_the_printed_url_gets_in(tmp_path: Path, open_page):
    desk = start_serve(tmp_path, config_text='[serve]\ntoken = "newsroom-key"\n')
    try:
        context = open_page.new_context()
        refused = context.new_page()
        response = refused.goto(desk.url + "?reviewer=ana")
        assert response is not None and response.status == 403
        assert "needs its token" in refused.inner_text("body")
        page = open_page(desk.url + "?token=newsroom-key&reviewer=ana", context)
        wait_for_text(page, "reviewed 0 of 5", timeout=PAINT_TIMEOUT)
        press(page, "u")
        wait_for_text(page, "#1 unverified", timeout=5)
        assert verdicts(desk.db) == [(1, "unverified", "ana")]
    finally:
        stop_serve(desk.process)
