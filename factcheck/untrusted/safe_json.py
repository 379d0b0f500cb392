"""JSON that can be pasted into HTML and printed on a terminal, and still parses the same.

A ClaimReview export is meant for `<script type="application/ld+json">`, where a
`</script>` or `<!--` inside a string would end the block and let a page's author
(the article text, a note, an imported fact-check) run script on the publisher's
site. So `<`, `>` and `&` are written as `\\u003c`, `\\u003e`, `\\u0026`, as are the
characters a terminal would obey (DEL, C1 controls, bidi overrides), the JavaScript
line terminators U+2028/U+2029, and lone surrogates (unencodable as UTF-8). JSON
already escapes C0 controls. Parsing gives back exactly the same data.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["dumps", "escape", "nothing_to_escape"]

_ESCAPED = re.compile(
    "[<>&\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """`json.dumps` (readable UTF-8, not ASCII-only) with the unsafe characters escaped.

    Safe because those characters can only occur inside JSON strings (every structural
    character is plain ASCII), where a `\\uXXXX` escape means the same character.
    """
    return escape(json.dumps(data, indent=indent, ensure_ascii=False))


def escape(text: str) -> str:
    """JSON text (or a piece of it, cut between values) with the unsafe characters
    escaped: how `factcheck list --format json` escapes the array it streams. Most
    text holds none, and `nothing_to_escape` says so faster than the expression."""
    if nothing_to_escape(text):
        return text
    return _ESCAPED.sub(_unicode_escape, text)


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def nothing_to_escape(text: str) -> bool:
    """Whether `escape` leaves `text` as it is, found without the expression: besides
    `<`, `>` and `&`, every character it escapes fails `str.isprintable`, and is
    beyond ASCII but for DEL (a newline fails `isprintable` too, but is not escaped:
    lines are looked at one by one)."""
    if "<" in text or ">" in text or "&" in text:
        return False
    return (text.isascii() and "\x7f" not in text) or all(map(str.isprintable, text.split("\n")))
