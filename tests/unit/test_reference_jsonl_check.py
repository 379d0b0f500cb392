"""The check pass of a .jsonl corpus reads the usual line with the plain decoder
(`reference_files._parse_strict`, issue 15): it must accept and refuse exactly what
`load_json` does, with the same value or the same one-line error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputError
from factcheck.ingest.reference_files import _parse_strict
from factcheck.untrusted.json_input import load_json

LINES = [
    '{"id": "p1", "title": "T", "text": "plain"}',
    '{"id": "p1", "title": null, "text": "x", "url": "https://e.org"}',
    '{"id": 7, "text": "a number id"}',
    '{"id": "p", "text": "x", "score": 1e999}',
    '{"id": "p", "text": "x", "score": NaN}',
    '{"id": "p", "text": "x", "n": ' + "9" * 5000 + "}",
    '{"id": "p", "text": "x", "n": ' + "9" * 150 + "}",
    '{"id": "p", "text": "x", "flag": true, "other": false}',
    '{"id": "p", "text": "x", "nested": {"a": [1, 2, {"b": null}]}}',
    '{"id": "p", "text": "x", "deep": ' + "[" * 100 + "]" * 100 + "}",
    "[" * 100_000,
    '["a", "list"]',
    '"a string"',
    "3",
    "{not json}",
    '{"id": "p", "text": "x"} trailing',
    '{"id": "p", "id": "twice", "text": "x"}',
    "",
]


def _outcome(parse, line: str) -> tuple[str, object]:
    try:
        return ("value", parse(line, name="f.jsonl:3"))
    except InputError as error:
        return ("refused", str(error))


@pytest.mark.parametrize("line", LINES)
def test_the_fast_check_accepts_and_refuses_what_load_json_does(line: str) -> None:
    assert _outcome(_parse_strict, line) == _outcome(load_json, line)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=5),
        st.one_of(st.none(), st.booleans(), st.text(max_size=10), st.integers(), st.floats()),
        max_size=4,
    )
)
def test_any_flat_object_gets_the_same_outcome(row: dict) -> None:
    import json

    line = json.dumps(row)  # NaN and Infinity written as such: load_json refuses them
    assert _outcome(_parse_strict, line) == _outcome(load_json, line)
