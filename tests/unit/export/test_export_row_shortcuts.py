"""The export's shortcuts for the bulk of a big desk (session 22): each writes the bytes
of the general path it skips, whatever the text holds.

- HTML: an article's cuts, and a document's claim texts, escaped in one call when the
  text is clean, else piece by piece (`_plain_pieces`, `_escaped_texts`).
- JSON: a document's fields from one f-string (`_document_fields_text`), else the dict
  through the indented dumper.
- Markdown: a claim never reviewed and not repeated written in one string
  (`claim_items`), else through `_claim_item`.
- `ClaimEntry.plain`, `Store.outline_size`.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from test_report_set_based import GENERATED_AT, desk

from factcheck.export import report
from factcheck.export.html import (
    _PARAGRAPH_BREAK,
    _clean,
    _document_section,
    _e,
    _escaped_texts,
    _paragraph_breaks,
    _plain,
    _plain_pieces,
    _rows_section,
)
from factcheck.export.json_report import _document_dict, _document_fields_text
from factcheck.export.json_text import dumps_indented
from factcheck.export.markdown import _claim_item, _document_head, claim_items
from factcheck.export.report import (
    ClaimEntry,
    DocumentReport,
    DocumentRows,
    build_report,
    stream_report,
)
from factcheck.models import SHOWN_STATUSES, Claim, Document, Status
from factcheck.store.claims import claim_from_row as _made

__all__ = ["desk"]  # the fixture, shared with the set-based report tests

_PIECES = st.sampled_from(
    ["a", "é", " ", "\n", "\n\n", " \n \n ", "\t", "\r\n", "\r", "\x00", "\x1b", "\x7f",
     "\x9b", "\u200e", "\u202e", "\u2028", "<", ">", "&", '"', "'", "“", "\ud800"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES | st.text(max_size=3), max_size=16).map("".join)


@given(_TEXTS, st.lists(st.integers(0, 60), max_size=8))
@example("a\n\nb", [1, 2])  # a paragraph break cut in two: never matched across the cut
@example("x <b> & 'y'\n \n z", [3, 9])
@example("line\r\nend", [4, 5])  # a CRLF cut in two: not clean, piece by piece
def test_article_cuts_escaped_at_once_match_each_cut_escaped(text: str, cuts: list[int]) -> None:
    bounds = sorted({min(cut, len(text)) for cut in cuts})
    pieces = [text[a:b] for a, b in zip([0, *bounds], [*bounds, len(text)], strict=True)]
    assert _plain_pieces(pieces, _clean(text)) == [_plain(piece) for piece in pieces]


_SPACING = st.lists(
    st.sampled_from(["a", "<", " ", "\t", "\n", "\n\n", "\n\n\n", " \n", "\n\t", "\x00"]),
    max_size=20,
).map("".join)


@given(_SPACING)
@example("one\n\ntwo\n\nthree")  # the common case: str.replace
@example("one\n\n\ntwo")  # three in a row: the expression
@example("one \n\ntwo")  # a space before: the expression takes it too
@example("one\n\n\ttwo")
def test_paragraph_breaks_are_what_the_expression_makes(text: str) -> None:
    assert _paragraph_breaks(text) == _PARAGRAPH_BREAK.sub('<span class="pb"></span>', text)


def test_clean_text_is_escaped_in_one_call_and_unclean_text_is_not() -> None:
    assert _clean("one line\nanother, with <b> & “quotes”\n\n")
    assert not _clean("bell \x07")
    assert not _clean("windows\r\nline")
    assert not _clean("nul \x00 inside")  # the joining character is never in clean text


@given(st.lists(_TEXTS, max_size=6))
@example([])
@example(["a\nb", "c"])  # a claim over a line break: clean, joined
@example(["ok", "\x00"])  # the joining character itself: piece by piece
def test_claim_texts_escaped_at_once_match_each_escaped(texts: list[str]) -> None:
    assert _escaped_texts(texts) == [_e(text) for text in texts]


def test_claim_texts_that_are_not_strings_are_escaped_one_by_one() -> None:
    assert _escaped_texts(["<a>", None, 7]) == ["&lt;a&gt;", "", "7"]  # type: ignore[list-item]


_OPTIONAL = st.none() | _TEXTS


@given(
    title=_TEXTS,
    source=st.sampled_from(["-", "notes.txt", "https://user:secret@example.org/a"]),
    url=st.none() | st.sampled_from(["", "https://example.org/x", "http://u:p@host/y"]),
    author=_OPTIONAL,
    publisher=_OPTIONAL,
    published_at=_OPTIONAL,
    text=_TEXTS,
    counts=st.lists(st.integers(0, 10**6), min_size=3, max_size=3),
)
def test_document_fields_template_writes_what_the_document_dict_dumps(
    title, source, url, author, publisher, published_at, text, counts
) -> None:
    document = Document(
        id=12, title=title, source=source, text=text, sha256="ab" * 32,
        added_at="2026-11-30T10:00:00Z", url=url, author=author, publisher=publisher,
        published_at=published_at,
    )  # fmt: skip
    per_status = dict(zip(SHOWN_STATUSES, counts, strict=True))
    doc = DocumentReport(document=document, entries=(), counts=per_status)
    expected = dumps_indented(_document_dict(doc, 2, claims=False), level=2)
    assert _document_fields_text(document, per_status) == expected


def test_a_document_with_a_value_of_another_type_takes_the_general_path() -> None:
    class Title(str):
        pass

    document = Document(
        id=1, title=Title("t"), source="-", text="x", sha256="0" * 64, added_at="2026-11-30"
    )
    assert _document_fields_text(document, {Status.SUPPORTED: 1}) is None
    counted_in_floats = {Status.SUPPORTED: 1.0}
    plain = Document(id=1, title="t", source="-", text="x", sha256="0" * 64, added_at="now")
    assert _document_fields_text(plain, counted_in_floats) is None  # type: ignore[arg-type]


def test_a_plain_entry_equals_the_one_the_dataclass_makes() -> None:
    claim = Claim("Seoul grew.", 0, 11, 0, 11, id=5, document_id=1)
    plain, made = ClaimEntry.plain(claim, 3), ClaimEntry(claim, 3)
    assert plain == made and hash(plain) == hash(made) and repr(plain) == repr(made)
    assert (plain.history, plain.evidence, plain.occurrences, plain.verdict) == ((), (), (), None)


def test_outline_size_counts_the_rows_of_the_outline(desk) -> None:
    store, ids = desk
    for document_id in (None, ids["document"], ids["hostile_document"], 10**6):
        for status in (None, *SHOWN_STATUSES):
            rows = list(store.document_outline(document_id=document_id, status=status))
            single = rows[0][1] if len(rows) == 1 else None
            assert store.outline_size(document_id=document_id, status=status) == (
                len(rows),
                single,
            ), (document_id, status)


@given(_TEXTS, _TEXTS, st.integers(1, 10**6), st.sampled_from([None, 3]))
@example("Seoul *grew* [3%](x) http://a.b", "T <i>", 5, 3)
def test_a_plain_markdown_item_is_what_the_general_lines_make(
    text: str, title: str, claim_id: int, number: int | None
) -> None:
    """The one-string item of a claim never reviewed (an id or a number that is not an
    int, such as no number, takes the general path) equals `_claim_item`'s lines."""
    claim = Claim(text, 0, len(text), 0, len(text), id=claim_id, document_id=1)
    document = Document(1, title, "-", text, "0" * 64, "2026-11-30T00:00:00Z")
    entry = ClaimEntry.plain(claim, number)
    report = DocumentReport(document, (entry,), {Status.UNVERIFIED: 1})
    ((status, item),) = claim_items([report])
    general = "\n".join(_claim_item(_document_head(document), entry)) + "\n"
    assert (status, item) == (claim.status, general)


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.booleans()), max_size=8)


@given(_TEXTS, _SPANS, st.lists(st.sampled_from(list(SHOWN_STATUSES)), min_size=8, max_size=8))
@example("Seoul grew.\n\nBusan <too>.", [(0, 11, True), (13, 26, True)], [Status.SUPPORTED] * 8)
@example("a\n\nb c", [(0, 4, True), (2, 6, True), (1, 3, False)], [Status.DISPUTED] * 8)
@example("x\x1by <b>", [(0, 3, True), (9, 12, True)], [Status.UNVERIFIED] * 8)
def test_a_document_written_from_rows_is_the_one_written_from_entries(
    text: str, spans: list[tuple[int, int, bool]], statuses: list[Status]
) -> None:
    """Claims over paragraph breaks, overlapping, out of range, or whose text is not
    their span's (the article's marked piece is then not reused as the quote)."""
    claims = [
        Claim(text[start:end] if same else f"<{start}>", start, end, 0, len(text), id=n + 1,
              document_id=1, status=statuses[n])
        for n, (start, end, same) in enumerate(spans)
    ]  # fmt: skip
    document = Document(id=1, title="t", source="-", text=text, sha256="0" * 64, added_at="now")
    entries = tuple(ClaimEntry.plain(claim, n + 1) for n, claim in enumerate(claims))
    counts = {s: sum(c.status is s for c in claims) for s in SHOWN_STATUSES}
    doc = DocumentReport(document=document, entries=entries, counts=counts)
    rows = DocumentRows.of(doc)
    assert rows.report is None and rows.entries == [None] * len(claims)
    assert _rows_section(rows) == _document_section(doc)


@pytest.mark.parametrize("status", [None, *SHOWN_STATUSES])
def test_streamed_rows_are_the_whole_reports_entries_as_rows(desk, status) -> None:
    """`stream_report(rows=True)` builds a `ClaimEntry` only where the entry has a
    verdict, evidence or repeats, and gives each document what `DocumentRows.of` of the
    whole report's gives (a document with repeats or dismissed claims as entries)."""
    store, _ids = desk
    whole = build_report(store, status=status, generated_at=GENERATED_AT)
    with store.snapshot():
        streamed = list(
            stream_report(store, status=status, generated_at=GENERATED_AT, rows=True).document_rows
        )
    expected = list(whole.document_rows)
    assert [d.document for d in streamed] == [d.document for d in expected]
    for got, want in zip(streamed, expected, strict=True):
        assert (got.rows, list(got.numbers), got.entries, got.counts) == (
            want.rows,
            list(want.numbers),
            want.entries,
            want.counts,
        )
        assert got.report == want.report
        assert _rows_section(got) == _document_section(
            next(d for d in whole.documents if d.document == got.document)
        )


def test_a_rows_stream_builds_no_claim_for_a_claim_never_reviewed(fresh_store, monkeypatch) -> None:
    text = "Seoul grew 4%. Busan is a port. Exports rose."
    spans = [(0, 14), (15, 31), (32, 45)]
    claims = [Claim(text[a:b], a, b, a, b) for a, b in spans]
    fresh_store.add_document(text, title="T", source="-", claims=claims)
    [reviewed, *_] = (c.id for c in fresh_store.list_claims())
    fresh_store.mark([reviewed], Status.DISPUTED, reviewer="ana")
    built: list[object] = []
    monkeypatch.setattr(report, "claim_from_row", lambda row: built.append(row) or _made(row))
    with fresh_store.snapshot():
        [doc] = stream_report(fresh_store, rows=True).document_rows
    assert [row[7] for row in built] == [reviewed]  # the one claim with a verdict
    assert [entry is None for entry in doc.entries] == [False, True, True]
