"""A stance model with set weights, shared by the CLI and review-screen hint tests."""

from __future__ import annotations

import numpy as np

from factcheck.evidence.stance_model import StanceModel


def contradicting_when_close(threshold: float) -> StanceModel:
    """A real `StanceModel` with set weights, so the display is tested apart from what the
    packaged weights learned (they rarely say "contradicts": bench/RESULTS.md): it says
    "contradicts" when the claim-passage cosine passes `threshold`, else "neither"."""
    weights = np.zeros((3, 6), dtype=np.float32)
    weights[1, 5] = 50.0
    return StanceModel(weights, np.array([-100.0, -50.0 * threshold, 0.0], dtype=np.float32))
