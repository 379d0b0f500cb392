"""The stance hints of suggestions are worked out in a worker: the lookup worker for what
it found, a hints worker for evidence saved in an earlier session. The paint of the
evidence panel, on the UI thread, only shows what a worker worked out (loading the model
and encoding passages there would freeze the keys)."""

from __future__ import annotations

import threading

import pytest

from factcheck.evidence import stance_model

from .conftest import FakeSource
from .test_review_stance_hint import CONTRADICTING
from .test_review_suggestions import ECONOMY, SIZE, settle


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread of every call to the stance model, in order."""
    called: list[str] = []
    real = stance_model.model_stances

    def recording(cues, claim, passages):
        called.append(threading.current_thread().name)
        return real(cues, claim, passages)

    monkeypatch.setattr(stance_model, "model_stances", recording)
    return called


def panel_text(app) -> str:
    body = app.screen.query_one("#evidence-body").content
    return "\n".join(part.plain for part in body.renderables)


async def test_the_worker_not_the_paint_encodes_the_passages(make, threads: list[str]) -> None:
    app = make(sources=[FakeSource("local", [ECONOMY])])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert threads, "no hint was worked out"
        assert threading.main_thread().name not in threads
        assert "Economy" in panel_text(app)


async def test_stored_evidence_is_hinted_by_a_worker_then_shown(
    make, review_store, threads: list[str]
) -> None:
    """Evidence saved in an earlier session: the first claim shown has it at once, and
    its hint appears when the hints worker is done; the UI thread never runs the model."""
    review_store.save_evidence(1, [CONTRADICTING])
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Trade figures" in panel_text(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert threads, "no hint was worked out"
        assert threading.main_thread().name not in threads
        assert app.screen.hints, "the worker's hints did not reach the screen"
