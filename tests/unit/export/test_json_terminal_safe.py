"""The JSON report needs no `printable` pass on its way to the terminal either: JSON
escapes every control character in its strings, `safe_json.escape` the rest of what
`printable` would replace (DEL, C1, bidi controls, line separators, lone surrogates),
and its own whitespace is spaces and newlines. `factcheck export --format json` relies
on it (`TERMINAL_SAFE_FORMATS`): what it prints is what it printed before, unscanned."""

from __future__ import annotations

from test_html_terminal_safe import (
    _report,
    assert_already_printable,
    export_hostile_document,
    for_hostile_reports,
)

from factcheck.export.json_report import iter_json
from factcheck.store import Store


@for_hostile_reports
def test_every_json_piece_is_already_printable(
    pieces: list[str], note: str, title: str, url: str
) -> None:
    report = _report(pieces, note, title, url)
    for rows in (False, True):
        assert_already_printable(list(iter_json(report, rows=rows)))


def test_json_printed_by_the_cli_escapes_stored_control_characters(fresh_store: Store) -> None:
    printed = export_hostile_document(fresh_store, "json")
    assert "\\u001b[2Jclaim one" in printed and "T\\u001b[31mitle\\u0007" in printed
