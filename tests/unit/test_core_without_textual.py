"""The core never imports Textual: only `factcheck review` loads it, lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "factcheck",
    "factcheck.store",
    "factcheck.cli",
    "factcheck.config",
    "factcheck.splitter",
    "factcheck.models",
    "factcheck.sources",
    "factcheck.ingest",
    "factcheck.review",
    "factcheck.claim_edit",
    "factcheck.cli.claim_spans",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module):
    code = (
        f"import sys, {module}; "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_check_would_notice_textual():
    code = "import sys, factcheck.tui; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
