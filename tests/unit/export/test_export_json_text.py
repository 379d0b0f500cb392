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


_CLAIM_TEXTS = st.text(max_size=40)
_NUMBERS = st.none() | st.integers(min_value=1, max_value=10**6)


@given(
    text=_CLAIM_TEXTS,
    number=_NUMBERS,
    score=st.floats(allow_nan=True, allow_infinity=True) | st.integers(0, 1),
    updated_at=st.none() | st.text(max_size=25),
    duplicate_of=st.none() | st.integers(1, 10**9),
    version=st.sampled_from([1, 2]),
)
def test_a_plain_claims_template_writes_what_the_claim_dict_dumps(
    text: str, number: int | None, score: float, updated_at: str | None,
    duplicate_of: int | None, version: int,
) -> None:  # fmt: skip
    """The JSON export writes a claim without verdict, history or evidence from an
    f-string (`_plain_claim_text`): the same bytes as its dict through
    `dumps_indented`, for stored claims and hand-made ones (None number, NaN score)."""
    from factcheck.export.json_report import _claim_dict, _plain_claim_text
    from factcheck.export.report import ClaimEntry
    from factcheck.models import Claim

    claim = Claim(
        text, 3, 3 + len(text), 0, 90, kind=ClaimKind.CAUSAL, score=score, id=7,
        document_id=1, status=Status.DISMISSED, updated_at=updated_at, duplicate_of=duplicate_of,
    )  # fmt: skip
    expected = dumps_indented(_claim_dict(ClaimEntry(claim, number), version), level=4)
    assert _plain_claim_text(claim, number, version) == expected
