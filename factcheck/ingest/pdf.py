"""PDF files (press releases, reports): the text layer and the document info.

pypdf reads the text layer only. A scanned PDF has none, so it gets a clear error that
says to run OCR first rather than an empty article; an encrypted or broken file gets
a one-line error instead of pypdf's traceback.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from factcheck.errors import InputError
from factcheck.ingest.article import Article, default_title, shorten_title

_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def looks_like_pdf(data: bytes) -> bool:
    """True for bytes that start like a PDF file (files without a suffix, fetched URLs)."""
    return data[:1024].lstrip().startswith(b"%PDF-")


def article_from_pdf(data: bytes, *, source: str, name: str, title: str | None = None) -> Article:
    """Read the text of every page and the title, author and date from the document info."""
    with _quiet_pypdf():
        try:
            # An encrypted PDF with an empty user password (permissions only) opens as is.
            reader = PdfReader(io.BytesIO(data))
            pages = [page.extract_text() or "" for page in reader.pages]
            info = reader.metadata
        except FileNotDecryptedError:
            raise InputError(
                f"{name} is a password-protected PDF: save an unprotected copy and add that"
            ) from None
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
            # pypdf signals damage with its own errors and, for some files, plain ones.
            raise InputError(f"{name} is not a readable PDF ({_first_line(error)})") from None
    text = _tidy("\n\n".join(page.strip() for page in pages if page.strip()))
    if not text:
        raise InputError(
            f"{name} has no text layer (a scanned PDF?): run OCR on it first, then add that"
        )
    info_title = _info(info, "title")
    return Article(
        text=text,
        source=source,
        title=title or (shorten_title(info_title) if info_title else default_title(text)),
        author=_info(info, "author"),
        published_at=_creation_date(info),
    )


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs every repaired defect; a user gets our one-line error or nothing."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _tidy(text: str) -> str:
    return _BLANK_LINES.sub("\n\n", _TRAILING_SPACE.sub("\n", text)).strip()


def _info(info: object, attribute: str) -> str | None:
    try:
        value = getattr(info, attribute, None) if info is not None else None
    except (PyPdfError, ValueError, TypeError):
        return None
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _creation_date(info: object) -> str | None:
    """The document's creation date: the closest a PDF has to a publication date."""
    try:
        value = getattr(info, "creation_date", None) if info is not None else None
    except (PyPdfError, ValueError, TypeError):
        return None  # a malformed /CreationDate should not lose the article
    return value.date().isoformat() if isinstance(value, datetime) else None


def _first_line(error: Exception) -> str:
    message = str(error).strip().splitlines()
    return message[0] if message else type(error).__name__
