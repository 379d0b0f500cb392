"""Plain text (.txt, .md) and pasted text: bytes -> an `Article`.

It refuses what is not text (binary, empty) with a one-line `InputError`, and accepts
legacy encodings with a warning: newsroom files often come as cp1252.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from factcheck.errors import InputError
from factcheck.ingest.article import Article, default_title
from factcheck.untrusted.local_files import DEFAULT_MAX_MEGABYTES, read_capped

_BINARY_SNIFF_BYTES = 8192
_BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's (UTF-8: utf-8-sig)
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TITLE_MARKUP = re.compile(
    r"^(?:#{1,6}\s+|[-*+>]\s+)+"  # a heading's "# ", a list marker, a quote's "> "
    r"|\s+#+\s*$"  # a heading's closing "##"
)
_WRAPPING_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$")


def markdown_title(line: str) -> str:
    """A title line without its Markdown: `# Reporter notes ##`, `**Reporter notes**`
    and `- *Reporter notes*` are all titled "Reporter notes"."""
    line = _TITLE_MARKUP.sub("", line).strip()
    while (wrapped := _WRAPPING_EMPHASIS.match(line)) is not None:
        line = wrapped.group(2).strip()
    return line


def read_file_bytes(path: str | Path, *, max_megabytes: float = DEFAULT_MAX_MEGABYTES) -> bytes:
    """A file's bytes, or a one-line `InputError` for a missing file, a folder, a device
    or FIFO, no access, or more than `max_megabytes` (`[ingest] max_megabytes`).

    Every command that reads a user's file (articles, references, fact-checks, reports)
    goes through here, so they all refuse bad paths in the same words.
    """
    return read_capped(path, max_megabytes=max_megabytes)


def read_text_file(path: str | Path, *, max_megabytes: float = DEFAULT_MAX_MEGABYTES) -> str:
    """A text file's contents, decoded as `decode_text` does (binary refused)."""
    text, _warnings = decode_text(read_file_bytes(path, max_megabytes=max_megabytes), str(path))
    return text


def article_from_text(data: bytes, *, source: str, name: str, title: str | None = None) -> Article:
    """Decode `data` as an article; `name` is how error messages call the input."""
    text, warnings = decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty: nothing to check")
    title = title or markdown_title(default_title(text)) or "untitled"
    return Article(text=text, source=source, title=title, warnings=warnings)


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8, else cp1252, else latin-1 (with a warning); refuse binary.

    A byte order mark decides first: UTF-8, UTF-16 and UTF-32 files saved by Windows
    editors carry one (UTF-16 is full of NUL bytes, yet text).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), []
            except UnicodeDecodeError:
                raise InputError(
                    f"{name} starts as {encoding} text but is not valid {encoding}"
                ) from None
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError(f"{name} looks binary, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [f"{name} is not valid UTF-8; read it as {encoding}"]
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover
