"""The Markdown report needs no `printable` pass on its way to the terminal either:
every value from outside goes through `escape_markdown` (one printable line) or, for a
link, `printable` itself, and the report's own text is ASCII markup, `“”`, `·` and
newlines. `factcheck export --format markdown` relies on it (`TERMINAL_SAFE_FORMATS`):
what it prints is what it printed before, unscanned."""

from __future__ import annotations

from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_html_terminal_safe import _HOSTILE, _report

from factcheck.cli import cli
from factcheck.export import TERMINAL_SAFE_FORMATS
from factcheck.export.markdown import claim_items, iter_markdown
from factcheck.models import Claim, Status
from factcheck.store import Store
from factcheck.untrusted.terminal_text import UNSAFE_CHARACTERS, printable


@settings(max_examples=150, deadline=None)
@given(st.lists(_HOSTILE, min_size=1, max_size=9), _HOSTILE, _HOSTILE, _HOSTILE)
@example(
    ["\x1b[31mred ", "<b>claim\r\n</b>", " \x9b2J "], "note\x07", "T\u202eitle", "http://x/\x1b"
)
def test_every_markdown_piece_is_already_printable(
    pieces: list[str], note: str, title: str, url: str
) -> None:
    report = _report(pieces, note, title, url)
    doc = report.documents[0]
    outline = [(doc.document.id, doc.document.title, doc.document.url, doc.counts)]
    items = list(claim_items(report.documents))

    def groups(status: Status) -> list[str]:
        return [item for group, item in items if group is status]

    rendered = list(iter_markdown(report, lambda: outline, groups))
    assert rendered
    for piece in rendered:
        assert printable(piece) == piece
        assert UNSAFE_CHARACTERS.search(piece) is None
        assert "\r" not in piece


def test_markdown_printed_by_the_cli_shows_stored_control_characters(
    fresh_store: Store,
) -> None:
    text = "Intro \x1b]52;c;cGF5\x07 then \x1b[2Jclaim one\r\n\u202e here.\n\nMore \x9b text."
    phrase = "\x1b[2Jclaim one"
    start = text.index(phrase)
    claim = Claim(phrase, start, start + len(phrase), 0, len(text))
    fresh_store.add_document(
        text, title="T\x1b[31mitle\x07", source="a\x1b.txt\u2028", claims=[claim]
    )
    printed = CliRunner().invoke(
        cli, ["--db", str(fresh_store.path), "export", "--format", "markdown"]
    )
    assert printed.exit_code == 0, printed.output
    assert "markdown" in TERMINAL_SAFE_FORMATS
    assert UNSAFE_CHARACTERS.search(printed.stdout) is None
    assert "\r" not in printed.stdout and "\x1b" not in printed.stdout
    assert "claim one" in printed.stdout and "itle" in printed.stdout
