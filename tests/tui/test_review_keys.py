"""Pilot tests: every key path of the review screen, against a tmp database."""

from __future__ import annotations

import sqlite3

import pytest
from textual.widgets import Input

from factcheck.config import Config, ReviewConfig
from factcheck.errors import ConfigError
from factcheck.ingest import Article, add_article
from factcheck.models import Evidence, SourceKind, Status
from factcheck.store import Store
from factcheck.tui.claim_view import status_filters
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.screens.note import NoteScreen
from factcheck.tui.screens.picker import PickerScreen
from factcheck.tui.screens.review_screen import ReviewScreen
from factcheck.tui.widgets.claims import ClaimsTable
from factcheck.tui.widgets.footer import ReviewFooter

from .conftest import WIKI_EVIDENCE, FakeWikipedia

SIZE = (120, 40)


def statuses(store: Store) -> list[Status]:
    return [claim.status for claim in store.list_claims(document_id=1)]


def table(app) -> ClaimsTable:
    return app.screen.query_one("#claims", ClaimsTable)


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_opens_with_the_first_claim_selected_and_focused(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert table(app).row_count == 5  # claim 6 scores 0.47: under the threshold
        assert app.screen.selected_id == 1
        assert app.focused is table(app)
        assert app.screen.progress_line.text == (
            "reviewed 0 of 5 · 0 supported · 0 disputed · 0 unverified · 5 left"
        )


@pytest.mark.parametrize(
    ("key", "status"),
    [("s", Status.SUPPORTED), ("d", Status.DISPUTED), ("u", Status.UNVERIFIED)],
)
async def test_verdict_key_commits_at_once_and_advances(make, review_store, key, status):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        # committed before any pause: the keypress itself wrote it
        (verdict,) = review_store.history(1)
        assert (verdict.status, verdict.reviewer) == (status, "tester")
        await pilot.pause()
        assert app.screen.selected_id == 2
        assert app.screen.claims[1].status == status


async def test_three_verdicts_update_progress_and_recent_strip(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "d", "u")
        await pilot.pause()
        assert statuses(review_store)[:4] == [
            Status.SUPPORTED,
            Status.DISPUTED,
            Status.UNVERIFIED,
            Status.UNVERIFIED,
        ]
        assert app.screen.progress_line.text == (
            "reviewed 3 of 5 · 1 supported · 1 disputed · 1 unverified · 2 left"
        )
        recent = app.screen.query_one("#recent")
        assert recent.row_count == 3
        assert app.screen.selected_id == 4


async def test_undo_withdraws_the_verdict_and_records_it(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "d", "ctrl+z")
        await pilot.pause()
        assert statuses(review_store)[:2] == [Status.SUPPORTED, Status.UNVERIFIED]
        history = review_store.history(2)
        assert [v.status for v in history] == [Status.DISPUTED, Status.UNVERIFIED]
        assert history[-1].undoes == history[0].id
        assert not review_store.get_claim(2).decided
        assert app.screen.selected_id == 2  # back on the undone claim
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert statuses(review_store)[0] == Status.UNVERIFIED
        assert "Nothing to undo." in messages(app)


async def test_note_is_saved_with_the_verdict(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"CCTV said Tuesday", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("d")
        (verdict,) = review_store.history(1)
        assert (verdict.status, verdict.note) == (Status.DISPUTED, "CCTV said Tuesday")


async def test_escape_cancels_the_note(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "x", "escape", "s")
        (verdict,) = review_store.history(1)
        assert verdict.note is None


async def test_number_key_chooses_the_evidence_the_verdict_cites(make, review_store):
    saved = review_store.save_evidence(
        1,
        [
            Evidence(SourceKind.REFERENCE, "Ministry readout", "Xi spoke to Lee.", 0.9),
            Evidence(SourceKind.FACTCHECK, "Full Fact", "The call took place.", 0.7),
        ],
    )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.citations == {1: saved[1].id}
        await pilot.press("9")  # there is no ninth item: a warning, nothing chosen
        await pilot.pause()
        assert "No evidence [9] for this claim." in messages(app)
        await pilot.press("s")
        (verdict,) = review_store.history(1)
        assert verdict.evidence_id == saved[1].id


async def test_filter_cycles_through_statuses(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "u", "f")  # claim 6 scores 0.47: hidden below 0.50
        await pilot.pause()
        assert app.screen.filter_status == "undecided"
        assert table(app).row_count == 3
        assert str(table(app).border_title).startswith(
            "Claims 3 of 6 · only undecided · 1 low hidden (t)"
        )
        await pilot.press("f")  # unverified, decided so: claim 2
        await pilot.pause()
        assert table(app).row_count == 1
        assert app.screen.selected_id == 2
        await pilot.press("f")  # disputed: none
        await pilot.pause()
        assert table(app).row_count == 0
        await pilot.press("f")  # supported: the first claim
        await pilot.pause()
        assert table(app).row_count == 1
        assert app.screen.selected_id == 1
        for _ in status_filters()[4:]:
            await pilot.press("f")  # on to "all" again
        await pilot.pause()
        assert table(app).row_count == 5


async def test_search_narrows_the_list_and_escape_clears_it(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"trading")
        await pilot.pause()
        assert table(app).row_count == 1
        assert app.screen.selected_id == 3
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is table(app)
        await pilot.press("escape")
        await pilot.pause()
        assert table(app).row_count == 5
        assert app.screen.selected_id == 3


async def test_j_k_and_arrows_move_and_tab_changes_panel(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "down")
        await pilot.pause()
        assert app.screen.selected_id == 4
        await pilot.press("k", "up")
        await pilot.pause()
        assert app.screen.selected_id == 2
        await pilot.press("tab")
        assert app.focused is not table(app)


async def test_wikipedia_lookup_runs_in_a_worker_and_saves_evidence(make, review_store):
    wikipedia = FakeWikipedia(WIKI_EVIDENCE)
    app = make(sources=[wikipedia])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "w")  # claim 3: biggest trading partner
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert wikipedia.calls == ["China is South Korea’s biggest trading partner"]
        (stored,) = review_store.list_evidence(3)
        assert (stored.title, stored.revision_id) == ("China–South Korea relations", 1234567890)
        assert app.screen.evidence_items == [stored]
        assert app.screen.evidence.activity is None
        assert "wikipedia: 1 passage for #3." in messages(app)


async def test_unavailable_wikipedia_is_a_notification_and_review_goes_on(
    make, review_store, unavailable_wikipedia
):
    app = make(sources=[unavailable_wikipedia])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Wikipedia is unreachable (offline?)" in messages(app)
        assert app.screen.evidence.activity is None
        await pilot.press("s")
        assert statuses(review_store)[0] == Status.SUPPORTED


async def test_a_crashing_source_becomes_an_error_notification(make):
    app = make(sources=[FakeWikipedia(error=RuntimeError("boom"))])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Lookup failed: boom" in messages(app)
        assert app.is_running


async def test_no_wikipedia_source_is_a_warning(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert any("No Wikipedia source" in m for m in messages(app))


async def test_a_recent_decision_can_be_reopened(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "d", "f")  # filter hides claim 1 (now supported)
        await pilot.pause()
        recent = app.screen.query_one("#recent")
        recent.focus()
        await pilot.press("end", "enter")  # the oldest decision: claim 1
        await pilot.pause()
        assert app.screen.selected_id == 1
        assert app.screen.filter_status is None
        assert app.focused is table(app)
        await pilot.press("d")
        assert statuses(review_store)[0] == Status.DISPUTED


async def test_keymap_remaps_a_binding(make, review_store):
    config = Config(review=ReviewConfig(reviewer="tester"), keymap={"mark_disputed": "v"})
    app = make(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert statuses(review_store)[0] == Status.DISPUTED


def test_unknown_keymap_id_is_a_config_error(make):
    config = Config(keymap={"mark_suported": "x"})
    with pytest.raises(ConfigError, match="did you mean 'mark_supported'"):
        make(config=config)


async def test_locked_database_is_retried_with_a_notice(tmp_path, review_store, config):
    from factcheck.tui import make_app

    impatient = Store(review_store.path, timeout=0.05)
    blocker = sqlite3.connect(review_store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    app = make_app(impatient, config, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert any("Another process holds the database" in m for m in messages(app))
        assert statuses(review_store)[0] == Status.UNVERIFIED
        blocker.execute("COMMIT")
        await pilot.pause(0.8)
        assert statuses(review_store)[0] == Status.SUPPORTED
        assert "Database free again: waiting verdicts saved." in messages(app)
    blocker.close()
    impatient.close()


async def test_undo_drops_a_verdict_still_waiting_for_the_lock(review_store, config):
    from factcheck.tui import make_app

    impatient = Store(review_store.path, timeout=0.05)
    blocker = sqlite3.connect(review_store.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    app = make_app(impatient, config, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert len(app.screen.pending) == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Dropped the unsaved verdict on claim #1." in messages(app)
        assert not app.screen.pending and app.screen.selected_id == 1
        blocker.execute("COMMIT")
        await pilot.pause(0.8)  # the retry timer finds nothing to save
        assert statuses(review_store)[0] == Status.UNVERIFIED
        assert review_store.history(1) == []
        assert "Database free again: waiting verdicts saved." not in messages(app)
    blocker.close()
    impatient.close()


async def test_another_reviewers_change_shows_up(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with Store(review_store.path) as other:
            other.mark([3], Status.DISPUTED, reviewer="colleague")
            other.mark([1], Status.SUPPORTED, reviewer="colleague")
        app.screen.check_outside_changes()  # the poll, without waiting 2 s
        await pilot.pause()
        assert app.screen.claims[3].status == Status.DISPUTED
        assert app.screen.progress_line.text.startswith("reviewed 2 of 5")
        # re-read on selection as well
        with Store(review_store.path) as other:
            other.mark([2], Status.SUPPORTED, reviewer="colleague")
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.claims[2].status == Status.SUPPORTED


async def test_help_opens_and_closes(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_q_quits(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_command_palette_offers_the_review_actions(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for title in ("Mark supported", "Undo last verdict", "Look up Wikipedia", "Search claims"):
            assert title in commands
        commands["Mark disputed"].callback()
        commands["Filter: only undecided"].callback()
        await pilot.pause()
        assert statuses(review_store)[0] == Status.DISPUTED
        assert table(app).row_count == 4  # claims 2-5 (6 is under the threshold)


async def test_command_palette_opens_and_runs_a_command(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Mark supported")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert statuses(review_store)[0] == Status.SUPPORTED


async def test_picker_opens_the_chosen_document(make, review_store):
    add_article(
        review_store, Article("Second article. It says 42 things.", title="Second", source="-")
    )
    app = make(document_id=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")  # the first: most unverified (document 1, six claims)
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.document_id == 1


def footer_hints(app) -> list[tuple[str, int]]:
    """(key shown, right edge on screen) of every hint in the footer."""
    footer = app.screen.query_one(ReviewFooter)
    return [(hint.key_display, footer.region.x + hint.right) for hint in footer.hints()]


async def test_footer_hints_fit_at_80_columns_with_help_and_quit(make):
    app = make(sources=[FakeWikipedia()])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        hints = footer_hints(app)
        assert [key for key, _ in hints] == ["s", "d", "u", "space", "^z", "w", "?", "q"]
        assert all(right <= 80 for _, right in hints)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        hints = footer_hints(app)
        assert [key for key, _ in hints][-5:] == ["/", "f", "?", "q", "^p"]
        assert all(right <= 120 for _, right in hints)


async def test_clicking_a_footer_hint_presses_its_key(make, review_store):
    app = make(sources=[FakeWikipedia()])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        claim_id = screen.selected_id
        footer = screen.query_one(ReviewFooter)
        disputed = next(h for h in footer.hints() if h.key == "d")
        await pilot.click(ReviewFooter, offset=(disputed.x + 2, 0))
        await pilot.pause()
        assert review_store.get_claim(claim_id).status == Status.DISPUTED
        assert screen.selected_id != claim_id  # moved on, as after the key
