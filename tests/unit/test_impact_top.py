"""`impact_index.top` groups a query's postings by passage with one packed sort: the
same passages and sums, to the bit, as adding each passage's impacts in list order."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.store import impact_index


def reference_top(
    lists: dict[str, tuple[int, tuple[np.ndarray, np.ndarray]]], stems: list[str], depth: int
) -> list[tuple[int, float]]:
    """The query written out in Python: the rarest stems' impacts added passage by
    passage in list order, best first, ties to the lower id."""
    known = sorted((s for s in dict.fromkeys(stems) if s in lists), key=lambda s: lists[s][0])
    sums: dict[int, float] = {}
    for stem in known[: impact_index.MAX_TERMS]:
        ids, impacts = lists[stem][1]
        for passage_id, impact in zip(ids.tolist(), impacts.tolist(), strict=True):
            sums[passage_id] = sums.get(passage_id, 0.0) + impact
    return sorted(sums.items(), key=lambda item: (-item[1], item[0]))[:depth]


postings = st.lists(
    st.tuples(
        st.integers(min_value=-5, max_value=60),
        # few distinct impacts, so that sums tie
        st.sampled_from([0.1, 0.2, 0.3, 1 / 3, 0.7, 1e-6, 2.5]),
    ),
    max_size=40,
    unique_by=lambda posting: posting[0],
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from("abcdefgh"), postings, min_size=1),
    st.lists(st.sampled_from("abcdefghxy"), min_size=1, max_size=12),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(["<i4", "<i8"]),
    st.integers(min_value=0, max_value=2),
)
def test_top_is_the_sum_in_list_order_best_first(
    raw: dict[str, list[tuple[int, float]]], stems: list[str], depth: int, width: str, shift: int
) -> None:
    # int64 ids past int32's range take the other path
    offset = 2**40 if width == "<i8" and shift else 0
    lists = {
        stem: (
            len(items) + shift * 7,  # documents: the order of the lists
            (
                np.array([passage_id + offset for passage_id, _ in items], dtype=width),
                np.array([impact for _, impact in items], dtype="<f8"),
            ),
        )
        for stem, items in raw.items()
    }
    assert impact_index.top(lists, stems, depth=depth, max_terms=impact_index.MAX_TERMS) == (
        reference_top(lists, stems, depth)
    )
