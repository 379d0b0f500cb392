"""bench/choose_cascade_floor.py's leave-one-set-out choice, on made-up tallies."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from choose_cascade_floor import fold_choices
from news_claim_matching import Tally


def _tally(matched: int, shown: int) -> Tally:
    return Tally(claims=100, found=matched, matched=matched, shown=shown)


def test_each_fold_takes_the_floor_with_most_matches_that_keeps_the_precision() -> None:
    found = {
        (0.2, "a"): _tally(70, 80),
        (0.0, "a"): _tally(75, 90),
        (0.2, "b"): _tally(60, 70),
        (0.0, "b"): _tally(64, 90),
        (0.2, "c"): _tally(80, 90),
        (0.0, "c"): _tally(82, 95),
    }
    chosen = fold_choices(found, [0.2, 0.0], min_precision=0.8)
    # Without b, the low floor keeps precision (157/185 = 0.85) and matches more.
    assert chosen["b"] == 0.0
    # With b inside, the low floor's precision falls under 0.8 on the other sets.
    assert chosen["a"] == 0.2
    assert chosen["c"] == 0.2


def test_a_fold_where_no_floor_keeps_the_precision_chooses_none() -> None:
    found = {(0.2, "a"): _tally(50, 100), (0.2, "b"): _tally(50, 100)}
    assert fold_choices(found, [0.2], min_precision=0.8) == {"a": None, "b": None}


def test_a_tie_in_matches_goes_to_the_higher_floor() -> None:
    found = {
        (0.2, "a"): _tally(70, 80),
        (0.0, "a"): _tally(70, 85),
        (0.2, "b"): _tally(70, 80),
        (0.0, "b"): _tally(70, 85),
    }
    assert fold_choices(found, [0.0, 0.2], min_precision=0.5) == {"a": 0.2, "b": 0.2}
