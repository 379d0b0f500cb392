"""`factcheck list` output (table, JSON, CSV), written as the rows come from the store.

A desk's year of work is a million claims; building them all before printing took
gigabytes. These writers take `Store.claim_rows` tuples (fields in `CLAIM_FIELDS`
order, of which the `LISTED_CLAIM_FIELDS` are written) and hand the text to `write` in
chunks of a few thousand rows, so memory stays flat and the first lines appear at once.
The bytes are exactly those of `json.dumps(list, indent=2, ensure_ascii=False)`,
`csv.DictWriter` (cells through `defuse_formula`) and the table of earlier versions;
the CLI then escapes them as it escapes all output (`echo`, `echo_json_text`).
tests/unit/test_list_streaming.py
compares the CLI's output with files the non-streaming renderers wrote.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from factcheck.records import CLAIM_FIELDS, LISTED_CLAIM_FIELDS

CHUNK_ROWS = 2000
"""Rows rendered per `write` call: few enough calls to cost nothing, small enough a
chunk to keep memory flat."""

TABLE_WIDTH = 100
TABLE_HEADER = f"{'id':>5}  {'doc':>4}  {'status':<10}  {'kind':<11}  {'score':>5}  claim"

_encode_string = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses
_TEXT = CLAIM_FIELDS.index("text")
_ID = CLAIM_FIELDS.index("id")
_DOCUMENT = CLAIM_FIELDS.index("document_id")
_STATUS = CLAIM_FIELDS.index("status")
_KIND = CLAIM_FIELDS.index("kind")
_SCORE = CLAIM_FIELDS.index("score")
_LISTED = len(LISTED_CLAIM_FIELDS)
"""A row's first fields are the listed ones (`LISTED_CLAIM_FIELDS`)."""
_OCCURRENCES = len(CLAIM_FIELDS)
"""Where `claim_rows(occurrences=True)` puts how often a claim occurs."""


def _chunks(rows: Iterable[tuple[Any, ...]]) -> Iterator[list[tuple[Any, ...]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK_ROWS)):
        yield chunk


def write_table(
    rows: Iterable[tuple[Any, ...]], write: Callable[[str], None], *, width: int = TABLE_WIDTH
) -> int:
    """The table (header, then one line a claim, text cut to fit); the row count.

    A claim that occurs several times in its document (rows from
    `claim_rows(occurrences=True)`) is shown once, its text led by `(×N)`. Nothing is
    written for no rows: the caller says "no claims match" instead.
    """
    room = max(20, width - len(TABLE_HEADER) + len("claim"))
    count = 0
    for chunk in _chunks(rows):
        lines = [TABLE_HEADER] if not count else []
        for row in chunk:
            text = " ".join(row[_TEXT].split())
            if len(row) > _OCCURRENCES and row[_OCCURRENCES] > 1:
                text = f"(×{row[_OCCURRENCES]}) {text}"
            if len(text) > room:
                text = text[: room - 1] + "…"
            lines.append(
                f"{row[_ID]:>5}  {row[_DOCUMENT]:>4}  {row[_STATUS]:<10}  {row[_KIND]:<11}"
                f"  {row[_SCORE]:>5.2f}  {text}"
            )
        count += len(chunk)
        write("\n".join(lines) + "\n")
    return count


def write_csv(rows: Iterable[tuple[Any, ...]], write: Callable[[str], None]) -> int:
    """A header line, then one CSV record a claim (as csv.DictWriter wrote them),
    each text cell defused as the CSV report does: a listing opens in spreadsheets too."""
    # Imported here: `factcheck.export` loads every report format, which `add` and the
    # table/JSON listings never use (each `add FILE` process would pay for it).
    from factcheck.export.csv_report import defuse_formula

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(LISTED_CLAIM_FIELDS)
    count = 0
    for chunk in _chunks(rows):
        writer.writerows([defuse_formula(cell) for cell in row[:_LISTED]] for row in chunk)
        count += len(chunk)
        write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
    if not count:
        write(buffer.getvalue())
    return count


def _json_value(value: Any) -> str:
    """One scalar as json.dumps writes it (str, int, float, None; anything else via it)."""
    if type(value) is str:
        return _encode_string(value)
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    if value is None:
        return "null"
    return json.dumps(value, ensure_ascii=False)


_JSON_KEYS = [
    ("  {\n    " if number == 0 else ",\n    ") + _encode_string(name) + ": "
    for number, name in enumerate(LISTED_CLAIM_FIELDS)
]


def write_json(rows: Iterable[tuple[Any, ...]], write: Callable[[str], None]) -> int:
    """A JSON array of claim objects, element by element, with a final newline."""
    count = 0
    keys = _JSON_KEYS
    for chunk in _chunks(rows):
        parts = ["[\n"] if not count else [",\n"]
        for number, row in enumerate(chunk):
            if number:
                parts.append(",\n")
            for key, value in zip(keys, row[:_LISTED], strict=True):
                parts.append(key)
                parts.append(_json_value(value))
            parts.append("\n  }")
        count += len(chunk)
        write("".join(parts))
    write("\n]\n" if count else "[]\n")
    return count
