"""The evidence panel from a reviewer's first run: what an empty library says, local
results in view while Wikipedia is asked, the 1-9 number of every item on screen at
80x24, what the panel says after `w`, facts apart from match strength, one "Keys"."""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import replace

from textual.worker import WorkerFailed

from factcheck.models import Evidence, SourceKind
from factcheck.tui.screens import evidence_lookups
from factcheck.tui.screens.help import HelpScreen

from .conftest import WIKI_EVIDENCE, FakeSource, FakeWikipedia

SIZE = (120, 40)
ECONOMY = Evidence(
    SourceKind.REFERENCE,
    "Economy of South Korea",
    "South Korea has the fourth-largest economy in Asia and a highly developed market.",
    0.74,
    span=(20, 42),
    agreements=("fourth-largest",),
    reference_id="kr-1",
)
FACT_CHECK = Evidence(
    SourceKind.FACTCHECK,
    "Is China South Korea's top trading partner?",
    "Customs data show China took a quarter of South Korea's exports in 2023, more than"
    " the United States and Japan together, and the gap has widened every year since.",
    0.66,
    span=(0, 24),
    contradictions=("claim: biggest; passage: a quarter of exports",),
)
EARLIER = Evidence(
    SourceKind.PRIOR,
    "checked before: supported on 2026-11-02 (Monday story)",
    "China is South Korea's largest trading partner.",
    0.9,
    # as stored by earlier versions: the match strength among the agreement flags
    agreements=("strong match", "South Korea"),
)


def evidence_text(app) -> str:
    group = app.screen.query_one("#evidence-body").content
    return "\n".join(part.plain for part in group.renderables)


def on_screen(app, widget) -> list[str]:
    """The lines of `widget` as the terminal shows them now (inside border and scrollbar)."""
    region = widget.scrollable_content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


async def settle(app, pilot) -> None:
    await pilot.pause(evidence_lookups.SUGGEST_DELAY_SECONDS + 0.1)
    with contextlib.suppress(WorkerFailed):
        await app.workers.wait_for_complete()
    await pilot.pause()


# -- an empty library ---------------------------------------------------------------------


async def test_an_empty_library_says_how_to_fill_it(make):
    app = make(sources=[FakeSource("local"), FakeWikipedia()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        body = evidence_text(app)
        assert "No references or fact-checks yet." in body
        assert "factcheck refs add FILE..." in body
        assert "factcheck import-claimreview FILE" in body
        assert "Press w to look this claim up on Wikipedia." in body


async def test_offline_the_empty_library_text_leaves_w_out(make):
    app = make(sources=[FakeSource("local")])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        body = evidence_text(app)
        assert "factcheck refs add FILE..." in body and "Press w" not in body


async def test_a_filled_library_does_not_repeat_the_instructions(make, review_store):
    review_store.add_factchecks([{"claim": "Cats are liquid", "url": "https://fc.example/1"}])
    app = make(sources=[FakeSource("local"), FakeWikipedia()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        body = evidence_text(app)
        assert "refs add" not in body
        assert "Nothing in the reference library or earlier checks." in body


# -- a Wikipedia lookup ---------------------------------------------------------------------


async def test_local_results_stay_in_view_while_wikipedia_is_asked(make, review_store):
    answer = threading.Event()
    slow_wikipedia = FakeSource("wikipedia", WIKI_EVIDENCE, gate=answer)
    app = make(sources=[FakeSource("local", [ECONOMY]), slow_wikipedia])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)  # claim 1 got the library's passage
        await pilot.press("w")
        await pilot.pause(0.2)
        try:
            panel = app.screen.evidence
            assert slow_wikipedia.calls  # the lookup is running...
            assert panel.loading is False  # ...and no spinner covers the panel
            shown = "\n".join(on_screen(app, panel))
            assert "Wikipedia: looking up #1…" in shown
            assert "Economy of South Korea" in shown
            assert "fourth-largest economy" in shown
        finally:
            answer.set()
        await settle(app, pilot)
        shown = "\n".join(on_screen(app, app.screen.evidence))
        assert "looking up" not in shown
        titles = [e.title for e in app.screen.evidence_items]
        assert titles == ["China–South Korea relations", "Economy of South Korea"]


async def test_after_a_failed_lookup_the_panel_does_not_say_press_w(make, unavailable_wikipedia):
    app = make(sources=[FakeSource("local"), unavailable_wikipedia])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Press w" in evidence_text(app)
        await pilot.press("w")
        await settle(app, pilot)
        body = evidence_text(app)
        assert "Press w" not in body
        assert "Wikipedia lookup failed: Wikipedia is unreachable (offline?)" in body
        assert "(w tries again)" in body
        await pilot.press("j")  # another claim still offers the lookup
        await settle(app, pilot)
        assert "Press w" in evidence_text(app)


async def test_the_panel_names_the_remapped_wikipedia_key(make, config, unavailable_wikipedia):
    remapped = replace(config, keymap={"wikipedia": "ctrl+k"})
    app = make(sources=[FakeSource("local"), unavailable_wikipedia], config=remapped)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Press ctrl+k to look this claim up on Wikipedia." in evidence_text(app)
        await pilot.press("ctrl+k")
        await settle(app, pilot)
        assert "(ctrl+k tries again)" in evidence_text(app)


async def test_a_lookup_that_finds_nothing_says_so_in_the_panel(make):
    app = make(sources=[FakeSource("local"), FakeWikipedia()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        body = evidence_text(app)
        assert "Wikipedia found nothing for this claim." in body and "Press w" not in body


async def test_a_crashed_lookup_clears_the_activity_line(make):
    app = make(sources=[FakeWikipedia(error=RuntimeError("boom"))])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await settle(app, pilot)
        assert app.screen.evidence.activity is None
        assert "Wikipedia lookup failed: boom" in evidence_text(app)


# -- 80x24: the number to press -----------------------------------------------------------


async def test_at_80x24_every_evidence_line_on_screen_shows_its_number(make, review_store):
    review_store.save_evidence(3, [*WIKI_EVIDENCE, FACT_CHECK])
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j")  # claim 3, two items: more than the panel holds
        await pilot.pause()
        panel = app.screen.evidence
        for y in range(0, int(panel.max_scroll_y) + 1):
            panel.scroll_to(y=y, animate=False)
            await pilot.pause()
            lines = [line for line in on_screen(app, panel) if line.strip()]
            assert lines, y
            for line in lines:
                assert re.match(r"\[[1-9]\] | [1-9] ▏", line), (y, line)
        # the second item's own number, on its lines, once its first line is gone
        panel.scroll_to(y=panel.max_scroll_y, animate=False)
        await pilot.pause()
        assert on_screen(app, panel)[0].startswith(" 2 ▏")
        await pilot.press("2")  # the key the gutter shows cites that item
        assert app.screen.citations[3] == app.screen.evidence_items[1].id


# -- facts apart from match strength ------------------------------------------------------


async def test_agrees_lists_the_claims_facts_and_the_strength_stands_apart(make, review_store):
    review_store.save_evidence(3, [EARLIER])
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        await pilot.pause()
        body = evidence_text(app)
        assert "✓ agrees: South Korea" in body
        assert "strong match" not in body.split("✓ agrees:")[1]
        title_line, match_line = body.splitlines()[:2]
        assert "EARLIER VERDICT" in title_line and match_line == "strong match 0.90"


# -- the command palette ------------------------------------------------------------------


async def test_the_command_palette_has_one_keys_entry_and_it_opens_the_help(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        keys = [c for c in app.get_system_commands(app.screen) if c.title == "Keys"]
        assert len(keys) == 1
        keys[0].callback()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
