"""Shared fixtures: every test gets its own database and never touches the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.store import Store

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = REPO_ROOT / "seeds" / "xi-lee-call.txt"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "claims.db") as opened:
        yield opened


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's config or database by accident."""
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.chdir(tmp_path)
