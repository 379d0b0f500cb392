"""Text on its way into claims.db: made encodable, with offsets unchanged.

A Python string can hold lone surrogates (U+D800-U+DFFF): a file name or argument
that was not UTF-8 (`--note $'\\xff'`), or `\\ud800` in JSON, JSON-LD or a PDF's text
layer. SQLite stores UTF-8, so such a string cannot be written. Each surrogate becomes
U+FFFD, one code point for one, so claim offsets into a text stay right.
"""

from __future__ import annotations

import re
from typing import overload

_SURROGATE = re.compile("[\ud800-\udfff]")


@overload
def clean_text(value: str) -> str: ...
@overload
def clean_text(value: None) -> None: ...
def clean_text(value: str | None) -> str | None:
    """`value` with every lone surrogate replaced by U+FFFD (same length)."""
    if value is None or not _SURROGATE.search(value):
        return value
    return _SURROGATE.sub("\ufffd", value)


def has_surrogates(value: str) -> bool:
    """Whether `value` holds a code point UTF-8 cannot encode."""
    return _SURROGATE.search(value) is not None
