"""`factcheck add FILE` run once per file pays for every module it imports (issue 15):
the add command's module must not pull in the report formats or the evidence display."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import factcheck.cli, factcheck.cli.claims
heavy = ["factcheck.export", "factcheck.evidence.stance", "factcheck.cli.evidence_format",
         "sqlite_utils", "trafilatura", "pypdf", "httpx", "textual"]
print(" ".join(name for name in heavy if name in sys.modules))
"""


def test_the_add_command_module_imports_no_report_or_evidence_display() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == []
