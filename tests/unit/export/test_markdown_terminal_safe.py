"""The Markdown report needs no `printable` pass on its way to the terminal either:
every value from outside goes through `escape_markdown` (one printable line) or, for a
link, `printable` itself, and the report's own text is ASCII markup, `“”`, `·` and
newlines. `factcheck export --format markdown` relies on it (`TERMINAL_SAFE_FORMATS`):
what it prints is what it printed before, unscanned."""

from __future__ import annotations

from test_html_terminal_safe import (
    _report,
    assert_already_printable,
    export_hostile_document,
    for_hostile_reports,
)

from factcheck.export.markdown import claim_items, iter_markdown
from factcheck.models import Status
from factcheck.store import Store


@for_hostile_reports
def test_every_markdown_piece_is_already_printable(
    pieces: list[str], note: str, title: str, url: str
) -> None:
    report = _report(pieces, note, title, url)
    doc = report.documents[0]
    outline = [(doc.document.id, doc.document.title, doc.document.url, doc.counts)]
    items = list(claim_items(report.documents))

    def groups(status: Status) -> list[str]:
        return [item for group, item in items if group is status]

    assert_already_printable(list(iter_markdown(report, lambda: outline, groups)))


def test_markdown_printed_by_the_cli_shows_stored_control_characters(
    fresh_store: Store,
) -> None:
    printed = export_hostile_document(fresh_store, "markdown", source="a\x1b.txt\u2028")
    assert "\x1b" not in printed
    assert "claim one" in printed and "itle" in printed
