"""Hostile-input regression tests (issue 12); they share tests/unit's helper modules."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # ingest_fixtures
