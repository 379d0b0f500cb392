"""Fixtures for the hostile-input tests (issue 12): the reviewed database of the
export tests, reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.store import Store
from tests.unit.export.conftest import build_reviewed_store


@pytest.fixture
def reviewed(store: Store, sample_text: str) -> dict[str, int]:
    return build_reviewed_store(store, sample_text)


@pytest.fixture
def fresh_store(tmp_path: Path) -> Store:
    with Store(tmp_path / "other.db") as opened:
        yield opened
