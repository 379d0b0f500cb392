"""Fixtures for the review TUI: a fixed document with known claims, fake sources.

Claims are given explicitly (not split), so tests and snapshots do not move when the
splitter improves; the reviewer name is fixed so snapshots hold on any machine.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from factcheck.config import Config, ReviewConfig
from factcheck.errors import SourceUnavailable
from factcheck.evidence.context import ClaimContext
from factcheck.models import Claim, ClaimKind, Evidence, SourceKind
from factcheck.store import Store
from factcheck.tui import ReviewApp, make_app

SEED = Path(__file__).resolve().parents[2] / "seeds" / "xi-lee-call.txt"

CLAIMS = [
    (
        "Chinese President Xi Jinping told South Korean President Lee Jae-myung",
        ClaimKind.ATTRIBUTION,
        0.62,
    ),
    ("In their first phone call since Lee took office last week", ClaimKind.TEMPORAL, 0.71),
    ("China is South Korea’s biggest trading partner", ClaimKind.RANKING, 0.88),
    (
        "a 2017 spat over South Korea’s installation of a U.S. missile defence system",
        ClaimKind.TEMPORAL,
        0.64,
    ),
    ("Asia’s fourth-largest economy", ClaimKind.RANKING, 0.82),
    (
        "the most daunting set of challenges for a South Korean leader in nearly three decades",
        ClaimKind.COMPARISON,
        0.47,
    ),
]


def fixed_claims(text: str) -> list[Claim]:
    """The CLAIMS above located in the seed text, with their paragraph as sentence."""
    claims = []
    search_from = text.index("On Tuesday")  # skip the headline repeats
    for snippet, kind, score in CLAIMS:
        start = text.index(snippet, search_from)
        end = start + len(snippet)
        sentence_start = text.rfind("\n", 0, start) + 1
        sentence_end = text.find("\n", end)
        claims.append(Claim(snippet, start, end, sentence_start, sentence_end, kind, score))
    return claims


class FakeSource:
    """An evidence source answering from memory, or raising `error`; records what it
    was asked. `gate`, when given, holds each answer until it is set (a slow source)."""

    def __init__(
        self,
        name: str,
        items: list[Evidence] | None = None,
        error: Exception | None = None,
        gate: threading.Event | None = None,
    ):
        self.name = name
        self.items = items or []
        self.error = error
        self.gate = gate
        self.calls: list[str] = []
        self.contexts: list[ClaimContext] = []

    def suggest(self, text: str, *, context: ClaimContext, limit: int = 5) -> list[Evidence]:
        self.calls.append(text)
        self.contexts.append(context)
        if self.gate is not None:
            self.gate.wait(timeout=5)
        if self.error is not None:
            raise self.error
        return self.items[:limit]


class FakeWikipedia(FakeSource):
    """The source `w` asks."""

    def __init__(self, items: list[Evidence] | None = None, error: Exception | None = None):
        super().__init__("wikipedia", items, error)


WIKI_EVIDENCE = [
    Evidence(
        source=SourceKind.WIKIPEDIA,
        title="China–South Korea relations",
        passage="China has been South Korea's largest trading partner since 2004.",
        score=0.81,
        url="https://en.wikipedia.org/wiki/China%E2%80%93South_Korea_relations",
        span=(29, 52),
        agreements=("largest trading partner",),
        reference_id="China–South Korea relations",
        revision_id=1234567890,
    )
]


@pytest.fixture
def config() -> Config:
    return Config(review=ReviewConfig(reviewer="tester"))


@pytest.fixture
def review_store(tmp_path: Path) -> Store:
    with Store(tmp_path / "claims.db") as opened:
        text = SEED.read_text(encoding="utf-8")
        opened.add_document(
            text,
            title="Xi and Lee's first call",
            source="seeds/xi-lee-call.txt",
            claims=fixed_claims(text),
        )
        yield opened


@pytest.fixture
def make(review_store: Store, config: Config):
    """make(sources=..., config=...) -> a ReviewApp on document 1."""

    def factory(sources=(), config: Config = config, document_id: int | None = 1) -> ReviewApp:
        return make_app(review_store, config, list(sources), document_id=document_id)

    return factory


@pytest.fixture
def unavailable_wikipedia() -> FakeWikipedia:
    return FakeWikipedia(error=SourceUnavailable("Wikipedia is unreachable (offline?)"))
