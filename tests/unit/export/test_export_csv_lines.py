"""The CSV export writes its lines without `csv.writer` (`csv_line`, and an f-string
for a claim without a verdict, its document's cells quoted once): the bytes must be
exactly `csv.writer`'s on any value a database can hold, awkward ones above all."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_report_set_based import GENERATED_AT, desk

from factcheck.export import render, stream_render
from factcheck.export.csv_report import (
    COLUMNS,
    _defused,
    csv_cell,
    csv_line,
    iter_csv_rows,
)
from factcheck.export.json_report import iter_json, render_json
from factcheck.export.markdown import claim_items, claim_row_items
from factcheck.export.report import ReportStream, build_report, stream_report
from factcheck.models import SHOWN_STATUSES, Claim, ClaimKind, Status
from factcheck.store import Store
from factcheck.untrusted.urls import without_credentials

__all__ = ["desk"]  # the fixture, shared with the set-based report tests

_PIECES = st.sampled_from(
    ['"', ",", "\r", "\n", "\r\n", "\t", " ", "=", "+", "-", "@", "é", "“", "\x00", "\x1b",
     "\u202e", "\u2028", "<b>", "&amp;", "'", "\\", "http://user:pw@host/x", ""]
)  # fmt: skip
_TEXTS = st.lists(_PIECES | st.text(max_size=4), max_size=10).map("".join)
_CELLS = st.none() | _TEXTS | st.integers() | st.floats(allow_nan=False) | st.booleans()


def _writer_line(cells: Iterable[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


@given(st.lists(_CELLS, min_size=1, max_size=6))
@example([None])
@example([""])
@example(['"', ",", "\r", "\n"])
@example([1.5, -0.0, 1e300, True])
def test_csv_line_is_csv_writer_s_line(cells: list[object]) -> None:
    assert csv_line(cells) == _writer_line(cells)
    for cell in cells:
        assert csv_cell(cell) + "," + csv_cell(cell) + "\r\n" == _writer_line([cell, cell])


def _reference(rows: list[tuple[Any, ...]]) -> str:
    """The CSV `iter_csv_rows` must write: each row's cells defused as `iter_csv`
    defuses them, then through a plain `csv.writer`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for (
        claim_id, number, document_id, title, source, url, text, kind, status,
        verdict_id, note, reviewer, created_at, events,
        evidence_source, evidence_title, evidence_url, revision_id, start, end,
    ) in rows:  # fmt: skip
        document = (
            document_id,
            _defused(title),
            _defused(without_credentials(source)),
            _defused(without_credentials(url or "")),
        )
        if verdict_id is None:
            verdict: tuple[object, ...] = ("", "", "", events, "", "", "", "")
        else:
            cited = evidence_source is not None
            verdict = (
                _defused(note or ""),
                _defused(reviewer),
                _defused(created_at),
                events,
                _defused(evidence_source) if cited else "",
                _defused(evidence_title) if cited else "",
                _defused(without_credentials(evidence_url or "")) if cited else "",
                "" if not cited or revision_id is None else revision_id,
            )
        writer.writerow(
            (claim_id, number, *document, _defused(text), kind, status, *verdict, start, end)
        )
    return buffer.getvalue()


_ROW = st.tuples(
    st.integers(1, 3),  # document id: rows of a document come together (sorted below)
    _TEXTS,  # title
    _TEXTS,  # source
    st.none() | _TEXTS,  # url
    _TEXTS,  # claim text
    st.sampled_from(["other", "ranking", "a,b", 'q"t']),  # kind, as stored
    st.sampled_from([str(s) for s in Status]),
    st.none() | st.integers(1, 9),  # verdict id
    st.none() | _TEXTS,  # note
    st.none() | st.integers(1, 9) | _TEXTS,  # evidence: revision id, or a source
    st.integers(0, 10**6) | st.sampled_from([1.5, "7,8", None]),  # start, rarely odd
)


def _report_rows(drawn: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """`Store.report_rows` tuples from drawn values (a document's cells the same on
    all its rows, as the query gives them)."""
    rows = []
    documents: dict[int, tuple[str, str, str | None]] = {}
    for number, (
        document_id, title, source, url, text, kind, status, verdict_id, note, evidence, start,
    ) in enumerate(sorted(drawn, key=lambda row: row[0]), start=1):  # fmt: skip
        title, source, url = documents.setdefault(document_id, (title, source, url))
        cited = verdict_id is not None and evidence is not None
        revision = evidence if isinstance(evidence, int) else None
        rows.append(
            (number * 10, number, document_id, title, source, url, text, kind, status,
             verdict_id, note if verdict_id else None, "ann" if verdict_id else None,
             "2026-11-30T12:00:00Z" if verdict_id else None, number % 3,
             "wikipedia" if cited else None, (note or "title") if cited else None,
             "https://u:p@example.org/a,b" if cited else None,
             revision if cited else None, start, 99)
        )  # fmt: skip
    return rows


@settings(max_examples=200)
@given(st.lists(_ROW, max_size=12))
def test_iter_csv_rows_writes_what_csv_writer_writes(drawn: list[tuple[Any, ...]]) -> None:
    rows = _report_rows(drawn)
    stream = ReportStream([], generated_at="", status_filter=None, document_filter=None, totals={})
    assert "".join(iter_csv_rows(stream, rows)) == _reference(rows)
    assert stream.listed == len(rows)


def test_report_rows_take_each_document_s_cells_from_the_document(fresh_store: Store) -> None:
    """The documents' title, source and url come from their own cursor, merged by id:
    each row carries its own document's, and the numbers restart per document."""
    texts = ['First, "quoted" claim.\nSecond one here.', "Only claim, of the second."]
    ids = []
    for index, text in enumerate(texts):
        ends = [text.index(".") + 1, len(text)] if index == 0 else [len(text)]
        starts = [0, *ends[:-1]]
        claims = [
            Claim(text[start:end], start, end, start, end, ClaimKind.OTHER, 0.5)
            for start, end in zip(starts, ends, strict=True)
        ]
        added = fresh_store.add_document(
            text, title=f'Doc {index}, "{index}"', source=f"=src{index}", claims=claims
        )
        ids.append(added.document.id)
    rows = list(fresh_store.report_rows())
    assert [(row[1], row[2], row[3], row[4]) for row in rows] == [
        (1, ids[0], 'Doc 0, "0"', "=src0"),
        (2, ids[0], 'Doc 0, "0"', "=src0"),
        (1, ids[1], 'Doc 1, "1"', "=src1"),
    ]
    only = list(fresh_store.report_rows(document_id=ids[1]))
    assert only == [rows[2]]


@pytest.mark.parametrize("status", [None, *SHOWN_STATUSES])
def test_json_from_rows_is_the_json_of_entries(desk, status) -> None:
    """`iter_json(rows=True)` writes a plain claim from its row, the rest from entries:
    the same bytes as the whole report's `render_json`, on the reviewed desk (verdicts,
    evidence, a hostile document) and on one with a dismissed claim and a repeat."""
    store, _ids = desk
    whole = build_report(store, status=status, generated_at=GENERATED_AT)
    assert "".join(iter_json(whole, rows=True)) == render_json(whole)
    stream = stream_report(store, status=status, generated_at=GENERATED_AT, rows=True)
    assert "".join(iter_json(stream, rows=True)) == render_json(whole)
    assert stream.listed == len(whole.entries)


def test_json_from_rows_keeps_dismissed_claims_and_repeats(fresh_store: Store) -> None:
    text = "Rents fell in May. Prices rose. Rents fell in May."
    spans = [(0, 18), (19, 31), (32, 50)]
    claims = [Claim(text[a:b], a, b, a, b, ClaimKind.OTHER, 0.5) for a, b in spans]
    fresh_store.add_document(
        text, title="T", source="s", claims=claims, duplicate_of=[None, None, 0]
    )
    plain_text = "Only plain claims here."
    fresh_store.add_document(
        plain_text,
        title="P",
        source="s",
        claims=[Claim(plain_text, 0, len(plain_text), 0, len(plain_text), ClaimKind.OTHER, 0.5)],
    )
    middle = fresh_store.list_claims(include_hidden=True)[1]
    fresh_store.mark([middle.id], Status.DISMISSED, reviewer="ana")
    whole = build_report(fresh_store, generated_at=GENERATED_AT)
    assert whole.json_version == 2
    stream = stream_report(fresh_store, generated_at=GENERATED_AT, rows=True)
    written = "".join(iter_json(stream, rows=True))
    assert written == render_json(whole)
    first = whole.documents[0].entries[0].claim.id
    assert '"status": "dismissed"' in written
    assert f'"duplicate_of": {first}' in written  # the repeat, written from its entry
    # Markdown reads the same rows (`claim_row_items`): the same bytes as from entries
    with fresh_store.snapshot():
        _stream, pieces = stream_render(fresh_store, "markdown", generated_at=GENERATED_AT)
        assert "".join(pieces) == render(whole, "markdown")


@pytest.mark.parametrize("status", [None, *SHOWN_STATUSES])
def test_markdown_items_from_rows_are_the_items_of_entries(desk, status) -> None:
    store, _ids = desk
    whole = build_report(store, status=status, generated_at=GENERATED_AT)
    stream = stream_report(store, status=status, generated_at=GENERATED_AT, rows=True)
    assert list(claim_row_items(stream.document_rows)) == list(claim_items(whole.documents))
