"""Issue 12 items 14 and 15: markup in untrusted text never reaches Textual as markup,
and a database that cannot be written keeps the verdict queued with a message."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Label

from factcheck.cli import cli
from factcheck.config import Config, ReviewConfig
from factcheck.desk import session as review_module
from factcheck.ingest import Article, add_article
from factcheck.models import Claim, ClaimKind, Evidence, SourceKind, Status
from factcheck.store import Store
from factcheck.tui import make_app
from factcheck.tui.screens.note import NoteScreen
from factcheck.tui.screens.picker import PickerScreen
from factcheck.tui.screens.review_screen import ReviewScreen

SIZE = (120, 40)
HOSTILE_TEXT = (
    "Officials [/] said [/b] unemployment fell [@click=app.quit]to 4%[/] in 2024. "
    "The [bold red]ministry[/] denied [link=javascript:x]it[/link]."
)
HOSTILE_TITLE = "Economy [/] [@click=app.quit]notes[/] [/i]"


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.fixture
def hostile_store(tmp_path) -> Store:
    with Store(tmp_path / "claims.db") as store:
        claims = []
        for phrase in ("said [/b] unemployment fell", "The [bold red]ministry[/] denied"):
            start = HOSTILE_TEXT.index(phrase)
            end = start + len(phrase)
            claims.append(Claim(phrase, start, end, 0, len(HOSTILE_TEXT), ClaimKind.OTHER, 0.8))
        store.add_document(HOSTILE_TEXT, title=HOSTILE_TITLE, source="-", claims=claims)
        store.save_evidence(
            1,
            [
                Evidence(SourceKind.REFERENCE, "Economy [/i] notes", "[/] passage [b]", 0.9),
                Evidence(SourceKind.WIKIPEDIA, "[@click=app.quit]Quit[/]", "x [/]", 0.8),
            ],
        )
        yield store


def config() -> Config:
    return Config(review=ReviewConfig(reviewer="[/b]tester"))


async def test_markup_in_titles_claims_evidence_notes_and_search_is_shown_as_typed(
    hostile_store,
):
    app = make_app(hostile_store, config(), document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.query_one("#article").border_title is not None
        assert "[/]" in screen.query_one("#article")._border_title.plain
        await pilot.press("n")  # the note dialog quotes the claim
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        shown = str(app.screen.query_one("#note-claim", Label).render())
        assert "said [/b] unemployment fell" in shown
        await pilot.press(*"[/b] [@click=app.quit]x", "enter")
        await pilot.pause()
        await pilot.press("1")  # cite: the notification quotes the evidence title
        await pilot.pause()
        assert "The verdict will cite [1] Economy [/i] notes." in messages(app)
        assert all(not n.markup for n in app._notifications)
        await pilot.press("2")
        await pilot.pause()
        assert "The verdict will cite [2] [@click=app.quit]Quit[/]." in messages(app)
        await pilot.press("s")
        await pilot.pause()
        assert hostile_store.history(1)[-1].note == "[/b] [@click=app.quit]x"
        await pilot.press("slash", *"[/", "[", "b", "]")
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "[/[b]"
        assert "matching '[/[b]'" in app.screen.table._border_title.plain
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")  # the help screen still renders
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_picker_entries_with_markup_are_plain(hostile_store):
    add_article(
        hostile_store, Article("Second [/] text. It says 42 [b]things.", title="[/]", source="-")
    )
    app = make_app(hostile_store, config(), document_id=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        options = app.screen.query_one("#picker-list")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        assert any(HOSTILE_TITLE in p for p in prompts)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_a_read_only_database_keeps_the_verdict_queued_with_a_message(
    hostile_store, monkeypatch
):
    monkeypatch.setattr(review_module, "WRITE_ERROR_RETRY_SECONDS", 0.2)
    app = make_app(hostile_store, config(), document_id=1)
    hostile_store.db.execute("PRAGMA query_only = ON")  # writes fail as on a read-only file
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert any("read-only" in m for m in messages(app)), messages(app)
        assert len(app.screen.pending) == 1
        assert hostile_store.get_claim(1).status is Status.UNVERIFIED
        await pilot.press("q")  # asks first, as for a locked database
        await pilot.pause()
        assert app.is_running
        assert any("not saved yet" in m and "press q again" in m for m in messages(app))
        hostile_store.db.execute("PRAGMA query_only = OFF")  # writable again: it is saved
        await pilot.pause(0.5)
        assert hostile_store.get_claim(1).status is Status.SUPPORTED
        assert not app.screen.pending


def test_a_crash_of_the_review_screen_exits_non_zero(monkeypatch, hostile_store):
    from textual.app import App

    from factcheck.tui import ReviewApp

    def boom(self) -> None:
        raise RuntimeError("widget exploded")

    monkeypatch.setattr(ReviewApp, "on_mount", boom)
    monkeypatch.setattr(ReviewApp, "run", lambda self: App.run(self, headless=True))
    result = CliRunner().invoke(cli, ["--db", str(hostile_store.path), "review", "1"])
    assert result.exit_code == 1
    assert "stopped on an unexpected error" in result.stderr
