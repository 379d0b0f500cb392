"""`dumps_indented` (the JSON export's encoder) writes exactly what
`json.dumps(value, indent=2, ensure_ascii=False)` writes, at any depth, for every
kind of JSON value and for the odd ones (enum members, non-string keys, NaN)."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from factcheck.export.json_text import dumps_indented
from factcheck.models import ClaimKind, Status

_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from([Status.SUPPORTED, ClaimKind.OTHER])
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=4)
    ),
    max_leaves=25,
)


def _reference(value: object, level: int) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)


@given(_VALUES, st.integers(min_value=0, max_value=3))
def test_same_bytes_as_the_standard_library(value, level) -> None:
    assert dumps_indented(value, level=level) == _reference(value, level)


def test_the_shapes_a_report_writes() -> None:
    claim = {
        "id": 7,
        "text": 'He said "no" <b>\n\u2028 & \x00',
        "score": 0.1 + 0.2,
        "status": Status.DISPUTED,
        "verdict": None,
        "history": [],
        "evidence": [{"span": [1, 2], "agreements": [], "extra": {}}],
        "odd": [math.nan, math.inf, -math.inf, True, False, 10**30],
    }
    for level in (0, 2):
        assert dumps_indented({"claims": [claim, claim]}, level=level) == _reference(
            {"claims": [claim, claim]}, level
        )
