"""Pilot tests: fixing a claim's span by hand ([ ] { }) and claiming a selection (c)."""

from __future__ import annotations

import pytest
from textual.geometry import Offset
from textual.selection import Selection
from textual.widgets import Static

from factcheck.claims.checkworthiness.scoring import preload
from factcheck.models import Status
from factcheck.store import Store
from factcheck.tui.screens.span_editing import SPAN_SAVE_DELAY
from factcheck.tui.widgets.article import SELECTED_STYLE, ArticleView

SIZE = (120, 40)


@pytest.fixture(autouse=True, scope="module")
def _scorer_loaded() -> None:
    """Load the transformer before the keys: loading it (once a process, in a thread at
    the first span key) holds the GIL long enough to stretch a keypress past the save
    delay, which would make "one version per burst of keys" depend on machine speed."""
    preload()


def article(app) -> ArticleView:
    return app.screen.query_one("#article", ArticleView)


def highlighted(app) -> str:
    """The article text under the selection's highlight."""
    view = article(app)
    claim = view.claims[view.selected]
    index = view.paragraph_of(claim.start)
    rendered = view.render_paragraph(index)
    spans = [s for s in rendered.spans if s.style == SELECTED_STYLE]
    assert len(spans) == 1
    return rendered.plain[spans[0].start : spans[0].end]


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


async def wait_for_save(pilot) -> None:
    await pilot.pause(SPAN_SAVE_DELAY + 0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_braces_widen_the_end_live_and_one_version_is_saved(make, review_store: Store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = review_store.get_claim(1)
        assert before.text.endswith("Lee Jae-myung")
        for _ in range(3):
            await pilot.press("right_curly_bracket")
        # on screen at once: the list's claim and the article highlight
        assert highlighted(app) == before.text + " that both nations"
        assert app.screen.claims[1].text == before.text + " that both nations"
        # not written per key: the versions below hold one save for the three keys (the
        # stored text is not read here, as a loaded machine may already have passed the
        # save delay since the last key)
        await wait_for_save(pilot)
        saved = review_store.get_claim(1)
        assert saved.text == before.text + " that both nations"
        assert review_store.claim_versions(1)[-1].set_by == "tester"
        assert [v.text for v in review_store.claim_versions(1)] == [before.text, saved.text]
        assert app.screen.claims[1].score == saved.score  # the re-score is shown


async def test_brackets_move_the_start_and_the_claim_keeps_id_and_verdict(
    make, review_store: Store
):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # claim 1 supported; the cursor moves on
        await pilot.press("k")
        assert app.screen.selected_id == 1
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert highlighted(app) == "Xi Jinping told South Korean President Lee Jae-myung"
        await pilot.press("left_square_bracket")
        assert highlighted(app) == "President Xi Jinping told South Korean President Lee Jae-myung"
        await wait_for_save(pilot)
        claim = review_store.get_claim(1)
        assert claim.text.startswith("President Xi Jinping")
        assert claim.status is Status.SUPPORTED
        assert [v.status for v in review_store.history(1)] == [Status.SUPPORTED]


async def test_an_edit_is_saved_when_the_screen_closes_before_the_keys_rest(
    make, review_store: Store
):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("left_curly_bracket", "q")
    assert review_store.get_claim(1).text.endswith("President Lee")


async def test_a_span_that_cannot_move_says_why_and_stays(make, review_store: Store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "j")  # "Asia’s fourth-largest economy"
        assert app.screen.selected_id == 5
        await pilot.press("right_curly_bracket")  # the paragraph ends after "economy."
        assert any("cannot move" in m for m in messages(app))
        assert app.screen.claims[5].text == "Asia’s fourth-largest economy"
        await wait_for_save(pilot)
        assert review_store.claim_versions(5) == []


async def test_c_makes_a_claim_of_the_selected_text(make, review_store: Store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = article(app)
        text = view.text
        phrase = "Xi urged the two countries to strengthen exchanges"
        start = text.index(phrase)
        index = view.paragraph_of(start)
        # the paragraph may be outside the mounted window: select a claim near it first
        paragraph = view.paragraphs[index]
        assert index in view._widgets
        widget: Static = view._widgets[index]
        column = start - paragraph.start
        # a selection that starts and ends inside words takes the whole words
        app.screen.selections = {
            widget: Selection(Offset(column + 1, 0), Offset(column + len(phrase) - 2, 0))
        }
        await pilot.press("c")
        await pilot.pause()
        claims = review_store.list_claims(document_id=1)
        assert len(claims) == 7
        (new,) = [c for c in claims if c.text == phrase]
        assert text[new.start : new.end] == phrase
        assert new.score > 0
        assert app.screen.selected_id == new.id
        assert highlighted(app) == phrase
        assert [v.set_by for v in review_store.claim_versions(new.id)] == ["tester"]
        assert any(f"New claim #{new.id}" in m for m in messages(app))
        assert app.screen.progress_line.text.startswith("reviewed 0 of 6")


async def test_c_without_a_selection_says_how(make, review_store: Store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert any("Select text in the article first" in m for m in messages(app))
        assert len(review_store.list_claims(document_id=1)) == 6


async def test_the_article_text_is_selectable_with_the_mouse(make, review_store: Store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = article(app)
        index = view.paragraph_of(view.claims[1].start)
        widget = view._widgets[index]
        await pilot.mouse_down(widget, offset=(0, 0))
        await pilot.hover(widget, offset=(7, 0))
        await pilot.mouse_up(widget, offset=(7, 0))
        await pilot.pause()
        selected = view.selected_range()
        assert selected is not None
        paragraph = view.paragraphs[index]
        assert selected[0] == paragraph.start
        assert view.text[selected[0] : selected[1]].startswith("On Tue")


def test_help_lists_the_span_keys_as_typed() -> None:
    from factcheck.tui.app import help_rows

    rows = {binding_id: keys for keys, binding_id, _ in help_rows({})}
    assert [rows[f"span_{edge}"] for edge in ("start_left", "start_right")] == ["[", "]"]
    assert [rows[f"span_{edge}"] for edge in ("end_left", "end_right")] == ["{", "}"]
    assert rows["claim_selection"] == "c"


async def test_span_keys_can_be_remapped(make, review_store: Store, config):
    from dataclasses import replace as copy

    remapped = copy(config, keymap={"span_end_right": "greater_than_sign"})
    app = make(config=remapped)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("greater_than_sign")
        assert app.screen.claims[1].text.endswith("Lee Jae-myung that")


async def test_a_span_stops_at_the_next_claim_and_names_it(make, review_store: Store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        assert app.screen.selected_id == 3  # "China is South Korea’s biggest trading partner"
        await pilot.press(*["right_curly_bracket"] * 10)
        assert highlighted(app).endswith(
            "trading partner and diplomatic relations between the two have improved since"
        )
        assert any("The next word is in claim #4" in m for m in messages(app))
        await wait_for_save(pilot)
        assert review_store.get_claim(3).text.endswith("have improved since")
        assert review_store.get_claim(4).text.startswith("a 2017 spat")


def test_a_selection_maps_back_through_shown_control_characters() -> None:
    text = "Ab\x9bcd efg\nsecond line"  # \x9b is shown as four characters
    view = ArticleView(text, [])
    shown = "Ab\\x9bcd efg"
    assert view._offset_in(0, Offset(shown.index("efg"), 0), default_end=False) == text.index("efg")
    assert view._offset_in(0, Offset(3, 1), default_end=False) == text.index("ond")
    assert view._offset_in(0, None, default_end=True) == len(text)


async def test_c_refuses_a_selection_across_paragraphs_and_keeps_the_claims(
    make, review_store: Store
):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = article(app)
        first = view.paragraph_of(view.claims[1].start)
        widgets = [view._widgets[first], view._widgets[first + 1]]
        app.screen.selections = {
            widgets[0]: Selection(Offset(0, 0), None),
            widgets[1]: Selection(None, Offset(10, 0)),
        }
        assert view.selected_range() is not None
        await pilot.press("c")
        assert any("one paragraph" in m for m in messages(app))
        assert len(review_store.list_claims(document_id=1)) == 6
