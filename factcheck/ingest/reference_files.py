"""Reading reference files (.txt, .md, .html, .jsonl) into passages for the library.

Called by `factcheck refs add` before anything is written: a file is read and split
in full first, so an unreadable, binary or malformed file is refused with a one-line
error (a JSONL error names its line) and nothing of it reaches the database.
Passages are cut by `ingest.passages.split_passages`, as Wikipedia pages are.

A .jsonl corpus can hold a million passages (hundreds of MB): it is checked line by
line without keeping it (`JsonlPassages`), then streamed again into the store, so
memory stays flat whatever its size. It is still capped: a line at
`[ingest] max_megabytes`, the file at `[ingest] max_corpus_megabytes`
(`factcheck.untrusted.local_files.capped_lines`), and only a regular file is opened.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from factcheck.errors import InputError
from factcheck.ingest import decode_text, read_file_bytes
from factcheck.text.passages import split_passages
from factcheck.untrusted.json_input import NotJSON, load_json
from factcheck.untrusted.local_files import (
    DEFAULT_MAX_CORPUS_MEGABYTES,
    DEFAULT_MAX_MEGABYTES,
    capped_lines,
    open_regular_file,
)

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class ReferenceImport:
    """A file read and split, ready for `Store.add_references(rows, origin=...)`.

    `rows` is a list, or for .jsonl a `JsonlPassages` that re-reads the checked file
    (it has a length too, for progress bars)."""

    origin: str
    sha256: str
    rows: Sequence[dict[str, Any]] | JsonlPassages


def read_reference_file(
    path: str | Path,
    *,
    max_megabytes: float = DEFAULT_MAX_MEGABYTES,
    max_corpus_megabytes: float = DEFAULT_MAX_CORPUS_MEGABYTES,
) -> ReferenceImport:
    """Read one reference file in full; raise `InputError` if any of it is unusable.

    A .txt/.md/.html file is one document, read whole up to `max_megabytes`
    (`[ingest] max_megabytes`); of a web page only the body is kept, read by
    `ingest.html.read_page` as `factcheck add` reads it. A .jsonl corpus is streamed:
    each line (one passage) up to `max_megabytes`, the whole file up to
    `max_corpus_megabytes` (`[ingest] max_corpus_megabytes`)."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"no such file: {path}")
    if file.is_dir():
        raise InputError(f"{path} is a directory, not a reference file")
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}"
        )
    origin = str(file.resolve())
    if suffix == ".jsonl":
        passages = JsonlPassages.check(
            file,
            str(path),
            max_line_megabytes=max_megabytes,
            max_total_megabytes=max_corpus_megabytes,
        )
        if not len(passages):
            raise InputError(f"{path} holds no text to index")
        return ReferenceImport(origin=origin, sha256=passages.sha256, rows=passages)
    data = read_file_bytes(file, max_megabytes=max_megabytes)
    text, _warnings = decode_text(data, str(path))  # refuses a binary file, named
    digest = hashlib.sha256(data).hexdigest()
    title = None
    if suffix in (".html", ".htm"):
        # As `add` reads a page: the body, without its cookie banner, menus and comments.
        # Imported here: trafilatura and lxml cost a third of a second at startup.
        from factcheck.ingest.html import read_page

        page = read_page(data)
        title, text = page.title, page.text
    title = title or _first_line(text) or file.stem
    rows = [
        {"id": f"{file.stem}:{number}", "title": title, "text": passage}
        for number, passage in enumerate(split_passages(text), start=1)
    ]
    if not rows:
        raise InputError(f"{path} holds no text to index")
    return ReferenceImport(origin=origin, sha256=digest, rows=rows)


class JsonlPassages:
    """The passages of a checked .jsonl file, read again from disk each time they are
    iterated: one passage a line, {"id", "title", "text", optional "url"}.

    `check` reads the file once as `decode_text` would decode it in full (UTF-8, else
    cp1252, else latin-1; NUL bytes near the start refused as binary), validates every
    line and keeps only the line count and the file's sha256. Line numbers in errors
    are those of `str.splitlines()` over the whole text, as before streaming.
    """

    def __init__(
        self,
        file: Path,
        name: str,
        encoding: str,
        sha256: str,
        count: int,
        *,
        caps: tuple[float, float] = (DEFAULT_MAX_MEGABYTES, DEFAULT_MAX_CORPUS_MEGABYTES),
    ) -> None:
        self.file = file
        self.name = name
        self.encoding = encoding
        self.sha256 = sha256
        self._count = count
        self._caps = caps

    @classmethod
    def check(
        cls,
        file: Path,
        name: str,
        *,
        max_line_megabytes: float = DEFAULT_MAX_MEGABYTES,
        max_total_megabytes: float = DEFAULT_MAX_CORPUS_MEGABYTES,
    ) -> JsonlPassages:
        caps = (max_line_megabytes, max_total_megabytes)
        with _open_binary(file, name) as handle:
            head = handle.read(_BINARY_SNIFF_BYTES)
        if b"\x00" in head:
            decode_text(head, name)  # raises the usual "looks binary" error
        for encoding in ("utf-8-sig", "cp1252", "latin-1"):
            digest = hashlib.sha256()
            count = 0
            refusal: InputError | None = None
            try:
                with _open_binary(file, name) as handle:
                    lines = _decoded_lines(_raw_lines(handle, name, caps), encoding, digest)
                    try:
                        for _row in _jsonl_rows(lines, name, parse=_parse_strict):
                            count += 1
                    except InputError as error:
                        # the encoding is only known once the whole file decodes
                        refusal = error
                        for _line in lines:
                            pass
            except UnicodeDecodeError:
                continue
            if refusal is not None:
                raise refusal
            return cls(file, name, encoding, digest.hexdigest(), count, caps=caps)
        raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """The rows again, each line parsed once by the plain decoder: `check` already
        refused what `load_json` refuses in these very bytes, and their sha256 is checked
        as they are read. A file changed since its check raises `InputError` (at the
        latest after its last row, inside the import's transaction, which then keeps
        nothing of it)."""
        changed = InputError(f"{self.name} changed while it was being imported; add it again")
        digest = hashlib.sha256()
        with _open_binary(self.file, self.name) as handle:
            lines = _decoded_lines(_raw_lines(handle, self.name, self._caps), self.encoding, digest)
            try:
                yield from _jsonl_rows(lines, self.name, parse=_parse_checked)
            except (InputError, ValueError, RecursionError):
                raise changed from None
        if digest.hexdigest() != self.sha256:
            raise changed


_BINARY_SNIFF_BYTES = 8192


@contextlib.contextmanager
def _open_binary(file: Path, name: str) -> Iterator[BinaryIO]:
    with open_regular_file(file) as handle:
        yield handle


def _raw_lines(handle: BinaryIO, name: str, caps: tuple[float, float]) -> Iterator[bytes]:
    line_cap, total_cap = caps
    return capped_lines(
        handle, name=name, max_line_megabytes=line_cap, max_total_megabytes=total_cap
    )


def _decoded_lines(raw_lines: Iterable[bytes], encoding: str, digest: Any) -> Iterator[str]:
    """The text's lines as `text.splitlines()` splits the whole decoded text."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    pending = ""
    for raw in raw_lines:
        if digest is not None:
            digest.update(raw)
        chunk = pending + decoder.decode(raw)
        parts = chunk.splitlines(keepends=True)
        # the last part may continue in the next raw line (a "\r" before its "\n")
        pending = parts.pop() if parts and not parts[-1].endswith("\n") else ""
        for part in parts:
            yield part.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    pending += decoder.decode(b"", final=True)
    yield from pending.splitlines()


def _parse_checked(line: str, *, name: str) -> Any:
    """A line `load_json` accepted when the file was checked: the plain decoder gives
    the same value, without `load_json`'s per-call decoder and depth walk (a
    million-line corpus parses every line twice otherwise)."""
    return json.loads(line)


_PLAIN_VALUES = frozenset({str, type(None), bool})


def _parse_strict(line: str, *, name: str) -> Any:
    """`load_json(line)`, faster for the usual line: an object whose values are all
    strings (or null, true, false) holds no number, no nesting and no constant that
    `load_json` refuses or reads differently, so the plain decoder's value is its
    value. Anything else (or a line the plain decoder refuses) goes to `load_json`."""
    try:
        row = json.loads(line)
    except (ValueError, RecursionError):
        return load_json(line, name=name)
    if type(row) is dict and _PLAIN_VALUES.issuperset(map(type, row.values())):
        return row
    return load_json(line, name=name)


def _jsonl_rows(
    lines: Iterable[str], name: str, *, parse: Callable[..., Any] = load_json
) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = parse(line, name=f"{name}:{number}")
        except NotJSON as error:
            raise InputError(f"{name}:{number}: not valid JSON ({error.reason})") from None
        if not isinstance(row, dict):
            raise InputError(f"{name}:{number}: expected an object with id, title and text")
        missing = [key for key in ("id", "text") if row.get(key) in (None, "")]
        if missing:
            raise InputError(f"{name}:{number}: missing {' and '.join(missing)}")
        if not isinstance(row["text"], str):
            raise InputError(f"{name}:{number}: 'text' must be a string")
        yield {
            "id": str(row["id"]),
            "title": str(row.get("title") or ""),
            "text": row["text"],
            "url": row.get("url"),
        }


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return None
