"""The stance hint badge in the evidence panel: beside the passage, never the verdict."""

from __future__ import annotations

import pytest

from factcheck.evidence import stance_model
from factcheck.models import Evidence, SourceKind, Status
from tests.unit.stance_fixture import contradicting_when_close

SIZE = (120, 40)

CONTRADICTING = Evidence(
    SourceKind.REFERENCE,
    "Trade figures",
    "China is not South Korea's biggest trading partner any more.",
    0.8,
)
UNRELATED = Evidence(SourceKind.REFERENCE, "Food", "Kimchi is a traditional side dish.", 0.3)
HOSTILE = Evidence(
    SourceKind.REFERENCE,
    "Hostile",
    "[bold red]China[/] is not South Korea's \x1b[31mbiggest trading partner.",
    0.5,
)
THRESHOLD = 0.5
"""Cosine above which the set model below hints "contradicts"."""


@pytest.fixture(autouse=True)
def set_model(monkeypatch: pytest.MonkeyPatch) -> None:
    model = contradicting_when_close(THRESHOLD)
    monkeypatch.setattr(stance_model, "default_stance_model", lambda: model)


def evidence_lines(app) -> list[str]:
    group = app.screen.query_one("#evidence-body").content
    return "\n".join(part.plain for part in group.renderables).splitlines()


async def open_claim_3(app, pilot) -> None:
    """Select claim 3 ("China is South Korea's biggest trading partner") and wait for the
    worker that works out the hints of its stored evidence."""
    await pilot.press("j", "j")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.screen.selected_id == 3


async def test_badge_appears_beside_a_contradicting_passage_only(make, review_store):
    review_store.save_evidence(3, [CONTRADICTING, UNRELATED])
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_claim_3(app, pilot)
        lines = evidence_lines(app)
        trade = next(i for i, line in enumerate(lines) if "Trade figures" in line)
        food = next(i for i, line in enumerate(lines) if "Food" in line)
        hints = [i for i, line in enumerate(lines) if "hint:" in line]
        # title, match line, passage, then the badge; nothing for Food
        assert hints == [trade + 3]
        assert lines[trade + 3] == " hint: contradicts?  negation differs"
        assert trade < food


async def test_hint_reasons_from_a_hostile_passage_are_plain_and_printable(make, review_store):
    review_store.save_evidence(3, [HOSTILE])
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_claim_3(app, pilot)
        text = "\n".join(evidence_lines(app))
        assert "hint: contradicts?" in text
        assert "[bold red]China[/]" in text  # shown as text, not parsed as markup
        assert "\x1b" not in text


async def test_marking_ignores_the_hint_the_key_pressed_decides(make, review_store):
    """A passage hinted to contradict: "s" still records supported, cited as chosen."""
    (saved,) = review_store.save_evidence(3, [CONTRADICTING])
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_claim_3(app, pilot)
        assert any("hint: contradicts?" in line for line in evidence_lines(app))
        await pilot.press("1", "s")
        (verdict,) = review_store.history(3)
        assert verdict.status is Status.SUPPORTED
        assert verdict.evidence_id == saved.id
        assert review_store.get_claim(3).status is Status.SUPPORTED
