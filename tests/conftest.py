"""Shared fixtures: every test gets its own database and never touches the network."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils

from factcheck.store import MIGRATIONS, Store

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = REPO_ROOT / "seeds" / "xi-lee-call.txt"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "claims.db") as opened:
        yield opened


@pytest.fixture
def old_database(tmp_path: Path) -> Callable[[int], tuple[Path, sqlite3.Connection]]:
    """`old_database(n)`: a claims.db at schema version n, as an older factcheck left it
    (the first n migrations replayed), open for the test to add rows, commit and close;
    opening it with `Store` then runs the upgrade under test."""

    def make(version: int) -> tuple[Path, sqlite3.Connection]:
        path = tmp_path / f"old-v{version}.db"
        conn = sqlite3.connect(path)
        for step in MIGRATIONS[:version]:
            step(sqlite_utils.Database(conn))
        conn.execute(f"PRAGMA user_version = {version}")
        return path, conn

    return make


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's config or database by accident."""
    monkeypatch.delenv("FACTCHECK_CONFIG", raising=False)
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.chdir(tmp_path)
