"""A long document opens on its first screenful; the rest of its claims follow.

The review screen reads the claims down to where it opens plus a page
(`store.review_reads.review_head`) before the first frame, and the rest right after
(`ReviewScreen.finish_loading`), or before the first key or click if one comes first.
These tests pin what the reviewer must not notice: the title's counts, the repeats'
counts and the scrollbar are the whole document's from the first frame, and a key
pressed before the rest is read acts on the whole document and is committed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import CHECK_WORTHY, Claim, ClaimKind, Status
from factcheck.store import Store
from factcheck.tui import make_app
from factcheck.tui.claim_view import ClaimView
from factcheck.tui.screens import review_screen
from factcheck.tui.screens.review_screen import ReviewScreen

CLAIM_COUNT = 10_000
REPEATED = "The first claim is repeated every thousand paragraphs."
SIZE = (120, 40)


def long_document() -> tuple[str, list[Claim], list[int | None]]:
    """A 10,000-claim document: one claim a paragraph, every fifth scoring under the
    threshold, the first one repeated every thousand paragraphs (past any head)."""
    paragraphs, claims, repeats = [], [], []
    offset = 0
    for number in range(CLAIM_COUNT):
        repeat = number % 1000 == 0
        sentence = REPEATED if repeat else f"Claim {number} says the rate rose {number} percent."
        paragraphs.append(sentence)
        claims.append(
            Claim(
                sentence,
                offset,
                offset + len(sentence),
                offset,
                offset + len(sentence),
                ClaimKind.QUANTITY,
                0.3 if number % 5 == 4 else 0.8,
            )
        )
        repeats.append(0 if repeat and number else None)
        offset += len(sentence) + 2
    return "\n\n".join(paragraphs), claims, repeats


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("long") / "claims.db"
    text, claims, repeats = long_document()
    with Store(path) as store:
        added = store.add_document(
            text, title="long", source="test", claims=claims, duplicate_of=repeats
        )
        first_ids = [c.id for c in store.list_claims(document_id=added.document.id, limit=3)]
        store.mark(first_ids[:2], "supported", reviewer="earlier")  # opens on the third
    return path


@pytest.fixture
def store(long_db: Path, tmp_path: Path) -> Store:
    copy = tmp_path / "claims.db"
    copy.write_bytes(long_db.read_bytes())
    with Store(copy) as opened:
        yield opened


def expected_title(store: Store) -> tuple[str, list[int]]:
    """The list's title and listed ids, counted from every claim as the screen does."""
    claims = store.list_claims(document_id=1)
    view = ClaimView(threshold=CHECK_WORTHY)
    listed = [c.id for c in view.visible(claims) if c.id is not None]
    total = sum(1 for c in claims if ClaimView(show_low=True).listed(c))
    return view.title(len(listed), total, view.hidden_low(claims)), listed


async def test_the_first_frame_shows_the_whole_documents_counts(store, config, monkeypatch):
    seen: dict[str, object] = {}
    original = ReviewScreen.finish_loading_after_paint

    def record(screen: ReviewScreen) -> None:
        seen["claims"] = len(screen.claims)
        seen["title"] = str(screen.table.border_title)
        seen["rows"] = screen.table.virtual_rows()
        seen["repeats"] = screen.table.occurrences.get(screen.order[0])
        seen["selected"] = screen.selected_id
        original(screen)

    monkeypatch.setattr(ReviewScreen, "finish_loading_after_paint", record)
    title, listed = expected_title(store)
    app = make_app(store, config, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert not screen.loading
        assert len(screen.claims) == CLAIM_COUNT
        assert str(screen.table.border_title) == title
        assert screen.table.virtual_rows() == len(listed)
    assert seen["claims"] < 300  # the head: down to the third claim and a page
    assert seen["title"] == title == "Claims 7991 of 9991 · 2000 low hidden (t)"
    assert seen["rows"] == len(listed)  # the scrollbar is the whole list's
    assert seen["repeats"] == 10  # the first claim's repeats lie past the head
    assert seen["selected"] == listed[2]  # the first undecided listed claim


async def test_keys_before_the_rest_is_read_act_on_the_whole_document(store, config, monkeypatch):
    # The rest is not read after the first frame (as if the keys came first).
    monkeypatch.setattr(ReviewScreen, "finish_loading_after_paint", lambda screen: None)
    _, listed = expected_title(store)
    app = make_app(store, config, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.loading and len(screen.claims) < CLAIM_COUNT
        await pilot.press("end")  # the last claim of the whole document
        assert not screen.loading
        assert screen.selected_id == listed[-1]
        await pilot.press("d")  # committed the moment it is pressed
        assert store.get_claim(listed[-1]).status == Status.DISPUTED
        assert screen.selected_id == listed[2]  # wrapped to the first undecided one
        await pilot.press("home", "s")
        assert store.get_claim(listed[0]).status == Status.SUPPORTED  # decided before


async def test_a_verdict_keyed_before_the_rest_is_read_is_on_the_opening_claim(
    store, config, monkeypatch
):
    monkeypatch.setattr(ReviewScreen, "finish_loading_after_paint", lambda screen: None)
    _, listed = expected_title(store)
    app = make_app(store, config, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.loading
        await pilot.press("u")
        assert store.get_claim(listed[2]).status == Status.UNVERIFIED
        assert store.get_claim(listed[2]).decided
        assert screen.selected_id == listed[3]


async def test_scrolling_reaches_the_last_claim_of_a_10k_document(store, config):
    _, listed = expected_title(store)
    app = make_app(store, config, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        table = screen.table
        await pilot.press("end", "pageup", "pageup", "pagedown", "pagedown", "pagedown")
        assert screen.selected_id == listed[-1]
        bottom = round(table.scroll_offset.y) + table.scrollable_content_region.height
        assert bottom == len(listed)  # the last row is on screen, at the bottom
        keys = ["space" if c == " " else c for c in "claim 9993 says"]
        await pilot.press("home", "slash", *keys, "enter")
        wanted = next(c.id for c in store.list_claims() if c.text.startswith("Claim 9993 "))
        assert screen.selected_id == wanted
        assert str(table.border_title).startswith("Claims 1 of 9991")


def test_a_short_document_is_read_whole_before_the_first_frame(review_store):
    head = review_screen.review_head(review_store, 1, threshold=CHECK_WORTHY, page=200)
    assert head.complete
    assert [c.id for c in head.claims] == [
        c.id for c in review_store.list_claims(document_id=1, include_hidden=True)
    ]


async def test_a_reviewer_who_stopped_deep_in_the_document_opens_where_they_stopped(
    store, config, monkeypatch
):
    _, listed = expected_title(store)
    store.mark(listed[:1500], "unverified", reviewer="earlier")
    monkeypatch.setattr(ReviewScreen, "finish_loading_after_paint", lambda screen: None)
    app = make_app(store, config, document_id=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.loading
        assert screen.selected_id == listed[1500]
        assert screen.table.cursor == 1500  # the head holds every row before it
        await pilot.press("k")  # the claim before, decided earlier
        assert not screen.loading
        assert screen.selected_id == listed[1499]
        assert screen.table.cursor == 1499
