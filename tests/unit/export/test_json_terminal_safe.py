"""The JSON report needs no `printable` pass on its way to the terminal either: JSON
escapes every control character in its strings, `safe_json.escape` the rest of what
`printable` would replace (DEL, C1, bidi controls, line separators, lone surrogates),
and its own whitespace is spaces and newlines. `factcheck export --format json` relies
on it (`TERMINAL_SAFE_FORMATS`): what it prints is what it printed before, unscanned."""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_html_terminal_safe import _HOSTILE, _report

from factcheck.cli import cli
from factcheck.export import TERMINAL_SAFE_FORMATS
from factcheck.export.json_report import iter_json
from factcheck.models import Claim
from factcheck.store import Store
from factcheck.untrusted.terminal_text import UNSAFE_CHARACTERS, printable


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
        rendered = list(iter_json(report, rows=rows))
        assert rendered
        for piece in rendered:
            assert printable(piece) == piece
            assert UNSAFE_CHARACTERS.search(piece) is None
            assert "\r" not in piece


def test_json_printed_by_the_cli_escapes_stored_control_characters(fresh_store: Store) -> None:
    text = "Intro \x1b]52;c;cGF5\x07 then \x1b[2Jclaim one\r\n\u202e here.\n\nMore \x9b text."
    phrase = "\x1b[2Jclaim one"
    start = text.index(phrase)
    claim = Claim(phrase, start, start + len(phrase), 0, len(text))
    fresh_store.add_document(text, title="T\x1b[31mitle\x07", source="a\x1b.txt", claims=[claim])
    printed = CliRunner().invoke(cli, ["--db", str(fresh_store.path), "export", "--format", "json"])
    assert printed.exit_code == 0, printed.output
    assert "json" in TERMINAL_SAFE_FORMATS
    assert UNSAFE_CHARACTERS.search(printed.stdout) is None
    assert "\r" not in printed.stdout
    assert "\\u001b[2Jclaim one" in printed.stdout and "T\\u001b[31mitle\\u0007" in printed.stdout
