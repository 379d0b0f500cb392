"""Plain text (.txt, .md) and pasted text: bytes -> an `Article`.

It refuses what is not text (binary, empty) with a one-line `InputError`, and accepts
legacy encodings with a warning: newsroom files often come as cp1252.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import InputError
from factcheck.ingest.article import Article, default_title

_BINARY_SNIFF_BYTES = 8192


def read_file_bytes(path: str | Path) -> bytes:
    """A file's bytes, or a one-line `InputError` for a missing file, a folder or no access.

    Every command that reads a user's file (articles, references, fact-checks, reports)
    goes through here, so they all refuse bad paths in the same words.
    """
    file = Path(path)
    try:  # exists() itself raises in a folder we may not enter
        if not file.exists():
            raise InputError(f"no such file: {path}")
        if file.is_dir():
            raise InputError(f"{path} is a directory, not a file")
        return file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def read_text_file(path: str | Path) -> str:
    """A text file's contents, decoded as `decode_text` does (binary refused)."""
    text, _warnings = decode_text(read_file_bytes(path), str(path))
    return text


def article_from_text(data: bytes, *, source: str, name: str, title: str | None = None) -> Article:
    """Decode `data` as an article; `name` is how error messages call the input."""
    text, warnings = decode_text(data, name)
    if not text.strip():
        raise InputError(f"{name} is empty: nothing to check")
    return Article(text=text, source=source, title=title or default_title(text), warnings=warnings)


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
