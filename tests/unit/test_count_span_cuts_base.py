"""bench/count_span_cuts.py's `load_base`: a base checkout whose splitter is the
factcheck/claims/spans/ package is loaded beside this one, and each tree keeps its own
rules (session 29: `--base` refused that layout)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

from count_span_cuts import load_base  # noqa: E402

from factcheck.claims.spans import Statement, statement_spans  # noqa: E402

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck"
TEXT = "Prices rose 5% in May; wages fell 2% in June."


def _base_without_semicolon_cut(tmp_path: Path) -> Path:
    """A copy of this checkout's factcheck/ (models left out) whose pass never cuts at
    ";": a base whose spans differ from this checkout's in one rule module."""
    base = tmp_path / "base"
    shutil.copytree(PACKAGE, base / "factcheck", ignore=shutil.ignore_patterns("*.onnx", "*.bin"))
    cuts = base / "factcheck" / "claims" / "spans" / "cuts.py"
    source = cuts.read_text(encoding="utf-8")
    rule = '(frozenset({";"}), _at_semicolon),'
    assert rule in source
    cuts.write_text(source.replace(rule, "", 1), encoding="utf-8")
    return base


def _texts(spans: list[Statement]) -> list[str]:
    return [TEXT[s.start : s.end] for s in spans]


def test_base_package_rules_run_beside_ours(tmp_path: Path) -> None:
    base_spans = load_base(_base_without_semicolon_cut(tmp_path))
    ours_before = sys.modules["factcheck.claims.spans"]
    assert _texts(base_spans(TEXT, 0, len(TEXT))) == [TEXT.rstrip(".")]
    assert _texts(statement_spans(TEXT, 0, len(TEXT))) == [
        "Prices rose 5% in May",
        "wages fell 2% in June",
    ]
    assert sys.modules["factcheck.claims.spans"] is ours_before  # ours put back


def test_base_without_a_splitter_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no factcheck/claims/"):
        load_base(tmp_path)
