"""Issue 13 on the review screen: what is left (open on it, `space`, `u` a decision,
the progress line, coming back), the claim strip and the Recent panel, triage (`x`,
groups of repeats), and filters that stay true (threshold, kind, status, search into
the article, resize)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.config import Config, ReviewConfig
from factcheck.models import Claim, ClaimKind, Status
from factcheck.store import Store
from factcheck.tui import make_app
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.widgets.article import MATCH_STYLE, SELECTED_STYLE
from factcheck.tui.widgets.claims import ClaimsTable

SIZE = (120, 40)
CONFIG = Config(review=ReviewConfig(reviewer="tester"))


def table(app) -> ClaimsTable:
    return app.screen.query_one("#claims", ClaimsTable)


def listed(app) -> list[int]:
    return list(app.screen.listed)


def progress(app) -> str:
    return app.screen.progress_line.text


def strip_text(app) -> str:
    return app.screen.strip.fitted().plain


def row_plain(app, claim_id: int) -> str:
    rows = table(app)
    return rows.row_text(rows._index[claim_id], 100).plain


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


# -- 1. what is left ------------------------------------------------------------------


async def test_opens_on_the_first_undecided_claim(make, review_store):
    review_store.mark([1, 2], Status.SUPPORTED, reviewer="tester")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.selected_id == 3
        assert app.focused is table(app)


async def test_space_jumps_to_the_next_undecided_wrapping_then_says_all_decided(make, review_store):
    review_store.mark([2, 4], Status.DISPUTED, reviewer="tester")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.selected_id == 1
        await pilot.press("space")
        assert app.screen.selected_id == 3  # 2 is decided
        await pilot.press("space")
        assert app.screen.selected_id == 5  # 4 is decided; 6 is under the threshold
        await pilot.press("space")
        assert app.screen.selected_id == 1  # wrapped
        await pilot.press("s", "s", "s")  # 1, 3 and 5: every listed claim decided
        await pilot.pause()
        assert "All 5 listed claims decided." in messages(app)
        await pilot.press("space")
        await pilot.pause()
        assert messages(app).count("All 5 listed claims decided.") == 2


async def test_u_is_a_decision_with_its_own_mark_and_counts_in_progress(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert row_plain(app, 1).startswith(" · ")  # undecided
        await pilot.press("u")
        await pilot.pause()
        assert review_store.get_claim(1).decided
        assert row_plain(app, 1).startswith(" ? ")  # unverified, decided
        assert app.screen.selected_id == 2  # on to the next undecided claim
        assert progress(app) == (
            "reviewed 1 of 5 · 0 supported · 0 disputed · 1 unverified · 4 left"
        )
        await pilot.press("space")  # 1 is decided: space skips it after wrapping
        assert app.screen.selected_id == 3


async def test_quitting_and_coming_back_lands_where_the_reviewer_stopped(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "d", "u", "q")
    assert [c.decided for c in review_store.list_claims(document_id=1)][:4] == [
        True,
        True,
        True,
        False,
    ]
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.selected_id == 4
        assert progress(again).startswith("reviewed 3 of 5")


# -- 2. the claim strip and the Recent panel ------------------------------------------


async def test_the_strip_shows_the_whole_claim_its_kind_score_and_sentence(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space", "space")  # claim 3, cut to 18 characters in the list
        await pilot.pause()
        shown = strip_text(app)
        assert "China is South Korea’s biggest trading partner" in shown
        assert "ranking" in shown and "0.88" in shown and "undecided" in shown
        # a fragment: the sentence around it is shown too, the claim marked in it
        assert "diplomatic relations" in shown
        assert "(in its sentence)" in shown


async def test_a_whole_sentence_claim_is_shown_without_its_sentence_again(tmp_path: Path):
    text = "The bridge reopened in 2019 after repairs.\n\nIt carries 40,000 cars a day."
    claims = [
        Claim("The bridge reopened in 2019 after repairs.", 0, 42, 0, 42, ClaimKind.TEMPORAL, 0.8),
        Claim("40,000 cars a day", 55, 72, 44, 73, ClaimKind.QUANTITY, 0.9),
    ]
    with Store(tmp_path / "claims.db") as store:
        store.add_document(text, title="Bridge", source="test", claims=claims)
        app = make_app(store, CONFIG, document_id=1)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "(in its sentence)" not in strip_text(app)
            assert "The bridge reopened in 2019 after repairs." in strip_text(app)
            await pilot.press("j")
            assert "It carries 40,000 cars a day." in strip_text(app)
            assert "(in its sentence)" in strip_text(app)


@pytest.mark.parametrize(("size", "rows"), [((120, 40), 4), ((80, 24), 2)])
async def test_recent_panel_takes_4_rows_at_120x40_and_2_at_80x24(make, size, rows):
    app = make()
    async with app.run_test(size=size) as pilot:
        await pilot.press("s", "d", "u", "s", "d")
        await pilot.pause()
        recent = app.screen.query_one("#recent")
        assert recent.content_region.height == rows
        assert recent.row_count == rows  # the newest `rows` decisions
        assert recent.claim_ids[0] == 5


async def test_r_folds_the_recent_panel_away_and_back(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        list_height = table(app).size.height
        await pilot.press("r")
        await pilot.pause()
        assert not app.screen.query_one("#recent").display
        assert table(app).size.height > list_height  # the list takes the room
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.query_one("#recent").display


# -- 3. triage --------------------------------------------------------------------------


async def test_x_dismisses_a_claim_and_ctrl_z_brings_it_back(make, review_store):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert review_store.get_claim(1).status == Status.DISMISSED
        assert 1 not in listed(app)
        assert app.screen.selected_id == 2
        assert progress(app).startswith("reviewed 0 of 4")
        assert str(table(app).border_title).startswith("Claims 4 of 5")
        history = review_store.history(1)
        assert [(v.status, v.reviewer) for v in history] == [(Status.DISMISSED, "tester")]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert review_store.get_claim(1).status == Status.UNVERIFIED
        assert not review_store.get_claim(1).decided
        assert 1 in listed(app)
        assert app.screen.selected_id == 1
        assert progress(app).startswith("reviewed 0 of 5")


async def test_the_status_filter_lists_dismissed_claims(make, review_store):
    review_store.mark([2], Status.DISMISSED, reviewer="tester")
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert 2 not in listed(app)
        app.screen.set_filter(Status.DISMISSED)
        await pilot.pause()
        assert listed(app) == [2]
        assert row_plain(app, 2).startswith(" – ")


@pytest.fixture
def repeated_store(tmp_path: Path):
    """A headline restated in the body: claims 1 and 3 are one group (3 repeats 1)."""
    text = (
        "Exports fell 12% in March.\n\n"
        "The ministry blamed shipping costs.\n\n"
        "Exports fell 12% in March, the ministry said."
    )
    claims = [
        Claim("Exports fell 12% in March", 0, 25, 0, 26, ClaimKind.QUANTITY, 0.9),
        Claim("The ministry blamed shipping costs.", 28, 63, 28, 63, ClaimKind.CAUSAL, 0.7),
        Claim("Exports fell 12% in March", 65, 90, 65, 110, ClaimKind.QUANTITY, 0.9),
    ]
    with Store(tmp_path / "claims.db") as store:
        store.add_document(
            text, title="Exports", source="test", claims=claims, duplicate_of=[None, None, 0]
        )
        yield store


async def test_a_group_of_repeats_is_listed_once_with_its_count_and_decided_together(
    repeated_store,
):
    app = make_app(repeated_store, CONFIG, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert listed(app) == [1, 2]
        assert "×2" in row_plain(app, 1)
        assert "occurs 2×" in strip_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert [c.status for c in repeated_store.list_claims(include_hidden=True)] == [
            Status.DISPUTED,
            Status.UNVERIFIED,
            Status.DISPUTED,
        ]
        # the repeat in the article is tinted as disputed too
        assert app.screen.article.claims[3].status == Status.DISPUTED
        assert progress(app).startswith("reviewed 1 of 2 · 0 supported · 1 disputed")


# -- 5. filters that stay true ----------------------------------------------------------


async def test_low_scoring_claims_hide_behind_a_toggle_that_says_how_many(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert 6 not in listed(app)  # scores 0.47
        assert str(table(app).border_title) == "Claims 5 of 6 · 1 low hidden (t)"
        await pilot.press("t")
        await pilot.pause()
        assert 6 in listed(app)
        assert str(table(app).border_title) == "Claims 6 · scores under 0.50 shown (t)"
        await pilot.press("t")
        await pilot.pause()
        assert 6 not in listed(app)


async def test_kind_filter_cycles_through_the_kinds_of_the_document(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        kind = app.screen.view.kind
        assert kind == ClaimKind.RANKING  # the first kind (in ClaimKind order) it has
        assert listed(app) == [3, 5]
        assert "only ranking" in str(table(app).border_title)
        seen = {kind}
        while app.screen.view.kind is not None:
            await pilot.press("e")
            seen.add(app.screen.view.kind)
        assert seen == {
            ClaimKind.RANKING,
            ClaimKind.TEMPORAL,
            ClaimKind.ATTRIBUTION,
            ClaimKind.COMPARISON,
            None,
        }
        assert len(listed(app)) == 5


async def test_a_marked_claim_leaves_the_undecided_list_and_the_title_follows(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert str(table(app).border_title).startswith("Claims 5 of 6 · only undecided")
        await pilot.press("s")
        await pilot.pause()
        assert 1 not in listed(app)
        assert app.screen.selected_id == 2
        assert str(table(app).border_title).startswith("Claims 4 of 6 · only undecided")
        await pilot.press("u")  # unverified is a decision: it leaves the list too
        await pilot.pause()
        assert listed(app) == [3, 4, 5]
        assert str(table(app).border_title).startswith("Claims 3 of 6 · only undecided")


async def test_search_jumps_to_the_match_in_the_list_and_the_article(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"fourth")
        await pilot.pause()
        assert app.screen.selected_id == 5
        article = app.screen.article
        claim = article.claims[5]
        paragraph = article.paragraph_of(claim.start)
        rendered = article.render_paragraph(paragraph)
        start = article.text.casefold().index("fourth") - article.paragraphs[paragraph].start
        assert any(span.start == start and span.style == MATCH_STYLE for span in rendered.spans)
        widget = article._widgets[paragraph]
        top = round(article.scroll_offset.y)
        assert top <= widget.virtual_region.y < top + article.scrollable_content_region.height


async def test_search_for_text_outside_any_claim_scrolls_the_article_to_it(make):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"whatsapp")
        await pilot.pause()
        assert listed(app) == []
        article = app.screen.article
        paragraph = article.paragraph_of(article.text.casefold().index("whatsapp"))
        widget = article._widgets[paragraph]
        top = round(article.scroll_offset.y)
        assert top <= widget.virtual_region.y < top + article.scrollable_content_region.height


@pytest.fixture
def long_store(tmp_path: Path):
    """Sixty one-sentence paragraphs, one claim each: lists and articles that scroll."""
    sentences = [f"In {1950 + n} the city counted {n * 1000 + 7} residents." for n in range(60)]
    text = "\n\n".join(sentences)
    claims, at = [], 0
    for sentence in sentences:
        claims.append(
            Claim(sentence, at, at + len(sentence), at, at + len(sentence), ClaimKind.QUANTITY, 0.8)
        )
        at += len(sentence) + 2
    with Store(tmp_path / "claims.db") as store:
        store.add_document(text, title="Census", source="test", claims=claims)
        yield store


async def test_resizing_keeps_the_current_claim_in_view_in_both_panes(long_store):
    app = make_app(long_store, CONFIG, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")  # claim 60, at the bottom of both panes
        await pilot.pause()
        await pilot.press("k", "k", "k")
        await pilot.pause()
        assert app.screen.selected_id == 57
        for width, height in ((80, 24), (120, 40), (100, 30)):
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.pause()
            rows = table(app)
            top = round(rows.scroll_offset.y)
            assert top <= rows.cursor < top + rows.scrollable_content_region.height
            article = app.screen.article
            widget = article._widgets[article.paragraph_of(article.claims[57].start)]
            top = round(article.scroll_offset.y)
            view = article.scrollable_content_region.height
            assert top <= widget.virtual_region.y < top + view, (width, height)


# -- help -------------------------------------------------------------------------------


async def test_help_lists_the_new_keys(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {row[1]: row[0] for row in app.screen.rows}
        assert keys["next_undecided"] == "space"
        assert keys["dismiss"] == "x"
        assert keys["toggle_low"] == "t"
        assert keys["filter_kind"] == "e"
        assert keys["toggle_recent"] == "r"


async def test_a_changed_or_new_claim_shows_in_the_list_article_and_strip(make, review_store):
    """The hook span edits use (`show_claim_changed`): a claim's new span everywhere."""
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        text = screen.session.document.text
        old = screen.claims[3]
        end = text.index("diplomatic relations", old.end) + len("diplomatic relations")
        wider = replace(old, end=end, text=text[old.start : end])
        screen.show_claim_changed(wider)
        await pilot.pause()
        assert screen.selected_id == 3
        article = screen.article
        paragraph = article.paragraph_of(old.start)
        offset = article.paragraphs[paragraph].start
        spans = article.render_paragraph(paragraph).spans
        assert any(
            (sp.start, sp.end, sp.style) == (old.start - offset, end - offset, SELECTED_STYLE)
            for sp in spans
        )
        start = text.index("Xi urged the two countries")
        new = Claim(
            "Xi urged the two countries",
            start,
            start + 26,
            start,
            start + 60,
            ClaimKind.OTHER,
            0.7,
            id=99,
            document_id=1,
        )
        screen.show_claim_changed(new)
        await pilot.pause()
        assert 99 in listed(app)
        assert screen.selected_id == 99
        assert "Xi urged the two countries" in strip_text(app)


async def test_claims_hidden_under_the_threshold_are_not_left_until_shown(make):
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert 6 not in listed(app)  # scores 0.47: hidden, so not left to decide
        assert progress(app).startswith("reviewed 0 of 5") and progress(app).endswith("5 left")
        await pilot.press("t")
        await pilot.pause()
        assert progress(app).startswith("reviewed 0 of 6") and progress(app).endswith("6 left")
