"""Turn what a user hands us (a file path or stdin) into article text.

Called by the CLI's `add` and `split` and by `factcheck review FILE`. It refuses what
is not text (missing, a directory, binary, empty) with a one-line `InputError`, and
accepts legacy encodings with a warning: newsroom files often come as cp1252.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import InputError

_BINARY_SNIFF_BYTES = 8192
_TITLE_MAX_CHARS = 200


@dataclass(frozen=True)
class Article:
    """Text ready to split, with where it came from and a title."""

    text: str
    source: str
    title: str
    warnings: list[str] = field(default_factory=list)


def read_article(path: str, *, title: str | None = None, stdin: BinaryIO | None = None) -> Article:
    """Read `path` (or stdin when `path` is "-") as an article."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        name = "<stdin>"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"no such file: {path}")
        if file.is_dir():
            raise InputError(f"{path} is a directory, not a text file")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror}") from None
        name = path
    text, warnings = decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty: nothing to check")
    return Article(
        text=text,
        source="-" if path == "-" else path,
        title=title or default_title(text),
        warnings=warnings,
    )


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8, else cp1252, else latin-1 (with a warning); refuse binary."""
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


def default_title(text: str) -> str:
    """The first non-blank line, shortened: a headline in most articles."""
    for line in text.splitlines():
        if line.strip():
            line = " ".join(line.split())
            return line if len(line) <= _TITLE_MAX_CHARS else line[: _TITLE_MAX_CHARS - 1] + "…"
    return "untitled"
