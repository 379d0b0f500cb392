"""Pilot tests of the team desk in the review screen: the reviewer's name, another
reviewer deciding the claim you look at, "assigned to you" first, browser keys."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input, Label, Static

from factcheck.ingest import Article, add_article
from factcheck.models import Status
from factcheck.store import Store
from factcheck.tui import make_app
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.screens.override import ConfirmOverride
from factcheck.tui.screens.picker import PickerScreen
from factcheck.tui.screens.review_screen import ReviewScreen
from factcheck.tui.screens.reviewer import ReviewerPrompt

SIZE = (120, 40)


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def evidence_text(app) -> str:
    group = app.screen.query_one("#evidence-body").content
    return "\n".join(part.plain for part in group.renderables)


async def test_served_without_a_name_asks_first_and_signs_verdicts_with_it(review_store, config):
    app = make_app(review_store, config, document_id=1, ask_reviewer=True, served=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewerPrompt)
        await pilot.press("enter")  # empty: refused, still asking
        await pilot.pause()
        assert isinstance(app.screen, ReviewerPrompt)
        assert "visible character" in str(app.screen.query_one("#reviewer-error", Label).content)
        await pilot.press(*"Ana", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("s")
        (verdict,) = review_store.history(1)
        assert (verdict.status, verdict.reviewer) == (Status.SUPPORTED, "Ana")


async def test_a_claim_decided_by_someone_else_is_shown_and_overruling_asks(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.selected_id == 1
        with Store(review_store.path) as other:
            other.mark([1], Status.DISPUTED, reviewer="ben")
        app.screen.check_outside_changes()  # the poll, without waiting for it
        await pilot.pause()
        assert "ben just marked this claim disputed." in messages(app)
        assert "decided by ben: disputed" in evidence_text(app)
        assert app.screen.claims[1].status == Status.DISPUTED
        recent = app.screen.query_one("#recent")
        assert "ben: " in recent.rows[0].plain

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverride)
        await pilot.press("n")  # keep ben's verdict
        await pilot.pause()
        assert [(v.reviewer, v.status) for v in review_store.history(1)] == [
            ("ben", Status.DISPUTED)
        ]
        assert app.screen.selected_id == 1  # nothing happened, so no move either

        await pilot.press("s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert review_store.history(1)[-1].reviewer == "tester"
        assert review_store.get_claim(1).status == Status.SUPPORTED
        assert app.screen.selected_id == 2
        await pilot.press("k")
        await pilot.pause()
        assert "decided by" not in evidence_text(app)


async def test_overruling_asks_even_before_the_poll_has_seen_it(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with Store(review_store.path) as other:
            other.mark([1], Status.SUPPORTED, reviewer="ben")
        await pilot.press("d")  # a moment later, before any poll
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverride)
        await pilot.press("escape")
        await pilot.pause()
        assert review_store.get_claim(1).status == Status.SUPPORTED
        assert "decided by ben: supported" in evidence_text(app)


async def test_own_verdicts_from_another_tab_do_not_ask(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with Store(review_store.path) as other:
            other.mark([1], Status.DISPUTED, reviewer="tester")  # same reviewer, second tab
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert review_store.get_claim(1).status == Status.SUPPORTED


async def test_picker_lists_documents_assigned_to_you_first(make, review_store):
    add_article(
        review_store, Article("Second article. It says 42 things.", title="Second", source="-")
    )
    add_article(review_store, Article("Third one. It says 7 things.", title="[b]Third", source="-"))
    review_store.assign([2], "tester")
    review_store.assign([3], "[red]ben")
    app = make(document_id=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one("#picker-list")
        first = str(options.get_option_at_index(0).prompt)
        assert first.startswith("#2") and first.endswith("· assigned to you")
        rows = [str(line.text) for line in options.render_lines(options.region.reset_offset)]
        assert any("[b]Third  · [red]ben" in row for row in rows)  # shown, not interpreted
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.document_id == 2


async def test_help_in_a_browser_names_the_keys_the_browser_keeps(review_store, config):
    config = replace(config, keymap={"undo": "ctrl+w"})
    app = make_app(review_store, config, document_id=1, served=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        note = str(app.screen.query_one("#help-browser", Static).content)
        assert "ctrl+w, ctrl+t, ctrl+n" in note and "undo is ctrl+z" in note
        assert "Your [keymap] binds undo (ctrl+w)" in note


async def test_help_in_a_terminal_has_no_browser_note(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("#help-browser")


async def test_typing_in_the_prompt_is_capped(review_store, config):
    app = make_app(review_store, config, document_id=1, ask_reviewer=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*("x" * 60))
        assert len(app.screen.query_one(Input).value) == 40


async def test_the_poll_leaves_the_screen_alone_after_our_own_verdicts(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "d", "ctrl+z")
        await pilot.pause()
        recent = app.screen.query_one("#recent")
        recent.focus()
        await pilot.press("end")
        app.screen.check_outside_changes()  # only our verdicts are new: no redraw
        await pilot.pause()
        assert recent.cursor == recent.row_count - 1
        await pilot.press("enter")  # the oldest decision: claim 1
        await pilot.pause()
        assert app.screen.selected_id == 1
