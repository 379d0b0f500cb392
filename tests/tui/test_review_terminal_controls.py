"""Issue 12: terminal control sequences in untrusted text never reach the terminal
from the review screen. Textual strips only BEL, BS, VT, FF and CR itself; an OSC
(`ESC ] 0;title BEL` sets the window title), a CSI (`ESC [2J` clears the screen) or a
C1 byte (`\\x9b`, a one-byte CSI) must be shown as ␛, ␇, `\\x9b` instead."""

from __future__ import annotations

from factcheck.config import Config, ReviewConfig
from factcheck.ingest import Article, add_article
from factcheck.models import Claim, ClaimKind, Evidence, SourceKind, Status
from factcheck.store import Store
from factcheck.tui import make_app
from factcheck.tui.screens.note import NoteScreen
from factcheck.tui.screens.override import ConfirmOverride
from factcheck.tui.screens.picker import PickerScreen
from factcheck.tui.screens.review_screen import ReviewScreen
from factcheck.tui.untrusted import safe_text
from factcheck.untrusted.terminal_text import UNSAFE_CHARACTERS

SIZE = (140, 44)
CONTROLS = "\x1b]0;pwned\x07 \x1b[2J \x9b"
VISIBLE = ("␛]0;pwned␇", "␛[2J", "\\x9b")
TEXT = f"Unemployment fell {CONTROLS} to 4% in 2024. Exports rose by 3%."
CLAIM = f"Unemployment fell {CONTROLS} to 4%"


def screen_text(app) -> str:
    """What the compositor would write to the terminal, as text (styles aside)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def assert_shown_not_obeyed(text: str) -> None:
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
    assert not UNSAFE_CHARACTERS.search(text), repr(text)


def hostile_store(path) -> Store:
    store = Store(path)
    end = len(CLAIM)
    claims = [Claim(CLAIM, 0, end, 0, len(TEXT), ClaimKind.OTHER, 0.9)]
    store.add_document(TEXT, title=f"Report {CONTROLS}", source="-", claims=claims)
    store.save_evidence(
        1,
        [
            Evidence(
                SourceKind.REFERENCE,
                f"Notes {CONTROLS}",
                f"passage {CONTROLS} says 4%",
                0.9,
                span=(8, 8 + len(CONTROLS)),
                url=f"https://example.org/{CONTROLS}",
            )
        ],
    )
    return store


def config() -> Config:
    return Config(review=ReviewConfig(reviewer="tester"))


async def test_escape_codes_in_title_claim_evidence_and_names_are_shown_not_sent(tmp_path):
    store = hostile_store(tmp_path / "claims.db")
    app = make_app(store, config(), document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert_shown_not_obeyed(shown)
        for visible in VISIBLE:  # title, article, claim list, evidence all show them
            assert shown.count(visible) >= 4, (visible, shown)
        await pilot.press("1")  # cite: the notification quotes the evidence title
        await pilot.pause()
        assert any("Notes ␛]0;pwned␇" in str(n.message) for n in app._notifications)
        with Store(store.path) as other:  # another reviewer with a hostile name
            other.mark([1], Status.DISPUTED, reviewer=f"ben{CONTROLS}")
        app.screen.check_outside_changes()
        await pilot.pause()
        shown = screen_text(app)
        assert_shown_not_obeyed(shown)
        assert "ben␛]0;pwned␇" in shown  # recent panel, notification, evidence notice
        await pilot.press("s")  # overruling asks, naming the other reviewer
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverride)
        shown = screen_text(app)
        assert_shown_not_obeyed(shown)
        assert "ben␛]0;pwned␇" in shown
        await pilot.press("n", "n")  # keep theirs; the note dialog quotes the claim
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        shown = screen_text(app)
        assert_shown_not_obeyed(shown)
        assert "␛[2J" in shown
    store.close()


async def test_picker_titles_and_assignees_are_shown_not_sent(tmp_path):
    store = hostile_store(tmp_path / "claims.db")
    add_article(
        store, Article("Second text. It says 42 things.", title=f"Two {CONTROLS}", source="-")
    )
    store.assign([2], f"ana{CONTROLS}")
    app = make_app(store, config(), document_id=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)
        shown = screen_text(app)
        assert_shown_not_obeyed(shown)
        assert "Report ␛]0;pwned␇ ␛[2J \\x9b" in shown
        assert "ana␛]0;pwned␇" in shown
    store.close()


def test_highlights_still_cover_their_text_when_controls_widen_it():
    text = safe_text("a\x9bb claim c", spans=[(4, 9, "bold")])
    assert text.plain == "a\\x9bb claim c"
    (span,) = text.spans
    assert text.plain[span.start : span.end] == "claim"
