"""The CSV report: one row per claim, for spreadsheets and newsroom trackers.

Columns are what a spreadsheet user filters and sorts on: ids, document, claim,
status, the latest note, reviewer and dates, and the evidence the verdict cites.
Cells that a spreadsheet would run as a formula get a leading apostrophe, as
`defuse_formula` decides: article text is untrusted. `factcheck list --format csv`
uses the same function.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from typing import Any

from factcheck.export.report import Report, ReportStream
from factcheck.untrusted.terminal_text import printable
from factcheck.untrusted.urls import without_credentials

COLUMNS = (
    "claim_id",
    "claim_number",
    "document_id",
    "document_title",
    "document_source",
    "document_url",
    "claim",
    "kind",
    "status",
    "note",
    "reviewer",
    "verdict_date",
    "verdicts",
    "evidence_source",
    "evidence_title",
    "evidence_url",
    "evidence_revision_id",
    "claim_start",
    "claim_end",
)
"""The header row, in order."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def render_csv(report: Report | ReportStream) -> str:
    """RFC 4180 CSV (CRLF line ends, quoted when needed), header first."""
    return "".join(iter_csv(report))


def iter_csv(report: Report | ReportStream) -> Iterator[str]:
    """`render_csv` a piece at a time: the header, then each document's rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield buffer.getvalue()
    # Every text cell from outside goes through `defuse_formula`; numbers and our own
    # enum values pass it unchanged, so they skip it, and a document's cells are
    # defused once for all its rows.
    defuse = _defused
    for doc in report.documents:
        buffer.seek(0)
        buffer.truncate()
        document = doc.document
        document_cells = [
            document.id,
            defuse(document.title),
            defuse(without_credentials(document.source)),
            defuse(without_credentials(document.url or "")),
        ]
        rows: list[list[object]] = []
        for entry in doc.entries:
            claim = entry.claim
            verdict = entry.verdict
            # kind and status are our own enum values: nothing to defuse
            head = [claim.id, entry.number, *document_cells, defuse(claim.text)]
            head += [str(claim.kind), str(entry.status)]
            if verdict is None:  # most claims of a big desk: no verdict, no evidence cited
                blank = ("", "", "", len(entry.history), "", "", "", "")
                rows.append([*head, *blank, claim.start, claim.end])
                continue
            evidence = entry.cited_evidence
            row = [
                *head,
                defuse(verdict.note or ""),
                defuse(verdict.reviewer),
                defuse(verdict.created_at),
                len(entry.history),
                defuse(str(evidence.source)) if evidence else "",
                defuse(evidence.title) if evidence else "",
                defuse(without_credentials(evidence.url or "")) if evidence else "",
                evidence.revision_id if evidence and evidence.revision_id is not None else "",
                claim.start,
                claim.end,
            ]
            rows.append(row)
        writer.writerows(rows)
        if doc.entries:
            yield buffer.getvalue()


def iter_csv_rows(stream: ReportStream, rows: Iterable[tuple[Any, ...]]) -> Iterator[str]:
    """`iter_csv`'s bytes from `Store.report_rows` tuples (the header, then about
    `_ROWS_A_PIECE` rows a piece), counting them in `stream.listed`.

    The export's path: one query, without the entries `iter_csv` reads (which
    `render_csv` still renders, as the reference). Cells are defused exactly as
    `iter_csv` defuses them, and written as `csv.writer` writes them (`csv_line`):
    `csv.writer` walks a cell a character at a time, and spent over a third of the
    export on it; `str` methods find the characters that need quotes in a fraction
    of that. Most rows are a claim without a verdict: its line is one f-string of
    the row's numbers, its quoted text and its document's cells, quoted once for all
    the document's rows.
    """
    yield csv_line(COLUMNS)
    defuse, starts, line = _defused, _FORMULA_STARTS, csv_line
    document_cells: tuple[object, ...] = ()
    document_line = ""  # the document's cells as CSV, between the row's commas
    kinds_statuses: dict[tuple[object, object], str] = {}  # (kind, status) as CSV
    lines: list[str] = []
    append = lines.append
    current = None
    for (
        claim_id, number, document_id, title, source, url, text, kind, status,
        verdict_id, note, reviewer, created_at, events,
        evidence_source, evidence_title, evidence_url, revision_id, start, end,
    ) in rows:  # fmt: skip
        if document_id != current:
            current = document_id
            document_cells = (
                document_id,
                defuse(title),
                defuse(without_credentials(source)),
                defuse(without_credentials(url or "")),
            )
            document_line = line(document_cells)[:-2]
        if verdict_id is None and type(start) is int and type(end) is int:
            # most claims of a big desk: no verdict, no evidence cited.
            # `_defused(text)` and `csv_cell(text)` inlined: calls a claim cost a
            # tenth of the CSV's time
            if not (text.isascii() and text.isprintable() and not text.startswith(starts)):
                text = defuse_formula(text)
            if '"' in text:
                text = '"' + text.replace('"', '""') + '"'
            elif "," in text or "\n" in text or "\r" in text:
                text = '"' + text + '"'
            kind_status = kinds_statuses.get((kind, status))
            if kind_status is None:
                kind_status = kinds_statuses[kind, status] = line((kind, status))[:-2]
            append(
                f"{claim_id},{number},{document_line},{text},{kind_status}"
                f",,,,{events},,,,,{start},{end}\r\n"
            )
        elif verdict_id is None:  # a start or end that is not an integer: as stored
            append(
                line((claim_id, number, *document_cells, defuse(text), kind, status,
                      "", "", "", events, "", "", "", "", start, end))
            )  # fmt: skip
        elif evidence_source is None:
            append(
                line((claim_id, number, *document_cells, defuse(text), kind, status,
                      defuse(note or ""), defuse(reviewer), defuse(created_at), events,
                      "", "", "", "", start, end))
            )  # fmt: skip
        else:
            append(
                line((claim_id, number, *document_cells, defuse(text), kind, status,
                      defuse(note or ""), defuse(reviewer), defuse(created_at), events,
                      defuse(evidence_source), defuse(evidence_title),
                      defuse(without_credentials(evidence_url or "")),
                      "" if revision_id is None else revision_id, start, end))
            )  # fmt: skip
        if len(lines) >= _ROWS_A_PIECE:
            stream.listed += len(lines)
            yield "".join(lines)
            lines.clear()
    stream.listed += len(lines)
    yield "".join(lines)


def csv_cell(cell: object) -> str:
    """A cell as `csv.writer` (minimal quoting) writes it: None as nothing, a float
    by `repr`, anything else by `str`; in double quotes, inner ones doubled, when it
    holds a quote, comma, CR or LF (the dialect's delimiter, quote and line end).
    Tests hold it to `csv.writer` on awkward values."""
    if cell is None:
        return ""
    text = repr(cell) if isinstance(cell, float) else cell if isinstance(cell, str) else str(cell)
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def csv_line(cells: Iterable[object]) -> str:
    """A row as `csv.writer(..., lineterminator="\\r\\n").writerow` writes it (a
    row of one empty cell is `""`, as there)."""
    return (",".join(map(csv_cell, cells)) or '""') + "\r\n"


_ROWS_A_PIECE = 200
"""Rows written a piece: a few tens of KB, so memory stays small whatever the desk."""


def _defused(cell: str) -> str:
    """`defuse_formula(cell)` for a text cell, with a shortcut for the common cell that
    it would return unchanged: plain printable ASCII (nothing `printable` replaces)
    that does not start like a formula. Saves most of an export's escaping time."""
    if cell.isascii() and cell.isprintable() and not cell.startswith(_FORMULA_STARTS):
        return cell
    return defuse_formula(cell)  # type: ignore[return-value]


def defuse_formula(cell: object) -> object:
    """Keep a spreadsheet from evaluating untrusted text as a formula.

    A text cell that starts with `=`, `+`, `-`, `@`, tab or carriage return followed
    by anything that could make a formula gets a leading apostrophe. Left alone: a
    lone `-` (the source of pasted text) and plain signed numbers (`-4`, `+2.5%`),
    which a spreadsheet reads as values, not formulas. Control characters are shown,
    not kept (`printable`), like everywhere else a report goes.
    """
    if not isinstance(cell, str):
        return cell
    cell = printable(cell)
    if len(cell) > 1 and cell.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
