"""The HTML report needs no `printable` pass on its way to the terminal: every piece
`iter_html` yields is already printable, whatever the article, titles, notes and
evidence hold (control characters, ANSI escapes, bidi overrides, CR LF, markup).
`factcheck export --format html` relies on it (`TERMINAL_SAFE_FORMATS`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.cli import cli
from factcheck.config import PublisherConfig
from factcheck.export import TERMINAL_SAFE_FORMATS
from factcheck.export.html import iter_html
from factcheck.export.report import ClaimEntry, DocumentReport, Report
from factcheck.models import Claim, ClaimKind, Document, Evidence, SourceKind, Status, Verdict
from factcheck.store import Store
from factcheck.untrusted.terminal_text import UNSAFE_CHARACTERS, printable

_HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(
            [
                *("\x1b[2J", "\x1b]0;pwn\x07", "\x9b", "\r\n", "\r", "\n\n", "\x00"),
                *("\u202e", "\u2028", "\ud800", "<script>", "&amp;", '"', "'", "\t", "\x7f"),
                *("a", " "),
            ]
        ),
        st.characters(),
    ),
    max_size=12,
).map("".join)
"""Text from outside: escapes, controls, line ends, markup, anything."""


def for_hostile_reports(test: Callable[[list[str], str, str, str], None]) -> Any:
    """`test(pieces, note, title, url)` (what `_report` takes) run on hostile text:
    hypothesis's, and a known terminal attack in every field. Each report format's
    terminal-safety test is decorated with it, so all meet the same inputs."""
    return settings(max_examples=150, deadline=None)(
        given(st.lists(_HOSTILE, min_size=1, max_size=9), _HOSTILE, _HOSTILE, _HOSTILE)(
            example(
                ["\x1b[31mred ", "<b>claim\r\n</b>", " \x9b2J "],
                "note\x07",
                "T\u202eitle",
                "http://x/\x1b",
            )(test)
        )
    )


def _report(pieces: list[str], note: str, title: str, url: str) -> Report:
    """A document cut from `pieces` (every other piece a claim), one claim decided with
    a note and cited evidence, one repeated, the rest plain."""
    text = "".join(pieces)
    claims: list[Claim] = []
    position = 0
    for index, piece in enumerate(pieces):
        if index % 2 and piece:
            status = Status.DISPUTED if index % 4 == 1 else Status.UNVERIFIED
            claims.append(
                Claim(piece, position, position + len(piece), 0, len(text), ClaimKind.QUANTITY,
                      id=len(claims) + 1, document_id=1, status=status)
            )  # fmt: skip
        position += len(piece)
    evidence = Evidence(SourceKind.WIKIPEDIA, title, note, 0.9, url=url, id=7, claim_id=1)
    verdict = Verdict(1, 1, Status.DISPUTED, note, title, 7, "2026-11-28T01:45:14Z")
    entries = []
    for number, claim in enumerate(claims, start=1):
        if number == 1:
            entries.append(ClaimEntry(claim, number, (verdict,), (evidence,)))
        elif number == 2:
            entries.append(ClaimEntry(claim, number, occurrences=(claims[0],)))
        else:
            entries.append(ClaimEntry.plain(claim, number))
    document = Document(1, title, note, text, "0" * 64, "2026-11-28T01:45:14Z", url, note, title)
    counts = {status: sum(c.status is status for c in claims) for status in Status}
    doc = DocumentReport(document, tuple(entries), counts)
    return Report((doc,), "2026-11-28T01:45:14Z", totals=counts)


def assert_already_printable(rendered: list[str]) -> None:
    """What a format printed without the CLI's `printable` pass must already be: no
    piece that pass would change, nothing a terminal obeys, no carriage return."""
    assert rendered
    for piece in rendered:
        assert printable(piece) == piece
        assert UNSAFE_CHARACTERS.search(piece) is None
        assert "\r" not in piece


def export_hostile_document(store: Store, output_format: str, *, source: str = "a\x1b.txt") -> str:
    """`factcheck export --format output_format` of one stored document whose text,
    claim, title and source carry terminal controls: its stdout, checked to hold none."""
    text = "Intro \x1b]52;c;cGF5\x07 then \x1b[2Jclaim one\r\n\u202e here.\n\nMore \x9b text."
    phrase = "\x1b[2Jclaim one"
    start = text.index(phrase)
    claim = Claim(phrase, start, start + len(phrase), 0, len(text))
    store.add_document(text, title="T\x1b[31mitle\x07", source=source, claims=[claim])
    printed = CliRunner().invoke(
        cli, ["--db", str(store.path), "export", "--format", output_format]
    )
    assert printed.exit_code == 0, printed.output
    assert output_format in TERMINAL_SAFE_FORMATS
    assert UNSAFE_CHARACTERS.search(printed.stdout) is None
    assert "\r" not in printed.stdout
    return printed.stdout


@for_hostile_reports
@example(["plain ", "claim one", " and ", "claim two", "."], "a note", "Title", "https://a.b/")
def test_every_html_piece_is_already_printable(
    pieces: list[str], note: str, title: str, url: str
) -> None:
    report = _report(pieces, note, title, url)
    outline = [(1, title, url, report.documents[0].counts)]
    publisher = PublisherConfig(name=title, url=url)
    assert_already_printable(list(iter_html(report, lambda: outline, publisher=publisher)))


def test_html_printed_by_the_cli_shows_stored_control_characters_not_obeys_them(
    fresh_store: Store,
) -> None:
    """The CLI prints HTML without its `printable` pass: what a hostile article holds
    still reaches the terminal only as visible stand-ins."""
    printed = export_hostile_document(fresh_store, "html")
    assert "␛[2Jclaim one" in printed and "T␛[31mitle␇" in printed
