"""The JSON report needs no `printable` pass on its way to the terminal either: JSON
escapes every control character in its strings, `safe_json.escape` the rest of what
`printable` would replace (DEL, C1, bidi controls, line separators, lone surrogates),
and its own whitespace is spaces and newlines. `factcheck export --format json` relies
on it (`TERMINAL_SAFE_FORMATS`): what it prints is what it printed before, unscanned."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_html_terminal_safe import (
    _HOSTILE,
    _report,
    assert_already_printable,
    export_hostile_document,
)

from factcheck.export.json_report import iter_json
from factcheck.store import Store


@settings(max_examples=150, deadline=None)
@given(st.lists(_HOSTILE, min_size=1, max_size=9), _HOSTILE, _HOSTILE, _HOSTILE)
@example(
    ["\x1b[31mred ", "<b>claim\r\n</b>", " \x9b2J "], "note\x07", "T\u202eitle", "http://x/\x1b"
)
def test_every_json_piece_is_already_printable(
    pieces: list[str], note: str, title: str, url: str
) -> None:
    report = _report(pieces, note, title, url)
    for rows in (False, True):
        assert_already_printable(list(iter_json(report, rows=rows)))


def test_json_printed_by_the_cli_escapes_stored_control_characters(fresh_store: Store) -> None:
    printed = export_hostile_document(fresh_store, "json")
    assert "\\u001b[2Jclaim one" in printed and "T\\u001b[31mitle\\u0007" in printed
