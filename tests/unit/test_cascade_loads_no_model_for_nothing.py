"""The cascade's first pass decides alone when no sentence falls inside its band (at or
above the ceiling, or below a floor): such a text (one plain figure; a list of thanks
under a calibration with a floor) never loads onnxruntime or the 23 MB model, which is
most of a one-file `factcheck add` (bench/RESULTS.md, session 21 scale). The shipped
floor is 0.0 (session 32: news facts the linear model scores low need the transformer),
so the probe sets one to show the floor's half of the rule."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from factcheck.claims.checkworthiness import scoring
from factcheck.claims.checkworthiness.encoding import SentenceInContext as S
high = scoring.score_sentences([S("Unemployment fell to 3.5 percent in 2019, the lowest ever.")])
assert all(p >= scoring.cascade_ceiling() for p in high), high
print("onnxruntime" in sys.modules)
scoring.cascade_floor = lambda: 0.2
low = scoring.score_sentences([S("Thanks."), S("See you soon.")])
assert all(p < scoring.cascade_floor() for p in low), low
print("onnxruntime" in sys.modules)
scoring.score_sentences([S("Xi urged the two countries to strengthen exchanges.")])
print("onnxruntime" in sys.modules)
"""


def test_sentences_outside_the_band_load_no_model_and_one_inside_does() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False", "True"]
