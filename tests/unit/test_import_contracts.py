"""The layer contracts of pyproject.toml ([tool.importlinter]) hold, and would notice a
break: only the TUI imports Textual, only the review command opens the TUI, the CLI
asks ingest to split, and each layer imports only the layers below it (the store
imports nothing above it). `lint-imports` reads every
import in the package, so no list of "core modules" is kept by hand."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

CONTRACTS = (
    "Only the TUI imports Textual",
    "Only the review command opens the TUI",
    "The CLI never splits by itself",
    "Layers: the faces on top",
)

pytestmark = pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is not installed (the test extra)"
)


def lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contracts on the `factcheck` found first in
    `package_parent`; no cache written."""
    environment = {**os.environ, "PYTHONPATH": str(package_parent), "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(PYPROJECT), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=package_parent,
        env=environment,
        timeout=120,
    )


def test_the_import_contracts_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in CONTRACTS:
        assert any(line.startswith(name) for line in result.stdout.splitlines())
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in result.stdout


def test_the_contracts_notice_each_kind_of_break(tmp_path: Path) -> None:
    package = tmp_path / "factcheck"
    shutil.copytree(
        ROOT / "factcheck",
        package,
        ignore=shutil.ignore_patterns("data", "__pycache__", "*.tcss", "*.css"),
    )
    breaks = {
        # a core module using Textual; the store calling up into the splitter (lazily,
        # as add_document once did); a command other than review opening the TUI
        "store/text.py": "\ndef _uses_textual():\n    import textual\n",
        "store/documents.py": (
            "\ndef _splits():\n    from factcheck.claims.splitter import split_claims\n"
        ),
        "cli/claims.py": "\ndef _opens_the_tui():\n    from factcheck.tui import make_app\n",
        "cli/documents.py": (
            "\ndef _splits():\n    from factcheck.claims.splitter import split_claims\n"
        ),
    }
    for path, code in breaks.items():
        with (package / path).open("a", encoding="utf-8") as module:
            module.write(code)
    result = lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"Contracts: 0 kept, {len(CONTRACTS)} broken." in result.stdout
    assert "factcheck.store.text -> textual" in result.stdout
    assert "factcheck.store.documents -> factcheck.claims.splitter" in result.stdout
    assert "factcheck.cli.claims -> factcheck.tui" in result.stdout
    assert "factcheck.cli.documents -> factcheck.claims.splitter" in result.stdout
