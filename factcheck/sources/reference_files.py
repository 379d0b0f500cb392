"""Reading reference files (.txt, .md, .html, .jsonl) into passages for the library.

Called by `factcheck refs add` before anything is written: a file is read and split
in full first, so an unreadable, binary or malformed file is refused with a one-line
error (a JSONL error names its line) and nothing of it reaches the database.
Wikipedia pages go through the same `split_passages`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from factcheck.errors import InputError
from factcheck.ingest import decode_text, read_file_bytes
from factcheck.local_files import DEFAULT_MAX_MEGABYTES
from factcheck.untrusted_json import NotJSON, load_json

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
PASSAGE_CHARS = 400
"""Passages are a few sentences at most: short enough to read at a glance and to
score sharply, long enough to keep a sentence with the one that explains it."""
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_SECTION_HEADING = re.compile(r"^\s*(={2,})\s*(.+?)\s*\1\s*$|^\s*#{1,6}\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class ReferenceImport:
    """A file read and split, ready for `Store.add_references(rows, origin=...)`."""

    origin: str
    sha256: str
    rows: list[dict[str, Any]]


def read_reference_file(
    path: str | Path, *, max_megabytes: float = DEFAULT_MAX_MEGABYTES
) -> ReferenceImport:
    """Read one reference file in full; raise `InputError` if any of it is unusable."""
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
    data = read_file_bytes(file, max_megabytes=max_megabytes)
    text, _warnings = decode_text(data, str(path))
    origin = str(file.resolve())
    digest = hashlib.sha256(data).hexdigest()
    if suffix == ".jsonl":
        rows = list(_jsonl_rows(text, str(path)))
    else:
        if suffix in (".html", ".htm"):
            title, text = html_to_text(text)
        else:
            title = None
        title = title or _first_line(text) or file.stem
        rows = [
            {"id": f"{file.stem}:{number}", "title": title, "text": passage}
            for number, passage in enumerate(split_passages(text), start=1)
        ]
    if not rows:
        raise InputError(f"{path} holds no text to index")
    return ReferenceImport(origin=origin, sha256=digest, rows=rows)


def _jsonl_rows(text: str, name: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = load_json(line, name=f"{name}:{number}")
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


def split_passages(text: str, *, max_chars: int = PASSAGE_CHARS) -> list[str]:
    """Paragraphs, cut at sentence ends into passages of at most ~`max_chars`.

    Section headings (`== History ==`, `# History`) are dropped: they are titles, not
    statements a claim could match.
    """
    passages: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*(?:={2,}|#{1,6}\s))", text):
        lines = [ln for ln in paragraph.splitlines() if not _SECTION_HEADING.match(ln)]
        paragraph = " ".join(" ".join(lines).split())
        if not paragraph:
            continue
        current = ""
        for sentence in _SENTENCE_END.split(paragraph):
            if current and len(current) + 1 + len(sentence) > max_chars:
                passages.append(current)
                current = sentence
            else:
                current = f"{current} {sentence}".strip()
        if current:
            passages.append(current)
    return passages


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:200]
    return None


class _TextExtractor(HTMLParser):
    _SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template", "svg", "head"}
    _BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "section",
        "article",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "header",
        "footer",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skipping += 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skipping:
            self._skipping -= 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str | None, str]:
    """(title, visible text with paragraph breaks) of an HTML document."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return (" ".join(extractor.title.split()) or None), "".join(extractor.parts)
