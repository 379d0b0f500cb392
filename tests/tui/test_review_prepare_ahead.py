"""The review screen's suggestion worker prepares the next claims once it has answered
(`LocalReferences.prepare`: their sentence vectors encoded ahead, bench/RESULTS.md)."""

from __future__ import annotations

from factcheck.models import Evidence
from factcheck.tui.screens import evidence_lookups

from .conftest import CLAIMS, FakeSource
from .test_review_suggestions import ECONOMY, SIZE, settle


class PreparingSource(FakeSource):
    """A quick source that can prepare claims ahead, and records what it was given."""

    def __init__(self, name: str, items: list[Evidence]) -> None:
        super().__init__(name, items)
        self.prepared: list[list[str]] = []

    def prepare(self, texts, *, is_cancelled) -> int:
        self.prepared.append(list(texts))
        return len(self.prepared[-1])


async def test_after_answering_a_claim_the_worker_prepares_the_next_ones(make) -> None:
    local = PreparingSource("local", [ECONOMY])
    plain = FakeSource("prior", [])  # a source without `prepare` is left alone
    app = make(sources=[local, plain])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert local.calls == [CLAIMS[0][0]]
        ahead = [claim for claim, *_ in CLAIMS[1 : 1 + evidence_lookups.PREPARE_AHEAD]]
        assert local.prepared == [ahead]
        await pilot.press("j")
        await settle(app, pilot)
        # claim 1 is answered: what follows claim 2, never the claims already asked about
        assert local.calls == [CLAIMS[0][0], CLAIMS[1][0]]
        assert local.prepared[-1] == [
            claim for claim, *_ in CLAIMS[2 : 2 + evidence_lookups.PREPARE_AHEAD]
        ]
