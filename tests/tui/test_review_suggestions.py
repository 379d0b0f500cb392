"""Automatic suggestions: selecting a claim without evidence asks the quick sources
(reference library, earlier checks) in a worker; Wikipedia still waits for `w`."""

from __future__ import annotations

import contextlib
import threading

from textual.worker import WorkerFailed

from factcheck.errors import SourceUnavailable
from factcheck.evidence.source_factory import make_sources
from factcheck.models import Claim, Evidence, SourceKind, Status
from factcheck.store import Store
from factcheck.tui import make_app
from factcheck.tui.screens import evidence_lookups
from factcheck.tui.screens.picker import PickerScreen

from .conftest import CLAIMS, WIKI_EVIDENCE, FakeSource, FakeWikipedia

SIZE = (120, 40)

ECONOMY = Evidence(
    SourceKind.REFERENCE,
    "Economy of South Korea",
    "South Korea has the fourth-largest economy in Asia and a highly developed market.",
    0.74,
    span=(0, 50),
    agreements=("fourth-largest",),
    reference_id="kr-1",
)
EARLIER = Evidence(
    SourceKind.PRIOR,
    "checked before: supported on 2026-11-02 (Monday story)",
    "China is South Korea's largest trading partner.",
    0.9,
)


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def evidence_text(app) -> str:
    group = app.screen.query_one("#evidence-body").content
    return "\n".join(part.plain for part in group.renderables)


async def settle(app, pilot) -> None:
    """Past the debounce, every worker finished, its message handled."""
    await pilot.pause(evidence_lookups.SUGGEST_DELAY_SECONDS + 0.1)
    # A worker that crashed but is not yet removed makes the wait raise WorkerFailed
    # (how soon it is removed depends on the machine's load); the crash itself is
    # what the screen must turn into a notification, which the tests check.
    with contextlib.suppress(WorkerFailed):
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_claim_without_evidence_gets_suggestions_in_the_panel(make, review_store):
    local = FakeSource("local", [ECONOMY])
    wikipedia = FakeWikipedia(WIKI_EVIDENCE)
    app = make(sources=[local, wikipedia])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert local.calls == [CLAIMS[0][0]]
        (context,) = local.contexts  # as `factcheck match` builds it
        assert (context.document_id, context.title) == (1, "Xi and Lee's first call")
        assert CLAIMS[0][0] in context.sentence
        assert wikipedia.calls == []  # Wikipedia waits for w
        (stored,) = review_store.list_evidence(1)
        assert (stored.title, stored.span) == ("Economy of South Korea", (0, 50))
        assert app.screen.evidence_items == [stored]
        await pilot.press("j")
        await settle(app, pilot)
        await pilot.press("k")  # back on claim 1: answered already, not asked again
        await settle(app, pilot)
        assert local.calls == [CLAIMS[0][0], CLAIMS[1][0]]


async def test_a_claim_with_stored_evidence_is_not_asked(make, review_store):
    review_store.save_evidence(1, [ECONOMY])
    local = FakeSource("local", [ECONOMY])
    app = make(sources=[local])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert local.calls == []
        assert len(app.screen.evidence_items) == 1


async def test_nothing_found_says_so_and_points_at_wikipedia(make, review_store):
    review_store.add_references([{"id": "x", "title": "Kimchi", "text": "Kimchi is a dish."}])
    app = make(sources=[FakeSource("local"), FakeWikipedia()])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        body = evidence_text(app)
        assert "Nothing in the reference library or earlier checks." in body
        assert "Press w" in body


async def test_moving_quickly_asks_only_for_the_claim_it_stops_on(make, review_store, monkeypatch):
    # A wider debounce than the product's 0.2 s: on a loaded machine five Pilot key
    # presses can take longer than 0.2 s, which is not what this test is about.
    monkeypatch.setattr(evidence_lookups, "SUGGEST_DELAY_SECONDS", 1.5)
    local = FakeSource("local", [ECONOMY])
    app = make(sources=[local])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)  # claim 1 answered
        await pilot.press("j", "j", "j", "j", "j")  # the last listed: claim 5 (6 scores 0.47)
        await settle(app, pilot)
        assert local.calls == [CLAIMS[0][0], CLAIMS[4][0]]
        assert [len(review_store.list_evidence(i)) for i in range(1, 7)] == [1, 0, 0, 0, 1, 0]


async def test_a_slow_lookup_is_dropped_when_the_selection_moves_on(make, review_store):
    slow = threading.Event()
    local = FakeSource("local", [ECONOMY], gate=slow)
    app = make(sources=[local])
    async with app.run_test(size=SIZE) as pilot:
        assert "Looking in the reference library" in evidence_text(app)
        for _ in range(40):
            await pilot.pause(0.05)
            if local.calls:
                break
        assert local.calls == [CLAIMS[0][0]]  # claim 1's lookup is running, held
        await pilot.press("j")
        await pilot.pause()
        slow.set()
        await settle(app, pilot)
        assert review_store.list_evidence(1) == []  # its answer came too late: dropped
        assert len(review_store.list_evidence(2)) == 1
        assert app.screen.selected_id == 2
        assert len(app.screen.evidence_items) == 1


async def test_a_failing_source_is_one_notification_and_the_others_carry_on(make, review_store):
    broken = FakeSource("local", error=SourceUnavailable("reference library unreadable"))
    prior = FakeSource("prior", [EARLIER])
    app = make(sources=[broken, prior])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for _ in range(3):
            await pilot.press("j")
            await settle(app, pilot)
        assert len(broken.calls) == 4
        assert messages(app).count("reference library unreadable") == 1
        assert all(len(review_store.list_evidence(i)) == 1 for i in range(1, 5))
        await pilot.press("s")
        assert review_store.get_claim(4).status == Status.SUPPORTED


async def test_a_crashing_source_is_one_notification(make):
    app = make(sources=[FakeSource("local", error=RuntimeError("boom"))])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        crashes = [m for m in messages(app) if "boom" in m]
        assert crashes == ["Evidence suggestions failed: boom"]
        assert app.is_running


async def test_a_suggestion_chosen_with_1_is_cited_by_the_verdict(make, review_store):
    app = make(sources=[FakeSource("local", [ECONOMY]), FakeSource("prior", [EARLIER])])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.screen.evidence_items[0]  # best first: the earlier verdict
        assert first.source == SourceKind.PRIOR
        await pilot.press("1", "n")
        await pilot.pause()
        await pilot.press(*"same as Monday", "enter")
        await pilot.pause()
        await pilot.press("d")
        (verdict,) = review_store.history(1)
        assert (verdict.status, verdict.evidence_id, verdict.note) == (
            Status.DISPUTED,
            first.id,
            "same as Monday",
        )


async def test_real_local_library_through_the_lookup_connection(review_store, config):
    """As `factcheck review` builds it: sources on a second connection to the file."""
    with Store(review_store.path) as lookup:
        lookup.add_references(
            [
                {
                    "id": "kr-econ",
                    "title": "Economy of South Korea",
                    "text": "South Korea is Asia's fourth-largest economy by nominal GDP.",
                }
            ]
        )
        sources = [s for s in make_sources(lookup, config) if s.name != "wikipedia"]
        app = make_app(review_store, config, sources, document_id=1)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j", "j", "j")  # claim 5: Asia's fourth-largest economy
            await settle(app, pilot)
            (item,) = app.screen.evidence_items
            assert (item.source, item.reference_id) == (SourceKind.REFERENCE, "kr-econ")
            assert item.span is not None
            await pilot.press("1", "d")
        (verdict,) = review_store.history(5)
        assert verdict.evidence_id == item.id
        assert review_store.get_evidence(item.id).reference_id == "kr-econ"


async def test_a_document_chosen_in_the_picker_is_not_its_own_earlier_check(review_store, config):
    """Issue 16's bug: `factcheck review` without a target opens the picker, so the
    document under review is not known when the sources are built; its own decided
    claims must still not come back as "checked before" for themselves."""
    own = review_store.get_claim(3)  # China is South Korea's biggest trading partner
    review_store.mark([own.id], "supported", reviewer="ana")
    monday = "China is South Korea’s biggest trading partner, officials said."
    elsewhere = review_store.add_document(
        monday,
        title="Monday story",
        source="-",
        claims=[Claim(monday, 0, len(monday), 0, len(monday))],
    )
    (earlier,) = review_store.list_claims(document_id=elsewhere.document.id)
    review_store.mark([earlier.id], "disputed", reviewer="ana")
    with Store(review_store.path) as lookup:
        sources = [s for s in make_sources(lookup, config) if s.name != "wikipedia"]
        app = make_app(review_store, config, sources)  # no document: the picker first
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PickerScreen)
            await pilot.press("enter")  # document 1, the only one with open claims
            await pilot.pause()
            await pilot.press("j", "j")  # claim 3, decided in this very document
            await settle(app, pilot)
            assert app.screen.selected_id == own.id
            earlier_checks = [
                e.reference_id for e in app.screen.evidence_items if e.source is SourceKind.PRIOR
            ]
            assert earlier_checks == [str(earlier.id)]  # the other document's, not its own
