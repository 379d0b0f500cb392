"""The stance hints of suggestions are worked out in the lookup worker: the paint of the
evidence panel, on the UI thread, only reads back what the worker prepared (loading the
model and encoding passages there would freeze the keys)."""

from __future__ import annotations

import threading

import pytest

from factcheck.evidence import stance_model

from .conftest import FakeSource
from .test_review_suggestions import ECONOMY, SIZE, settle


async def test_the_worker_not_the_paint_encodes_the_passages(
    make, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = stance_model.model_stances

    def recording(cues, claim, passages):
        threads.append(threading.current_thread().name)
        return real(cues, claim, passages)

    monkeypatch.setattr(stance_model, "model_stances", recording)
    app = make(sources=[FakeSource("local", [ECONOMY])])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        main = threading.main_thread().name
        assert threads, "no hint was worked out"
        # the first hint (the one that loads the model) came from the worker; the
        # panel's own calls after it find the passages in the encoder's memory
        assert threads[0] != main
        body = app.screen.query_one("#evidence-body").content
        assert "Economy" in "\n".join(part.plain for part in body.renderables)
